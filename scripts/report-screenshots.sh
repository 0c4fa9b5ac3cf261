#!/bin/sh
# Renders the synthetic baseline report and the 2018–2020 comparison, and takes screenshots of
# a few parts of them with headless Chromium, for docs/screenshots/.
#
# Needs: a built fornye (swift build -c release --product fornye), chromium, ImageMagick (convert).
# Usage: scripts/report-screenshots.sh [path/to/fornye]
set -eu
fornye=${1:-.build/release/fornye}
work=$(mktemp -d)
out=docs/screenshots
mkdir -p "$out"
"$fornye" report --out "$work/rapport" >/dev/null
"$fornye" report --compare --out "$work/endring" >/dev/null

# shot DIR NAME CSS: a copy of DIR/index.html with CSS added, captured and trimmed.
shot() {
    sed "s|</style>|$3</style>|" "$1/index.html" >"$1/shot.html"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2400 \
        --screenshot="$work/$2.png" "file://$1/shot.html" 2>/dev/null
    convert "$work/$2.png" -trim -bordercolor white -border 16 -strip "$out/$2.png"
}

only() { # everything hidden but the header, or one section, or one figure
    echo "nav.toc, main > section { display: none; } main > section#$1 { display: block; } main > section#$1 > figure:not(#$2) { display: none; }"
}

shot "$work/rapport" report-header "nav.toc, main, footer { display: none; }"
shot "$work/rapport" report-fig-4-3 "header.report-header, footer, $(only omfang fig-4-3) section#omfang > h2 { display: none; }"
shot "$work/rapport" report-fig-4-5 "header.report-header, footer, $(only utlosere fig-4-5) section#utlosere > h2 { display: none; }"
shot "$work/rapport" report-fig-4-7 "header.report-header, footer, $(only samarbeid fig-4-7) section#samarbeid > h2 { display: none; }"
shot "$work/rapport" report-fig-4-8 "header.report-header, footer, $(only samarbeid fig-4-8) section#samarbeid > h2 { display: none; }"
shot "$work/rapport" report-fig-5-1 "header.report-header, footer, $(only faktorer fig-5-1)"
shot "$work/rapport" report-significance "header.report-header, footer, $(only signifikans ny-tab-signifikans)"
shot "$work/endring" comparison "nav.toc, footer, section#indikatorer, section#metode { display: none; }"
rm -rf "$work"
ls -l "$out"
