#!/usr/bin/env python3
"""A small, real OpenID Connect provider for Fornye's end-to-end sign-in tests (issue 19).

Built on authlib (Debian: python3-authlib): keys are authlib JsonWebKeys, ID tokens are signed
with authlib.jose.jwt, PKCE is checked with authlib's S256 helper. It serves
  GET  /.well-known/openid-configuration   discovery
  GET  /jwks                               the signing keys: RSA (RS256) and EC P-256 (ES256), each
                                           the current and, after a rotation, the previous one
  GET  /authorize                          auto-consent: 302 back with a code
  POST /token                              code (+ PKCE verifier, client_secret_basic) -> ID token
  GET  /end-session                        RP-initiated logout: 302 to post_logout_redirect_uri
  POST /control/rotate                     a new signing key per algorithm; the old ones stay in the JWKS
  POST /control/drop-old-keys              only the current keys stay in the JWKS
The test user and what is wrong with the token are chosen on the authorize URL (test_* query
parameters below: test_sub, test_email, test_email_verified, test_name, test_aud, test_azp, test_nonce,
test_exp_offset, test_bad_signature, and test_alg = RS256 (default), ES256, or the refused none and
HS256 (signed with the client secret, the classic algorithm confusion)), so one process serves every case. Listens on 127.0.0.1 on a free port and
prints `PORT <n>` as its first line. Test data only: client secret and users are synthetic.

Usage: provider.py --client-id ID --client-secret SECRET
"""
import argparse
import base64
import json
import secrets
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from authlib.jose import JsonWebKey, jwt
from authlib.oauth2.rfc7636 import create_s256_code_challenge

LOCK = threading.Lock()
KEYS = {"RS256": [], "ES256": []}  # per algorithm, newest first: [(kid, private JsonWebKey)]
CODES = {}  # code -> dict
ARGS = None


def new_key(alg):
    if alg == "ES256":
        kid = "e-" + secrets.token_hex(4)
        return kid, JsonWebKey.generate_key("EC", "P-256", is_private=True, options={"kid": kid})
    kid = "k-" + secrets.token_hex(4)
    return kid, JsonWebKey.generate_key("RSA", 2048, is_private=True, options={"kid": kid})


def full_length_coordinates(jwk):
    """EC coordinates at the curve's full length (RFC 7518 6.2.1.2): authlib drops leading zero bytes,
    which about one P-256 key in a hundred has, and a relying party may then refuse the key."""
    if jwk.get("kty") == "EC":
        for name in ("x", "y"):
            raw = base64.urlsafe_b64decode(jwk[name] + "=" * (-len(jwk[name]) % 4))
            jwk[name] = base64.urlsafe_b64encode(raw.rjust(32, b"\0")).rstrip(b"=").decode()
    return jwk


def public_jwks():
    with LOCK:
        keys = []
        for alg, entries in KEYS.items():
            for kid, key in entries:
                public = full_length_coordinates(key.as_dict(is_private=False))
                public.update({"kid": kid, "use": "sig", "alg": alg})
                keys.append(public)
    return {"keys": keys}


def unsigned(claims):
    """A token with alg none, which a relying party must refuse (no library signs these)."""
    def part(value):
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")
    return part({"alg": "none", "kid": KEYS["RS256"][0][0]}) + "." + part(claims) + "."


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    @property
    def issuer(self):
        return "http://127.0.0.1:%d" % self.server.server_address[1]

    def send_json(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        if url.path == "/.well-known/openid-configuration":
            self.send_json(200, {
                "issuer": self.issuer,
                "authorization_endpoint": self.issuer + "/authorize",
                "token_endpoint": self.issuer + "/token",
                "jwks_uri": self.issuer + "/jwks",
                "end_session_endpoint": self.issuer + "/end-session",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256", "ES256"],
                "code_challenge_methods_supported": ["S256"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic"],
            })
        elif url.path == "/jwks":
            self.send_json(200, public_jwks())
        elif url.path == "/authorize":
            self.authorize(query)
        elif url.path == "/end-session":
            target = query.get("post_logout_redirect_uri", "")
            self.redirect(target or self.issuer + "/")
        else:
            self.send_json(404, {"error": "not_found"})

    def authorize(self, query):
        if query.get("client_id") != ARGS.client_id or query.get("response_type") != "code":
            return self.send_json(400, {"error": "invalid_request"})
        if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
            return self.send_json(400, {"error": "invalid_request", "error_description": "PKCE S256 required"})
        if "openid" not in query.get("scope", "").split():
            return self.send_json(400, {"error": "invalid_scope"})
        code = secrets.token_urlsafe(24)
        with LOCK:
            CODES[code] = {"query": query, "issued": time.time()}
        separator = "&" if "?" in query["redirect_uri"] else "?"
        params = {"code": code, "state": query.get("state", "")}
        self.redirect(query["redirect_uri"] + separator + urllib.parse.urlencode(params))

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        length = min(int(self.headers.get("Content-Length") or 0), 65536)
        form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
        if url.path == "/token":
            self.token(form)
        elif url.path == "/control/rotate":
            with LOCK:
                for alg, entries in KEYS.items():
                    entries.insert(0, new_key(alg))
            self.send_json(200, {alg: entries[0][0] for alg, entries in KEYS.items()})
        elif url.path == "/control/drop-old-keys":
            with LOCK:
                for entries in KEYS.values():
                    del entries[1:]
            self.send_json(200, {alg: entries[0][0] for alg, entries in KEYS.items()})
        else:
            self.send_json(404, {"error": "not_found"})

    def token(self, form):
        expected = "Basic " + base64.b64encode(
            (urllib.parse.quote(ARGS.client_id, safe="") + ":" + urllib.parse.quote(ARGS.client_secret, safe=""))
            .encode()).decode()
        if self.headers.get("Authorization") != expected:
            return self.send_json(401, {"error": "invalid_client"})
        with LOCK:
            entry = CODES.pop(form.get("code", ""), None)  # a code is good once
        if form.get("grant_type") != "authorization_code" or entry is None:
            return self.send_json(400, {"error": "invalid_grant"})
        query = entry["query"]
        if form.get("redirect_uri") != query["redirect_uri"] or time.time() - entry["issued"] > 60:
            return self.send_json(400, {"error": "invalid_grant"})
        if create_s256_code_challenge(form.get("code_verifier", "")) != query["code_challenge"]:
            return self.send_json(400, {"error": "invalid_grant", "error_description": "PKCE verifier"})
        now = int(time.time())
        offset = int(query.get("test_exp_offset", "300"))
        claims = {
            "iss": self.issuer,
            "sub": query.get("test_sub", "synthetic-user-1"),
            "aud": query["test_aud"].split(" ") if " " in query.get("test_aud", "") else query.get(
                "test_aud", ARGS.client_id),
            "iat": now,
            "exp": now + offset,
            "nonce": query.get("test_nonce", query.get("nonce", "")),
            "name": query.get("test_name", "Syntetisk Testbruker"),
        }
        if "test_azp" in query:
            claims["azp"] = query["test_azp"]
        if "test_email" in query:
            claims["email"] = query["test_email"]
            claims["email_verified"] = query.get("test_email_verified", "1") == "1"
        alg = query.get("test_alg", "RS256")
        with LOCK:
            kid, key = KEYS["ES256" if alg == "ES256" else "RS256"][0]
        if alg == "none":
            token = unsigned(claims)
        elif alg == "HS256":
            token = jwt.encode({"alg": "HS256", "kid": kid}, claims, ARGS.client_secret.encode()).decode()
        else:
            token = jwt.encode({"alg": alg, "kid": kid}, claims, key).decode()
        if query.get("test_bad_signature") == "1":
            head, body, signature = token.split(".")
            raw = bytearray(base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4)))
            raw[0] ^= 0xFF
            token = head + "." + body + "." + base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("=")
        self.send_json(200, {"access_token": secrets.token_urlsafe(16), "token_type": "Bearer",
                             "expires_in": 300, "id_token": token})


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", required=True)
    ARGS = parser.parse_args()
    for alg, entries in KEYS.items():
        entries.append(new_key(alg))
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print("PORT %d" % server.server_address[1], flush=True)
    # Ends with the test process: a closed stdin means the parent is gone.
    threading.Thread(target=lambda: (sys.stdin.read(), server.shutdown()), daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
