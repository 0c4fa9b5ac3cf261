#!/usr/bin/env python3
"""Loads Fornye pages that show stored XSS payloads in headless Chromium and checks none executes.

Standard library only: signs in with urllib (CSRF double-submit cookie), then drives Chromium
through the DevTools protocol over a minimal websocket client. For every page it records
  - requests the browser made to /xss-hit (or a payload's src=x / @import), calls to fetch(), dialogs and CSP violations seen in the browser,
  - elements or attributes in the live DOM that only a payload could have made,
  - the number of times the marker fx55 shows as text,
and takes 1280 px and 390 px wide screenshots of the key pages into docs/screenshots/.
Run by scripts/xss/run.sh, which seeds the data and starts `fornye serve`.
Exit status 1 if any payload executed or made an element.
"""

import base64
import http.cookiejar
import json
import os
import socket
import struct
import subprocess
import sys
import time
import urllib.parse
import urllib.request

BASE = os.environ.get("FORNYE_URL", "http://127.0.0.1:8089")
DEVTOOLS_PORT = int(os.environ.get("DEVTOOLS_PORT", "9339"))
SHOTS = os.environ.get("SHOT_DIR", "docs/screenshots")


# --- a minimal websocket client (RFC 6455: text frames, client masking, no extensions) ---
class WebSocket:
    def __init__(self, url):
        parsed = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((parsed.hostname, parsed.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET {parsed.path} HTTP/1.1\r\nHost: {parsed.hostname}:{parsed.port}\r\n"
            f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            response += self.sock.recv(1)
        if b" 101 " not in response.split(b"\r\n")[0]:
            raise RuntimeError(f"websocket handshake failed: {response!r}")

    def send(self, text):
        data = text.encode()
        header = bytearray([0x81])
        if len(data) < 126:
            header.append(0x80 | len(data))
        elif len(data) < 65536:
            header.append(0x80 | 126)
            header += struct.pack(">H", len(data))
        else:
            header.append(0x80 | 127)
            header += struct.pack(">Q", len(data))
        mask = os.urandom(4)
        self.sock.sendall(bytes(header) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _exact(self, count):
        data = b""
        while len(data) < count:
            chunk = self.sock.recv(count - len(data))
            if not chunk:
                raise RuntimeError("websocket closed")
            data += chunk
        return data

    def receive(self):
        message = b""
        while True:
            first, second = self._exact(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._exact(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._exact(8))[0]
            payload = self._exact(length)
            message += payload
            if first & 0x80:  # FIN
                return message.decode()


class DevTools:
    def __init__(self, ws_url):
        self.ws = WebSocket(ws_url)
        self.next_id = 0
        self.events = []
        self.requests = []  # every URL the browser asked for (Network.requestWillBeSent)

    def _event(self, message):
        if message.get("method") == "Network.requestWillBeSent":
            self.requests.append(message["params"]["request"]["url"])
        self.events.append(message)

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.receive())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._event(message)

    def wait_for(self, event, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for index, message in enumerate(self.events):
                if message.get("method") == event:
                    del self.events[: index + 1]
                    return message
            self._event(json.loads(self.ws.receive()))
        raise TimeoutError(event)


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


def sign_in(email, password):
    """Returns the session and CSRF cookie values after POST /logg-inn."""
    jar = http.cookiejar.CookieJar()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    opener.open(f"{BASE}/logg-inn").read()
    csrf = next(c.value for c in jar if c.name == "fornye_csrf")
    body = urllib.parse.urlencode({"email": email, "password": password, "_csrf": csrf}).encode()
    try:
        opener.open(f"{BASE}/logg-inn", data=body)
    except urllib.error.HTTPError as error:
        if error.code != 303:
            raise
    return {c.name: c.value for c in jar}


def main():
    admin_password = os.environ["ADMIN_PASSWORD"]
    token_link = os.environ["TOKEN_LINK"]  # a respondent's /svar/... address
    cookies = sign_in("admin@example.no", admin_password)
    if "fornye_session" not in cookies:
        print("sign-in failed", cookies, file=sys.stderr)
        return 2

    profile = os.environ.get("CHROME_PROFILE", "/tmp/fornye-xss-chrome")
    chrome = subprocess.Popen(
        ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--remote-debugging-port={DEVTOOLS_PORT}", f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{DEVTOOLS_PORT}/json/list"))
                page = next(t for t in targets if t["type"] == "page")
                break
            except Exception:
                time.sleep(0.2)
        tools = DevTools(page["webSocketDebuggerUrl"])
        tools.call("Page.enable")
        tools.call("Network.enable")
        tools.call("Page.addScriptToEvaluateOnNewDocument", source=RECORDER)
        return run(tools, cookies, token_link)
    finally:
        chrome.terminate()
        chrome.wait(timeout=10)


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
