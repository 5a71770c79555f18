#!/usr/bin/env bash
# Configures aiprov into a scratch tree and checks which compiler it got
# (tests/scripts/compiler.cmake):
#   configure-test.sh default SRC SCRATCH   no compiler named (no CC, CXX or
#       -DCMAKE_*_COMPILER): must pick clang-19 and clang++-19, and build
#       the plugin and the tidy module
#   configure-test.sh gcc SRC SCRATCH       CC=gcc CXX=g++: must leave both
#       modules out, with a configure warning saying why
set -euo pipefail
mode=$1 src=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch"
log="$scratch/configure.log"
# Tests off: the configure is all we look at, and it stays quick.
args=(-S "$src" -B "$scratch" -G Ninja -DAIPROV_BUILD_TESTS=OFF)
case $mode in
  default) env -u CC -u CXX cmake "${args[@]}" >"$log" 2>&1 ;;
  gcc)     env CC=gcc CXX=g++ cmake "${args[@]}" >"$log" 2>&1 ;;
  *) echo "usage: configure-test.sh default|gcc SRC SCRATCH" >&2; exit 2 ;;
esac || { cat "$log"; echo "configure-test: configure failed" >&2; exit 1; }

cache() { sed -n "s/^$1:[A-Z]*=//p" "$scratch/CMakeCache.txt"; }
fail() { echo "configure-test: $*" >&2; cat "$log" >&2; exit 1; }
cxx=$(cache CMAKE_CXX_COMPILER) cc=$(cache CMAKE_C_COMPILER)
echo "C compiler: $cc; C++ compiler: $cxx"
case $mode in
  default)
    [ "$(basename "$cxx")" = clang++-19 ] || fail "C++ compiler is $cxx, not clang++-19"
    [ "$(basename "$cc")" = clang-19 ] || fail "C compiler is $cc, not clang-19"
    grep -q 'build lib/libaiprov-tidy.so' "$scratch/build.ninja" || fail "no libaiprov-tidy.so target"
    grep -q 'build lib/libaiprov-plugin.so' "$scratch/build.ninja" || fail "no libaiprov-plugin.so target"
    ;;
  gcc)
    case $(basename "$cxx") in g++*|*-g++*) ;; *) fail "C++ compiler is $cxx, not g++" ;; esac
    ! grep -q 'libaiprov-tidy.so:' "$scratch/build.ninja" || fail "g++ would build libaiprov-tidy.so"
    ! grep -q 'libaiprov-plugin.so:' "$scratch/build.ninja" || fail "g++ would build libaiprov-plugin.so"
    # CMake wraps warning text; join the lines before looking for the reason.
    tr -s ' \n' ' ' <"$log" | grep -q 'not building the compiler plugin (libaiprov-plugin.so) or the clang-tidy module (libaiprov-tidy.so)' ||
      fail "no configure warning saying the modules are left out"
    ;;
esac
echo "configure-test: $mode: ok"
