#!/bin/sh
# Installs the build into a scratch prefix and builds a program against it, once through
# pkg-config and once through find_package(kik); then runs the installed tool from elsewhere.
set -eu
build=$1
here=$(cd "$(dirname "$0")" && pwd)
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null

pc=$(dirname "$(find "$prefix" -name kik.pc)")
grep -q "^libdir=$prefix/" "$pc/kik.pc" || { echo "kik.pc has no absolute libdir"; exit 1; }
PKG_CONFIG_PATH=$pc
export PKG_CONFIG_PATH
libdir=$(pkg-config --variable=libdir kik)
cc -o "$prefix/consumer_pc" "$here/consumer.c" $(pkg-config --cflags --libs kik) -Wl,-rpath,"$libdir"
"$prefix/consumer_pc"

cmake -S "$here" -B "$prefix/consumer-build" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$prefix/consumer-build" >/dev/null
LD_LIBRARY_PATH=$libdir "$prefix/consumer-build/consumer"
"$prefix/consumer-build/consumer_static"

cd /
"$prefix/bin/kik-status" --format json | grep -q '"measures": 144'
test -f "$prefix/share/kik/kik-2023-10-05.csv"
pydir=$(find "$prefix" -path '*-packages/kik' -type d)
if [ -n "$pydir" ]; then
	python=${PYTHON:-/usr/bin/python3}
	PYTHONPATH=$(dirname "$pydir") "$python" -c "import kik; s = kik.Plan.default().summary(); assert s.total == 144, s; print(s)"
fi
echo "consumer: pkg-config, find_package, the installed kik-status and Python package work"
