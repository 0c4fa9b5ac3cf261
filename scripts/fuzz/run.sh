#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (release, every module with -sanitize=fuzzer for coverage)
# and runs each reader.
# Usage: scripts/fuzz/run.sh [runs per target, default 1000000] [targets...]
# Seeds come from the test fixtures; new corpus entries go to Fuzz/corpus/<target> (not committed).
# Offline: the fuzz package reuses the main package's resolved checkouts.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root="$here/../.."
runs=${1:-1000000}
shift || true
targets=${*:-"FuzzCSV FuzzXLSX FuzzSAV"}
fuzz="$root/Fuzz"
scratch="$fuzz/.build"
mkdir -p "$scratch"
cp "$root/Package.resolved" "$fuzz/Package.resolved"
if [ ! -d "$scratch/checkouts" ] && [ -d "$root/.build/checkouts" ]; then
  cp -r "$root/.build/repositories" "$root/.build/checkouts" "$scratch/"
fi
flags=(-c release --disable-automatic-resolution -Xswiftc -sanitize=fuzzer)
(cd "$fuzz" && swift build "${flags[@]}" 2>&1 | grep -E "error|Build complete" | tail -5)
bin=$(cd "$fuzz" && swift build "${flags[@]}" --show-bin-path)
for target in $targets; do
  corpus="$fuzz/corpus/$target"
  seeds="$fuzz/seeds/$target"
  mkdir -p "$corpus" "$seeds"
  case $target in
    FuzzCSV) cp "$root"/Tests/FornyeFormatsTests/Fixtures/import/*.csv "$seeds/" 2>/dev/null || true ;;
    FuzzXLSX) cp "$root"/Tests/FornyeFormatsTests/Fixtures/import/*.xlsx "$seeds/" 2>/dev/null || true ;;
    FuzzSAV) cp "$root"/Tests/FornyeFormatsTests/Fixtures/spss/*.sav "$seeds/" ;;
  esac
  echo "== $target: $runs runs"
  start=$(date +%s)
  "$bin/$target" -runs="$runs" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    "$corpus" "$seeds" 2>&1 | grep -E "^(#[0-9]+.*(DONE|INITED)|stat::|==[0-9]+==ERROR|SUMMARY|Done)" || true
  echo "== $target: $(( $(date +%s) - start )) s"
done
