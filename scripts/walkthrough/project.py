#!/usr/bin/env python3
"""A project in headless Chromium, from draft to published, as the people who meet it: a municipal
editor writes it through the form (partners, financing and results as rows, «Legg til rad» and
«Fjern raden» without JavaScript, a located error per row, «Evaluert» left as «Vet ikke»), saves
and submits it; an admin publishes it; the owner confirms the contact people in one step and the
page says «sist bekreftet <month year>»; on a 390 px phone the bank's first result is on the
first screen (filters folded) and the project page is no wider than the window (issue 20, item
16); an editor of another municipality finds it by search and opens it (where «Evaluert» says
«Ukjent») and reports «Vi har gjenbrukt dette» (issue 20, item 13): a month refused at its field
first (and kept in the field as typed), then the reuse shown on the project page and on Bergen's
municipality profile.

Every page is loaded by the browser (forms filled and submitted in the page), checked with axe-core
(WCAG 2.1 A/AA) and for its HTTP status and a text it must say; screenshots into --out. Exit status 1
on a serious or critical axe violation, an unexpected status or a missing text. Run by
scripts/walkthrough/project.sh. All names and texts are synthetic.
"""
import argparse
import base64
import datetime
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "browser"))
from axe import axe_source  # noqa: E402
from devtools import chromium  # noqa: E402

# wave.py's Walk (navigate, act, check with axe, photograph); loaded by path, since `wave` is also
# a module of Python's standard library.
_spec = importlib.util.spec_from_file_location("fornye_wave_walk", os.path.join(HERE, "wave.py"))
_wave = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_wave)
Walk, FILL, js = _wave.Walk, _wave.FILL, _wave.js

TITLE = "Sensorer mot fall i hjemmet (syntetisk)"
CONTACT = "Kari Kontakt (syntetisk)"
MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "desember"]
# A phone held upright: 390 CSS px wide (iPhone 12 to 15), 844 px high.
PHONE = dict(width=390, height=844)


def phone_check(walk, name, path, script, text):
    """`path` in a phone's window: axe, the text, a screenshot and `script`, which returns a list of
    problems (empty when the page fits); the window goes back to 1280 px after."""
    walk.tools.call("Emulation.setDeviceMetricsOverride", deviceScaleFactor=1, mobile=True, **PHONE)
    walk.go(path)
    walk.check(name, text=text)
    for problem in walk.tools.evaluate(script):
        walk.failures.append(f"{name}: {problem}")
    walk.photograph(name, PHONE["width"], 3200)


# Issue 20 item 16: on a phone the first result of /prosjekter is on the first screen, with the
# filters folded behind their disclosure.
FIRST_RESULT_ON_FIRST_SCREEN = """(() => {
  const problems = [];
  const filters = document.querySelector('main details.facets');
  if (!filters) problems.push('no disclosure holds the filters');
  else if (filters.open) problems.push('the filters are unfolded on a phone');
  const first = document.querySelector('main .results ul.project-list li');
  if (!first) return problems.concat(['no result on the page']);
  const top = first.getBoundingClientRect().top + scrollY;
  if (top + 40 > innerHeight) problems.push(`the first result starts at ${Math.round(top)} px, below the first screen (${innerHeight} px)`);
  return problems;
})()"""

# No element pushes the page wider than the phone's window (the financing table scrolls in its own
# region instead); names the widest offenders when it does.
NOTHING_WIDER_THAN_THE_WINDOW = """(() => {
  const width = innerWidth;
  const problems = [];
  if (document.scrollingElement.scrollWidth > width)
    problems.push(`the page is ${document.scrollingElement.scrollWidth} px wide in a ${width} px window`);
  const wide = [...document.querySelectorAll('main *')].filter(e => {
    const r = e.getBoundingClientRect();
    if (r.right <= width + 0.5) return false;
    // Inside a region that scrolls sideways on its own is fine.
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if ((o === 'auto' || o === 'scroll') && p.getBoundingClientRect().right <= width + 0.5) return false;
    }
    return true;
  });
  for (const e of wide.slice(0, 5))
    problems.push(`<${e.tagName.toLowerCase()}${e.id ? ' id=' + e.id : ''}${e.className ? ' class=' + e.className : ''}> reaches ${Math.round(e.getBoundingClientRect().right)} px`);
  return problems;
})()"""


def photograph_part(walk, name, selector, width=1280):
    """A screenshot of the element `selector` only (the form is too long for a whole-page shot)."""
    walk.tools.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=False)
    rect = walk.tools.evaluate(f"""(() => {{ const r = document.querySelector({js(selector)}).getBoundingClientRect();
        return {{x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}}; }})()""")
    data = walk.tools.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                           clip=dict(rect, scale=1))["data"]
    walk.shot += 1
    file = os.path.join(walk.out, f"{walk.prefix}-{walk.shot:02d}-{name}.png")
    with open(file, "wb") as handle:
        handle.write(base64.b64decode(data))
    print(f"  screenshot {file} ({selector}, {int(rect['height'])} px)")


def sign_in(walk, email, password, next_path):
    walk.tools.call("Network.clearBrowserCookies")
    walk.go(f"/logg-inn?neste={next_path}")
    walk.act(FILL % (js({"email": email, "password": password}), js("main form button[type=submit]")))


def run(walk, args):
    # The editor opens the empty form.
    sign_in(walk, args.editor_email, args.password, "/prosjekter/ny")
    walk.check("prosjekt-nytt", shot=True, max_height=2600, text="Legg til rad (partner)")
    photograph_part(walk, "prosjekt-nytt-evaluert", "fieldset.answer")
    typed = {
        "title": TITLE,
        "summary": "Syntetisk eksempel: sensorer varsler hjemmetjenesten når en eldre faller.",
        "stage": "pilot",
        "partnerRole-0": "research", "partnerName-0": "Eksempeluniversitetet (syntetisk)",
        "financingSource-0": "research_council", "financingAmount-0": "mye",
        "resultImpact-0": "quality", "resultDescription-0": "Færre fall som ikke blir oppdaget (syntetisk)",
        "contactName-0": CONTACT, "contactEmail-0": "kari.kontakt@example.no", "contactRole-0": "Prosjektleder",
    }
    # «Legg til rad» brings the form back with one more partner row and everything typed kept.
    walk.act(FILL % (js(typed), js('button[value="addRow-partners"]')))
    walk.check("prosjekt-ny-rad", text="Partner 3")
    value = walk.tools.evaluate("document.querySelector('[name=\"partnerName-0\"]').value")
    if value != typed["partnerName-0"]:
        walk.failures.append(f"prosjekt-ny-rad: partner 1 came back as «{value}»")
    photograph_part(walk, "prosjekt-ny-rad-partnere", "#rader-partners")
    # A second partner and a row ticked for removal; the amount «mye» is refused at its row.
    walk.act(FILL % (js({"partnerRole-1": "business", "partnerName-1": "Sensorfirma AS (syntetisk)",
                         "partnerRole-2": "citizens", "partnerName-2": "Fjernes (syntetisk)"}),
                     js('button[value="save"]')))
    walk.check("prosjekt-feil", expect=422, shot=True, max_height=1400,
               text="Beløp (kroner) (finansiering 1): «mye» er ikke et beløp i kroner")
    photograph_part(walk, "prosjekt-feil-finansiering", "#rader-financing")
    photograph_part(walk, "prosjekt-feil-mobil", "#rader-financing", width=390)
    walk.act("""(() => { document.querySelector('[name="financingAmount-0"]').value = '250 000';
        document.querySelector('[name="partnersRemove-2"]').checked = true;
        document.querySelector('[name="contactConsent-0"]').checked = true;
        document.querySelector('button[value="save"]').click(); })()""")
    walk.check("prosjekt-utkast", shot=True, max_height=2400, text="Sensorfirma AS (syntetisk)")
    if "Fjernes (syntetisk)" in walk.tools.evaluate("document.body.innerText"):
        walk.failures.append("prosjekt-utkast: the row ticked for removal was saved")
    slug_path = walk.path()
    # The editor submits it for review.
    walk.act("document.querySelector('input[name=status][value=submitted]').form.querySelector('button').click()")
    walk.check("prosjekt-sendt", text="Sendt til godkjenning")

    # The admin publishes it.
    sign_in(walk, args.admin_email, args.password, slug_path)
    walk.check("prosjekt-til-godkjenning", text=TITLE)
    walk.act("document.querySelector('input[name=status][value=published]').form.querySelector('button').click()")
    walk.check("prosjekt-publisert", shot=True, max_height=2400, text="Publisert")

    # The owner, months later in real life, confirms in one step that the contact people are right
    # (no review round); the page says when, and the history records it.
    sign_in(walk, args.editor_email, args.password, slug_path)
    walk.check("prosjekt-eier", text="Bekreft at kontaktpersonene stemmer")
    walk.act("[...document.querySelectorAll('main form button')]"
             ".find(b => b.textContent.includes('Bekreft at kontaktpersonene stemmer')).click()")
    today = datetime.date.today()
    confirmed = f"sist bekreftet {MONTHS[today.month - 1]} {today.year}"
    walk.check("kontakter-bekreftet", shot=True, max_height=2600, text=confirmed)
    line = walk.tools.evaluate(f"[...document.querySelectorAll('#kontakter ~ ul li')]"
                               f".map(li => li.textContent).find(t => t.includes({js(CONTACT)})) || ''")
    if confirmed not in line:
        walk.failures.append(f"kontakter-bekreftet: the contact's line says «{line}», not «{confirmed}»")
    if not walk.path().startswith(slug_path):
        walk.failures.append(f"kontakter-bekreftet: landed on {walk.path()}, not the project page")
    walk.go(slug_path + "/historikk")
    walk.check("kontakter-historikk", text="Kontaktpersonene bekreftet")

    # On a phone, as a visitor: the project bank's first result on the first screen, and the
    # published project (with its financing table) no wider than the window.
    walk.tools.call("Network.clearBrowserCookies")
    phone_check(walk, "mobil-prosjektbank", "/prosjekter", FIRST_RESULT_ON_FIRST_SCREEN, "Prosjektbanken")
    phone_check(walk, "mobil-prosjekt", slug_path, NOTHING_WIDER_THAN_THE_WINDOW, "Finansiering")

    # An editor elsewhere finds it by search and opens it: an unanswered fact says «Ukjent».
    sign_in(walk, args.other_email, args.password, "/prosjekter")
    walk.go("/prosjekter?q=fall+sensorer")
    walk.check("prosjekt-sok", shot=True, max_height=1800, text=TITLE)
    walk.act(f"[...document.querySelectorAll('main a')].find(a => a.textContent.includes({js(TITLE)})).click()")
    walk.check("prosjekt-funnet", shot=True, max_height=2400, text="Ukjent")
    walk.photograph("prosjekt-funnet-mobil", 390, 3200)

    # «Vi har gjenbrukt dette»: the Bergen editor records that Bergen took it up.
    walk.act("document.querySelector('a[href$=\"/vi-har-gjenbrukt\"]').click()")
    walk.check("gjenbruk-skjema", shot=True, text="Bergen (4601)")
    reuse = {"unit": "Hjemmetjenesten Årstad (syntetisk)", "month": "2025-13",
             "changes": "Varsler til nattpatruljen i stedet for sentralen (syntetisk)"}
    # The month input is type=month; Chromium would clear «2025-13» and refuse to send the form, so
    # it becomes the text field a browser without the month picker shows, and the server's located
    # error is what the person sees.
    walk.tools.evaluate("document.querySelector('main [name=\"month\"]').type = 'text'")
    walk.act(FILL % (js(reuse), js("main form.project-form button[type=submit]")))
    walk.check("gjenbruk-feil", expect=422, shot=True, text="ÅÅÅÅ-MM")
    # What was typed comes back in the field (a type=month input would have emptied it on load).
    kept = walk.tools.evaluate("document.querySelector('main [name=\"month\"]').value")
    if kept != reuse["month"]:
        walk.failures.append(f"gjenbruk-feil: the month field came back as «{kept}», not «{reuse['month']}»")
    walk.act(FILL % (js({"month": "2025-03"}), js("main form.project-form button[type=submit]")))
    walk.check("gjenbruk-registrert", shot=True, max_height=2400, text="Hjemmetjenesten Årstad (syntetisk)")
    if not walk.path().startswith(slug_path):
        walk.failures.append(f"gjenbruk-registrert: landed on {walk.path()}, not the project page")
    walk.go("/kommuner/4601")
    walk.check("gjenbruk-kommuneprofil", shot=True, max_height=3200, text=TITLE)
    # The same in English, where the form's error and the profile speak English.
    walk.go(slug_path + "?lang=en")
    walk.check("gjenbruk-engelsk", text="Reuse")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default=os.environ.get("FORNYE_URL", "http://127.0.0.1:8111"))
    parser.add_argument("--editor-email", default=os.environ.get("EDITOR_EMAIL"))
    parser.add_argument("--admin-email", default=os.environ.get("ADMIN_EMAIL"))
    parser.add_argument("--other-email", default=os.environ.get("OTHER_EMAIL"))
    parser.add_argument("--password", default=os.environ.get("WALK_PASSWORD"))
    parser.add_argument("--out", default="docs/screenshots/projectbank")
    parser.add_argument("--work", default="/tmp/fornye-project-walk")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    os.makedirs(args.work, exist_ok=True)
    source = axe_source()
    port = int(os.environ.get("DEVTOOLS_PORT", "9311"))
    with chromium(port, os.path.join(args.work, "chrome")) as tools:
        tools.call("Page.enable")
        tools.call("Network.enable")
        tools.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
        walk = Walk(tools, args.base, args.out, source, prefix="project")
        run(walk, args)
    for failure in walk.failures:
        print("FAIL", failure)
    print(f"{walk.shot} screenshots, {len(walk.failures)} failure(s)")
    return 1 if walk.failures else 0


if __name__ == "__main__":
    sys.exit(main())
