#!/usr/bin/env python3
"""Two Fornye instances on one PostgreSQL behind haproxy: a bounded mixed workload (issue 18).

Started by run.sh, which prepares the database, the secret, the shared spool and haproxy's
configuration and passes them in the environment. This script starts and stops the instances
itself (it must SIGKILL one mid-import and restart both one by one) and talks to loopback only.
Every phase is bounded in requests and seconds. Prints one line per check and exits 1 if any
failed.

Phases:
  submit     questionnaire submissions through the load balancer (every one stored once)
  project    an edit on instance A (the edit form read as a browser sends it), then the next
             search on instance B must find the new word
  import     a 30,000-row import confirmed on A, A killed with SIGKILL while storing; the job
             finishes on B after the lease, the rows are stored exactly once
  rolling    GETs and submissions through the balancer while A and then B are restarted
             (SIGTERM, start, healthy): no request may fail
  logins     wrong passwords alternating A and B: the account lock and the address limit count
             across both
  throughput (with --throughput) wrk against one instance and against the balancer over two,
             interleaved in rounds on the same pages, with the load average beside each figure
"""
import csv
import html.parser
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

ENV = os.environ
FORNYE = ENV["FORNYE"]
LB = int(ENV.get("LB_PORT", "18080"))
PORTS = {"A": int(ENV.get("A_PORT", "18081")), "B": int(ENV.get("B_PORT", "18082"))}
WORK = ENV["WORK"]
ORIGIN = f"http://127.0.0.1:{LB}"
ADMIN = ("admin@cluster.example", ENV.get("ADMIN_PASSWORD", "klynge passord tre fire"))
VICTIM = ("analytiker@cluster.example", ENV.get("VICTIM_PASSWORD", "et annet langt passord"))
results = []
processes = {}


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'PASS' if ok else 'FAIL'}  {name}{'  — ' + detail if detail else ''}", flush=True)


# --- instances -------------------------------------------------------------------------------

def start(name, demo=False):
    log = open(f"{WORK}/{name}.log", "a")
    arguments = [FORNYE, "serve", "--hostname", "127.0.0.1", "--port", str(PORTS[name]), "--log-level", "notice"]
    if not demo:
        arguments.append("--no-demo")
    processes[name] = subprocess.Popen(arguments, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if healthy(PORTS[name]):
            return
        if processes[name].poll() is not None:
            raise SystemExit(f"instance {name} exited with {processes[name].returncode}; see {WORK}/{name}.log")
        time.sleep(0.2)
    raise SystemExit(f"instance {name} did not become healthy in 120 s")


def healthy(port):
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        connection.request("GET", "/health")
        return connection.getresponse().status == 200
    except OSError:
        return False


def stop(name, sig=signal.SIGTERM):
    process = processes.pop(name)
    process.send_signal(sig)
    process.wait(timeout=60)


def wait_balancer_sees(name, up, seconds=15):
    """haproxy's stats socket says whether it sends requests to the instance."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            out = subprocess.run(["socat", "-", f"UNIX-CONNECT:{WORK}/haproxy.sock"], input=b"show stat\n",
                                 capture_output=True, timeout=5).stdout.decode()
            for line in out.splitlines():
                fields = line.split(",")
                if len(fields) > 17 and fields[0] == "fornye" and fields[1] == name:
                    if (fields[17] == "UP") == up:
                        return True
        except (OSError, subprocess.SubprocessError):
            pass
        time.sleep(0.2)
    return False


# --- a browser ------------------------------------------------------------------------------

class Browser:
    """Cookies, the CSRF token of the last form seen, one keep-alive connection per port."""

    def __init__(self):
        self.cookies = {}
        self.token = None
        self.connections = {}

    def request(self, method, path, fields=None, port=LB, body=None, content_type=None, timeout=60):
        headers = {"Origin": ORIGIN}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if fields is not None:
            body = urllib.parse.urlencode([("_csrf", self.token or "")] + list(fields))
            content_type = "application/x-www-form-urlencoded"
        if content_type:
            headers["Content-Type"] = content_type
        for attempt in range(2):
            connection = self.connections.get(port)
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
                self.connections[port] = connection
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                text = response.read().decode("utf-8", "replace")
                break
            except (OSError, http.client.HTTPException):
                connection.close()
                self.connections.pop(port, None)
                if attempt == 1:
                    raise
        for value in response.msg.get_all("Set-Cookie") or []:
            pair = value.split(";", 1)[0]
            name, _, cookie = pair.partition("=")
            if "Max-Age=0" in value or cookie == "":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = cookie
        found = re.search(r'name="_csrf" value="([^"]+)"', text)
        if found:
            self.token = found.group(1)
        return response.status, response.msg, text

    def sign_in(self, email, password, port=LB):
        self.request("GET", "/logg-inn", port=port)
        status, headers, _ = self.request("POST", "/logg-inn", [("email", email), ("password", password)], port=port)
        if status == 303:
            self.request("GET", "/", port=port)
        return status


class FormReader(html.parser.HTMLParser):
    """The fields of the first form posting to `action`, as a browser would send them."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.fields = action, False, []
        self.select = None
        self.select_value = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        # A bare attribute (`value` as Fornye's views write an empty one) parses as None; a browser
        # reads it as the empty string, and so must this, or "None" is posted.
        a = {key: value if value is not None else "" for key, value in attrs}
        if tag == "form" and a.get("action") == self.action:
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields.append((a["name"], a.get("value", "on")))
            elif kind not in ("submit", "button", "file"):
                self.fields.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self.select, self.select_value = a.get("name"), None
        elif tag == "option" and self.select:
            if self.select_value is None or "selected" in a:
                self.select_value = a.get("value", "")
        elif tag == "textarea":
            self.textarea = [a.get("name"), ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "select" and self.select:
            self.fields.append((self.select, self.select_value or ""))
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "form":
            self.inside = False


# --- phases ---------------------------------------------------------------------------------

ANSWERS = [
    ("kommunenummer", "0301"), ("sector", "1"), ("unit_type", "1"), ("role", "1"),
    ("innovated_service", "2"), ("innovated_product", "2"), ("innovated_organisation", "2"),
    ("innovated_communication", "2"), ("development_underway", "1"),
]


def links():
    with open(f"{WORK}/links.csv", newline="") as handle:
        return [row["lenke"].rsplit("/", 1)[1] for row in csv.DictReader(handle)]


def submit(tokens, port=LB):
    """Submits one response per token; returns the statuses."""
    browser = Browser()
    browser.request("GET", "/logg-inn", port=port)
    statuses = []
    for token in tokens:
        status, _, _ = browser.request(
            "POST", f"/svar/{token}/send", [("submission_key", "k-" + token[:12])] + ANSWERS, port=port)
        statuses.append(status)
    return statuses


def psql(query):
    return subprocess.run(["psql", ENV["DATABASE_URL"], "-Atc", query], capture_output=True, text=True,
                          check=True).stdout.strip()


def phase_submit(tokens):
    statuses = submit(tokens)
    stored = int(psql("SELECT COUNT(*) FROM responses r JOIN waves w ON w.id = r.wave_id WHERE w.slug = 'klynge'"))
    check("submissions through the balancer", all(200 <= s < 300 for s in statuses) and stored == len(tokens),
          f"{len(tokens)} posted, statuses {sorted(set(statuses))}, {stored} stored")


def phase_project():
    editor = Browser()
    editor.sign_in(*ADMIN, port=PORTS["A"])
    # A published project's slug from the database (the list page also links /prosjekter/gjenbruk etc.).
    slug = psql("SELECT slug FROM projects WHERE status = 'published' ORDER BY slug LIMIT 1")
    _, _, form_page = editor.request("GET", f"/prosjekter/{slug}/rediger", port=PORTS["A"])
    reader = FormReader(f"/prosjekter/{slug}")
    reader.feed(form_page)
    word = "klyngeord" + str(int(time.time()) % 100000)
    reader_b = Browser()
    reader_b.request("GET", "/prosjekter?q=skole", port=PORTS["B"], timeout=300)  # B's first search, untimed
    fields = [(k, (v + " " + word) if k == "title" else v) for k, v in reader.fields if k != "_csrf"]
    status, _, body = editor.request("POST", f"/prosjekter/{slug}", fields, port=PORTS["A"])
    saved = time.monotonic()
    check("project edited on instance A", status == 303, f"{slug}: {status} {body[:200] if status != 303 else ''}")
    # Searches read the database, so the bound is the next request: the first search on B that
    # starts after A answered the edit must find the new word. Its time to answer is latency, not
    # staleness (a cold debug build on a loaded machine can take seconds), and is reported apart.
    started = time.monotonic()
    _, _, results_page = reader_b.request("GET", f"/prosjekter?q={word}", port=PORTS["B"], timeout=300)
    answered = time.monotonic()
    check("the edit is found by the next search on instance B", f"/prosjekter/{slug}\"" in results_page,
          f"search started {(started - saved) * 1000:.0f} ms after A answered the edit, "
          f"answered in {(answered - started) * 1000:.0f} ms")


def phase_import(rows):
    analyst = Browser()
    analyst.sign_in(*ADMIN, port=PORTS["A"])
    _, _, form = analyst.request("GET", "/analyse/innsamling/klynge-import/import", port=PORTS["A"])
    boundary = "----fornyeklynge"
    csv_text = open(f"{WORK}/import.csv", "rb").read()
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n{analyst.token}\r\n'.encode(),
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="klynge.csv"\r\n'
        f"Content-Type: text/csv\r\n\r\n".encode() + csv_text + b"\r\n",
        f"--{boundary}--\r\n".encode(),
    ]
    status, headers, _ = analyst.request("POST", "/analyse/innsamling/klynge-import/import", port=PORTS["A"],
                                         body=b"".join(parts), content_type=f"multipart/form-data; boundary={boundary}")
    preview = headers.get("Location", "")
    check("upload on A answered with the preview", status == 303 and "/import/" in preview, f"{status} {preview}")
    _, _, page = analyst.request("GET", preview, port=PORTS["A"])
    # A stores thousands of rows faster than anything outside can kill it, so the kill is made
    # certain: a session holds a SHARE lock on `responses` while the import is confirmed, A's
    # storing transaction waits for it with its rows half-written, and A is killed while it waits.
    # No fault hook in Fornye is needed; the lock is released once A is dead.
    holder = subprocess.Popen(["psql", ENV["DATABASE_URL"], "-qAt"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    holder.stdin.write("BEGIN;\nLOCK TABLE responses IN SHARE MODE;\n\\echo locked\n")
    holder.stdin.flush()
    holder.stdout.readline()
    try:
        status, headers, _ = analyst.request("POST", preview + "/bekreft", [], port=PORTS["A"])
        job = headers.get("Location", "")
        check("import confirmed on A (runs in the background)", status == 303 and "/jobb/" in job, f"{status} {job}")
        deadline = time.monotonic() + 60
        waiting = ""
        while time.monotonic() < deadline and not waiting.startswith("running|1"):
            waiting = psql("SELECT j.state || '|' || (SELECT COUNT(*) FROM pg_locks l WHERE NOT l.granted "
                           "AND l.relation = 'responses'::regclass) FROM import_jobs j")
            time.sleep(0.05)
        stop("A", signal.SIGKILL)
        killed = time.monotonic()
    finally:
        holder.stdin.write("COMMIT;\n")
        holder.stdin.close()
        holder.wait(timeout=30)
    stored_at_kill = int(psql("SELECT COUNT(*) FROM responses r JOIN waves w ON w.id = r.wave_id "
                              "WHERE w.slug = 'klynge-import'"))
    check("A killed with SIGKILL while storing; nothing of the job is visible",
          waiting.startswith("running|1") and stored_at_kill == 0,
          f"job state|storers waiting on the lock when killed: {waiting or 'no job'}; {stored_at_kill} rows visible")
    state = ""
    while time.monotonic() - killed < 300:
        _, _, progress = analyst.request("GET", job, port=PORTS["B"])
        if "Ferdig:" in progress or "feilet" in progress:
            state = progress
            break
        time.sleep(0.5)
    finished_after = time.monotonic() - killed
    stored = int(psql("SELECT COUNT(*) FROM responses r JOIN waves w ON w.id = r.wave_id WHERE w.slug = 'klynge-import'"))
    row = psql("SELECT state, attempts, stored FROM import_jobs")
    attempts = int(psql("SELECT attempts FROM import_jobs") or 0)
    check("the job finished on B, stored exactly once", "Ferdig:" in state and stored == rows and attempts == 2,
          f"{stored} of {rows} rows after {finished_after:.1f} s; job (state|attempts|stored) {row}")
    start("A")


class Background(threading.Thread):
    """GETs of public pages and submissions through the balancer until stopped; counts failures."""

    def __init__(self, tokens):
        super().__init__()
        self.tokens, self.stop, self.ok, self.failed, self.errors = tokens, False, 0, 0, []

    def run(self):
        browser = Browser()
        browser.request("GET", "/logg-inn")
        paths = ["/", "/barometer", "/prosjekter", "/prosjekter?q=skole", "/health"]
        index = 0
        while not self.stop:
            try:
                if index % 5 == 4 and self.tokens:
                    token = self.tokens.pop()
                    status, _, _ = browser.request(
                        "POST", f"/svar/{token}/send", [("submission_key", "r-" + token[:12])] + ANSWERS)
                else:
                    status, _, _ = browser.request("GET", paths[index % len(paths)])
                if status < 400:
                    self.ok += 1
                else:
                    self.failed += 1
                    self.errors.append(status)
            except (OSError, http.client.HTTPException) as error:
                self.failed += 1
                self.errors.append(repr(error))
            index += 1


def phase_rolling(tokens):
    load = Background(tokens)
    load.start()
    time.sleep(2)
    for name in ["A", "B"]:
        stop(name, signal.SIGTERM)
        time.sleep(1)
        start(name)
        wait_balancer_sees(name, up=True)
        time.sleep(1)
    time.sleep(2)
    load.stop = True
    load.join()
    check("rolling restart of A then B: no failed request", load.failed == 0 and load.ok >= 20,
          f"{load.ok} answered, {load.failed} failed {load.errors[:5]}")


def phase_logins():
    # The victim's account: wrong passwords alternate A and B; the account lock (5 failures) holds on both.
    browsers = {name: Browser() for name in PORTS}
    statuses = []
    for attempt in range(5):
        name = "A" if attempt % 2 == 0 else "B"
        statuses.append(browsers[name].sign_in(VICTIM[0], "feil passord", port=PORTS[name]))
    right = [Browser().sign_in(*VICTIM, port=PORTS[name]) for name in ["A", "B"]]
    check("5 wrong passwords alternating A/B lock the account on both", statuses == [401] * 5 and right == [401, 401],
          f"wrong: {statuses}, right password afterwards: {right}")
    # The address limit (10 attempts in 15 minutes; the 7 so far count): the rest alternate too.
    more = []
    for attempt in range(5):
        name = "A" if attempt % 2 == 0 else "B"
        more.append(Browser().sign_in("ingen@cluster.example", "feil", port=PORTS[name]))
    check("the address limit counts across A and B", more[:3] == [401] * 3 and more[3:] == [429, 429],
          f"attempts 8–12: {more}")


def wrk(port, path, seconds, connections, cookie=None):
    arguments = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency"]
    if cookie:
        arguments += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(arguments + [f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True).stdout
    total = re.search(r"(\d+) requests in ([\d.]+)(m?s)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out)
    refused = int(non2xx.group(1)) if non2xx else 0
    duration = float(total.group(2)) / (1000 if total.group(3) == "ms" else 1)
    # Only answered pages count: haproxy's own 503s (both instances out of rotation) are fast and
    # would otherwise pass for throughput.
    return {"rate": (int(total.group(1)) - refused) / duration, "non2xx": refused,
            "socket_errors": sum(map(int, errors.groups())) if errors else 0, "p99": p99.group(1) if p99 else "?"}


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def phase_throughput():
    """One instance against two behind haproxy, interleaved round by round on the same pages.

    The machine is shared (other builds run on the same cores), so a separate run for each
    configuration would compare two different loads: each round measures both, one directly after
    the other, in alternating order, and the load average is recorded beside every figure."""
    analyst = Browser()
    analyst.sign_in(*ADMIN, port=LB)
    session = "; ".join(f"{k}={v}" for k, v in analyst.cookies.items())
    # The imported wave (30,000 synthetic rows), published by hand: seen within the catalogue's 5 s.
    slug = "klynge-import"
    psql(f"UPDATE waves SET status = 'published' WHERE slug = '{slug}'")
    time.sleep(6)
    seconds = int(ENV.get("WRK_SECONDS", "5"))
    rounds = int(ENV.get("WRK_ROUNDS", "3"))
    connections = int(ENV.get("WRK_CONNECTIONS", "8"))
    pages = [("cached (public results page)", f"/barometer/{slug}", None),
             ("uncached (signed-in results page)", f"/barometer/{slug}", session),
             ("uncached (project search)", "/prosjekter?q=skole", None)]
    # Each instance computes the wave's results once before anything is timed.
    for name in PORTS:
        for _, path, cookie in pages:
            warm = Browser()
            if cookie:
                warm.cookies = dict(analyst.cookies)
            status, _, _ = warm.request("GET", path, port=PORTS[name], timeout=600)
            if status != 200:
                raise SystemExit(f"warm-up of {path} on {name} answered {status}")
    targets = {"one": PORTS["A"], "two": LB}
    runs = []
    for round_number in range(rounds):
        order = ["one", "two"] if round_number % 2 == 0 else ["two", "one"]
        for label, path, cookie in pages:
            for config in order:
                load = os.getloadavg()[0]
                figure = wrk(targets[config], path, seconds, connections, cookie)
                figure.update(round=round_number + 1, page=label, instances=config, load1=load)
                runs.append(figure)
                print(f"THROUGHPUT round {round_number + 1} {label}, {config} instance(s): {figure['rate']:.1f} answered/s "
                      f"(p99 {figure['p99']}, non-2xx {figure['non2xx']}, socket errors "
                      f"{figure['socket_errors']}; load average {load:.1f})", flush=True)
    for label, _, _ in pages:
        one = [r["rate"] for r in runs if r["page"] == label and r["instances"] == "one"]
        two = [r["rate"] for r in runs if r["page"] == label and r["instances"] == "two"]
        print(f"THROUGHPUT median {label}: one {median(one):.1f}/s, two {median(two):.1f}/s "
              f"(ratio {median(two) / max(median(one), 0.001):.2f}; rounds {rounds} x {seconds} s, "
              f"{connections} connections)", flush=True)
    loads = [r["load1"] for r in runs]
    print(f"THROUGHPUT load average (1 min) during the runs: {min(loads):.1f}-{max(loads):.1f}", flush=True)
    failed = sum(r["non2xx"] + r["socket_errors"] for r in runs)
    check("throughput runs answered without errors", failed == 0, f"{failed} non-2xx or socket errors")
    with open(f"{WORK}/throughput.json", "w") as handle:
        json.dump(runs, handle, indent=1)


def main():
    tokens = links()
    start("A", demo=True)
    start("B")
    if not (wait_balancer_sees("A", True) and wait_balancer_sees("B", True)):
        raise SystemExit("haproxy does not see both instances")
    try:
        submissions = int(ENV.get("SUBMISSIONS", "100"))
        phase_submit(tokens[:submissions])
        phase_project()
        phase_import(int(ENV.get("IMPORT_ROWS", "30000")))
        phase_rolling(tokens[submissions:])
        # Before the logins phase, which leaves the loopback address rate-limited for 15 minutes.
        if "--throughput" in sys.argv:
            phase_throughput()
        phase_logins()
    finally:
        for name in list(processes):
            stop(name)
    print(f"{sum(results)} passed, {len(results) - sum(results)} failed", flush=True)
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
