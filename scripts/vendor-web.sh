#!/usr/bin/env bash
# vendor-web.sh refreshes the dashboard's third-party front-end files in
# internal/web/assets/vendor/ from the npm registry. The dashboard needs no
# build step and no network at run time: these copies are committed, and this
# script is only how they are refreshed. Bump a version below, run the script,
# update the table in docs/dashboard.md, run go test ./internal/web and read
# the diff.
#
# Usage: scripts/vendor-web.sh        (from anywhere; needs node and npm)
set -euo pipefail

UPLOT=1.6.32
LEAFLET=1.9.4
WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0
I18N_ISO_COUNTRIES=7.14.0

root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/internal/web/assets/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo '{"private":true}' >"$tmp/package.json"
npm install --no-save --no-package-lock --ignore-scripts --no-audit --no-fund \
	--prefix "$tmp" \
	"uplot@$UPLOT" "leaflet@$LEAFLET" "world-atlas@$WORLD_ATLAS" "topojson-client@$TOPOJSON_CLIENT" \
	"i18n-iso-countries@$I18N_ISO_COUNTRIES"
nm="$tmp/node_modules"

# check that npm installed exactly the pinned versions
check() { # package version
	local got
	got="$(node -p "require('$nm/$1/package.json').version")"
	if [ "$got" != "$2" ]; then
		echo "vendor-web: $1: npm installed $got, want $2" >&2
		exit 1
	fi
}
check uplot "$UPLOT"
check leaflet "$LEAFLET"
check world-atlas "$WORLD_ATLAS"
check topojson-client "$TOPOJSON_CLIENT"
check i18n-iso-countries "$I18N_ISO_COUNTRIES"

rm -rf "$dest"
mkdir -p "$dest/uplot" "$dest/leaflet/images" "$dest/world-atlas" "$dest/topojson-client/src" "$dest/i18n-iso-countries"

# uPlot: the ES module build and its stylesheet.
cp "$nm/uplot/dist/uPlot.esm.js" "$nm/uplot/dist/uPlot.min.css" "$nm/uplot/LICENSE" "$dest/uplot/"

# Leaflet: the ES module build, its stylesheet and the images the stylesheet
# names. The source map is not copied, so its reference is dropped to spare
# browsers' developer tools a 404.
sed '/^\/\/# sourceMappingURL=/d' "$nm/leaflet/dist/leaflet-src.esm.js" >"$dest/leaflet/leaflet-src.esm.js"
cp "$nm/leaflet/dist/leaflet.css" "$nm/leaflet/LICENSE" "$dest/leaflet/"
cp "$nm/leaflet/dist/images/"*.png "$dest/leaflet/images/"

# world-atlas: the 1:110m country outlines (TopoJSON, Natural Earth data).
cp "$nm/world-atlas/countries-110m.json" "$nm/world-atlas/LICENSE" "$dest/world-atlas/"

# topojson-client: its ES module sources (small files importing each other
# with .js extensions, so a browser loads them as they are).
cp "$nm/topojson-client/src/"*.js "$dest/topojson-client/src/"
cp "$nm/topojson-client/LICENSE" "$dest/topojson-client/"

# i18n-iso-countries: only its table of ISO 3166-1 codes (alpha-2, alpha-3,
# numeric), which maps the API's alpha-2 codes to world-atlas' numeric ids.
cp "$nm/i18n-iso-countries/codes.json" "$nm/i18n-iso-countries/LICENSE" "$dest/i18n-iso-countries/"

cat >"$dest/VERSIONS" <<VERSIONS
uplot $UPLOT
leaflet $LEAFLET
world-atlas $WORLD_ATLAS
topojson-client $TOPOJSON_CLIENT
i18n-iso-countries $I18N_ISO_COUNTRIES
VERSIONS

echo "vendored into ${dest#"$root"/}:"
(cd "$dest" && find . -type f | sort | xargs du -b | awk '{printf "  %8d  %s\n", $1, $2; s += $1} END {printf "  %8d  total\n", s}')
