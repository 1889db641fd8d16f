#!/usr/bin/env bash
# Rebuilds src/charts/fonts/ from the Arimo in node_modules: the chart font cut down to the
# scripts and symbols charts draw. resvg reads and shapes with a text element's whole font for
# every text element it draws; with these subsets first in its font list the /tiers overview
# rasterises about a third faster, with the same pixels (test/chart-font.test.ts).
# Needs fonttools (Debian: apt-get install fonttools). Not part of the build: the output is
# committed, so neither npm ci nor CI needs Python.
set -euo pipefail
cd "$(dirname "$0")/.."
FONTS=node_modules/@expo-google-fonts/arimo
OUT=src/charts/fonts
# Basic Latin, Latin-1, Latin Extended-A, general punctuation, currency, letter-like symbols,
# arrows, mathematical operators, geometric shapes.
UNICODES='U+0020-007E,U+00A0-017F,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF'
for weight in 400Regular 700Bold; do
  # Every layout feature is kept (kerning included) so text is placed exactly as with the full font;
  # hinting is dropped because resvg does not use it. The .notdef box stays, as in the full font.
  pyftsubset "$FONTS/$weight/Arimo_$weight.ttf" --unicodes="$UNICODES" --layout-features='*' \
    --notdef-outline --no-hinting --output-file="$OUT/Arimo_$weight.subset.ttf"
done
cp "$FONTS/LICENSE_FONT" "$OUT/OFL.txt"
