#!/usr/bin/env python3
"""Proves scripts/dependencies.txt complete (ctest: dependencies-complete).

    check-dependencies.py --list scripts/dependencies.txt --source SRC
                          --build BUILD [--build OTHER_BUILD ...]

Collects everything the configured builds and the tests used from the
machine:
  - every header a compile read          (ninja -C BUILD -t deps)
  - every library and object on the link lines, with what the compiler
    driver adds (the link command again with -###: crt files, -lstdc++, the
    linker itself), -lNAME resolved through the -L directories the way the
    linker does (libNAME.so, then libNAME.a)
  - the shared libraries the built binaries, and the native binaries in the
    npm folders, load (ldd)
  - every program the build and the tests run: CMakeCache FILEPATH entries
    (find_program, find_library, find_package) and the compiler launcher;
    `ctest --show-only=json-v1`'s commands, with the scripts of `sh -c`;
    lit's RUN lines after lit.cfg.py's substitutions, run with lit's PATH;
    COMMAND words in the CMake files; the commands in the scripts under
    scripts/, tests/tools, tests/e2e, tests/lit/Inputs and vscode-client/test
    (shell files by command position, JavaScript/Python/Lua/Emacs Lisp by
    their string literals, each read as a shell command line); Python
    modules those Python files import
and checks that each file (after following its symlinks, each hop, and
across Debian's /usr merge) belongs (dpkg's file lists) to a package in the
list, to the Depends/Pre-Depends closure of those packages (what
`apt-get install --no-install-recommends` brings; for `a | b`, the first
alternative installed), or to an Essential package and its closure. Files
in the source tree, the build trees and the npm folders are the project's
own. Prints each file that fails with the package it came from and what
needed it; exit 1 if any, 2 on a usage error.

The two halves are modules beside this script: dependencies/used.py finds
what was used (with dependencies/command_words.py, which picks the programs
out of command lines and scripts), dependencies/provided.py knows what the
list and dpkg provide; this script runs the one and judges by the other.
"""
import argparse
import os
import sys

# The modules are imported from the source tree, which a test must leave as
# it found it: no __pycache__/ beside them.
sys.dont_write_bytecode = True

from dependencies.provided import Provided  # noqa: E402
from dependencies.used import Used, scan_build, scan_ctest, scan_lit, scan_sources  # noqa: E402


def report(used, provided):
    """Prints each used file that no provided package owns; the exit status."""
    missing = []
    for path, why in sorted(used.needed.items()):
        v = provided.verdict(path)
        if v:
            missing.append("%s: %s; needed by %s" % (path, v, why))
    for m in provided.problems + missing:
        print("dependencies-complete: " + m)
    print("dependencies-complete: checked %d files from the machine against %d packages "
          "(the list, what it depends on, Essential); %d missing"
          % (len(used.needed), len(provided.allowed), len(provided.problems) + len(missing)))
    return 1 if provided.problems or missing else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--list", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--build", action="append", required=True)
    args = ap.parse_args()
    args.build = [b for b in args.build if os.path.exists(os.path.join(b, "build.ninja"))]
    if not args.build:
        print("check-dependencies: no configured build tree", file=sys.stderr)
        return 2
    provided = Provided(args.list)
    used = Used(args.source, args.build)
    for b in used.builds:
        scan_build(used, b)
    n = scan_ctest(used, used.builds[0])
    scan_lit(used)
    scan_sources(used)
    print("dependencies-complete: scanned %d build tree(s), %d tests, lit and the test scripts"
          % (len(used.builds), n))
    return report(used, provided)


if __name__ == "__main__":
    sys.exit(main())
