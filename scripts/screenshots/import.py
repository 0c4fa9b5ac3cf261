#!/usr/bin/env python3
"""Screenshots of the web import: the upload form, the preview (first rows, problems, the
column → question table) and the wave page with exports and publishing, saved to
docs/screenshots/import-*.png. SYNTETISKE DATA: the responses below are made up.

Needs a running server, an analyst and a collected wave, e.g.:
    export FORNYE_DATA_DIR=$(mktemp -d)
    fornye user create --email ana@example.no --name Analytiker --role analyst --password-stdin <<< 'et-langt-passord-123'
    fornye wave-create --slug 2026 --title "Innovasjonsbarometeret 2026 (test)" --sample-frame frame.csv --links links.csv \
        --organizer KS --contact-email barometer@example.no --retention-until 2099-12-31
    fornye serve --port 8191
    python3 scripts/screenshots/import.py http://127.0.0.1:8191 ana@example.no 'et-langt-passord-123' 2026

Pages are fetched with the session cookie and shot from a local copy with <base href> (headless
Chromium takes no cookies on its command line). Standard library only.
"""
import http.cookiejar
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

BASE, EMAIL, PASSWORD, SLUG = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], sys.argv[4]
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "screenshots")
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

# Synthetic responses; the second file has a column the automatic mapping does not know and a bad code.
GOOD = """kommunenummer,sector,unit_type,role,innovated_service,innovated_product,innovated_organisation,innovated_communication,newest_type
0301,1,1,1,1,2,2,2,1 3
1103,2,5,2,2,2,2,2,
301,Utdanning og oppvekst,4,Leder,8,1,2,2,2
"""
BAD = GOOD.replace("unit_type,", "enhet,").replace("1103,2,5", "1103,9,5")


def get(path):
    with opener.open(BASE + path) as response:
        return response.read().decode(), response.geturl()


def token(page):
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


def post(path, fields):
    data = urllib.parse.urlencode(fields).encode()
    with opener.open(BASE + path, data) as response:
        return response.read().decode(), response.geturl()


def upload(path, fields, filename, content):
    boundary = "fornye-screenshot-boundary"
    body = b""
    for name, value in fields.items():
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    body += (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
             f"Content-Type: text/csv\r\n\r\n").encode() + content.encode() + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(BASE + path, data=body, headers={
        "Content-Type": f"multipart/form-data; boundary={boundary}"})
    try:
        with opener.open(request) as response:
            return response.read().decode(), response.geturl()
    except urllib.error.HTTPError as error:
        return error.read().decode(), BASE + path


def shoot(name, page, width=1280, height=1800):
    page = page.replace("<head>", f'<head><base href="{BASE}/">', 1)
    handle, path = tempfile.mkstemp(suffix=".html")
    with os.fdopen(handle, "w") as file:
        file.write(page)
    target = os.path.abspath(os.path.join(OUT, f"import-{name}.png"))
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--window-size={width},{height}", f"--screenshot={target}", "file://" + path],
                   check=True, capture_output=True)
    os.remove(path)
    print(target)


login, _ = get("/logg-inn")
post("/logg-inn", {"_csrf": token(login), "email": EMAIL, "password": PASSWORD})
form, _ = get(f"/analyse/innsamling/{SLUG}/import")
shoot("skjema", form, height=1100)
preview, url = upload(f"/analyse/innsamling/{SLUG}/import", {"_csrf": token(form)}, "svar-2026.csv", BAD)
shoot("forhandsvisning-feil", preview, height=2400)
post(urllib.parse.urlparse(url).path + "/avbryt", {"_csrf": token(preview)})
preview, url = upload(f"/analyse/innsamling/{SLUG}/import", {"_csrf": token(form)}, "svar-2026.csv", GOOD)
shoot("forhandsvisning", preview, height=2400)
done, _ = post(urllib.parse.urlparse(url).path + "/bekreft", {"_csrf": token(preview)})
shoot("ferdig", done, height=700)
wave, _ = get(f"/analyse/innsamling/{SLUG}")
post(f"/analyse/innsamling/{SLUG}/status", {"_csrf": token(wave), "status": "open"})
post(f"/analyse/innsamling/{SLUG}/status", {"_csrf": token(wave), "status": "closed"})
wave, _ = get(f"/analyse/innsamling/{SLUG}")
shoot("bolge", wave, height=2000)
