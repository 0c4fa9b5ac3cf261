#!/usr/bin/env python3
"""Browser walk-through of the project bank: finds a project (search, facets, project page,
similar projects, reuse map, research partners) and writes one as a municipality editor, saving
screenshots to docs/screenshots/prosjektbanken-*.png.

Needs a running server and an editor account, e.g.:
    FORNYE_DATA_DIR=$(mktemp -d) fornye user create --email red@example.no --name Redaktør \
        --role municipality_editor --municipality 4601 --password-stdin <<< 'et-langt-passord-123'
    FORNYE_DATA_DIR=... fornye serve --port 8190
    python3 scripts/screenshots/prosjektbanken.py http://127.0.0.1:8190 red@example.no 'et-langt-passord-123' 4601

Public pages are shot by URL. Signed-in pages are fetched with the session cookie (urllib +
http.cookiejar) and shot from a local copy with <base href> pointing at the server, so the
stylesheet loads; headless Chromium takes no cookies on its command line. Standard library only.
"""
import html.parser
import http.cookiejar
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

BASE, EMAIL, PASSWORD, MUNICIPALITY = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], sys.argv[4]
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "screenshots")
os.makedirs(OUT, exist_ok=True)
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def get(path):
    with opener.open(BASE + path) as response:
        return response.read().decode(), response.geturl()


def post(path, fields):
    data = urllib.parse.urlencode(fields, doseq=True).encode()
    try:
        with opener.open(BASE + path, data) as response:
            return response.status, response.read().decode(), response.geturl()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), BASE + path


def csrf(page):
    match = re.search(r'<input[^>]*name="(_csrf[^"]*|csrf[^"]*)"[^>]*value="([^"]+)"', page)
    if not match:
        match = re.search(r'<input[^>]*value="([^"]+)"[^>]*name="(_csrf[^"]*|csrf[^"]*)"', page)
        return {match.group(2): match.group(1)}
    return {match.group(1): match.group(2)}


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
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    print("saved", os.path.relpath(target))


# Finding a project (public).
search, _ = get("/prosjekter?q=velferdsteknologi")
browse, _ = get("/prosjekter")
shoot("sok", BASE + "/prosjekter?q=velferdsteknologi")
shoot("sok-mobil", BASE + "/prosjekter?q=velferdsteknologi", width=390, height=1800)
facet = re.search(r'name="county" value="(\d+)"', browse)
if facet:
    shoot("fasetter", BASE + f"/prosjekter?county={facet.group(1)}")
slug = re.search(r'href="/prosjekter/([a-z0-9-]+)"', search.split('id="treff"', 1)[-1]).group(1)
shoot("prosjekt", BASE + f"/prosjekter/{slug}", height=2600)
shoot("prosjekt-mobil", BASE + f"/prosjekter/{slug}", width=390, height=2600)
shoot("gjenbruk", BASE + "/prosjekter/gjenbruk")
shoot("forskningspartnere", BASE + "/forskningspartnere")

# Writing a project (signed in as a municipality editor).
login, _ = get("/logg-inn")
status, _, _ = post("/logg-inn", {**csrf(login), "email": EMAIL, "password": PASSWORD, "neste": "/prosjekter"})
form, url = get("/prosjekter/ny")
assert "/logg-inn" not in url, "sign-in failed"
shoot("ny", page=form, height=2600)
fields = {
    **csrf(form),
    "title": "Digital tilsynsløsning for hjemmeboende",
    "summary": "Kommunen prøver kameratilsyn om natten for hjemmeboende eldre, med samtykke.",
    "ownerMunicipality": MUNICIPALITY, "stage": "pilot", "innovationTypes": ["1", "3"],
    "problem": "Nattbesøk vekker brukere og binder mange ansatte i hjemmetjenesten.",
    "solution": "Digitalt tilsyn med kamera og sensorer erstatter noen nattbesøk i hjemmetjenesten.",
}
status, saved, url = post("/prosjekter", fields)
print("create:", status, url)
shoot("lagret", page=saved, height=2600)
# An invalid save: the error summary, with messages linked to the fields.
status, invalid, _ = post("/prosjekter", {**csrf(form), "title": "", "summary": "", "stage": "pilot"})
print("invalid create:", status)
shoot("feil", page=invalid, height=1800)
