#!/usr/bin/env python3
"""Signs in once through a Fornye server's OpenID Connect button against the local test provider
(scripts/oidc/provider.py), as a synthetic person nobody invited, so that an identity waits for an
admin's approval on /admin/identiteter (for the browser checks of that page).

  python3 scripts/browser/oidc_pending.py BASE_URL PROVIDER_ID SUBJECT NAME EMAIL

Prints the status of the callback (403: waiting for approval) and exits 1 on anything else.
"""

import http.cookiejar
import re
import sys
import urllib.error
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def location(opener, url, data=None):
    """The Location of a redirect answer to `url`."""
    try:
        response = opener.open(url, data=data)
    except urllib.error.HTTPError as error:
        if error.code in (302, 303):
            return error.headers["Location"]
        raise
    raise RuntimeError(f"{url} answered {response.status}, not a redirect")


def main(base, provider, subject, name, email):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    page = opener.open(f"{base}/logg-inn").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"_csrf": csrf, "neste": "/"}).encode()
    authorize = location(opener, f"{base}/logg-inn/oidc/{provider}", data=body)
    test = urllib.parse.urlencode({"test_sub": subject, "test_name": name, "test_email": email,
                                   "test_email_verified": "0"})
    callback = location(opener, authorize + "&" + test)
    try:
        status = opener.open(callback).status
    except urllib.error.HTTPError as error:
        status = error.code
    print(f"callback for {subject}: {status}")
    return 0 if status == 403 else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))
