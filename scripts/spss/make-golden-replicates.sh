#!/usr/bin/env bash
# Regenerates Tests/FornyeCommandsTests/Golden/spss-replicates/r-read.json: `fornye weight`
# post-stratifies the (synthetic) CLI fixture with JKn replicate weights and writes it as SPSS;
# R's foreign::read.spss reads it back (read-replicates.R) and survey::svrepdesign estimates
# from the columns and their labels. ReplicateSPSSTests checks Fornye's file against it.
#
#   swift build --product fornye && scripts/spss/make-golden-replicates.sh
# Needs R with the survey, foreign and jsonlite packages (Debian: r-cran-survey, r-cran-foreign,
# r-cran-jsonlite).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
golden="$here/../../Tests/FornyeCommandsTests/Golden/spss-replicates"
fornye=${FORNYE:-"$here/../../.build/debug/fornye"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$fornye" weight --data "$golden/data.csv" --codebook "$golden/codebook.yaml" --weight w --strata stratum \
  --cluster psu --poststratify region --population "$golden/population.csv" --output "$work/weighted.sav" \
  --replicate-type jackknife --estimate size --format json > "$work/fornye.json"
Rscript "$here/read-replicates.R" "$work/weighted.sav" > "$golden/r-read.json"
echo "wrote $golden/r-read.json"
