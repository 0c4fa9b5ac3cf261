#!/usr/bin/env python3
"""Types a draft into the new-project form in headless Chromium and checks the live panel.

Standard library only (scripts/browser/devtools.py): signs in through the form, puts the session into
Chromium, opens /prosjekter/ny, types a title and summary like the demo project «Jobb smartere»
key by key (Input.insertText, as a person would, so the page's own input events fire), waits and
checks that
  - the panel (#lignende-panel, aria-live) shows that project, and was aria-busy while loading,
  - focus stayed in the field being typed into,
  - typing faster than 700 ms apart sent one request, not one per key,
  - no Content-Security-Policy violation or console error was reported;
then takes screenshots into docs/screenshots/. Run by scripts/livesimilar/run.sh.
"""

import base64
import json
import os
import sys
import time
import urllib.parse
import urllib.request

BASE = os.environ.get("FORNYE_URL", "http://127.0.0.1:8093")
DEVTOOLS_PORT = int(os.environ.get("DEVTOOLS_PORT", "9343"))
SHOTS = os.environ.get("SHOT_DIR", "docs/screenshots")

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "browser"))
from devtools import chromium, sign_in  # noqa: E402


# Before the page's own script: CSP reports, the panel's aria-busy changes, and the requests made.
RECORDER = """
window.__live = {csp: [], busy: [], posts: []};
document.addEventListener('securitypolicyviolation', e =>
  window.__live.csp.push(e.violatedDirective + ' ' + e.blockedURI));
const originalFetch = window.fetch;
window.fetch = function (url, options) {
  window.__live.posts.push(String(url));
  return originalFetch.apply(this, arguments);
};
new MutationObserver(records => {
  for (const r of records) if (r.attributeName === 'aria-busy')
    window.__live.busy.push(r.target.getAttribute('aria-busy'));
}).observe(document, {attributes: true, subtree: true, attributeFilter: ['aria-busy']});
"""


def screenshot(tools, name, selector=None):
    params = {"format": "png"}
    if selector:
        box = tools.evaluate(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
            " return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; })()")
        params["clip"] = {"x": max(box["x"] - 16, 0), "y": max(box["y"] - 16, 0), "width": box["width"] + 32,
                          "height": box["height"] + 32, "scale": 1}
        params["captureBeyondViewport"] = True
    data = tools.call("Page.captureScreenshot", **params)["data"]
    path = os.path.join(SHOTS, f"{name}.png")
    with open(path, "wb") as out:
        out.write(base64.b64decode(data))
    print("screenshot", path)


def type_into(tools, selector, text, pause=0.05):
    tools.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
    for character in text:
        tools.call("Input.insertText", text=character)
        time.sleep(pause)


def run(tools, cookies):
    problems = []
    host = urllib.parse.urlparse(BASE).hostname
    for name, value in cookies.items():
        tools.call("Network.setCookie", name=name, value=value, domain=host, path="/")
    tools.call("Emulation.setDeviceMetricsOverride", width=1280, height=1100, deviceScaleFactor=1, mobile=False)
    tools.call("Page.navigate", url=f"{BASE}/prosjekter/ny")
    tools.wait_for("Page.loadEventFired")
    time.sleep(0.3)
    start = tools.evaluate("document.getElementById('lignende-panel').innerText.trim()")
    if start:
        problems.append(f"panel not empty on an empty form: {start!r}")
    # Two characters: too short to ask (at least three in title or summary).
    type_into(tools, "#felt-title", "Sp")
    time.sleep(1.2)
    if tools.evaluate("window.__live.posts.length"):
        problems.append("asked the server about a two-character title")
    type_into(tools, "#felt-title", "re velferdsteknologi i hele kommunen")
    type_into(tools, "#felt-summary", "Vi vil lære av piloter og skalere velferdsteknologi i egen organisasjon.")
    typed_at = time.time()
    focused = tools.evaluate("document.activeElement && document.activeElement.id")
    for _ in range(100):
        if "Jobb smartere" in (tools.evaluate("document.getElementById('lignende-panel').innerText") or ""):
            break
        time.sleep(0.1)
    print(f"panel filled {time.time() - typed_at:.2f} s after the last keystroke")
    state = tools.evaluate("""(() => ({
        panel: document.getElementById('lignende-panel').innerText,
        live: document.getElementById('lignende-panel').getAttribute('aria-live'),
        busyNow: document.getElementById('lignende-panel').getAttribute('aria-busy'),
        status: document.getElementById('lignende-status').hidden,
        focus: document.activeElement && document.activeElement.id,
        first: (document.querySelector('#lignende-panel .project-card h3') || {}).innerText,
        ...window.__live}))()""")
    print(json.dumps({k: v for k, v in state.items() if k != "panel"}, ensure_ascii=False))
    if "Jobb smartere" not in state["panel"]:
        problems.append(f"the panel does not show «Jobb smartere»: {state['panel']!r}")
    if state["live"] != "polite":
        problems.append("the panel is not aria-live=polite")
    if "true" not in state["busy"] or state["busyNow"] is not None or not state["status"]:
        problems.append(f"aria-busy/status not set while loading and cleared after: {state}")
    if focused != "felt-summary" or state["focus"] != "felt-summary":
        problems.append(f"focus moved: {focused} then {state['focus']}")
    # 50 ms between keys in two fields: well under 700 ms, so a burst is one request per pause.
    if len(state["posts"]) > 2:
        problems.append(f"{len(state['posts'])} requests for one burst of typing: {state['posts']}")
    if state["csp"]:
        problems.append(f"CSP violations: {state['csp']}")
    errors = [e for e in tools.events if e.get("method") == "Log.entryAdded"
              and e["params"]["entry"]["level"] == "error"
              and not e["params"]["entry"].get("url", "").endswith("/favicon.ico")]  # no favicon yet
    errors += [e for e in tools.events if e.get("method") == "Runtime.exceptionThrown"]
    if errors:
        problems.append(f"console errors: {[json.dumps(e)[:300] for e in errors]}")
    screenshot(tools, "prosjektbanken-lignende-live", ".similar-live")
    tools.evaluate("document.getElementById('felt-summary').scrollIntoView({block: 'start'}); scrollBy(0, -120)")
    time.sleep(0.2)
    screenshot(tools, "prosjektbanken-lignende-skjema")
    # In English the fragment comes in English (the page's ?lang= goes with the request).
    tools.call("Page.navigate", url=f"{BASE}/prosjekter/ny?lang=en")
    tools.wait_for("Page.loadEventFired")
    time.sleep(0.3)
    type_into(tools, "#felt-title", "Drones for infrastructure inspection", pause=0.02)
    type_into(tools, "#felt-summary", "Unmanned aerial vehicles inspect our bridges and viaducts.", pause=0.02)
    for _ in range(100):
        english = tools.evaluate("document.getElementById('lignende-panel').innerText") or ""
        if "Similar projects" in english:
            break
        time.sleep(0.1)
    print("English panel:", english.splitlines()[:3])
    if "Does this exist already? Similar projects" not in english or "drones" not in english.lower():
        problems.append(f"English panel: {english[:200]!r}")
    csp = tools.evaluate("window.__live.csp")
    if csp:
        problems.append(f"CSP violations (English page): {csp}")
    return problems


def main():
    cookies = sign_in(BASE, os.environ["EDITOR_EMAIL"], os.environ["EDITOR_PASSWORD"])
    if "fornye_session" not in cookies:
        print("sign-in failed", cookies, file=sys.stderr)
        return 2
    profile = os.environ.get("CHROME_PROFILE", "/tmp/fornye-livesimilar-chrome")
    with chromium(DEVTOOLS_PORT, profile) as tools:
        for domain in ("Page", "Network", "Runtime", "Log"):
            tools.call(f"{domain}.enable")
        tools.call("Page.addScriptToEvaluateOnNewDocument", source=RECORDER)
        problems = run(tools, cookies)
    for problem in problems:
        print("PROBLEM:", problem)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
