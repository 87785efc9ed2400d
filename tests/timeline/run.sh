#!/bin/sh
# The worked example (examples/timeline): its three snapshots give the trend 144/0/0 (the
# concept), 38/61/45 (the interim report) and, for 2025, what kik-status derives from the
# bundled plan and the same tasks file without a store; the chart script reads the same
# totals from the store's views without libkik.
#   sh tests/timeline/run.sh SOURCE_DIR BUILD_DIR [PYTHON]
set -eu
src=$1
build=$2
python=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
	echo "timeline: $*" >&2
	exit 1
}
sh "$src/examples/timeline/run.sh" "$build" "$tmp/t.kikdb" >"$tmp/out" || fail "the example failed"
"$build/examples/kik-store" trend "$tmp/t.kikdb" --format csv >"$tmp/trend.csv"
totals=$(awk -F';' '$3 == "plan" { gsub(/"/, "", $2); print $1 "/" $2 "/" $7 "/" $8 "/" $9 }' "$tmp/trend.csv")
derived=$("$build/examples/kik-status" --format csv --tasks "$src/examples/timeline/tasks-2025.csv" |
	awk -F';' '$1 == "total" { print $5 "/" $6 "/" $7 }')
[ -n "$derived" ] || fail "kik-status gave no total"
want="2021-11-18/Konzept/144/0/0
2023-10-05/Zwischenbericht/38/61/45
2025-10-01/Stand 2025/$derived"
[ "$totals" = "$want" ] || fail "trend totals
$totals
expected
$want"
[ "$derived" != "38/61/45" ] || fail "the tasks file changed nothing"
if [ -n "$python" ] && "$python" -c "import pandas, matplotlib" 2>/dev/null; then
	"$python" "$src/examples/timeline/plot.py" "$tmp/t.kikdb" "$tmp/t.png" >"$tmp/plot.out" || fail "plot.py failed"
	plotted=$(awk '$1 ~ /^20/ { print $(NF-2) "/" $(NF-1) "/" $NF }' "$tmp/plot.out")
	[ "$plotted" = "$(printf '%s\n' "$totals" | cut -d/ -f3-)" ] || fail "plot.py's totals: $plotted"
	[ -s "$tmp/t.png" ] || fail "plot.py wrote no chart"
fi
echo "timeline: $(echo "$totals" | tr '\n' ' ')"
