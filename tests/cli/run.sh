#!/bin/sh
# The CLI tools as office staff run them: outputs and exit statuses.
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

check() { # name, expected exit status, command...
	name=$1 want=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $name: exit $got, expected $want"
		cat "$tmp/out" "$tmp/err"
	fi
}
expect() { # name, file, pattern
	if grep -q -- "$3" "$2"; then passed=$((passed + 1)); else
		failed=$((failed + 1)); echo "FAIL $1: no '$3' in:"; cat "$2"; fi
}

check "status json" 0 "$bin/kik-status" --format json
expect "status json total" "$tmp/out" '"total": {"goals": 43, "measures": 144'
expect "status json SB" "$tmp/out" '"code": "SB", "name": "Sprache und Bildung", "goals": 8, "measures": 30, "counts": {"waiting": 10, "in_progress": 13, "implemented": 7}'
expect "status json as_of" "$tmp/out" '"as_of": "2023-10-05"'
check "status csv" 0 "$bin/kik-status" --format csv
expect "status csv total" "$tmp/out" '^total;"";43;144;38;61;45;27;42;31$'
check "status table" 0 "$bin/kik-status"
check "status bad format" 2 "$bin/kik-status" --format xml

printf 'field;goal;measure;text;status\nSB;1;1.1;a;waiting\nSB;1;1.2;b;fertig\n' >"$tmp/bad.csv"
check "status bad file" 2 "$bin/kik-status" "$tmp/bad.csv"
expect "status bad file position" "$tmp/err" "^$tmp/bad.csv:3:12: 'fertig' is not a status"
check "status missing file" 2 "$bin/kik-status" "$tmp/none.csv"
expect "status missing file name" "$tmp/err" "$tmp/none.csv: cannot open"

printf 'field;goal;measure;text;status\nSB;1;1.1;a;waiting\nSB;1;1.2;b;done\n' >"$tmp/good.csv"
sed -i 's/;done$/;implemented/' "$tmp/good.csv"
printf 'measure;kind;title;state\nSB-1.1;concept;x;done\nSB-1.1;ag;y;done\nSB-1.1;work_package;z;done\n' >"$tmp/tasks.csv"
check "status with tasks" 0 "$bin/kik-status" --format csv --tasks "$tmp/tasks.csv" "$tmp/good.csv"
expect "status with tasks derives" "$tmp/out" '^SB;"SB";1;2;0;0;2;0;0;100$'

check "check bundled" 1 "$bin/kik-check"
expect "check bundled SB" "$tmp/out" "SB (Sprache und Bildung): published 12 waiting, computed 10."
check "check bundled json" 1 "$bin/kik-check" --format json
expect "check json count" "$tmp/out" '"count": 4'
printf 'field;waiting;in_progress;implemented\nSB;0;0;2\n' >"$tmp/published.csv"
sed 's/a;waiting/a;implemented/' "$tmp/good.csv" >"$tmp/agrees.csv"
check "check clean" 0 "$bin/kik-check" --tasks "$tmp/tasks.csv" --published "$tmp/published.csv" "$tmp/agrees.csv"
expect "check clean text" "$tmp/out" "No findings."
check "check disagreement" 1 "$bin/kik-check" --tasks "$tmp/tasks.csv" "$tmp/good.csv" --lang de
expect "check disagreement text" "$tmp/out" "Maßnahme SB-1.1: erfasst „wartend“, abgeleitet „implementiert“."
printf 'measure;kind;title;state\nSB-7.1;ag;y;done\n' >"$tmp/badtasks.csv"
check "check bad tasks" 2 "$bin/kik-check" --tasks "$tmp/badtasks.csv" "$tmp/good.csv"
expect "check bad tasks position" "$tmp/err" "badtasks.csv:2:1: no measure 'SB-7.1'"

check "explain" 0 "$bin/kik-explain" SB-4.6
expect "explain text" "$tmp/out" "recorded status 'waiting' holds"
check "explain json" 0 "$bin/kik-explain" --format json --tasks "$tmp/tasks.csv" "$tmp/good.csv" SB-1.1
expect "explain json reasons" "$tmp/out" '"code": "kind_done", "kind": "work_package"'
check "explain unknown" 2 "$bin/kik-explain" SB-9.9
check "explain no id" 2 "$bin/kik-explain"

fixtures=$(dirname "$0")/../fixtures
data=$(dirname "$0")/../../data
check "convert matrix" 0 "$bin/kik-convert" --fields "$data/kik-fields.csv" "$fixtures/seed-001-status-table.txt"
mv "$tmp/out" "$tmp/from-matrix.csv"
check "convert csv" 0 "$bin/kik-convert" --fields "$data/kik-fields.csv" -o "$tmp/from-csv.csv" "$data/kik-2023-10-05.csv"
check "matrix and csv convert alike" 0 cmp "$tmp/from-matrix.csv" "$tmp/from-csv.csv"
# --fields kik names the bundled field table (the tools run in $tmp, where no file kik exists)
(cd "$tmp" && check "convert with the bundled fields" 0 "$bin/kik-convert" --fields kik -o "$tmp/by-name.csv" \
	"$fixtures/seed-001-status-table.txt")
check "bundled fields by name convert alike" 0 cmp "$tmp/from-matrix.csv" "$tmp/by-name.csv"
(cd "$tmp" && check "status with the bundled fields" 0 "$bin/kik-status" --fields kik --format csv \
	"$fixtures/seed-001-status-table.txt")
expect "status with the bundled fields total" "$tmp/out" '^total;"";43;144;38;61;45;27;42;31$'
expect "convert header" "$tmp/from-csv.csv" '^field;field_name;group;goal;goal_text;measure;text;status$'
check "convert to windows-1252" 0 "$bin/kik-convert" --encoding windows-1252 --crlf --delimiter , "$fixtures/kik-excel-windows-1252.csv"
check "status on the matrix" 0 "$bin/kik-status" --fields "$data/kik-fields.csv" --format csv "$fixtures/seed-001-status-table.txt"
expect "status on the matrix total" "$tmp/out" '^total;"";43;144;38;61;45;27;42;31$'
check "convert check clean" 0 "$bin/kik-convert" --check "$fixtures/kik-utf8-bom-comma.csv"
printf 'field;goal;measure;text;status\nSB;1;1.1;a;fertig\nSB;2;3.1;c;waiting\n' >"$tmp/two.csv"
check "convert check errors" 2 "$bin/kik-convert" --check "$tmp/two.csv"
expect "convert check first" "$tmp/err" "two.csv:2:12: 'fertig' is not a status"
expect "convert check second" "$tmp/err" "two.csv:3:6: measure 3.1 does not belong to goal 2"
check "convert bad input" 2 "$bin/kik-convert" -o "$tmp/never.csv" "$tmp/two.csv"
check "convert wrote nothing" 1 test -e "$tmp/never.csv"

check "report html" 0 "$bin/kik-report" -o "$tmp/report.html"
expect "report html donuts" "$tmp/report.html" 'wartend: <strong>10</strong> (33 %)'
check "report md english" 0 "$bin/kik-report" --format md --lang en --tasks "$tmp/tasks.csv" "$tmp/good.csv"
expect "report md derived" "$tmp/out" '^| in progress | 0 | 0 % |$'
check "report bad input" 2 "$bin/kik-report" -o "$tmp/none.html" "$tmp/bad.csv"
check "report wrote nothing" 1 test -e "$tmp/none.html"

check "diff same" 0 "$bin/kik-diff" bundled "$tmp/from-csv.csv"
printf 'field;group;goal;goal_text;measure;text;status\n' >"$tmp/next.csv"
sed -n '2,$p' "$tmp/from-csv.csv" | cut -d';' -f1,3- | sed 's/^SB;Vernetzung;4;\(.*\);4.6;\(.*\);waiting$/SB;Vernetzung;4;\1;4.6;\2;implemented/' | grep -v ';IO;' | grep -v '^IO;' >>"$tmp/next.csv"
printf 'SB;Neu;9;Ein neues Ziel;9.1;Eine neue Maßnahme;waiting\n' >>"$tmp/next.csv"
check "diff changed" 1 "$bin/kik-diff" --format json bundled "$tmp/next.csv"
expect "diff status" "$tmp/out" '"object": "measure", "id": "SB-4.6", "field": "SB", "change": "changed", "old_status": "waiting", "new_status": "implemented", "values": {"status": {"old": "waiting", "new": "implemented"}, "recorded": {"old": "waiting", "new": "implemented"}}'
expect "diff added" "$tmp/out" '"object": "measure", "id": "SB-9.1", "field": "SB", "change": "added"'
expect "diff removed" "$tmp/out" '"object": "measure", "id": "IO-1.1", "field": "IO", "change": "removed"'
expect "diff removed field" "$tmp/out" '"object": "field", "id": "IO", "field": "IO", "change": "removed"'
expect "diff field counts" "$tmp/out" '"code": "SB", "old": {"waiting": 10, "in_progress": 13, "implemented": 7, "measures": 30}, "new": {"waiting": 10, "in_progress": 13, "implemented": 8, "measures": 31}'
check "diff table" 1 "$bin/kik-diff" bundled "$tmp/next.csv"
expect "diff table count" "$tmp/out" '^48 changes$'
expect "diff table status" "$tmp/out" '^changed  measure  SB-4.6   wartend -> implementiert  recorded: '
expect "diff table added goal" "$tmp/out" '^added    goal     SB-9     Ein neues Ziel$'
check "diff unreadable" 2 "$bin/kik-diff" bundled "$tmp/bad.csv"

# standard output that cannot be written: exit 2 and a message, in every tool
full() { # name, command...
	name=$1
	shift
	"$@" >/dev/full 2>"$tmp/err"
	got=$?
	if [ "$got" -eq 2 ] && grep -q "cannot write to standard output" "$tmp/err"; then passed=$((passed + 1)); else
		failed=$((failed + 1)); echo "FAIL $name to /dev/full: exit $got"; cat "$tmp/err"; fi
}
full "status" "$bin/kik-status"
full "status help" "$bin/kik-status" --help
full "check" "$bin/kik-check"
full "explain" "$bin/kik-explain" SB-4.6
full "report" "$bin/kik-report"
full "diff" "$bin/kik-diff" bundled "$tmp/next.csv"
full "convert" "$bin/kik-convert" --fields "$data/kik-fields.csv" "$data/kik-2023-10-05.csv"

# a file's texts cannot act on the terminal: no ESC (or CSI) byte in any output or message
printf 'field;goal;measure;text;status\nF\033[31mX;1;1.1;T\033[2Jx\302\233;waiting\n' >"$tmp/esc.csv"
printf 'field;goal;measure;text;status\nSB;1;1.1;T;\033]2\007\n' >"$tmp/escbad.csv"
noesc() { # name, command...
	name=$1
	shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	if od -An -tx1 "$tmp/out" "$tmp/err" | grep -qE ' (1b|9b)'; then
		failed=$((failed + 1)); echo "FAIL $name: an ESC byte reaches the terminal"; else passed=$((passed + 1)); fi
}
noesc "status table" "$bin/kik-status" "$tmp/esc.csv"
noesc "status csv" "$bin/kik-status" --format csv "$tmp/esc.csv"
noesc "status json" "$bin/kik-status" --format json "$tmp/esc.csv"
noesc "explain" "$bin/kik-explain" "$tmp/esc.csv" F-1.1
noesc "diff" "$bin/kik-diff" "$tmp/esc.csv" bundled
noesc "report" "$bin/kik-report" "$tmp/esc.csv"
noesc "report md" "$bin/kik-report" --format md "$tmp/esc.csv"
noesc "error message" "$bin/kik-status" "$tmp/escbad.csv"
noesc "file name" "$bin/kik-status" "$tmp/n\033[2Jame.csv"
check "status shows the escape" 0 "$bin/kik-status" "$tmp/esc.csv"
expect "status shows the escape text" "$tmp/out" 'F\\x1b\[31mX'

# inputs that never end, outputs that are not files
check "status /dev/zero" 2 "$bin/kik-status" /dev/zero
expect "status /dev/zero says why" "$tmp/err" "NUL byte"
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/from-fifo.html" &
check "report to a fifo" 0 "$bin/kik-report" -o "$tmp/fifo"
wait
check "the fifo stays a fifo" 0 test -p "$tmp/fifo"
expect "the fifo got the report" "$tmp/from-fifo.html" "</html>"
# the whole report (issue 22): sections, content files, what changed since
check "report whole" 0 "$bin/kik-report" --format md
expect "report whole timeline" "$tmp/out" '^- \*\*18.11.2021\*\*: Beschluss des ersten Kommunalen Integrationskonzepts'
expect "report whole notes" "$tmp/out" '^\*\*Aktueller Stand\*\*$'
check "report status pages" 0 "$bin/kik-report" --format md --status-pages
check "report status pages without timeline" 1 grep -q Zeittafel "$tmp/out"
check "report sections" 0 "$bin/kik-report" --format md --sections timeline,rounds
expect "report sections rounds" "$tmp/out" '^## Priorisierungsrunden$'
check "report bad sections" 2 "$bin/kik-report" --sections summary,fazit
expect "report bad sections message" "$tmp/err" "'fazit' is not a section"
printf 'project;measures\nP;SB-1.1|SB-9.9\n' >"$tmp/projects.csv"
check "report bad content" 2 "$bin/kik-report" --content "$tmp/projects.csv" "$tmp/good.csv"
expect "report bad content position" "$tmp/err" "^$tmp/projects.csv:2:10: no measure 'SB-9.9'"
# a 2025 plan from files: one measure advanced, a note rewritten, a project added
sed 's/^\(SB;[^;]*;4;[^;]*;4\.6;.*\);waiting$/\1;in_progress/' "$data/kik-2023-10-05.csv" >"$tmp/m2025.csv"
printf 'key;value\nname;KIK\nas_of;2025-10-01\ntitle;Zwischenbericht 2025\n' >"$tmp/plan2025.csv"
printf 'Handlungsfeld;Ziel;Aktueller Stand;Ausblick\nSB;4;Fachtag 2024 durchgeführt.;Weitere.\n' >"$tmp/notes2025.csv"
printf 'project;field;measures;start\nSprachpaten;SB;SB-4.6;2024-03\n' >"$tmp/projects2025.csv"
check "report since" 0 "$bin/kik-report" --format md --fields "$data/kik-fields.csv" --plan-info "$tmp/plan2025.csv" \
	--content "$tmp/notes2025.csv" --content "$tmp/projects2025.csv" --since bundled --earlier-notes "$tmp/m2025.csv"
expect "report since title" "$tmp/out" '^Veränderungen seit 05.10.2023$'
expect "report since measure" "$tmp/out" '^- SB-4.6 Unterstützungsangebote werden proaktiv bei der Zielgruppe beworben.: \*\*wartend → in Bearbeitung\*\*$'
expect "report since project" "$tmp/out" '^- Sprachpaten$'
expect "report since earlier note" "$tmp/out" '^\*\*Aktueller Stand (Stand 05.10.2023)\*\*$'
check "report since exactly one measure" 0 test "$(grep -c ': \*\*' "$tmp/out")" -eq 1
check "report since unreadable" 2 "$bin/kik-report" --since "$tmp/bad.csv"
check "diff leaves the content out" 0 "$bin/kik-diff" bundled "$data/kik-2023-10-05.csv" --fields "$data/kik-fields.csv"

# the store, where the tools were built with it
if [ -x "$bin/kik-store" ]; then
	data=$(cd "$(dirname "$0")/../../data" && pwd)
	samples=$(cd "$(dirname "$0")/../../examples" && pwd)
	db="$tmp/kik.kikdb"
	check "store init" 0 "$bin/kik-store" init "$db"
	check "store import" 0 "$bin/kik-store" import "$db" --fields "$data/kik-fields.csv" --info "$data/kik-plan.csv" \
		"$data/kik-2023-10-05.csv" --published "$data/kik-2023-10-05-published.csv" --author Anna
	check "store snapshot" 0 "$bin/kik-store" snapshot "$db" --label Zwischenbericht
	check "store snapshot twice" 2 "$bin/kik-store" snapshot "$db"
	expect "store snapshot twice says why" "$tmp/err" "snapshot of 2023-10-05 already"
	check "store import tasks" 0 "$bin/kik-store" import "$db" --tasks "$samples/sample-tasks.csv" --note Fortschritt
	check "store snapshot 2025" 0 "$bin/kik-store" snapshot "$db" --as-of 2025-06-30
	check "store list" 0 "$bin/kik-store" list "$db"
	expect "store list plan" "$tmp/out" '^main: Kommunales Integrationskonzept Kempten (KIK), 144 measures, 7 tasks'
	expect "store list snapshot" "$tmp/out" '^  snapshot 2023-10-05 "Zwischenbericht"  taken '
	check "store trend csv" 0 "$bin/kik-store" trend "$db" --format csv
	expect "store trend 2023" "$tmp/out" '^2023-10-05;"Zwischenbericht";plan;;;144;38;61;45;27;42;31$'
	expect "store trend 2025 AA" "$tmp/out" '^2025-06-30;"";field;AA;;27;6;7;14;22;26;52$'
	check "store trend goals json" 0 "$bin/kik-store" trend "$db" --format json --goals
	expect "store trend json goal" "$tmp/out" '"scope": "goal", "field": "SB", "goal": 4, "measures": 6'
	check "store history" 0 "$bin/kik-store" history "$db" SB-4.6
	expect "store history 2023" "$tmp/out" '^2023-10-05           snapshot "Zwischenbericht"  waiting$'
	expect "store history 2025" "$tmp/out" '^2025-06-30           snapshot  in_progress$'
	check "store history unknown" 2 "$bin/kik-store" history "$db" SB-99.1
	check "store log" 0 "$bin/kik-store" log "$db"
	expect "store log import" "$tmp/out" 'import  *.*sample-tasks.csv tasks: 7 added, 3 changed, 0 removed  "Fortschritt"$'
	check "store diff" 1 "$bin/kik-store" diff "$db" 2023-10-05 2025-06-30
	expect "store diff AA-2.1" "$tmp/out" '^changed  measure  AA-2.1   wartend -> implementiert'
	check "store diff same" 0 "$bin/kik-store" diff "$db" 2025-06-30 working
	check "store export tasks" 0 "$bin/kik-store" export "$db" --kind tasks --snapshot 2025-06-30
	expect "store export header" "$tmp/out" '^task_id;field;measure;kind;title;state;due;owner$'
	check "status from a store" 0 "$bin/kik-status" --format csv --store "$db@2023-10-05"
	expect "status from a store total" "$tmp/out" '^total;"";43;144;38;61;45;27;42;31$'
	check "status from a store file" 0 "$bin/kik-status" --format csv "$db@Zwischenbericht"
	check "report from a store" 0 "$bin/kik-report" --store "$db" -o "$tmp/store.html"
	expect "report from a store SB" "$tmp/store.html" 'wartend: <strong>9</strong> (30 %)'
	check "diff of two snapshots" 1 "$bin/kik-diff" "$db@2023-10-05" "$db@2025-06-30"
	check "report since a snapshot" 0 "$bin/kik-report" --format md --store "$db@2025-06-30" --since "$db@Zwischenbericht" \
		-o "$tmp/since.md"
	expect "report since a snapshot says" "$tmp/since.md" '^### Veränderungen seit 05.10.2023'
	check "status unknown snapshot" 2 "$bin/kik-status" --store "$db@1999-01-01"
	expect "status unknown snapshot says" "$tmp/err" "no snapshot has the date or label '1999-01-01'"
	check "store on a csv file" 2 "$bin/kik-store" list "$data/kik-plan.csv"
	expect "store on a csv file says" "$tmp/err" "not a store"
	check "store unknown command" 2 "$bin/kik-store" frobnicate "$db"
	# a label holding the delimiter and quotes stays one CSV cell
	db2="$tmp/labels.kikdb"
	check "store labelled init" 0 "$bin/kik-store" import "$db2" "$data/kik-2023-10-05.csv" --fields "$data/kik-fields.csv"
	check "store labelled snapshot" 0 "$bin/kik-store" snapshot "$db2" --as-of 2023-10-05 --label 'Bericht; "Entwurf"'
	check "store labelled trend" 0 "$bin/kik-store" trend "$db2" --format csv
	expect "store labelled trend cell" "$tmp/out" '^2023-10-05;"Bericht; ""Entwurf""";plan;;;144;38;61;45;'
fi

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
