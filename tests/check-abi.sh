#!/bin/sh
# The library's ABI against the committed baseline (abi/libkik.abi, written by abidw for
# release 1.0.0): fails on any change abidiff reports but added functions and enumerators.
# A struct that grows at its end (an options struct's next version) is reported too:
# libabigail 2.2's suppressions also hid insertions in the middle when tried, so such a
# change needs the baseline rewritten on purpose (abi/update-baseline.sh) and reviewed.
# An incompatible change is never made after 1.0: add, version, deprecate instead.
set -u
lib=$1 root=$2
abidiff --no-added-syms --hd1 "$root/include/kik" --hd2 "$root/include/kik" "$root/abi/libkik.abi" "$lib"
rc=$?
# abidiff's status is a bit set: 1 error, 2 usage error, 4 a change, 8 an incompatible one
if [ "$rc" -ne 0 ]; then
	echo "abi: $lib differs from abi/libkik.abi (abidiff status $rc)"
	exit 1
fi
echo "abi: the same ABI as abi/libkik.abi, or only additions"
