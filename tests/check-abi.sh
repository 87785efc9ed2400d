#!/bin/sh
# The library's ABI against the committed baseline (abi/libkik.abi, written by abidw for
# release 1.0.0): fails on any change that breaks callers built against the baseline.
# Added functions pass; structs that callers fill may grow at the end (abi/suppressions).
# After 1.0 the baseline is never rewritten for an incompatible change: add, version,
# deprecate instead.
set -u
lib=$1 root=$2
abidiff --no-added-syms --suppressions "$root/abi/suppressions.abignore" \
	--hd1 "$root/include/kik" --hd2 "$root/include/kik" "$root/abi/libkik.abi" "$lib"
rc=$?
# abidiff's status is a bit set: 1 error, 2 usage error, 4 a change, 8 an incompatible one
if [ "$rc" -ne 0 ]; then
	echo "abi: $lib differs from abi/libkik.abi (abidiff status $rc)"
	exit 1
fi
echo "abi: no change that breaks callers of abi/libkik.abi"
