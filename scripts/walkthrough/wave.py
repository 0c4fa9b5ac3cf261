#!/usr/bin/env python3
"""A whole wave in headless Chromium, as an analyst and two respondents meet it: sign in, create
a wave from a CSV frame through the form's preview, make, show and download the links, replace
one unit's link (confirm page), open the wave, answer as two respondents (privacy notice, pages,
review, send), open the replaced link (410), close, publish, the public results page.

Every page is loaded by the browser itself (forms filled and submitted in the page, no
JavaScript of Fornye needed), checked with axe-core (scripts/browser/axe.py; WCAG 2.1 A/AA) and
its HTTP status; the pages named in SHOTS are photographed into --out. Exit status 1 on a
serious or critical axe violation or an unexpected status. Run by scripts/walkthrough/run.sh.
"""
import argparse
import base64
import csv
import io
import json
import os
import sys
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "browser"))
from axe import axe_source, report, run_axe  # noqa: E402
from devtools import chromium  # noqa: E402

SLUG = "gjennomgang"
# Six units, so the wave may be anonymous (at least 5); synthetic names and addresses.
FRAME = [
    ["enhet", "kommunenummer", "sektor", "enhetstype", "epost", "kontaktperson"],
    ["Lindeberg sykehjem (syntetisk)", "0301", "1", "1", "lindeberg@example.no", "Kari Nordmann"],
    ["Fyllingsdalen helsestasjon (syntetisk)", "4601", "1", "3", "fyllingsdalen@example.no", "Ola Nordmann"],
    ["Lade barnehage (syntetisk)", "5001", "2", "4", "lade@example.no", ""],
    ["Madla skole (syntetisk)", "1103", "2", "5", "madla@example.no", ""],
    ["Tromsdalen videregående (syntetisk)", "5501", "2", "6", "tromsdalen@example.no", ""],
    ["Rønvik bo- og omsorgssenter (syntetisk)", "1804", "1", "2", "ronvik@example.no", ""],
]


def js(value):
    return json.dumps(value)


class Walk:
    def __init__(self, tools, base, out, axe, prefix="wave"):
        self.tools, self.base, self.out, self.axe, self.prefix = tools, base, out, axe, prefix
        self.shot = 0
        self.failures = []

    def _wait_load(self):
        # WALK_TIMEOUT: a page can take minutes on a machine shared with several builds.
        self.tools.wait_for("Page.loadEventFired", timeout=int(os.environ.get("WALK_TIMEOUT", "30")))

    def go(self, path):
        self.tools.events.clear()
        self.tools.call("Page.navigate", url=self.base + path)
        self._wait_load()

    def act(self, script):
        """Runs `script` in the page (fills a form, clicks) and waits for the next page."""
        self.tools.events.clear()
        self.tools.evaluate(script)
        self._wait_load()

    def status(self):
        return self.tools.evaluate("performance.getEntriesByType('navigation')[0].responseStatus")

    def path(self):
        return self.tools.evaluate("location.pathname + location.search")

    def check(self, name, expect=200, shot=False, width=1280, max_height=1800, text=None):
        """axe, the status and (when given) a text of the page shown; a screenshot when `shot`."""
        status, path = self.status(), self.path()
        print(f"{name}: HTTP {status} {path}")
        if status != expect:
            self.failures.append(f"{name}: HTTP {status}, expected {expect} ({path})")
        if text and text not in self.tools.evaluate("document.body.innerText"):
            self.failures.append(f"{name}: the page does not say «{text}» ({path})")
        if not report(name, run_axe(self.tools, self.axe)):
            self.failures.append(f"{name}: serious or critical axe violations ({path})")
        if shot:
            self.photograph(name, width, max_height)

    def photograph(self, name, width, max_height):
        metrics = dict(width=width, deviceScaleFactor=1, mobile=width < 600)
        self.tools.call("Emulation.setDeviceMetricsOverride", height=900, **metrics)
        height = int(self.tools.call("Page.getLayoutMetrics")["cssContentSize"]["height"])
        self.tools.call("Emulation.setDeviceMetricsOverride", height=min(height, max_height), **metrics)
        time.sleep(0.2)
        wide = self.tools.evaluate("document.documentElement.scrollWidth")
        if wide > width:
            self.failures.append(f"{name}: {wide} px wide in a {width} px window (scrolls sideways)")
        data = self.tools.call("Page.captureScreenshot", format="png")["data"]
        self.shot += 1
        file = os.path.join(self.out, f"{self.prefix}-{self.shot:02d}-{name}.png")
        with open(file, "wb") as handle:
            handle.write(base64.b64decode(data))
        self.tools.call("Emulation.setDeviceMetricsOverride", height=900, width=1280, deviceScaleFactor=1,
                        mobile=False)
        print(f"  screenshot {file} ({min(height, max_height)} of {height} px)")

    def cookies(self):
        return "; ".join(f"{c['name']}={c['value']}" for c in self.tools.call("Network.getCookies")["cookies"])

    def set_file(self, selector, path):
        root = self.tools.call("DOM.getDocument")["root"]["nodeId"]
        node = self.tools.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        self.tools.call("DOM.setFileInputFiles", files=[path], nodeId=node)


FILL = """(() => {
  const fields = %s;
  for (const [name, value] of Object.entries(fields)) {
    const input = document.querySelector(`main [name="${name}"]`);
    if (input.type === 'radio') document.querySelector(`main [name="${name}"][value="${value}"]`).checked = true;
    else input.value = value;
  }
  document.querySelector(%s).click();
})()"""

# A respondent: in every radio or checkbox group nothing is chosen in yet, the `variant`th choice
# (clamped), then «Neste». Free-text fields stay empty.
ANSWER = """(() => {
  const groups = {};
  for (const input of document.querySelectorAll('main input[type=radio], main input[type=checkbox]'))
    (groups[input.name] = groups[input.name] || []).push(input);
  for (const inputs of Object.values(groups))
    if (!inputs.some(i => i.checked)) inputs[Math.min(%d, inputs.length - 1)].checked = true;
  document.querySelector('button[name=action][value=next]').click();
})()"""


def set_status(walk, status):
    """Clicks the dashboard's button that sets `status` (open, closed, published)."""
    # A wave with few responses asks the analyst to confirm publishing: the walk ticks the box.
    walk.act(f"""(() => {{ const form = document.querySelector('input[name=status][value={status}]').form;
        const confirm = form.querySelector('input[name=confirm_few]'); if (confirm) confirm.checked = true;
        form.querySelector('button').click(); }})()""")


def links_on_page(walk):
    return walk.tools.evaluate("""[...document.querySelectorAll('tbody tr')].map(r => ({
        unit: r.querySelector('th').textContent, link: (r.querySelector('code') || {}).textContent || null,
        replace: (r.querySelector('a[href*="lenker/ny?enhet="]') || {}).href || null}))""")


def respond(walk, link, variant, shots):
    """One respondent from the invitation to the thank-you page."""
    walk.go(link.replace(walk.base, ""))
    walk.check("svar-intro", shot=shots, text="Om personvern")
    if shots:
        walk.photograph("svar-intro-mobil", 390, 2400)
    walk.act("document.querySelector('main a.button').click()")
    for page in range(1, 20):
        if walk.path().endswith("/oversikt"):
            break
        walk.check(f"svar-side-{page}", shot=shots and page == 1)
        walk.act(ANSWER % variant)
        if walk.status() != 200 and not walk.path().endswith("/oversikt"):
            walk.check(f"svar-side-{page}-feil", expect=200, shot=True)
            return
    walk.check("svar-oversikt", shot=shots, max_height=2400)
    walk.act("document.querySelector('main form button[type=submit]').click()")
    walk.check("svar-takk", shot=shots, text="Takk for svaret!")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default=os.environ.get("FORNYE_URL", "http://127.0.0.1:8095"))
    parser.add_argument("--email", default=os.environ.get("ANALYST_EMAIL"))
    parser.add_argument("--password", default=os.environ.get("ANALYST_PASSWORD"))
    parser.add_argument("--out", default="docs/screenshots/collection")
    parser.add_argument("--work", default="/tmp/fornye-wave-walk")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    os.makedirs(args.work, exist_ok=True)
    frame_file = os.path.join(args.work, "utvalg.csv")
    with open(frame_file, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(FRAME)
    source = axe_source()
    port = int(os.environ.get("DEVTOOLS_PORT", "9351"))
    with chromium(port, os.path.join(args.work, "chrome")) as tools:
        tools.call("Page.enable")
        tools.call("Network.enable")
        tools.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
        walk = Walk(tools, args.base, args.out, source)
        run(walk, args, frame_file)
    for failure in walk.failures:
        print("FAIL", failure)
    print(f"{walk.shot} screenshots, {len(walk.failures)} failure(s)")
    return 1 if walk.failures else 0


def run(walk, args, frame_file):
    # The analyst signs in and creates the wave: form, preview, confirm.
    walk.go("/logg-inn?neste=/analyse/innsamling")
    walk.check("logg-inn")
    walk.act(FILL % (js({"email": args.email, "password": args.password}), js("main form button[type=submit]")))
    walk.check("innsamling")
    walk.go("/analyse/innsamling/ny")
    walk.check("ny-bolge", shot=True, max_height=2200)
    walk.set_file("#file", frame_file)
    fields = {"slug": SLUG, "title": "Gjennomgang 2026 (syntetisk)", "mode": "anonymous",
              "organizer": "KS (syntetisk eksempel)", "contact": "barometer@example.no",
              "retention": "2027-12-31"}
    walk.act(FILL % (js(fields), js("main form button[type=submit]")))
    walk.check("ny-bolge-kontroll", shot=True, max_height=2200)
    walk.act("document.querySelector('main form button[type=submit]').click()")
    walk.check("bolge-opprettet", text="Bølgen er opprettet med 6 enheter.")
    # Links: make them, show them (twice: the same), download them, replace one.
    walk.act("document.querySelector('form[action$=\"/invitasjoner\"] button').click()")
    walk.check("lenker", shot=True)
    first = links_on_page(walk)
    walk.go(f"/analyse/innsamling/{SLUG}/lenker")
    if links_on_page(walk) != first:
        walk.failures.append("showing the links again changed them")
    request = urllib.request.Request(f"{walk.base}/analyse/innsamling/{SLUG}/lenker.csv",
                                     headers={"Cookie": walk.cookies()})
    raw = urllib.request.urlopen(request).read()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    bom = raw.startswith(b"\xef\xbb\xbf")
    print(f"lenker.csv: {len(rows)} rows, byte order mark: {bom}")
    if not bom or sorted(r["lenke"] for r in rows) != sorted(x["link"] for x in first):
        walk.failures.append("the CSV download differs from the links page (or lacks its BOM)")
    walk.go(first[0]["replace"].replace(walk.base, ""))
    walk.check("ny-lenke-bekreft", shot=True)
    walk.act("document.querySelector('main form button[type=submit]').click()")
    walk.check("lenker-erstattet", shot=True, text="1 lenke er erstattet.")
    after = links_on_page(walk)
    if after[0]["link"] == first[0]["link"] or after[1:] != first[1:]:
        walk.failures.append("replacing one link did not change exactly that link")
    # Open the wave, two respondents answer (the first with the new link).
    walk.go(f"/analyse/innsamling/{SLUG}")
    set_status(walk, "open")
    walk.check("bolge-apen", shot=True, max_height=2400, text="åpen for svar")
    respond(walk, after[0]["link"], 0, shots=True)
    respond(walk, after[1]["link"], 1, shots=False)
    walk.go(first[0]["link"].replace(walk.base, ""))
    walk.check("gammel-lenke", expect=410, shot=True, text="Denne lenken er erstattet")
    # Close, publish, the public page.
    walk.go(f"/analyse/innsamling/{SLUG}")
    set_status(walk, "closed")
    walk.check("bolge-stengt", shot=True, max_height=2400, text="Jeg vil publisere likevel")
    set_status(walk, "published")
    walk.check("bolge-publisert", shot=True, max_height=2400, text="Status: publisert")
    walk.act("document.querySelector('form[action=\"/logg-ut\"] button').click()")
    walk.go(f"/barometer/{SLUG}")
    walk.check("resultater", shot=True, max_height=2400, text="Gjennomgang 2026")


if __name__ == "__main__":
    sys.exit(main())
