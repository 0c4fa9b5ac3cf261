"""Full-page screenshots of any pages in headless Chromium, at one or more widths.

  python3 scripts/browser/screens.py OUT_DIR BASE_URL PATH [PATH ...]
  WIDTHS=1280,390 (default)   MAX_HEIGHT=6000 (default; 900 gives the first screen)   DEVTOOLS_PORT=9352
  FORNYE_EMAIL and FORNYE_PASSWORD: signed in to BASE_URL first (for the admin's pages).

Names files after the path (`/prosjekter?lang=en` → `prosjekter_lang-en-1280.png`) so a run before
and after a stylesheet change can be compared side by side.
"""

import base64
import os
import re
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools import chromium, sign_in  # noqa: E402
import urllib.parse  # noqa: E402


def file_name(path, width):
    stem = re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-") or "home"
    return f"{stem}-{width}.png"


def shoot(tools, url, path, width):
    tools.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=width < 600)
    tools.call("Page.navigate", url=url)
    tools.wait_for("Page.loadEventFired", timeout=120)
    time.sleep(0.3)
    height = min(tools.evaluate("document.documentElement.scrollHeight"), int(os.environ.get("MAX_HEIGHT", "6000")))
    tools.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=width < 600)
    clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
    data = tools.call("Page.captureScreenshot", format="png", captureBeyondViewport=True, clip=clip)["data"]
    with open(path, "wb") as out:
        out.write(base64.b64decode(data))
    print("screenshot", path, f"{width}x{height}")


def main():
    out_dir, base, paths = sys.argv[1], sys.argv[2].rstrip("/"), sys.argv[3:]
    widths = [int(w) for w in os.environ.get("WIDTHS", "1280,390").split(",")]
    os.makedirs(out_dir, exist_ok=True)
    port = int(os.environ.get("DEVTOOLS_PORT", "9352"))
    with tempfile.TemporaryDirectory() as profile, chromium(port, profile) as tools:
        tools.call("Page.enable")
        if os.environ.get("FORNYE_EMAIL"):
            host = urllib.parse.urlparse(base).hostname
            for name, value in sign_in(base, os.environ["FORNYE_EMAIL"], os.environ["FORNYE_PASSWORD"]).items():
                tools.call("Network.setCookie", name=name, value=value, domain=host, path="/")
        for path in paths:
            for width in widths:
                shoot(tools, base + path, os.path.join(out_dir, file_name(path, width)), width)


if __name__ == "__main__":
    main()
