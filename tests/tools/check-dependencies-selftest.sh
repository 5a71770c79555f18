#!/usr/bin/env bash
# The test of the dependency checker (tests/scripts/dependencies.cmake): run
# it with scripts/dependencies.txt minus two packages the build needs, and
# expect it to fail and name each, with the file that needed it.
#   check-dependencies-selftest.sh LIST WORKDIR CHECKER-COMMAND...
set -euo pipefail
list=$1 work=$2; shift 2
mkdir -p "$work"
removed=(ninja-build zlib1g-dev)
grep -v -E "^apt (ninja-build|zlib1g-dev)( |$)" "$list" > "$work/dependencies.txt"
status=0
"$@" --list "$work/dependencies.txt" > "$work/out" 2>&1 || status=$?
cat "$work/out"
[ "$status" = 1 ] || { echo "selftest: the checker exited $status, not 1, without ${removed[*]}" >&2; exit 1; }
for p in "${removed[@]}"; do
  grep -q "from package $p, which the list does not bring; needed by" "$work/out" ||
    { echo "selftest: the checker did not name $p" >&2; exit 1; }
done
echo "selftest: without ${removed[*]} the checker fails and names both"
