#!/bin/sh
# The CLI tools under valgrind memcheck, on the bundled plan and on bad files: no error
# and no leak of any kind is allowed (valgrind exits 99 on either).
set -u
bin=$1 fixtures=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
run() { # expected exit status, command...
	want=$1
	shift
	valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
		"$@" >/dev/null 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then passed=$((passed + 1)); else
		failed=$((failed + 1)); echo "FAIL (exit $got, expected $want): $*"; cat "$tmp/err"; fi
}
printf 'measure;kind;title;state\nSB-4.6;ag;Fachtag;open\nSB-4.6;concept;Konzept;done\n' >"$tmp/tasks.csv"
run 0 "$bin/kik-status" --format json
run 0 "$bin/kik-status" --tasks "$tmp/tasks.csv"
run 1 "$bin/kik-check" --format json --tasks "$tmp/tasks.csv"
run 0 "$bin/kik-explain" --tasks "$tmp/tasks.csv" --format json SB-4.6
run 2 "$bin/kik-explain" SB-99.9
run 0 "$bin/kik-convert" -o "$tmp/out.csv" "$fixtures/fixtures/seed-001-status-table.txt"
run 0 "$bin/kik-convert" --check "$fixtures/fixtures/kik-excel-windows-1252.csv"
for bad in "$fixtures"/bad-input/*.csv "$fixtures"/bad-input/*.png "$fixtures"/bad-input/*.txt; do
	run 2 "$bin/kik-status" "$bad"
	run 2 "$bin/kik-convert" --check "$bad"
done
run 2 "$bin/kik-check" --tasks "$fixtures/bad-input/task-unknown-measure.csv" "$fixtures/fixtures/kik-utf8-bom-comma.csv"
if [ -x "$bin/kik-store" ]; then # the store, SQLite included
	db="$tmp/kik.kikdb"
	run 0 "$bin/kik-store" import "$db" --tasks "$tmp/tasks.csv" "$fixtures/../data/kik-2023-10-05.csv"
	run 0 "$bin/kik-store" snapshot "$db" --as-of 2023-10-05 --author Anna
	run 0 "$bin/kik-store" trend "$db" --format json --goals
	run 0 "$bin/kik-store" history "$db" SB-4.6
	run 0 "$bin/kik-store" log "$db"
	run 0 "$bin/kik-store" diff "$db" 2023-10-05 working
	run 0 "$bin/kik-status" --store "$db@2023-10-05"
	run 2 "$bin/kik-store" list "$tmp/tasks.csv"
fi
echo "valgrind: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
