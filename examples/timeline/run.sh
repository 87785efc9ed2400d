#!/bin/sh
# The city's timeline in a store: the concept of 2021-11-18 (all 144 measures waiting), the
# interim report's status of 2023-10-05 (the bundled data), and a status of 2025 made by
# applying a tasks file to it. Then the trend over the three snapshots.
#
#   sh examples/timeline/run.sh [BUILD_DIR] [STORE]     (defaults: build, kik-timeline.kikdb)
#
# tasks-2025.csv is illustrative, not published data: ten measures in progress in 2023 get
# all three kinds of task done (implemented), six waiting ones get a task under way.
# plot.py draws the trend from the store's views, without libkik.
set -eu
here=$(dirname "$0")
data="$here/../../data"
build=${1:-build}
store=${2:-kik-timeline.kikdb}
tool="$build/examples/kik-store"
rm -f "$store" "$store-wal" "$store-shm"
"$tool" init "$store" --plan KIK
# 2021-11-18: the concept, every measure waiting
"$tool" import "$store" "$here/kik-2021-11-18.csv" --fields "$data/kik-fields.csv" \
	--info "$here/plan-2021-11-18.csv" --author "Amt für Integration" --note "Konzept beschlossen"
"$tool" snapshot "$store" --label Konzept --author "Amt für Integration"
# 2023-10-05: the interim report's status
"$tool" import "$store" "$data/kik-2023-10-05.csv" --info "$here/plan-2023-10-05.csv" \
	--author "Amt für Integration" --note "Zwischenbericht"
"$tool" snapshot "$store" --label Zwischenbericht --author "Amt für Integration"
# 2025: the office's tasks file applied to the working state
"$tool" import "$store" --tasks "$here/tasks-2025.csv" --info "$here/plan-2025-10-01.csv" \
	--author "Amt für Integration" --note "Aufgaben 2025"
"$tool" snapshot "$store" --label "Stand 2025" --author "Amt für Integration"
"$tool" trend "$store"
