#!/usr/bin/env python3
"""A respondent's walk through the web questionnaire, as a browser without JavaScript would do
it (cookies, form posts, redirects), with a headless Chromium screenshot of every page shown.

  python3 walkthrough.py --base http://127.0.0.1:8091 --token TOKEN --out docs/screenshots/collection

Each page the server returned is saved as HTML with a <base> pointing at the server (so its
style sheet loads) and photographed by `chromium --headless --screenshot`. Loopback only.
"""
import argparse
import html.parser
import http.client
import os
import re
import subprocess
import urllib.parse


class Forms(html.parser.HTMLParser):
    """The hidden inputs of the last form (the review page's answers)."""

    def __init__(self):
        super().__init__()
        self.hidden = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "hidden" and attrs.get("name") != "_csrf":
            self.hidden.append((attrs["name"], attrs.get("value", "")))


class Browser:
    def __init__(self, base, out):
        self.url = urllib.parse.urlparse(base)
        self.base = base
        self.out = out
        self.cookies = {}
        self.csrf = ""
        self.shot = 0

    def request(self, method, path, fields=None):
        if fields is not None and not self.csrf:
            self.request("GET", path)  # the form's page first, for its CSRF token
        connection = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=10)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode([("_csrf", self.csrf)] + fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        # The token of the page's forms, sent with the next post as the browser would.
        token = re.search(r'name="_csrf" value="([^"]+)"', text)
        if token:
            self.csrf = token.group(1)
        if response.status in (302, 303):
            return self.request("GET", response.getheader("Location"))
        return response.status, path, text

    def screenshot(self, name, page, width=1280, height=1000):
        status, path, text = page
        self.shot += 1
        html_file = os.path.abspath(os.path.join(self.out, f".{name}.html"))
        with open(html_file, "w") as handle:
            handle.write(text.replace("<head>", f'<head><base href="{self.base}{path}">', 1))
        png = os.path.join(self.out, f"{self.shot:02d}-{name}.png")
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             f"--window-size={width},{height}", f"--screenshot={png}", f"file://{html_file}"],
            check=True, capture_output=True, timeout=60)
        os.remove(html_file)
        print(f"{png}: HTTP {status} {path}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    b = Browser(args.base, args.out)
    t = f"/svar/{args.token}"
    b.screenshot("intro", b.request("GET", t))
    # Page 1 sent with a missing answer and a wrong municipality number: errors at the questions.
    b.screenshot("errors", b.request("POST", f"{t}/side/1", [("kommunenummer", "9999"), ("sector", "1"), ("action", "next")]), height=1300)
    b.request("POST", f"{t}/side/1", [("kommunenummer", "0301"), ("sector", "1"), ("unit_type", "1"), ("role", "1"), ("action", "next")])
    # One innovation type "yes": routing leads to the newest-innovation pages.
    b.request("POST", f"{t}/side/2", [("innovated_service", "1"), ("innovated_product", "2"), ("innovated_organisation", "2"), ("innovated_communication", "2"), ("action", "next")])
    b.screenshot("newest-innovation", b.request("GET", f"{t}/side/3"), height=1600)
    # Leave: save and continue later. A new browser (no cookies) resumes with the link.
    b.screenshot("saved", b.request("POST", f"{t}/side/3", [("newest_type", "1"), ("newest_type", "3"), ("novelty", "2"), ("action", "save")]))
    b = Browser(args.base, args.out)
    b.shot = 4
    b.screenshot("resume", b.request("GET", t))
    b.request("POST", f"{t}/side/3", [("newest_type", "1"), ("newest_type", "3"), ("novelty", "2"), ("spread", "1"), ("action", "next")])
    b.screenshot("grid-mobile", b.request("GET", f"{t}/side/4?lang=en"), width=390, height=1400)
    b.request("POST", f"{t}/side/4", [("factor_leadership", "5"), ("factor_time", "2"), ("action", "next")])
    review = b.request("GET", f"{t}/oversikt")
    b.screenshot("review", review, height=2200)
    forms = Forms()
    forms.feed(review[2])
    b.screenshot("thanks", b.request("POST", f"{t}/send", forms.hidden))
    b.screenshot("used-link", b.request("GET", t))


if __name__ == "__main__":
    main()
