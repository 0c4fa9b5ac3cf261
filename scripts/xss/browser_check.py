#!/usr/bin/env python3
"""Loads Fornye pages that show stored XSS payloads in headless Chromium and checks none executes.

Standard library only: signs in with urllib (CSRF cookie and the page's token), then drives Chromium
through the DevTools protocol (scripts/browser/devtools.py). For every page it records
  - requests the browser made to /xss-hit (or a payload's src=x / @import), calls to fetch(), dialogs and CSP violations seen in the browser,
  - elements or attributes in the live DOM that only a payload could have made,
  - the number of times the marker fx55 shows as text,
and takes 1280 px and 390 px wide screenshots of the key pages into docs/screenshots/.
Run by scripts/xss/run.sh, which seeds the data and starts `fornye serve`.
Exit status 1 if any payload executed or made an element.
"""

import base64
import json
import os
import sys
import time
import urllib.parse
import urllib.request

BASE = os.environ.get("FORNYE_URL", "http://127.0.0.1:8089")
DEVTOOLS_PORT = int(os.environ.get("DEVTOOLS_PORT", "9339"))
SHOTS = os.environ.get("SHOT_DIR", "docs/screenshots")

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "browser"))
from devtools import chromium, sign_in  # noqa: E402


# Installed before any page script could run: records payload fetches, dialogs and CSP reports.
RECORDER = """
window.__xss = {hits: [], csp: []};
const originalFetch = window.fetch;
window.fetch = function (url, ...rest) { window.__xss.hits.push(String(url)); return originalFetch.call(this, url, ...rest); };
document.addEventListener('securitypolicyviolation', e => window.__xss.csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""

# What only an executed or parsed payload could have put into the DOM.
INSPECT = r"""
(() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) bad.push(el.tagName + '[' + a.name + ']');
      if (/^\s*javascript:/i.test(a.value)) bad.push(el.tagName + '[' + a.name + '=javascript:]');
      if (a.name === 'style') bad.push(el.tagName + '[style]');
    }
  }
  for (const el of document.querySelectorAll('script, iframe, img[src="x"], style, mglyph, details[open][ontoggle], math')) {
    bad.push('<' + el.tagName.toLowerCase() + '>');
  }
  const text = document.body ? document.body.innerText : '';
  return {bad, fx55: (text.match(/fx55/g) || []).length, hits: (window.__xss || {}).hits || [],
          csp: (window.__xss || {}).csp || [], width: document.documentElement.scrollWidth,
          title: document.title};
})()
"""


def main():
    admin_password = os.environ["ADMIN_PASSWORD"]
    token_link = os.environ["TOKEN_LINK"]  # a respondent's /svar/... address
    cookies = sign_in(BASE, "admin@example.no", admin_password)
    if "fornye_session" not in cookies:
        print("sign-in failed", cookies, file=sys.stderr)
        return 2

    profile = os.environ.get("CHROME_PROFILE", "/tmp/fornye-xss-chrome")
    with chromium(DEVTOOLS_PORT, profile) as tools:
        tools.call("Page.enable")
        tools.call("Network.enable")
        tools.call("Page.addScriptToEvaluateOnNewDocument", source=RECORDER)
        return run(tools, cookies, token_link)


def run(tools, cookies, token_link):
    failures = []
    results = []

    def load(url, width=1280, shot=None, submit=None):
        tools.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1,
                   mobile=width < 600)
        tools.events.clear()
        tools.requests.clear()
        tools.call("Page.navigate", url=url)
        tools.wait_for("Page.loadEventFired")
        if submit:  # fill a form in the page and submit it like a person would
            tools.call("Runtime.evaluate", expression=submit)
            tools.wait_for("Page.loadEventFired")
        time.sleep(0.3)  # let any payload's fetch fire
        found = tools.call("Runtime.evaluate", expression=INSPECT, returnByValue=True)["result"]["value"]
        dialogs = [e for e in tools.events if e.get("method") == "Page.javascriptDialogOpening"]
        # Requests a payload would make: /xss-hit, the image src=x, the stylesheet import.
        stray = [u for u in tools.requests if "xss-hit" in u or u.endswith("/x") or "evil.example" in u]
        found["hits"] = found["hits"] + stray
        if shot:
            metrics = tools.call("Page.getLayoutMetrics")["cssContentSize"]
            height = min(int(metrics["height"]), 6000)
            tools.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                       mobile=width < 600)
            data = tools.call("Page.captureScreenshot", format="png")["data"]
            with open(os.path.join(SHOTS, shot), "wb") as file:
                file.write(base64.b64decode(data))
        path = url.replace(BASE, "")
        line = (f"{path} @{width}: fx55×{found['fx55']} bad={found['bad']} hits={found['hits']} "
                f"csp={found['csp']} dialogs={len(dialogs)} scrollWidth={found['width']}")
        results.append(line)
        print(line)
        if found["bad"] or found["hits"] or dialogs:
            failures.append(line)
        return found

    # Public pages first (no cookie), then signed in as the admin whose name is a payload.
    public = [
        ("/", "web-home"), ("/barometer", "web-barometer"),
        ("/barometer/2018-syntetisk", "web-results"),
        ("/barometer/2018-syntetisk?county=3&sector=1", "web-results-filtered"),
        ("/metode", "web-metode"), ("/logg-inn", "web-logg-inn"),
    ]
    os.makedirs(SHOTS, exist_ok=True)
    for path, name in public:
        for width, suffix in ((1280, "desktop"), (390, "mobile")):
            load(BASE + path, width, f"{name}-{suffix}.png")
    # The respondent: the wave title (payload) on the questionnaire, then a payload typed as the
    # kommunenummer and submitted through the real form.
    load(token_link, 1280, "web-svar-desktop.png")
    fill = ("const f=document.querySelector('input[name=kommunenummer]');"
            "f.value=" + json.dumps(open(os.environ["PAYLOAD_FILE"]).read().splitlines()[0]) + ";"
            "f.form.querySelector('button[value=next], button[type=submit]').click();")
    load(token_link + "/side/1", 390, "web-svar-error-mobile.png", submit=fill)

    for name, value in cookies.items():
        tools.call("Network.setCookie", name=name, value=value, url=BASE)
    signed_in = [
        ("/admin/brukere", "web-admin-brukere", True), ("/admin/logg", "web-admin-logg", True),
        ("/analyse/innsamling", "web-analyse-innsamling", True),
        ("/analyse/innsamling/xss", "web-analyse-innsamling-bolge", True),
        ("/konto/passord", None, True), ("/prosjekter", None, False),
    ]
    for path, name, expect_marker in signed_in:
        for width, suffix in ((1280, "desktop"), (390, "mobile")):
            found = load(BASE + path, width, f"{name}-{suffix}.png" if name else None)
            if expect_marker and found["fx55"] == 0:
                failures.append(f"{path}: the stored payloads do not show at all")

    openapi = urllib.request.urlopen(f"{BASE}/api/openapi.json")
    kind = openapi.headers.get("Content-Type", "")
    json.load(openapi)
    print(f"/api/openapi.json: {kind}, parses as JSON")
    if "json" not in kind:
        failures.append(f"/api/openapi.json served as {kind}")

    print(f"\n{len(results)} page loads, {len(failures)} failures")
    for line in failures:
        print("FAIL", line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
