#!/usr/bin/env python3
"""Load generator for Fornye's questionnaire: submits one complete response per invitation link.

Stdlib only; talks to loopback only. Each link is posted to /svar/<token>/send with a complete
answer set, a fixed submission key per link and one CSRF cookie and token (read once from the
sign-in page, as a browser would; the token is bound to the cookie by the server's key). A link whose request
fails (connection refused or reset while the server is being killed) is retried with the SAME
submission key until it gets an answer or the deadline passes, as a browser retry would.

Every 2xx is appended (and flushed, fsync'd) to --acked as "token,key,status,body-kind", so the
checker can prove that every acknowledged response is stored.

  python3 loadgen.py --links links.csv --port 8089 --concurrency 16 --acked acked.txt --deadline 300
"""
import argparse
import csv
import http.client
import os
import queue
import random
import re
import threading
import time
import urllib.parse

NON_INNOVATOR = [
    ("kommunenummer", "0301"), ("sector", "1"), ("unit_type", "1"), ("role", "1"),
    ("innovated_service", "2"), ("innovated_product", "2"), ("innovated_organisation", "2"),
    ("innovated_communication", "2"), ("development_underway", "1"),
]
INNOVATOR = [
    ("kommunenummer", "4601"), ("sector", "2"), ("unit_type", "5"), ("role", "2"),
    ("innovated_service", "1"), ("innovated_product", "2"), ("innovated_organisation", "1"),
    ("innovated_communication", "8"), ("newest_type", "1"), ("newest_type", "3"), ("novelty", "2"),
    ("inspiration", "1"), ("trigger", "2"), ("trigger", "11"), ("financing", "1"), ("results", "1"),
    ("results", "2"), ("partners", "6"), ("spread", "1"),
] + [(f"factor_{name}", str(random.choice([1, 2, 3, 4, 5, 8])))
     for name in ["employee_participation", "internal_collaboration", "financial_resources", "leadership"]]


def csrf_pair(port):
    """The CSRF cookie ("name=value") and form token a browser gets from GET /logg-inn."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/logg-inn")
    response = connection.getresponse()
    page = response.read().decode("utf-8", "replace")
    cookie = next(value.split(";", 1)[0] for value in response.msg.get_all("Set-Cookie") or []
                  if "fornye_csrf=" in value.split(";", 1)[0])
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    connection.close()
    return cookie, token


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--links", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--acked", required=True)
    parser.add_argument("--deadline", type=float, default=300, help="seconds before giving up")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N links")
    args = parser.parse_args()

    with open(args.links, newline="") as handle:
        rows = list(csv.DictReader(handle))
    tokens = [row["lenke"].rsplit("/", 1)[1] for row in rows]
    if args.limit:
        tokens = tokens[: args.limit]
    work = queue.Queue()
    for index, token in enumerate(tokens):
        work.put((token, f"load-{index}-{token[:8]}", INNOVATOR if index % 3 == 0 else NON_INNOVATOR))
    acked = open(args.acked, "a", buffering=1)
    lock = threading.Lock()
    stats = {"ok": 0, "again": 0, "refused": 0, "retries": 0, "failed": 0}
    latencies = []
    stop_at = time.monotonic() + args.deadline
    csrf_cookie, csrf_token = csrf_pair(args.port)

    def worker():
        connection = None
        while True:
            try:
                token, key, answers = work.get_nowait()
            except queue.Empty:
                return
            body = urllib.parse.urlencode([("_csrf", csrf_token), ("submission_key", key)] + answers)
            while True:
                if time.monotonic() > stop_at:
                    with lock:
                        stats["failed"] += 1
                    break
                try:
                    if connection is None:
                        connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=10)
                    started = time.monotonic()
                    connection.request("POST", f"/svar/{token}/send", body=body, headers={
                        "Content-Type": "application/x-www-form-urlencoded",
                        "Cookie": csrf_cookie,
                    })
                    response = connection.getresponse()
                    text = response.read().decode("utf-8", "replace")
                    elapsed = time.monotonic() - started
                except (OSError, http.client.HTTPException):
                    if connection is not None:
                        connection.close()
                    connection = None
                    with lock:
                        stats["retries"] += 1
                    time.sleep(0.05)
                    continue
                if 200 <= response.status < 300:
                    kind = "again" if "ikke lagret to ganger" in text else "ok"
                    with lock:
                        stats[kind] += 1
                        latencies.append(elapsed)
                        acked.write(f"{token},{key},{response.status},{kind}\n")
                        acked.flush()
                        os.fsync(acked.fileno())
                elif response.status >= 500:
                    with lock:
                        stats["retries"] += 1
                    time.sleep(0.05)
                    continue
                else:
                    with lock:
                        stats["refused"] += 1
                        print(f"refused {response.status} for {token[:8]}: {text[:200]!r}", flush=True)
                break

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1000 if latencies else 0
    p99 = latencies[int(len(latencies) * 0.99)] * 1000 if latencies else 0
    done = stats["ok"] + stats["again"]
    print(f"submitted {done} of {len(tokens)} in {elapsed:.2f} s = {done / elapsed:.0f} acknowledged submissions/s "
          f"(p50 {p50:.1f} ms, p99 {p99:.1f} ms); {stats}", flush=True)


if __name__ == "__main__":
    main()
