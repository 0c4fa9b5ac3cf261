#!/usr/bin/env python3
"""Innovasjonstesten in headless Chromium (issue 16), both paths: a kindergarten in Oslo with no
innovation, and a nursing home in Bodø with a full "yes" (newest innovation, factors), its
result with a widened or narrowed peer group, a private link kept, opened, retaken and deleted;
a team session (four members: no result, five: the team's result; deleted by the facilitator);
a municipality editor turning the newest innovation into a Prosjektbanken draft.

Every page is loaded by the browser (forms filled and submitted in the page; Fornye's pages need
no JavaScript), checked with axe-core and its HTTP status; screenshots into --out. Exit 1 on a
serious or critical axe violation or an unexpected status. Run by scripts/walkthrough/selftest.sh.
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "browser"))
from axe import axe_source  # noqa: E402
from devtools import chromium  # noqa: E402
from wave import Walk, js  # noqa: E402

# Fills radios (a value), checkboxes (a list of values) and text inputs, then clicks `button`.
FILL = """(() => {
  const fields = %s;
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) {
      for (const v of value) document.querySelector(`main [name="${name}"][value="${v}"]`).checked = true;
      continue;
    }
    const input = document.querySelector(`main [name="${name}"]`);
    if (input.type === 'radio') document.querySelector(`main [name="${name}"][value="${value}"]`).checked = true;
    else input.value = value;
  }
  document.querySelector(%s).click();
})()"""
NEXT = "main button[name=action][value=next]"

FACTORS = {
    "factor_employee_participation": "5", "factor_internal_collaboration": "4", "factor_financial_resources": "2",
    "factor_operations_focus": "3", "factor_politics": "3", "factor_handling_mistakes": "4",
    "factor_leadership": "5", "factor_competence": "4", "factor_user_participation": "3",
    "factor_external_collaboration": "4", "factor_technology": "1", "factor_regulations": "2", "factor_time": "1",
}


def fill(walk, fields, button=NEXT):
    walk.act(FILL % (js(fields), js(button)))


def run(walk, args):
    # Path 1: no innovation.
    walk.go("/innovasjonstesten")
    walk.check("start", shot=True, text="Innovasjonstesten")
    fill(walk, {"unit_type": "4"})
    walk.check("start-feil", expect=422, shot=True, text="Det er feil i skjemaet")
    fill(walk, {"sector": "2", "unit_type": "4", "kommunenummer": "0301"})
    walk.check("innovasjon", shot=True)
    fill(walk, {"innovated_service": "2", "innovated_product": "2", "innovated_organisation": "2",
                "innovated_communication": "2"})
    walk.check("ingen-innovasjon", text="Side 2 av 2")
    fill(walk, {"development_underway": "1"})
    walk.check("resultat-ingen-innovasjon", shot=True, max_height=4000, text="Resultatet ditt")
    # Path 2: a full yes.
    walk.go("/innovasjonstesten?lang=en")
    walk.check("start-en")
    fill(walk, {"sector": "1", "unit_type": "1", "kommunenummer": "1804"})
    fill(walk, {"innovated_service": "1", "innovated_product": "2", "innovated_organisation": "1",
                "innovated_communication": "2"})
    walk.check("newest", shot=True, max_height=3000)
    fill(walk, {"newest_type": ["1", "3"], "novelty": "2", "inspiration": "2", "trigger": ["1", "2", "11"],
                "financing": ["1", "4"], "results": ["1", "2", "3"], "partners": ["1", "6", "8"], "spread": "1"})
    walk.check("factors", shot=True, max_height=3000)
    fill(walk, FACTORS)
    walk.check("result-yes", shot=True, max_height=7000, text="Your result")
    fill(walk, {"gruppe": "national"}, "main button[name=action][value=result]")
    walk.check("result-national", text="All units nationwide")
    fill(walk, {}, "main button[name=action][value=keep]")
    walk.check("kept-link", shot=True, max_height=1400, text="Your private link")
    html = walk.tools.evaluate("document.body.innerHTML")
    token = re.search(r"/innovasjonstesten/resultat/([A-Za-z0-9_-]{43})", html).group(1)
    walk.go(f"/innovasjonstesten/resultat/{token}?gruppe=county")
    walk.check("kept-result-county")
    walk.go(f"/innovasjonstesten/resultat/{token}/ny")
    walk.check("retake-start", text="Innovasjonstesten")
    fill(walk, {})
    fill(walk, {"innovated_service": "1", "innovated_product": "2", "innovated_organisation": "1",
                "innovated_communication": "2"})
    fill(walk, {"newest_type": ["1"], "novelty": "2", "inspiration": "2", "trigger": ["1", "2"],
                "financing": ["1"], "results": ["1", "2"], "partners": ["1", "6"], "spread": "1"})
    fill(walk, dict(FACTORS, factor_leadership="2", factor_technology="3"))
    fill(walk, {}, "main button[name=action][value=keep]")
    walk.check("retake-kept", text="Endring siden")
    walk.go(f"/innovasjonstesten/resultat/{token}")
    walk.check("retake-change", shot=True, max_height=9000, text="Endring siden")
    fill(walk, {}, "main form[action$='/slett'] button")
    walk.check("deleted", shot=True, text="Svarene er slettet")
    walk.go(f"/innovasjonstesten/resultat/{token}")
    walk.check("gone", expect=404, text="Ingen resultat her")
    team(walk)
    draft(walk, args)


def team(walk):
    walk.go("/innovasjonstesten/gruppe")
    walk.check("gruppe", shot=True, max_height=2400, text="Innovasjonstesten for grupper")
    fill(walk, {"kode": "OOO000"}, "main form[action^='/innovasjonstesten/gruppe/bli-med'] button")
    walk.check("gruppe-feil-kode", expect=422, shot=True, max_height=1600, text="Koden virker ikke")
    fill(walk, {"sector": "2", "unit_type": "5", "kommunenummer": "0301"},
         "main form[action^='/innovasjonstesten/gruppe'][action$='gruppe'] button")
    walk.check("gruppe-leder", shot=True, max_height=1600, text="Lederlenken din")
    html = walk.tools.evaluate("document.body.innerHTML")
    code = re.search(r'class="team-code">([A-Z0-9]{3}) ([A-Z0-9]{3})<', html)
    code = code.group(1) + code.group(2)
    leader = re.search(r"/innovasjonstesten/gruppeleder/([A-Za-z0-9_-]{43})", html).group(1)
    yes = {"innovated_service": "1", "innovated_product": "2", "innovated_organisation": "2",
           "innovated_communication": "2"}
    no = {"innovated_service": "2", "innovated_product": "2", "innovated_organisation": "2",
          "innovated_communication": "2"}
    for member in range(5):
        walk.go("/innovasjonstesten/gruppe")
        fill(walk, {"kode": code[:3].lower() + " " + code[3:]},
             "main form[action^='/innovasjonstesten/gruppe/bli-med'] button")
        walk.check(f"gruppe-medlem-{member + 1}", shot=member == 0)
        if member < 3:
            fill(walk, yes)
            fill(walk, {"newest_type": ["1"], "novelty": "1", "inspiration": "2", "trigger": ["2"],
                        "financing": ["1"], "results": ["1"], "partners": ["1"], "spread": "2"})
            fill(walk, dict(FACTORS, factor_leadership=str(member + 3)))
        else:
            fill(walk, no)
            fill(walk, {"development_underway": "1"})
        if member == 3:
            walk.check("gruppe-fire", shot=True, max_height=1400, text="4 av minst 5 har svart")
    walk.check("gruppe-resultat", shot=True, max_height=6000, text="Gruppens svar mot andre")
    walk.go(f"/innovasjonstesten/gruppeleder/{leader}")
    walk.check("gruppe-leder-igjen", text="5 har svart")
    fill(walk, {}, "main form[action$='/slett'] button")
    walk.check("gruppe-slettet", shot=True, text="Økten er slettet")
    walk.go(f"/innovasjonstesten/gruppe/{code}")
    walk.check("gruppe-borte", expect=404, text="Ingen gruppeøkt her")


def draft(walk, args):
    walk.go("/logg-inn?neste=/innovasjonstesten")
    walk.act(FILL % (js({"email": args.email, "password": args.password}), js("main form button[type=submit]")))
    walk.check("redaktor-start", text="Innovasjonstesten")
    fill(walk, {"sector": "1", "unit_type": "1", "kommunenummer": "1804"})
    fill(walk, {"innovated_service": "1", "innovated_product": "2", "innovated_organisation": "1",
                "innovated_communication": "2"})
    fill(walk, {"newest_type": ["1", "3"], "novelty": "2", "inspiration": "2", "trigger": ["2"],
                "financing": ["1", "4"], "results": ["1", "2"], "partners": ["6", "8"], "spread": "1"})
    fill(walk, FACTORS)
    walk.check("redaktor-resultat", shot=True, max_height=9000, text="Lag utkast i Prosjektbanken")
    fill(walk, {}, "main form[action^='/innovasjonstesten/utkast'] button")
    # The title («Nyeste innovasjon – …») is an input value, which innerText leaves out.
    walk.check("redaktor-utkast", shot=True, max_height=3000, text="Rediger prosjekt")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default=os.environ.get("FORNYE_URL", "http://127.0.0.1:8096"))
    parser.add_argument("--out", default="docs/screenshots/selftest")
    parser.add_argument("--work", default="/tmp/fornye-selftest-walk")
    parser.add_argument("--email", default=os.environ.get("EDITOR_EMAIL", "redaktor@example.no"))
    parser.add_argument("--password", default=os.environ.get("EDITOR_PASSWORD", ""))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    os.makedirs(args.work, exist_ok=True)
    source = axe_source()
    port = int(os.environ.get("DEVTOOLS_PORT", "9352"))
    with chromium(port, os.path.join(args.work, "chrome")) as tools:
        tools.call("Page.enable")
        tools.call("Network.enable")
        tools.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
        walk = Walk(tools, args.base, args.out, source, prefix="selftest")
        run(walk, args)
    for failure in walk.failures:
        print("FAIL", failure)
    print(f"{walk.shot} screenshots, {len(walk.failures)} failure(s)")
    return 1 if walk.failures else 0


if __name__ == "__main__":
    sys.exit(main())
