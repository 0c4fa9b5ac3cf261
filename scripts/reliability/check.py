#!/usr/bin/env python3
"""Checks a Fornye SQLite file after a kill test: every acknowledged submission is stored
exactly once, nothing else is, and the file passes PRAGMA integrity_check.

  python3 check.py --database db.sqlite --acked acked.txt --wave reliability
"""
import argparse
import hashlib
import sqlite3
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", required=True)
    parser.add_argument("--acked", help="token,key,... lines of every acknowledged submission (loadgen.py)")
    parser.add_argument("--acked-count", type=int,
                        help="only how many were acknowledged (wrk): each must be stored, nothing else")
    parser.add_argument("--in-flight", type=int, default=0,
                        help="with --acked-count: answers stored but not yet counted when the load stopped")
    parser.add_argument("--wave", required=True)
    args = parser.parse_args()
    db = sqlite3.connect(args.database)
    problems = []
    integrity = db.execute("PRAGMA integrity_check").fetchall()
    if integrity != [("ok",)]:
        problems.append(f"integrity_check: {integrity[:5]}")
    journal = db.execute("PRAGMA journal_mode").fetchone()[0]
    definition = db.execute("SELECT sql FROM sqlite_master WHERE name = 'responses'").fetchone()[0]
    without_rowid = definition.upper().endswith("WITHOUT ROWID")
    wave_id = db.execute("SELECT id FROM waves WHERE slug = ?", (args.wave,)).fetchone()[0]
    acked = {}
    if args.acked:
        with open(args.acked) as handle:
            for line in handle:
                token, key, _status, _kind = line.strip().split(",")
                acked[token] = key
    invitations = {
        row[0]: row[1:]
        for row in db.execute(
            "SELECT token_hash, used, submission_key, response_id FROM invitations WHERE wave_id = ?", (wave_id,))
    }
    responses = db.execute("SELECT id FROM responses WHERE wave_id = ?", (wave_id,)).fetchall()
    response_ids = {row[0] for row in responses}
    for token, key in acked.items():
        invitation = invitations.get(hashlib.sha256(token.encode()).hexdigest())
        if invitation is None:
            problems.append(f"acknowledged token {token[:8]} has no invitation")
            continue
        used, stored_key, response_id = invitation
        if not used or stored_key != key:
            problems.append(f"acknowledged token {token[:8]} is not marked used with its key")
        elif response_id not in response_ids:
            problems.append(f"acknowledged token {token[:8]}: its response is missing")
    used = [row for row in invitations.values() if row[0]]
    linked = [row[2] for row in used if row[2] is not None]
    if len(responses) != len(used):
        problems.append(f"{len(responses)} responses but {len(used)} used invitations")
    if len(set(linked)) != len(linked) or len(linked) != len(used):
        problems.append("a response is linked twice, or a used invitation has no response")
    orphans = response_ids - set(linked)
    if orphans:
        problems.append(f"{len(orphans)} responses belong to no invitation")
    if args.acked_count is not None and not args.acked_count <= len(used) <= args.acked_count + args.in_flight:
        problems.append(f"{args.acked_count} acknowledged but {len(used)} used invitations")
    drafts = db.execute("SELECT COUNT(*) FROM drafts").fetchone()[0]
    print(f"journal_mode={journal}; acknowledged={args.acked_count if args.acked_count is not None else len(acked)}; used invitations={len(used)}; "
          f"responses={len(responses)}; without rowid={without_rowid}; drafts={drafts}; integrity={integrity[0][0]}")
    if problems:
        print("FAILED:\n  " + "\n  ".join(problems[:20]))
        sys.exit(1)
    print("OK: every acknowledged submission is stored exactly once; no response without an invitation")


if __name__ == "__main__":
    main()
