"""What the build trees and the tests used from the machine (check-dependencies.py).

The half of the check that finds files: each scan_* reads one kind of
evidence (a build tree's ninja deps and link lines, CMakeCache.txt, the
binaries' shared libraries, ctest's commands, lit's RUN lines, the scripts,
the CMake files, the npm folders' native binaries) and records each file
from outside the project it shows was used, with the first thing that
needed it, in a Used.
"""
import glob
import json
import os
import re
import shlex
import shutil
import stat
import subprocess

from dependencies.command_words import (COMMENT, WORD, literal_commands,
                                        python_imports, shell_commands)


class Used:
    """The files from the machine that the builds and the tests used."""

    def __init__(self, source, builds):
        self.source = os.path.realpath(source)
        self.builds = [os.path.realpath(b) for b in builds]
        self.needed = {}  # path -> first thing that needed it
        self.test_path = os.pathsep.join(
            ["/usr/lib/llvm-19/bin"] + [os.path.join(b, "bin") for b in self.builds] +
            glob.glob(os.path.join(self.source, "vscode-client/.node/node_modules/*/bin")) +
            [os.environ.get("PATH", "")])

    def ours(self, path):
        roots = [self.source] + self.builds
        return any(path == r or path.startswith(r + os.sep) for r in roots)

    def need(self, path, why):
        if not path or not os.path.isabs(path):
            return
        path = os.path.normpath(path)
        if self.ours(path) or self.ours(os.path.realpath(path)):
            return
        if path not in self.needed and os.path.lexists(path) and not os.path.isdir(path):
            self.needed[path] = why

    def need_program(self, name, why, path=None):
        if "/" in name:
            if os.path.isabs(name) and os.path.isfile(name) and os.access(name, os.X_OK):
                self.need(name, why)
            return
        found = shutil.which(name, path=path or self.test_path)
        if found:
            self.need(os.path.abspath(found), why)


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


# Found by someone else's find_package and never run; a machine without it
# gets NOTFOUND and builds the same.
UNUSED_CACHE_ENTRIES = {
    # LLVMConfig.cmake's find_package(LibXml2) also looks for xmllint.
    "LIBXML2_XMLLINT_EXECUTABLE",
}


def scan_build(used, build):
    name = os.path.relpath(build, used.source) if build.startswith(used.source) else build
    # Headers the compiles read.
    out = run(["ninja", "-C", build, "-t", "deps"]).stdout
    obj = None
    for line in out.splitlines():
        if line and not line.startswith(" "):
            obj = line.split(":", 1)[0]
        elif line.strip():
            used.need(os.path.join(build, line.strip()), "compile of %s (%s)" % (obj, name))
    # Link lines, and what the driver adds to them.
    out = run(["ninja", "-C", build, "-t", "commands"]).stdout
    for line in out.splitlines():
        for seg in line.split("&&"):
            try:
                args = shlex.split(seg)
            except ValueError:
                continue
            if not args or args[0] in (":", "cd"):
                continue
            used.need_program(args[0], "the build (%s)" % name, path=os.environ.get("PATH"))
            if "-o" not in args or "-c" in args or not re.search(r"(clang|g)\+\+|clang|gcc|cc$", args[0]):
                continue
            out_file = args[args.index("-o") + 1]
            why = "link of %s (%s)" % (out_file, name)
            scan_link_args(used, args, why)
            r = run(args + ["-###"], cwd=build)
            for l in r.stderr.splitlines():
                if l.startswith(" \""):
                    try:
                        scan_link_args(used, shlex.split(l), why + ", from the compiler driver")
                    except ValueError:
                        pass
    # CMakeCache: what find_program/find_library/find_package found.
    for line in open(os.path.join(build, "CMakeCache.txt"), errors="replace"):
        m = re.match(r"^([^#/][^:]*):(FILEPATH|UNINITIALIZED|STRING)=(.*)$", line.rstrip("\n"))
        if not m:
            continue
        key, kind, value = m.groups()
        if key in UNUSED_CACHE_ENTRIES:
            continue
        if kind == "FILEPATH" and os.path.isabs(value):
            used.need(value, "CMakeCache.txt %s (%s)" % (key, name))
        elif key.endswith("_COMPILER_LAUNCHER") and value:
            used.need_program(value, "CMakeCache.txt %s (%s)" % (key, name))
    # The binaries' shared libraries.
    for root, dirs, files in os.walk(build):
        dirs[:] = [d for d in dirs if d not in ("CMakeFiles",)]
        for f in files:
            scan_elf(used, os.path.join(root, f), name)


def scan_link_args(used, args, why):
    dirs, libs = [], []
    first = True
    for a in args:
        if first:
            used.need_program(a, why, path=os.environ.get("PATH"))
            first = False
            continue
        parts = a[4:].split(",") if a.startswith("-Wl,") else [a]
        for p in parts:
            if p.startswith("-L") and len(p) > 2:
                dirs.append(p[2:])
            elif p.startswith("-l") and len(p) > 2:
                libs.append(p[2:])
            elif os.path.isabs(p) and re.search(r"\.(a|so(\.[0-9]+)*|o)$", p):
                used.need(p, why)
    for lib in libs:
        names = [lib[1:]] if lib.startswith(":") else ["lib%s.so" % lib, "lib%s.a" % lib]
        for n in names:
            hit = next((os.path.join(d, n) for d in dirs if os.path.exists(os.path.join(d, n))), None)
            if hit:
                used.need(os.path.abspath(hit), why + " (-l%s)" % lib)
                break


def scan_elf(used, path, why):
    # Regular files only: the tests leave FIFOs and links to /dev/zero in the
    # build tree, and opening a FIFO blocks.
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return
    except OSError:
        return
    try:
        with open(path, "rb") as f:
            head = f.read(18)
    except OSError:
        return
    # Executables and shared objects only (e_type 2 or 3), not object files.
    if head[:4] != b"\x7fELF" or head[16] not in (2, 3):
        return
    r = run(["ldd", path])
    for line in r.stdout.splitlines():
        m = re.search(r"=>\s+(/\S+)", line) or re.match(r"\s*(/\S+)\s+\(", line)
        if m:
            used.need(m.group(1), "loaded by %s (%s)" % (os.path.relpath(path, used.source), why))


def scan_ctest(used, build):
    r = run(["ctest", "--show-only=json-v1"], cwd=build)
    tests = json.loads(r.stdout).get("tests", [])
    for t in tests:
        cmd = t.get("command") or []
        why = "test %s" % t["name"]
        for i, a in enumerate(cmd):
            if i == 0 or WORD.match(a):
                used.need_program(a, why)
            if i > 0 and cmd[i - 1] == "-c":
                for w in shell_commands(a):
                    used.need_program(w, why)
    return len(tests)


def scan_lit(used):
    lit = os.path.join(used.source, "tests", "lit")
    cfg = open(os.path.join(lit, "lit.cfg.py")).read()
    subs = {"%expect-exit": "python3 expect-exit.py"}
    for w in literal_commands(os.path.join(lit, "lit.cfg.py")):
        used.need_program(w, "tests/lit/lit.cfg.py")
    for root, dirs, files in os.walk(lit):
        for f in files:
            path = os.path.join(root, f)
            if "Inputs" in path.split(os.sep):
                ext = os.path.splitext(f)[1]
                if ext in COMMENT:
                    scan_script(used, path)
                elif ext in (".sh", "") and open(path, errors="replace").read(2) == "#!":
                    scan_script(used, path)
                continue
            if not f.endswith((".test", ".cpp", ".c", ".h")):
                continue
            lines = []
            for line in open(path, errors="replace"):
                m = re.search(r"RUN:(.*)$", line)
                if m:
                    lines.append(m.group(1))
            joined = "\n".join(lines).replace("\\\n", " ")
            for k, v in subs.items():
                joined = joined.replace(k, v)
            for w in shell_commands(joined):
                used.need_program(w, "RUN line of %s" % os.path.relpath(path, used.source))
    del cfg


def scan_script(used, path):
    why = os.path.relpath(path, used.source)
    ext = os.path.splitext(path)[1]
    text = open(path, encoding="utf-8", errors="replace").read()
    if text.startswith("#!"):
        interp = text.split("\n", 1)[0][2:].split()
        if interp:
            used.need_program(interp[0], why)
            if os.path.basename(interp[0]) == "env" and len(interp) > 1:
                used.need_program(interp[1], why)
            prog = os.path.basename(interp[-1] if os.path.basename(interp[0]) == "env" else interp[0])
            if ext not in COMMENT:  # scripts/lint-tidy: Python without .py
                ext = {"python3": ".py", "python": ".py", "node": ".js"}.get(prog, ext)
    if ext in COMMENT:
        for w in literal_commands(path, ext):
            used.need_program(w, why)
        if ext == ".py":
            mods = sorted(python_imports(path))
            r = run(["python3", "-c",
                     "import importlib.util,sys\nfor m in sys.argv[1:]:\n"
                     " try: s=importlib.util.find_spec(m)\n except Exception: s=None\n"
                     " print(m, s.origin if s and s.origin else '')"] + mods)
            for line in r.stdout.splitlines():
                mod, _, origin = line.partition(" ")
                if os.path.isabs(origin):
                    used.need(origin, "import %s in %s" % (mod, why))
    else:
        for w in shell_commands(text):
            used.need_program(w, why)


def scan_sources(used):
    s = used.source
    patterns = ["scripts/*", "tests/tools/*.sh", "tests/tools/*.py", "tests/tools/*.js",
                "tests/e2e/*", "tests/scripts/*.sh", ".ci/*",
                "vscode-client/test/**/*.js", "vscode-client/test/**/*.sh"]
    files = set()
    for p in patterns:
        for f in glob.glob(os.path.join(s, p), recursive=True):
            if "node_modules" not in f.split(os.sep) and os.path.isfile(f):
                files.add(f)
    for f in sorted(files):
        # This checker names commands in its own strings (env, sudo, ...);
        # its modules, in tests/tools/dependencies/, no pattern reaches.
        if f.endswith((".md", ".txt", ".json")) or os.path.relpath(f, s) == "tests/tools/check-dependencies.py":
            continue
        scan_script(used, f)
    # COMMAND words of the CMake files (add_test, execute_process, custom commands).
    cmake_files = glob.glob(os.path.join(s, "**", "CMakeLists.txt"), recursive=True) + \
        glob.glob(os.path.join(s, "**", "*.cmake"), recursive=True)
    for f in cmake_files:
        rel = os.path.relpath(f, s)
        if rel.startswith(("build", "bench/work")) or "node_modules" in rel:
            continue
        for m in re.finditer(r"\bCOMMAND\s+([A-Za-z_][A-Za-z0-9_.+-]*)", open(f, errors="replace").read()):
            used.need_program(m.group(1), rel)
    # Native binaries in the npm folders (node 20, code-server's modules, the
    # SARIF Multitool) and what they load.
    for d in ("tests/tools/node_modules", "vscode-client/node_modules", "vscode-client/.node",
              "vscode-client/test/e2e/code-server/node_modules"):
        for root, dirs, files in os.walk(os.path.join(s, d)):
            for f in files:
                if f.endswith((".node", ".so")) or "." not in f or f == "node":
                    scan_elf(used, os.path.join(root, f), d)
