#!/usr/bin/env python3
"""Screenshots of the project bank's attachments, reuse tile map and research-institution admin
form, saved to docs/screenshots/prosjektbanken-*.png.

Needs a running server with the demo content and an admin account, e.g.:
    FORNYE_DATA_DIR=$(mktemp -d) fornye user create --email admin@example.no --name Admin \
        --role admin --password-stdin <<< 'et-langt-passord-123'
    FORNYE_DATA_DIR=... fornye serve --port 8191
    python3 scripts/screenshots/prosjektbanken-features.py http://127.0.0.1:8191 admin@example.no 'et-langt-passord-123'

As the admin it creates and publishes two projects that build on «Jobb smartere» (Skien) so the
map has arrows, uploads a small PDF and a CSV to one of them, and shoots: the project page with
its attachments, a refused upload, the national reuse map, the project's "reused by" page, the
institution form (empty and with errors), an upload over the body limit and the version history. Signed-in pages are shot from a local copy with
<base href> (headless Chromium takes no cookies on its command line). Standard library only.
"""
import http.cookiejar
import os
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request

BASE, EMAIL, PASSWORD = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "screenshots")
os.makedirs(OUT, exist_ok=True)
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def get(path):
    with opener.open(BASE + path) as response:
        return response.read().decode(), response.geturl()


def send(path, data, content_type):
    request = urllib.request.Request(BASE + path, data=data, headers={"Content-Type": content_type})
    try:
        with opener.open(request) as response:
            return response.status, response.read().decode(), response.geturl()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), BASE + path


def post(path, fields):
    return send(path, urllib.parse.urlencode(fields, doseq=True).encode(), "application/x-www-form-urlencoded")


def upload(path, token, files):
    boundary = "----fornye-screenshot-boundary"
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n{token}\r\n'.encode()]
    for name, data, content_type in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="files[]"; filename="{name}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return send(path, b"".join(parts), f"multipart/form-data; boundary={boundary}")


def csrf(page):
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


def shoot(name, url=None, page=None, width=1280, height=1600):
    target = os.path.abspath(os.path.join(OUT, f"prosjektbanken-{name}.png"))
    if page is not None:
        page = page.replace("<head>", f'<head><base href="{BASE}/">', 1)
        handle, path = tempfile.mkstemp(suffix=".html")
        with os.fdopen(handle, "w") as file:
            file.write(page)
        url = "file://" + path
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--screenshot={target}", f"--window-size={width},{height}", url],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=90)
    print("saved", os.path.relpath(target))


login, _ = get("/logg-inn")
post("/logg-inn", {"_csrf": csrf(login), "email": EMAIL, "password": PASSWORD, "neste": "/prosjekter"})
form, url = get("/prosjekter/ny")
assert "/logg-inn" not in url, "sign-in failed"
token = csrf(form)

slugs = []
for owner, title in [("4601", "Jobb smartere i Bergen"), ("5001", "Jobb smartere i Trondheim"),
                     ("1103", "Jobb smartere i Stavanger")]:
    status, _, url = post("/prosjekter", {
        "_csrf": token, "title": title, "summary": "Bygger på erfaringene fra Skien med velferdsteknologi.",
        "ownerMunicipality": owner, "stage": "pilot", "basedOn": "jobb-smartere-skien", "action": "save",
        "contactName-0": "Kari Nordmann", "contactEmail-0": "kari@example.no", "contactConsent-0": "on",
        "contactName-1": "Ola Uten Samtykke", "contactEmail-1": "ola@example.no",
        "linkTitle-0": "Sluttrapport", "linkURL-0": "https://example.no/rapport",
    })
    slug = url.rsplit("/", 1)[-1]
    slugs.append(slug)
    pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
    csv = "kommune,antall\nBergen,3\n".encode()
    if len(slugs) == 1:
        upload(f"/prosjekter/{slug}/vedlegg", token,
               [("Sluttrapport 2024 – «Jobb smartere».pdf", pdf, "application/pdf"),
                ("../../tall\u202etxt.csv", csv, "text/csv")])
        page, _ = get(f"/prosjekter/{slug}")
        shoot("vedlegg", page=page, height=3000)
        _, refused, _ = upload(f"/prosjekter/{slug}/vedlegg", token,
                               [("rapport.pdf", b"<!DOCTYPE html><script>alert(1)</script>", "application/pdf")])
        shoot("vedlegg-avvist", page=refused, height=900)
        # Over the body limit (about 10.5 MB): the page with the limit and the upload's size.
        _, too_large, _ = upload(f"/prosjekter/{slug}/vedlegg", token,
                                 [("stor-rapport.pdf", pdf + bytes(11 * 1024 * 1024), "application/pdf")])
        shoot("vedlegg-for-stor", page=too_large, height=1000)
    for status_value in ["submitted", "published"]:
        post(f"/prosjekter/{slug}/status", {"_csrf": token, "status": status_value})

# Nordland → Innlandet and Agder: the arrows that used to cross Trøndelag's label.
def published(owner, title, based_on):
    _, _, url = post("/prosjekter", {
        "_csrf": token, "title": title, "summary": "Bygger på et annet prosjekt.", "ownerMunicipality": owner,
        "stage": "pilot", "basedOn": based_on, "action": "save"})
    slug = url.rsplit("/", 1)[-1]
    for status_value in ["submitted", "published"]:
        post(f"/prosjekter/{slug}/status", {"_csrf": token, "status": status_value})
    return slug


bodo = published("1804", "Jobb smartere i Bodø", "jobb-smartere-skien")
published("3403", "Bodø-modellen i Hamar", bodo)
published("4204", "Bodø-modellen i Kristiansand", bodo)
page, _ = get(f"/prosjekter/{slugs[0]}/historikk")
shoot("historikk", page=page, height=900)
shoot("gjenbrukskart", BASE + "/prosjekter/gjenbruk", height=1400)
shoot("gjenbrukskart-mobil", BASE + "/prosjekter/gjenbruk", width=390, height=2400)
shoot("gjenbrukt-av", BASE + "/prosjekter/jobb-smartere-skien/gjenbruk", height=1400)
shoot("prosjekt-offentlig", BASE + f"/prosjekter/{slugs[0]}", height=3000)

page, _ = get("/admin/institusjoner/ny")
shoot("institusjon-ny", page=page, height=1100)
_, invalid, _ = post("/admin/institusjoner", {"_csrf": token, "name": "", "kind": "", "competence": "",
                                             "url": "ftp://example.no"})
shoot("institusjon-feil", page=invalid, height=1300)
post("/admin/institusjoner", {"_csrf": token, "name": "Eksempel: senter for sensorteknologi (syntetisk)",
                              "kind": "Forskningsinstitutt", "competence": "sensorteknologi\nvelferdsteknologi",
                              "contact": "post@example.no", "url": "https://example.no"})
page, _ = get("/admin/institusjoner")
shoot("institusjoner", page=page, height=900)

# A busy county: Skien's project reused in a municipality of every other county (two in some), so
# the map shows only its largest links and "who built on what" ends with "and N more".
for owner in ["5601", "5603", "5501", "5503", "1806", "5006", "5007", "1506", "1507", "3405", "4602", "3301",
              "3303", "3201", "3203", "0301", "1101", "3901", "3903", "3101", "3103", "4201", "4203"]:
    published(owner, f"Jobb smartere ({owner})", "jobb-smartere-skien")
shoot("gjenbrukskart-travelt", BASE + "/prosjekter/gjenbruk", height=2600)
