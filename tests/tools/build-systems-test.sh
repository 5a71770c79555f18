#!/usr/bin/env bash
# Users' builds with the plugin, as the README shows them:
#
#   build-systems-test.sh AIPROV_BUILD_DIR SOURCE_DIR
#
# 1. `cmake --install` aiprov into a temporary prefix;
# 2. the example project configured with find_package(aiprov) from that
#    prefix (aiprov_add_plugin in its CMakeLists.txt) and built: the build
#    must fail on the forbidden regions, naming them, and third_party/ must
#    compile;
# 3. the example's plain Makefile with AIPROV_PLUGIN from that prefix: the
#    same findings.
set -euo pipefail
build=$1 src=$2
work=$(mktemp -d /tmp/aiprov-build-systems.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"
for f in bin/aiprov lib/libaiprov-plugin.so lib/libaiprov-tidy.so \
         lib/cmake/aiprov/aiprovConfig.cmake include/aiprov/annotate.h; do
  [ -e "$work/prefix/$f" ] || fail "not installed: $f"
done

expect_findings() { # LOG WHAT
  grep -q 'arithmetic_task.cpp:11:3: error: .*\[aiprov-forbidden-region\]' "$1" ||
    fail "$2: no forbidden-region error for arithmetic_task.cpp:11"
  grep -q 'grade.cpp:4:1: error: .*\[aiprov-forbidden-region\]' "$1" ||
    fail "$2: no forbidden-region error for grade.cpp:4"
}

cp -r "$src/examples/eval-repo" "$work/cmake-project"
cmake -S "$work/cmake-project" -B "$work/cmake-build" -G Ninja \
  -DCMAKE_CXX_COMPILER=clang++-19 -Daiprov_DIR="$work/prefix/lib/cmake/aiprov" \
  -DAIPROV_INCLUDE_DIR="$work/prefix/include" > "$work/configure.log" ||
  { cat "$work/configure.log" >&2; fail "cmake configure"; }
grep -q -- '-fplugin=' "$work/cmake-build/compile_commands.json" ||
  fail "aiprov_add_plugin did not add -fplugin to the compiles"
if cmake --build "$work/cmake-build" -- -k 0 > "$work/cmake.log" 2>&1; then
  cat "$work/cmake.log" >&2; fail "the CMake build succeeded despite forbidden regions"
fi
expect_findings "$work/cmake.log" CMake
[ -e "$work/cmake-build/CMakeFiles/evals.dir/third_party/fast_hash.cpp.o" ] ||
  fail "CMake: third_party/fast_hash.cpp (allowed) did not compile"

cp -r "$src/examples/eval-repo" "$work/make-project"
if make -k -C "$work/make-project" AIPROV_PLUGIN="$work/prefix/lib/libaiprov-plugin.so" \
     AIPROV_INCLUDE="$work/prefix/include" > "$work/make.log" 2>&1; then
  cat "$work/make.log" >&2; fail "the make build succeeded despite forbidden regions"
fi
expect_findings "$work/make.log" make
[ -e "$work/make-project/third_party/fast_hash.o" ] || fail "make: third_party/fast_hash.o missing"
echo "PASS: installed aiprov; CMake (find_package + aiprov_add_plugin) and make builds of the example fail on its forbidden regions"
