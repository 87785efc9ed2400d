#!/bin/sh
# Compares the dynamic symbols of libkik with the committed list and with the header declarations.
set -eu
lib=$1 list=$2 headers=$3
# a build without the store (KIK_STORE=OFF) exports the list less the store's functions
if [ "${4:-}" = without-store ]; then
  expected=$(mktemp)
  trap 'rm -f "$expected"' EXIT
  grep -v -E '^kik_(store|string_list|snapshot|history|trend)_' "$list" > "$expected"
  list=$expected
fi
# every kind of defined symbol: code (T, W), data (D, B, R, V) and anything else
actual=$(nm -D --defined-only "$lib" | awk 'NF == 3 {print $3}' | sort)
if ! printf '%s\n' "$actual" | diff -u "$list" -; then
  echo "exports differ from $list (update it when the API changes on purpose)"
  exit 1
fi
for sym in $actual; do
  grep -q "\b$sym(" "$headers"/*.h || { echo "$sym is exported but not declared in a public header"; exit 1; }
done
echo "exports: $(printf '%s\n' "$actual" | wc -l) symbols, all public"
