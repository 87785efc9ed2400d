#!/bin/sh
# The C sources match the committed .clang-format.
set -eu
cd "$1"
files=$(find lib include examples tests bench -name '*.c' -o -name '*.h' | grep -v '/fixtures/' | sort)
clang-format --dry-run --Werror $files
echo "format: $(echo "$files" | wc -l) files match .clang-format"
