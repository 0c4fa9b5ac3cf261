#!/usr/bin/env python3
"""Innovasjonstesten in headless Chromium (issue 16), both paths: a kindergarten in Oslo with no
innovation, and a nursing home in Bodø with a full "yes" (newest innovation, factors), its
result with a widened or narrowed peer group, a private link kept, opened and deleted.

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


def run(walk):
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
    walk.go(f"/innovasjonstesten/resultat/{token}")
    fill(walk, {}, "main form[action$='/slett'] button")
    walk.check("deleted", shot=True, text="Svarene er slettet")
    walk.go(f"/innovasjonstesten/resultat/{token}")
    walk.check("gone", expect=404, text="Ingen resultat her")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default=os.environ.get("FORNYE_URL", "http://127.0.0.1:8096"))
    parser.add_argument("--out", default="docs/screenshots/selftest")
    parser.add_argument("--work", default="/tmp/fornye-selftest-walk")
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
        run(walk)
    for failure in walk.failures:
        print("FAIL", failure)
    print(f"{walk.shot} screenshots, {len(walk.failures)} failure(s)")
    return 1 if walk.failures else 0


if __name__ == "__main__":
    sys.exit(main())
