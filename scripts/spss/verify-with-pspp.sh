#!/usr/bin/env bash
# Cross-checks Fornye's .sav reader and writer against two independent implementations:
# GNU PSPP (apt-get install pspp) and ReadStat (apt-get install readstat).
#
# 1. PSPP's golden file → Fornye reads it and writes it again → PSPP and ReadStat must print the
#    same dictionary, value labels, missing values, MR sets and data for both files.
# 2. A synthetic survey (fornye synth) → Fornye writes .sav → PSPP exports it as CSV → the values
#    must equal the CSV Fornye started from.
# Usage: scripts/spss/verify-with-pspp.sh [path/to/fornye]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root="$here/../.."
fornye=${1:-"$root/.build/debug/fornye"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
golden="$root/Tests/FornyeFormatsTests/Fixtures/spss"
fail=0

describe() { # file.sav → PSPP's view of dictionary, labels, missing values, MR sets, data
  cat > "$work/show.sps" <<SPS
GET FILE='$1'.
DISPLAY DICTIONARY.
MRSETS /DISPLAY NAME=ALL.
LIST.
SPS
  # The header line names the file; the rest must match.
  pspp -O format=txt -o - "$work/show.sps" | grep -v -E "^(File|Created|Product|Label).*:" || true
}

for name in pspp-compressed pspp-uncompressed pspp-range pspp-windows1252; do
  for compression in compressed uncompressed; do
    # Record for record: PSPP's file → Fornye reads → Fornye writes.
    out="$work/$name-$compression.sav"
    flag=""; [ "$compression" = uncompressed ] && flag=--uncompressed
    "$fornye" convert --from "$golden/$name.sav" --to "$out" $flag > /dev/null
    describe "$golden/$name.sav" | sed -e 's/fornye_[a-z_]*//' > "$work/a.txt"
    describe "$out" | sed -e 's/fornye_[a-z_]*//' > "$work/b.txt"
    if diff "$work/a.txt" "$work/b.txt" > "$work/diff.txt"; then
      echo "ok   PSPP sees the same dictionary, labels, missing values, MR sets and data: $name ($compression)"
    else
      echo "FAIL PSPP sees a difference for $name:"; head -40 "$work/diff.txt"; fail=1
    fi
    if command -v readstat > /dev/null; then
      readstat "$golden/$name.sav" "$work/a.csv" > /dev/null 2>&1
      readstat "$out" "$work/b.csv" > /dev/null 2>&1
      if cmp -s "$work/a.csv" "$work/b.csv"; then
        echo "ok   ReadStat reads the same data: $name ($compression)"
      else
        echo "FAIL ReadStat data differ for $name:"; diff "$work/a.csv" "$work/b.csv" | head -20; fail=1
      fi
    fi
  done
  # Through a Dataset (what imports and exports use): the data must stay the same.
  "$fornye" convert --from "$golden/$name.sav" --to "$work/$name.json" > /dev/null
  "$fornye" convert --from "$work/$name.json" --to "$work/$name-dataset.sav" > /dev/null
  if command -v readstat > /dev/null; then
    readstat "$golden/$name.sav" "$work/a.csv" > /dev/null 2>&1
    readstat "$work/$name-dataset.sav" "$work/b.csv" > /dev/null 2>&1
    if cmp -s "$work/a.csv" "$work/b.csv"; then
      echo "ok   ReadStat reads the same data after .sav → Dataset → JSON → Dataset → .sav: $name"
    else
      echo "FAIL ReadStat data differ after the Dataset round trip for $name:"; diff "$work/a.csv" "$work/b.csv" | head; fail=1
    fi
  fi
done

# MR sets written from a Dataset (long member names) must reach PSPP with their members.
if describe "$work/pspp-compressed-dataset.sav" | grep -A3 'Dichotomies' | grep -q 'q_3'; then
  echo "ok   PSPP lists the multiple-dichotomy set written from a Dataset with its members"
else
  echo "FAIL PSPP does not see the MR set written from a Dataset"; fail=1
fi
if describe "$work/pspp-compressed-dataset.sav" | grep -qi "warning"; then
  echo "FAIL PSPP warns about the file written from a Dataset"; fail=1
fi

# 2. Fornye writes, PSPP reads 10,000 synthetic rows back as CSV.
"$fornye" synth --rows 10000 --variables 20 --output "$work/synth-design.csv" > /dev/null
cut -d, -f1-25 "$work/synth-design.csv" > "$work/synth.csv"  # without the design columns stratum, weight
cp "$work/synth-design.codebook.yaml" "$work/synth.codebook.yaml"
"$fornye" convert --from "$work/synth.csv" --to "$work/synth.sav" > /dev/null
cat > "$work/export.sps" <<SPS
GET FILE='$work/synth.sav'.
SAVE TRANSLATE /OUTFILE='$work/synth-pspp.csv' /TYPE=CSV /FIELDNAMES /UNSELECTED=RETAIN /REPLACE.
SPS
pspp -O format=txt -o /dev/null "$work/export.sps"
# Fornye's CSV has the design columns stratum and weight after the codebook variables; drop them.
ncol=$(head -1 "$work/synth-pspp.csv" | tr ',' '\n' | wc -l)
if diff <(cut -d, -f1-"$ncol" "$work/synth.csv" | tr -d '\r') <(tr -d '\r' < "$work/synth-pspp.csv" | sed 's/ //g') > "$work/diff.txt"; then
  echo "ok   PSPP reads Fornye's .sav of 10,000 synthetic rows with every value intact"
else
  echo "FAIL PSPP reads other values from Fornye's .sav:"; head -20 "$work/diff.txt"; fail=1
fi
exit $fail
