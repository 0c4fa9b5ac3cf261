#!/usr/bin/env python3
"""The municipality profile's browser check (issue 17): axe (WCAG 2.1 A/AA) and full-page
screenshots of three profiles (a large city, a small rural municipality with few respondents, a
merged one) in bokmål and English at desktop and mobile width, the «Vi har gjenbrukt dette» form
signed in as an editor of another municipality, sent with errors, and the contact confirmation
flow. An editor may edit only a draft or a project marked «needs update» (ProjectWorkflow.mayEdit,
docs/PROJECTBANK.md), so the owner's editor first marks the published project as needing an
update, then saves it (which confirms its contacts) and sends it for review, and an admin
publishes it again; its contacts then read «sist bekreftet <month>» on the profile. Run by
scripts/browser/profile-pages.sh, which starts the server and the users.

  python3 scripts/browser/profile-checks.py OUT_DIR BASE_URL REUSE_EDITOR OWNER_EDITOR ADMIN PASSWORD

Exits 1 on any axe violation (any impact: the profile's target is none) or a failed step.
"""

import os
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from axe import axe_source, report, run_axe  # noqa: E402
from devtools import chromium, sign_in  # noqa: E402
from screens import file_name  # noqa: E402

PROFILES = ["0301", "1868", "3301"]  # Oslo; Øksnes (rural, few respondents); Drammen (merged 2020)
OWNER = "1103"  # Stavanger: owns a published demo project (most demo projects have no owner municipality)


class Checks:
    def __init__(self, tools, base, out_dir, source):
        self.tools, self.base, self.out_dir, self.source = tools, base, out_dir, source
        self.ok = True

    def sign_in_as(self, email, password):
        self.tools.call("Network.clearBrowserCookies")
        host = urllib.parse.urlparse(self.base).hostname
        for name, value in sign_in(self.base, email, password).items():
            self.tools.call("Network.setCookie", name=name, value=value, domain=host, path="/")

    def load(self, path):
        self.tools.call("Page.navigate", url=self.base + path)
        self.tools.wait_for("Page.loadEventFired", timeout=120)

    def submit(self, script):
        """Runs `script` (which fills the form and calls form.submit(), so the browser's own
        required-field check does not stop the errors reaching the server) and waits for the answer."""
        self.tools.evaluate(script)
        self.tools.wait_for("Page.loadEventFired", timeout=120)

    def check(self, label, name, widths=(1280, 390)):
        """axe on the page as loaded, then a screenshot per width (re-navigating keeps a posted page
        from being posted again: the screenshots of a posted page use its current DOM instead)."""
        violations = run_axe(self.tools, self.source)
        report(label, violations)
        self.ok = self.ok and not violations
        for width in widths:
            shoot_current(self.tools, os.path.join(self.out_dir, file_name(name, width)), width)

    def expect(self, condition, message):
        print(("ok   " if condition else "FAIL ") + message)
        self.ok = self.ok and condition


def status_script(status):
    """Sends the project page's workflow form that moves the project to `status`."""
    return (f"document.querySelector('form.inline-form input[name=status][value={status}]').form"
            ".querySelector('button[type=submit]').click()")


def shoot_current(tools, path, width):
    """Like screens.shoot, without navigating: the page as it is now."""
    import base64

    tools.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=width < 600)
    time.sleep(0.3)
    height = min(tools.evaluate("document.documentElement.scrollHeight"), int(os.environ.get("MAX_HEIGHT", "9000")))
    tools.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=width < 600)
    clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
    data = tools.call("Page.captureScreenshot", format="png", captureBeyondViewport=True, clip=clip)["data"]
    with open(path, "wb") as out:
        out.write(base64.b64decode(data))
    print("screenshot", path, f"{width}x{height}")


def main():
    out_dir, base, reuse_editor, owner_editor, admin, password = sys.argv[1:7]
    base = base.rstrip("/")
    os.makedirs(out_dir, exist_ok=True)
    source = axe_source()
    port = int(os.environ.get("DEVTOOLS_PORT", "9360"))
    with tempfile.TemporaryDirectory() as profile, chromium(port, profile) as tools:
        tools.call("Page.enable")
        checks = Checks(tools, base, out_dir, source)

        # 1. The three profiles, both languages, desktop and mobile, signed out.
        # `?lang=nb` explicitly: `?lang=en` sets the language cookie, so a bare path after it is English.
        for number in [] if os.environ.get("SKIP_PROFILES") else PROFILES:
            for query in ["?lang=nb", "?lang=en"]:
                path = f"/kommuner/{number}{query}"
                checks.load(path)
                checks.check(path, path.replace("?lang=nb", ""))
        if not os.environ.get("SKIP_PROFILES"):
            checks.load("/kommuner?lang=nb")
            checks.check("/kommuner", "/kommuner")

        # 2. «Vi har gjenbrukt dette» by an editor of another municipality, with errors.
        # A project as its owner's profile lists it (published, owned by OWNER).
        checks.load(f"/kommuner/{OWNER}")
        href = tools.evaluate("document.querySelector('ul.profile-projects a').getAttribute('href')")
        slug = urllib.parse.unquote(href.rsplit("/", 1)[1])
        checks.sign_in_as(reuse_editor, password)
        form = f"/prosjekter/{slug}/vi-har-gjenbrukt"
        checks.load(form)
        checks.check(form, form, widths=(1280,))
        checks.submit(
            "(() => { const f = document.querySelector('form.project-form');"
            " f.querySelector('[name=month]').value = '';"
            " f.querySelector('[name=unit]').value = 'x'.repeat(300); f.submit(); })()"
        )
        html = tools.evaluate("document.documentElement.outerHTML")
        checks.expect("error-summary" in html and 'aria-invalid="true"' in html, "the reuse form shows its errors")
        checks.check(form + " (errors)", form + "-feil")
        checks.submit(
            "(() => { const f = document.querySelector('form.project-form');"
            " f.querySelector('[name=month]').value = '2025-03';"
            " f.querySelector('[name=unit]').value = 'Hjemmetjenesten (SYNTETISK TEST)'; f.submit(); })()"
        )
        checks.expect(
            "Hjemmetjenesten (SYNTETISK TEST)" in tools.evaluate("document.body.innerText"),
            "a corrected report is shown on the project page")

        # 3. Contact confirmation. A published project is not open to its editor (403 on the edit
        # form) until the editor marks it as needing an update; saving it then confirms its
        # contacts, and it is published again after review.
        checks.sign_in_as(owner_editor, password)
        checks.load(f"/prosjekter/{slug}/rediger")
        checks.expect(
            tools.evaluate("document.querySelector('form.project-form') === null"),
            "a published project's edit form is closed to its editor")
        checks.load(f"/prosjekter/{slug}")
        checks.submit(status_script("needs_update"))
        checks.load(f"/prosjekter/{slug}/rediger")
        checks.check(f"/prosjekter/{slug}/rediger", "/prosjekt-rediger", widths=(1280,))
        # The demo project names no contact (the report names none): the editor adds one who
        # consents to publication, and saves.
        checks.submit(
            "(() => { const f = document.querySelector('form.project-form');"
            " const first = name => f.querySelector(`[name^=${name}-]`);"
            " first('contactName').value = 'Kari Kontakt (SYNTETISK TEST)';"
            " first('contactEmail').value = 'kari.kontakt@example.no';"
            " first('contactRole').value = 'Prosjektleder';"
            " first('contactConsent').checked = true;"
            " f.querySelector('button[name=action][value=save]').click(); })()"
        )
        checks.load(f"/prosjekter/{slug}")
        checks.submit(status_script("submitted"))
        checks.sign_in_as(admin, password)
        checks.load(f"/prosjekter/{slug}")
        checks.submit(status_script("published"))
        checks.load(f"/kommuner/{OWNER}#kontakter")
        text = tools.evaluate("document.getElementById('kontakter').parentElement.innerText")
        checks.expect(
            "Kari Kontakt (SYNTETISK TEST)" in text and "sist bekreftet" in text,
            "the saved project's contacts read «sist bekreftet …»")
        checks.check(f"/kommuner/{OWNER} (after the save, signed in)", f"/kommuner/{OWNER}-bekreftet", widths=(1280, 390))
        checks.load(f"/prosjekter/{slug}")
        checks.check(f"/prosjekter/{slug}", "/prosjekt", widths=(1280, 390))
    return 0 if checks.ok else 1


if __name__ == "__main__":
    sys.exit(main())
