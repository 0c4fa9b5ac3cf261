#!/usr/bin/env python3
"""Screenshots of the municipality profiles (issue 17) and the county map, saved to
docs/screenshots/kommuneprofil-*.png: a large city, a small rural municipality with few
respondents, a merged municipality, and the county page. Public pages only.

    FORNYE_DATA_DIR=$(mktemp -d) fornye serve --port 8197     # seeds the synthetic demo waves
    python3 scripts/screenshots/kommuneprofil.py http://127.0.0.1:8197 0301 1868 3301

Then check them with axe: python3 scripts/browser/axe.py URL... (same URLs). Standard library only.
"""
import os
import subprocess
import sys

BASE = sys.argv[1].rstrip("/")
LARGE, SMALL, MERGED = sys.argv[2:5]
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "screenshots")
os.makedirs(OUT, exist_ok=True)


def shoot(name, path, width=1280, height=2400):
    target = os.path.abspath(os.path.join(OUT, f"kommuneprofil-{name}.png"))
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--screenshot={target}", f"--window-size={width},{height}", BASE + path],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    print("saved", os.path.relpath(target), "from", BASE + path)


shoot("storby", f"/kommuner/{LARGE}", height=4200)
shoot("liten", f"/kommuner/{SMALL}?gruppe=naermeste&trekk=folketall&trekk=sentralitet", height=4200)
shoot("liten-mobil", f"/kommuner/{SMALL}?lang=en", width=390, height=5200)
shoot("sammenslatt", f"/kommuner/{MERGED}", height=4200)
shoot("fylker", "/kommuner?indikator=H1", height=1800)
