#!/bin/sh
# The Python package as users install it, offline with Debian's tools: `pip install .` and
# a wheel from `python3 -m build`, each into a fresh venv (with Debian's site packages, for
# pandas and pytest), where the Python tests run against the installed package, not the
# build tree. Usage: python_package.sh SOURCE_DIR CMAKE_BUILD_DIR PYTHON
set -eu
src=$(cd "$1" && pwd)
skip=$(cd "$2" && pwd)
python=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# the sources without .git, build trees or the benchmark's node modules
mkdir "$tmp/src"
(cd "$src" && find . -mindepth 1 -maxdepth 1 ! -name .git ! -name 'build*' ! -path "./${skip#"$src"/}" \
	-exec cp -R {} "$tmp/src/" \;)
rm -rf "$tmp/src/bench/.node"
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}" PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1

check() { # venv: the tests and the package's facts, from outside the sources
	(cd "$tmp" && env -u PYTHONPATH "$1/bin/python" - <<'PY'
import importlib.metadata, pathlib, sys
import kik
assert pathlib.Path(kik.__file__).resolve().is_relative_to(pathlib.Path(sys.prefix).resolve()), kik.__file__
assert kik.__version__ == importlib.metadata.version("kik"), (kik.__version__, importlib.metadata.version("kik"))
assert (pathlib.Path(kik.__file__).parent / "py.typed").exists()
print("installed kik", kik.__version__, "at", pathlib.Path(kik.__file__).parent)
PY
	) && (cd "$tmp" && env -u PYTHONPATH "$1/bin/python" -m pytest -q -p no:cacheprovider "$src/tests/python")
}

echo "== pip install ."
"$python" -m venv --system-site-packages "$tmp/pip"
"$tmp/pip/bin/python" -m pip install -q --no-build-isolation --no-deps "$tmp/src"
check "$tmp/pip"

echo "== python3 -m build --wheel, installed into a fresh venv"
(cd "$tmp/src" && "$python" -m build --wheel --no-isolation --outdir "$tmp/dist" >"$tmp/build.log" 2>&1) ||
	{ cat "$tmp/build.log"; exit 1; }
wheel=$(ls "$tmp"/dist/kik-*.whl)
echo "built $(basename "$wheel")"
"$python" -m zipfile -l "$wheel" | grep -q "kik/py.typed"
"$python" -m venv --system-site-packages "$tmp/wheel"
"$tmp/wheel/bin/python" -m pip install -q --no-deps "$wheel"
# the module carries the library: it needs no libkik.so
! ldd "$tmp"/wheel/lib/python3*/site-packages/kik/_core*.so | grep -q libkik
check "$tmp/wheel"
