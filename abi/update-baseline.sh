#!/bin/sh
# Rewrites the ABI baseline from a build (a release, or a reviewed compatible growth of a
# versioned struct; never for an incompatible change). Usage: abi/update-baseline.sh BUILD_DIR
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
abidw --headers-dir "$root/include/kik" --headers-dir "$1/include/kik" --out-file "$root/abi/libkik.abi" \
	"$1/libkik.so"
echo "abi/libkik.abi written from $1/libkik.so"
