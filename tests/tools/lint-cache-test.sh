#!/usr/bin/env bash
# scripts/lint-tidy's cache never hides a warning (tests/scripts/lint.cmake).
# In a scratch repository (one .cpp including one header, built with
# clang++-19 and ninja so `ninja -t deps` knows the header), with a cache of
# its own:
#   1. a clean file is linted, then found in the cache;
#   2. a warning put into the header (not the .cpp) is reported, and again
#      on the next run: findings are never cached;
#   3. fixed, it is clean; then a .clang-tidy that enables another check
#      brings a finding back although no source changed.
#   lint-cache-test.sh SOURCE_DIR WORK_DIR
set -euo pipefail
src=$1 work=$2
lint="$src/scripts/lint-tidy"
rm -rf "$work" && mkdir -p "$work/repo"
cd "$work/repo"
export AIPROV_LINT_CACHE="$work/cache"
cat > CMakeLists.txt <<'CMAKE'
cmake_minimum_required(VERSION 3.20)
project(scratch CXX)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
add_library(scratch OBJECT a.cpp)
CMAKE
printf '#include "h.h"\nint use() { return helper(); }\n' > a.cpp
printf '#pragma once\ninline int helper() { int *P = nullptr; return P != nullptr; }\n' > h.h
printf 'Checks: "-*,modernize-use-nullptr"\nHeaderFilterRegex: ".*"\n' > .clang-tidy
git init -q && git add -A
cmake -S . -B build -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
ninja -C build >/dev/null

fail() { echo "lint-cache-test: $*" >&2; cat "$work/out" >&2; exit 1; }
run() { status=0; "$lint" --source "$work/repo" build a.cpp >"$work/out" 2>&1 || status=$?; }
build_again() { ninja -C build >/dev/null; }

run; [ $status = 0 ] || fail "1: a clean file failed"
grep -q "0 of 1 files known clean" "$work/out" || fail "1: first run did not lint"
run; [ $status = 0 ] && grep -q "1 of 1 files known clean" "$work/out" || fail "1: clean file not cached"

printf '#pragma once\ninline int helper() { int *P = 0; return P != 0; }\n' > h.h
build_again
run; [ $status = 1 ] && grep -q "h.h:2:.*warning: use nullptr" "$work/out" || fail "2: header warning not reported"
run; [ $status = 1 ] && grep -q "warning: use nullptr" "$work/out" || fail "2: warning hidden on the second run"

printf '#pragma once\ninline int helper() { int *P = nullptr; return P != nullptr; }\n' > h.h
build_again
run; [ $status = 0 ] || fail "3: fixed header still fails"
printf 'Checks: "-*,modernize-use-nullptr,readability-identifier-length"\nHeaderFilterRegex: ".*"\nCheckOptions:\n  - { key: readability-identifier-length.MinimumVariableNameLength, value: 3 }\n' > .clang-tidy
run; [ $status = 1 ] && grep -q "readability-identifier-length" "$work/out" || fail "3: a changed .clang-tidy did not re-lint"
echo "lint-cache-test: ok"
