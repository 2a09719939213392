#!/usr/bin/env bash
# Records CPython's behaviour for every NAME.py in a folder (default: Tests/SwirlTests/Scripts),
# the expectations the in-process script tests (Tests/SwirlTests/ScriptTests.swift) compare with:
#   NAME.out   standard output
#   NAME.code  the exit status, written only when it is not 0
#   NAME.err   the last non-blank line of standard error, written only when the status is not 0
# Stale NAME.code / NAME.err files are removed; NAME.errhas files are written by hand and kept.
# Each script runs from its own folder with no standard input, as the tests run it.
# Usage: scripts/record-expected.sh [FOLDER...]      (python3 must be CPython 3.11)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-python3}
version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if [[ $version != 3.11 ]]; then
  echo "record-expected: $python is Python $version; the expectations must come from CPython 3.11" >&2
  exit 1
fi
[[ $# -eq 0 ]] && set -- "$root/Tests/SwirlTests/Scripts"
err=$(mktemp); trap 'rm -f "$err"' EXIT
count=0
for dir in "$@"; do
  dir=$(cd "$dir" && pwd)
  while IFS= read -r py; do
    base=${py%.py}
    code=0
    (cd "$dir" && "$python" "$(basename "$py")" </dev/null >"$base.out" 2>"$err") || code=$?
    rm -f "$base.code" "$base.err"
    if [[ $code != 0 ]]; then
      echo "$code" >"$base.code"
      sed '/^[[:space:]]*$/d' "$err" | tail -n 1 >"$base.err"
    fi
    count=$((count + 1))
  done < <(find "$dir" -maxdepth 1 -name '*.py' | sort)
done
echo "record-expected: recorded $count scripts"
