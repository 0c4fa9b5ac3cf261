#!/usr/bin/env python3
"""Wall time of the live panel's fragment request against a running server, as the browser sends it.

  EDITOR_EMAIL=… EDITOR_PASSWORD=… python3 scripts/livesimilar/latency.py [N]

Signs in, then POSTs N drafts (the four drafts of ProjectSimilarTests in turn, one keystroke's
worth longer each time so none repeats) to /prosjekter/ny/lignende over one kept-alive connection
and prints p50 / p95 / max in ms; with SERVER_PID (run.sh sets it) also the server process's CPU
time per request (user + system, from /proc). Loopback only.
"""
import http.client
import os
import re
import statistics
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from check import BASE, sign_in  # noqa: E402

DRAFTS = [
    {"title": "Spre velferdsteknologi i hele kommunen", "serviceArea": "Velferdsteknologi", "sector": "1",
     "summary": "Vi vil lære av piloter og skalere velferdsteknologi i egen organisasjon."},
    {"title": "Elevenes motivasjon", "targetGroup": "Elever på ungdomstrinnet", "serviceArea": "Skole",
     "summary": "Ungdomsskolen prøver nye undervisningsmetoder for å øke motivasjonen til elevene."},
    {"title": "Drones for infrastructure inspection", "serviceArea": "Roads and bridges",
     "summary": "Unmanned aerial vehicles inspect our bridges and viaducts instead of staff on lifts."},
    {"title": "Help for residents in debt", "targetGroup": "Debtors",
     "summary": "A chatbot helps debtors find debt relief and counselling quickly."},
]


def cpu_ms(pid):
    """The process's user + system CPU time in ms (Linux /proc), or None."""
    if not pid:
        return None
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    cookies = sign_in(BASE, os.environ["EDITOR_EMAIL"], os.environ["EDITOR_PASSWORD"])
    url = urllib.parse.urlparse(BASE)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
               "Content-Type": "application/x-www-form-urlencoded"}
    # The form's token, as the page shows it (bound to the session).
    connection.request("GET", "/prosjekter/ny", headers={"Cookie": headers["Cookie"]})
    token = re.search(r'name="_csrf" value="([^"]+)"', connection.getresponse().read().decode()).group(1)
    times = []
    for index in range(count + 10):
        draft = dict(DRAFTS[index % len(DRAFTS)])
        draft["summary"] += " x" * (index // len(DRAFTS))
        body = urllib.parse.urlencode({**draft, "_csrf": token})
        start = time.perf_counter()
        connection.request("POST", "/prosjekter/ny/lignende", body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        elapsed = (time.perf_counter() - start) * 1000
        if response.status != 200 or "project-card" not in text:
            print("unexpected answer", response.status, text[:200], file=sys.stderr)
            return 1
        if index >= 10:  # the first ten warm the caches
            times.append(elapsed)
        if index == 9:
            cpu_start = cpu_ms(os.environ.get("SERVER_PID"))
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"{count} requests: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms")
    cpu_end = cpu_ms(os.environ.get("SERVER_PID"))
    if cpu_start is not None and cpu_end is not None:
        print(f"server CPU {(cpu_end - cpu_start) / count:.1f} ms per request")
    return 0


if __name__ == "__main__":
    sys.exit(main())
