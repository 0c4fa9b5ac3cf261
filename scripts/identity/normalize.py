#!/usr/bin/env python3
"""Masks, in place, what differs between two runs of the same Fornye (see run.sh's header).

normalize.py DIR: rewrites DIR/http/*.body; the report and `fornye openapi` output are left
as they are (the command line is deterministic, so they are compared byte for byte).
"""
import pathlib
import re
import sys

CSRF = re.compile(rb'(name="_csrf" value=")[^"]*"')
TIMESTAMP = re.compile(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z")
# The demo projects' slugs end in six random hex digits, given when the server seeds them.
SLUG_SUFFIX = re.compile(rb"-[0-9a-f]{6}(?=[,/\"\r\n]|$)")
DECIMAL = re.compile(rb"-?\d+\.\d+(?:[eE][+-]?\d+)?")


def rounded(match: re.Match) -> bytes:
    """A full-precision number to 11 significant digits. The server loads a wave's responses in
    random row order (random ids, by design), so sums differ in their last digits between runs."""
    text = match.group(0)
    digits = len(re.sub(rb"[^0-9]", b"", text.split(b"e")[0].split(b"E")[0]).lstrip(b"0"))
    if digits <= 11:
        return text
    return b"%.11g" % float(text)


def main(directory: str) -> None:
    for path in sorted(pathlib.Path(directory, "http").glob("*.body")):
        data = path.read_bytes()
        data = CSRF.sub(rb'\1<CSRF>"', data)
        data = DECIMAL.sub(rounded, data)
        if path.name.startswith("projects-"):
            data = TIMESTAMP.sub(b"<TIMESTAMP>", data)
            data = SLUG_SUFFIX.sub(b"-<RANDOM>", data)
            # The export is in slug order, and the random suffix orders projects of equal titles.
            data = b"\n".join(sorted(data.split(b"\n")))
        path.write_bytes(data)


if __name__ == "__main__":
    main(sys.argv[1])
