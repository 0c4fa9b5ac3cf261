#!/usr/bin/env bash
# Regenerates the golden .sav files under Tests/FornyeFormatsTests/Fixtures/spss with GNU PSPP
# (apt-get install pspp). The files are ours (made from the syntax here) and are committed, so CI
# needs no PSPP.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../Tests/FornyeFormatsTests/Fixtures/spss"
mkdir -p "$out"
for syntax in golden.sps latin1.sps; do
  sed "s|OUT/|$out/|g" "$here/$syntax" > /tmp/fornye-$syntax
  pspp -O format=txt -o /dev/null /tmp/fornye-$syntax
done
ls -l "$out"
