"""Screenshots of the page «Effekter av programmet» in headless Chromium, for docs/screenshots/.

  python3 scripts/evaluation/shot.py [BASE_URL]     # default http://127.0.0.1:8080

Takes the whole page (bokmål, rejected applicants) and the page on a narrow screen; check the
page with scripts/browser/axe.py BASE_URL/evaluering first.
"""

import base64
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "browser"))
from devtools import chromium  # noqa: E402

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
SHOTS = os.environ.get("SHOT_DIR", "docs/screenshots")


def shoot(tools, url, name, width):
    tools.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=width < 600)
    tools.call("Page.navigate", url=url)
    tools.wait_for("Page.loadEventFired", timeout=60)
    time.sleep(0.5)
    height = tools.evaluate("document.documentElement.scrollHeight")
    tools.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=width < 600)
    data = tools.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
    path = os.path.join(SHOTS, f"{name}.png")
    with open(path, "wb") as out:
        out.write(base64.b64decode(data))
    print("screenshot", path, f"{width}x{height}")


def main():
    with tempfile.TemporaryDirectory() as profile, chromium(int(os.environ.get("DEVTOOLS_PORT", "9351")), profile) as tools:
        tools.call("Page.enable")
        shoot(tools, BASE + "/evaluering", "evaluering", 1100)
        shoot(tools, BASE + "/evaluering?lang=en", "evaluering-mobil-en", 390)
    return 0


if __name__ == "__main__":
    sys.exit(main())
