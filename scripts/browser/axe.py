#!/usr/bin/env python3
"""axe-core (WCAG 2.1 A and AA rules) on pages in headless Chromium, without npm.

  python3 scripts/browser/axe.py URL...        # exit 1 on any serious or critical violation

axe.min.js is third-party code and is not kept in this repository: it is read from $AXE_JS, else
from an installed `axe_playwright_python` package (which bundles it), else from the wheel that
`pip download --no-deps axe-playwright-python` puts into $AXE_CACHE (default /tmp/fornye-axe).
Signed-in pages: set FORNYE_EMAIL and FORNYE_PASSWORD (the first URL's server is signed in to).
Used as a module by scripts/walkthrough/wave.py (`run_axe`, `report`).
"""

import glob
import importlib.util
import json
import os
import subprocess
import sys
import urllib.parse
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools import chromium, sign_in  # noqa: E402

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING = ("serious", "critical")


def axe_source():
    """The text of axe.min.js, fetched with pip into the cache when nowhere else."""
    if os.environ.get("AXE_JS"):
        return open(os.environ["AXE_JS"], encoding="utf-8").read()
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec and spec.submodule_search_locations:
        path = os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js")
        if os.path.exists(path):
            return open(path, encoding="utf-8").read()
    cache = os.environ.get("AXE_CACHE", "/tmp/fornye-axe")
    wheels = glob.glob(os.path.join(cache, "axe_playwright_python-*.whl"))
    if not wheels:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", cache,
                        "axe-playwright-python"], check=True)
        wheels = glob.glob(os.path.join(cache, "axe_playwright_python-*.whl"))
    with zipfile.ZipFile(sorted(wheels)[-1]) as wheel:
        return wheel.read("axe_playwright_python/axe.min.js").decode("utf-8")


RUN = """axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5), count: v.nodes.length})))""" % json.dumps(TAGS)


def run_axe(tools, source):
    """The violations on the page loaded in `tools` (a DevTools session). Runtime.evaluate is not
    bound by the page's Content-Security-Policy, so axe runs without loosening it."""
    tools.evaluate(source + "\n;0")
    violations = tools.evaluate(RUN)
    if not isinstance(violations, list):  # axe did not load or run: never a silent pass
        raise RuntimeError(f"axe did not run on {tools.evaluate('location.href')}")
    return violations


def report(label, violations):
    """Prints the violations by impact; True when none is serious or critical."""
    order = ["critical", "serious", "moderate", "minor", None]
    violations = sorted(violations, key=lambda v: order.index(v["impact"]) if v["impact"] in order else 4)
    bad = [v for v in violations if v["impact"] in FAILING]
    print(f"axe {label}: {len(violations)} violation(s), {len(bad)} serious/critical")
    for v in violations:
        print(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['count']}×) {'; '.join(v['nodes'])}")
    return not bad


def main(urls):
    if not urls:
        print(__doc__, file=sys.stderr)
        return 2
    source = axe_source()
    cookies = {}
    if os.environ.get("FORNYE_EMAIL"):
        parsed = urllib.parse.urlparse(urls[0])
        cookies = sign_in(f"{parsed.scheme}://{parsed.netloc}", os.environ["FORNYE_EMAIL"],
                          os.environ["FORNYE_PASSWORD"])
    ok = True
    port = int(os.environ.get("DEVTOOLS_PORT", "9347"))
    with chromium(port, os.environ.get("CHROME_PROFILE", "/tmp/fornye-axe-chrome")) as tools:
        tools.call("Page.enable")
        for url in urls:
            parsed = urllib.parse.urlparse(url)
            for name, value in cookies.items():
                tools.call("Network.setCookie", name=name, value=value, domain=parsed.hostname, path="/")
            tools.call("Page.navigate", url=url)
            tools.wait_for("Page.loadEventFired")
            ok = report(url, run_axe(tools, source)) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
