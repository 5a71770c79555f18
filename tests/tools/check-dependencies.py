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
"""
import argparse
import glob
import json
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys

DPKG_STATUS = "/var/lib/dpkg/status"
DPKG_INFO = "/var/lib/dpkg/info"
USR_MERGED = ("bin", "sbin", "lib", "lib32", "lib64", "libx32")


# ---------------------------------------------------------------- packages

def read_list(path):
    """(apt packages, {command: package} of apt-if-missing) from the list."""
    apt, if_missing = [], {}
    for raw in open(path):
        words = raw.split("#", 1)[0].split()
        if not words:
            continue
        if words[0] == "apt" and len(words) == 2:
            apt.append(words[1])
        elif words[0] == "apt-if-missing" and len(words) == 3:
            if_missing[words[1]] = words[2]
    return apt, if_missing


def read_status():
    """{package: fields} of the installed packages, from dpkg's status file."""
    pkgs, fields, last = {}, {}, None
    for line in open(DPKG_STATUS, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if not line:
            if fields.get("Status", "").endswith(" installed") and "Package" in fields:
                pkgs[fields["Package"]] = fields
            fields, last = {}, None
        elif line[0] in " \t" and last:
            fields[last] += " " + line.strip()
        elif ":" in line:
            last, value = line.split(":", 1)
            fields[last] = value.strip()
    if fields.get("Status", "").endswith(" installed") and "Package" in fields:
        pkgs[fields["Package"]] = fields
    return pkgs


def closure(roots, pkgs):
    """The installed packages that roots need through Depends and Pre-Depends."""
    provides = {}
    for name, f in pkgs.items():
        for p in f.get("Provides", "").split(","):
            p = p.split("(")[0].strip()
            if p:
                provides.setdefault(p, []).append(name)

    def installed_as(name):
        name = name.split(":")[0]  # "python3:any"
        if name in pkgs:
            return [name]
        return provides.get(name, [])

    seen, todo = set(), [r for r in roots if r in pkgs]
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        deps = pkgs[p].get("Depends", "") + "," + pkgs[p].get("Pre-Depends", "")
        for clause in deps.split(","):
            for alt in clause.split("|"):
                name = alt.strip().split(" ")[0].split("(")[0]
                if not name:
                    continue
                found = installed_as(name)
                if found:
                    todo.extend(found)  # the first alternative apt can use
                    break
    return seen


def read_owners():
    """{path: {package}} from dpkg's file lists."""
    owners = {}
    for lst in glob.glob(os.path.join(DPKG_INFO, "*.list")):
        pkg = os.path.basename(lst)[:-len(".list")].split(":")[0]
        for line in open(lst, encoding="utf-8", errors="replace"):
            owners.setdefault(line.rstrip("\n"), set()).add(pkg)
    return owners


def usr_variants(path):
    """PATH and its other name across the /usr merge (/lib/x <-> /usr/lib/x)."""
    out = [path]
    parts = path.split("/")
    if len(parts) > 2 and parts[1] == "usr" and parts[2] in USR_MERGED:
        out.append("/" + "/".join(parts[2:]))
    elif len(parts) > 1 and parts[1] in USR_MERGED:
        out.append("/usr" + path)
    return out


def symlink_chain(path):
    """PATH, each symlink hop it goes through, and its real path."""
    chain, cur = [path], path
    for _ in range(40):
        if not os.path.islink(cur):
            break
        cur = os.path.normpath(os.path.join(os.path.dirname(cur), os.readlink(cur)))
        chain.append(cur)
    chain.append(os.path.realpath(path))
    return list(dict.fromkeys(chain))


# ------------------------------------------------------------------ checker

class Checker:
    def __init__(self, args):
        self.source = os.path.realpath(args.source)
        self.builds = [os.path.realpath(b) for b in args.build]
        self.pkgs = read_status()
        self.owners = read_owners()
        apt, self.if_missing = read_list(args.list)
        self.problems = []
        for p in apt:
            if p not in self.pkgs:
                self.problems.append("%s is listed but not installed (run scripts/setup)" % p)
        roots = set(apt) | set(self.if_missing.values())
        roots |= {p for p, f in self.pkgs.items() if f.get("Essential") == "yes"}
        self.allowed = closure(roots, self.pkgs)
        # Commands that apt-if-missing lets come from elsewhere (NodeSource).
        self.free_commands = set()
        for cmd, pkg in self.if_missing.items():
            if pkg not in self.pkgs and shutil.which(cmd):
                self.free_commands.update(symlink_chain(shutil.which(cmd)))
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

    def verdict(self, path):
        """None if PATH is allowed, else why not."""
        if path in self.free_commands:
            return None
        seen_owner = False
        for hop in symlink_chain(path):
            for name in usr_variants(hop):
                owners = self.owners.get(name)
                if not owners:
                    continue
                seen_owner = True
                if not owners & self.allowed:
                    return "from package %s, which the list does not bring" % ", ".join(sorted(owners))
                break
        if not seen_owner:
            return "not from any Debian package"
        return None

    def report(self):
        missing = []
        for path, why in sorted(self.needed.items()):
            v = self.verdict(path)
            if v:
                missing.append("%s: %s; needed by %s" % (path, v, why))
        for m in self.problems + missing:
            print("dependencies-complete: " + m)
        print("dependencies-complete: checked %d files from the machine against %d packages "
              "(the list, what it depends on, Essential); %d missing"
              % (len(self.needed), len(self.allowed), len(self.problems) + len(missing)))
        return 1 if self.problems or missing else 0


# ------------------------------------------------------------ shell scanning

PREFIXES = {"exec", "command", "env", "sudo", "time", "nice", "nohup", "timeout",
            "xargs", "not", "then", "do", "else", "elif", "if", "while", "until", "!",
            "{", "(", "builtin"}
SEPARATORS = {";", ";;", "&&", "||", "|", "&", "(", ")", "{", "}", "\n", "|&"}
WORD = re.compile(r"^(/[^\s'\"$`;|&()]+|[A-Za-z_][A-Za-z0-9_.+-]*)$")


def shell_commands(text):
    """The words in command position in a shell command line (a heuristic,
    erring towards more words: a word that is no program resolves to nothing)."""
    words = []
    # Command substitutions are command lines of their own.
    for inner in re.findall(r"\$\(([^()]*)\)|`([^`]*)`", text):
        words += shell_commands(inner[0] or inner[1])
    text = re.sub(r"\$\([^()]*\)|`[^`]*`", " X ", text)
    lex = shlex.shlex(text.replace("\\\n", " "), posix=True, punctuation_chars=";&|()")
    lex.whitespace = " \t\r"
    lex.commenters = "#"
    lex.wordchars += "~-./=%@:+,[]{}*?$!^"
    try:
        tokens = list(lex)
    except ValueError:  # unbalanced quotes: fall back to whitespace
        tokens = text.split()
    at_start = True
    skip_arg = False
    for tok in tokens:
        if tok in SEPARATORS or tok in ("then", "do", "else", "elif", "if", "while", "until", "!"):
            at_start = True
            continue
        if not at_start:
            continue
        if skip_arg:
            skip_arg = False
            continue
        if re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", tok):  # VAR=value prefix
            continue
        if tok.startswith("-"):  # an option of a prefix command (env -u X, xargs -0)
            if tok in ("-u", "-n", "-P", "-I", "-k", "-s"):
                skip_arg = True
            continue
        if re.match(r"^[0-9.]+[smhd]?$", tok):  # timeout 30
            continue
        if tok in PREFIXES:
            # Programs themselves; exec, command, builtin and time are the shell's.
            if tok in ("not", "env", "sudo", "nice", "nohup", "timeout", "xargs"):
                words.append(tok)
            continue
        words.append(tok)
        at_start = False
    return [w for w in words if WORD.match(w)]


# Calls whose first argument is a program (JavaScript, Python, Lua).
RUNNERS = {"spawn", "spawnSync", "execFile", "execFileSync", "execSync", "exec", "fork",
           "run", "Popen", "call", "check_call", "check_output", "system", "which",
           "jobstart", "termopen", "executable", "exepath"}
STRING = re.compile(r"'((?:[^'\\\n]|\\.)*)'|\"((?:[^\"\\\n]|\\.)*)\"|`((?:[^`\\]|\\.)*)`")
COMMENT = {".js": "//", ".py": "#", ".lua": "--", ".el": ";"}


def literal_commands(path, ext=None):
    """Command words of the string literals of a JavaScript/Python/Lua/Elisp
    file that stand where a program goes: a one-word literal first in a call
    or a list, after a comma or an assignment (spawn('git', ...),
    subprocess.run(["git", ...]), argv lists, const cmd = 'node'), and the
    command lines given to a shell (execSync('...'), exec, system,
    check_output, 'sh', '-c', '...'). Messages are prose, not programs; a
    word that names no program resolves to nothing."""
    lead = COMMENT[ext or os.path.splitext(path)[1]]
    text = "\n".join(l for l in open(path, encoding="utf-8", errors="replace").read().splitlines()
                     if not l.lstrip().startswith(lead))
    words = []
    for m in STRING.finditer(text):
        head = text[max(0, m.start() - 40):m.start()].rstrip()
        s = next(g for g in m.groups() if g is not None)
        if re.match(r"^/[^\s]+$", s) and os.path.isfile(s) and os.access(s, os.X_OK):
            words.append(s)  # '/usr/bin/chromium', wherever it stands
            continue
        if re.search(r"(\bexecSync|\bexec|\bsystem|\bcheck_output|['\"]-c['\"]\s*,)\s*\(?$", head):
            pass  # a whole shell command line
        elif " " in s.strip() or head[-1:] not in ("(", "[", "{", "=", ","):
            continue  # prose, or not where a program goes
        elif head.endswith("[") and re.search(r"[\w\])]$", head[:-1]):
            continue  # a subscript: d["file"]
        elif re.match(r"\s*:", text[m.end():m.end() + 3]):
            continue  # a key: {"file": path}
        elif head.endswith("(") and (re.search(r"([\w-]+)\s*\($", head) or [None, ""])[1] not in RUNNERS:
            continue  # an argument of a call that runs nothing: m.group("file")
        s = re.sub(r"\$\{[^}]*\}", " X ", s)  # JS template substitutions
        words += shell_commands(s)
    return words


def python_imports(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    return set(re.findall(r"^\s*(?:from|import)\s+([A-Za-z_][A-Za-z0-9_]*)", text, re.M))


# ------------------------------------------------------------------ sources

def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


# Found by someone else's find_package and never run; a machine without it
# gets NOTFOUND and builds the same.
UNUSED_CACHE_ENTRIES = {
    # LLVMConfig.cmake's find_package(LibXml2) also looks for xmllint.
    "LIBXML2_XMLLINT_EXECUTABLE",
}


def scan_build(c, build):
    name = os.path.relpath(build, c.source) if build.startswith(c.source) else build
    # Headers the compiles read.
    out = run(["ninja", "-C", build, "-t", "deps"]).stdout
    obj = None
    for line in out.splitlines():
        if line and not line.startswith(" "):
            obj = line.split(":", 1)[0]
        elif line.strip():
            c.need(os.path.join(build, line.strip()), "compile of %s (%s)" % (obj, name))
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
            c.need_program(args[0], "the build (%s)" % name, path=os.environ.get("PATH"))
            if "-o" not in args or "-c" in args or not re.search(r"(clang|g)\+\+|clang|gcc|cc$", args[0]):
                continue
            out_file = args[args.index("-o") + 1]
            why = "link of %s (%s)" % (out_file, name)
            scan_link_args(c, args, why)
            r = run(args + ["-###"], cwd=build)
            for l in r.stderr.splitlines():
                if l.startswith(" \""):
                    try:
                        scan_link_args(c, shlex.split(l), why + ", from the compiler driver")
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
            c.need(value, "CMakeCache.txt %s (%s)" % (key, name))
        elif key.endswith("_COMPILER_LAUNCHER") and value:
            c.need_program(value, "CMakeCache.txt %s (%s)" % (key, name))
    # The binaries' shared libraries.
    for root, dirs, files in os.walk(build):
        dirs[:] = [d for d in dirs if d not in ("CMakeFiles",)]
        for f in files:
            scan_elf(c, os.path.join(root, f), name)


def scan_link_args(c, args, why):
    dirs, libs = [], []
    first = True
    for a in args:
        if first:
            c.need_program(a, why, path=os.environ.get("PATH"))
            first = False
            continue
        parts = a[4:].split(",") if a.startswith("-Wl,") else [a]
        for p in parts:
            if p.startswith("-L") and len(p) > 2:
                dirs.append(p[2:])
            elif p.startswith("-l") and len(p) > 2:
                libs.append(p[2:])
            elif os.path.isabs(p) and re.search(r"\.(a|so(\.[0-9]+)*|o)$", p):
                c.need(p, why)
    for lib in libs:
        names = [lib[1:]] if lib.startswith(":") else ["lib%s.so" % lib, "lib%s.a" % lib]
        for n in names:
            hit = next((os.path.join(d, n) for d in dirs if os.path.exists(os.path.join(d, n))), None)
            if hit:
                c.need(os.path.abspath(hit), why + " (-l%s)" % lib)
                break


def scan_elf(c, path, why):
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
            c.need(m.group(1), "loaded by %s (%s)" % (os.path.relpath(path, c.source), why))


def scan_ctest(c, build):
    r = run(["ctest", "--show-only=json-v1"], cwd=build)
    tests = json.loads(r.stdout).get("tests", [])
    for t in tests:
        cmd = t.get("command") or []
        why = "test %s" % t["name"]
        for i, a in enumerate(cmd):
            if i == 0 or WORD.match(a):
                c.need_program(a, why)
            if i > 0 and cmd[i - 1] == "-c":
                for w in shell_commands(a):
                    c.need_program(w, why)
    return len(tests)


def scan_lit(c):
    lit = os.path.join(c.source, "tests", "lit")
    cfg = open(os.path.join(lit, "lit.cfg.py")).read()
    subs = {"%expect-exit": "python3 expect-exit.py"}
    for w in literal_commands(os.path.join(lit, "lit.cfg.py")):
        c.need_program(w, "tests/lit/lit.cfg.py")
    for root, dirs, files in os.walk(lit):
        for f in files:
            path = os.path.join(root, f)
            if "Inputs" in path.split(os.sep):
                ext = os.path.splitext(f)[1]
                if ext in COMMENT:
                    scan_script(c, path)
                elif ext in (".sh", "") and open(path, errors="replace").read(2) == "#!":
                    scan_script(c, path)
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
                c.need_program(w, "RUN line of %s" % os.path.relpath(path, c.source))
    del cfg


def scan_script(c, path):
    why = os.path.relpath(path, c.source)
    ext = os.path.splitext(path)[1]
    text = open(path, encoding="utf-8", errors="replace").read()
    if text.startswith("#!"):
        interp = text.split("\n", 1)[0][2:].split()
        if interp:
            c.need_program(interp[0], why)
            if os.path.basename(interp[0]) == "env" and len(interp) > 1:
                c.need_program(interp[1], why)
            prog = os.path.basename(interp[-1] if os.path.basename(interp[0]) == "env" else interp[0])
            if ext not in COMMENT:  # scripts/lint-tidy: Python without .py
                ext = {"python3": ".py", "python": ".py", "node": ".js"}.get(prog, ext)
    if ext in COMMENT:
        for w in literal_commands(path, ext):
            c.need_program(w, why)
        if ext == ".py":
            mods = sorted(python_imports(path))
            r = run(["python3", "-c",
                     "import importlib.util,sys\nfor m in sys.argv[1:]:\n"
                     " try: s=importlib.util.find_spec(m)\n except Exception: s=None\n"
                     " print(m, s.origin if s and s.origin else '')"] + mods)
            for line in r.stdout.splitlines():
                mod, _, origin = line.partition(" ")
                if os.path.isabs(origin):
                    c.need(origin, "import %s in %s" % (mod, why))
    else:
        for w in shell_commands(text):
            c.need_program(w, why)


def scan_sources(c):
    s = c.source
    patterns = ["scripts/*", "tests/tools/*.sh", "tests/tools/*.py", "tests/tools/*.js",
                "tests/e2e/*", "tests/scripts/*.sh", ".ci/*",
                "vscode-client/test/**/*.js", "vscode-client/test/**/*.sh"]
    files = set()
    for p in patterns:
        for f in glob.glob(os.path.join(s, p), recursive=True):
            if "node_modules" not in f.split(os.sep) and os.path.isfile(f):
                files.add(f)
    for f in sorted(files):
        # This checker names commands in its own strings (env, sudo, ...).
        if f.endswith((".md", ".txt", ".json")) or os.path.relpath(f, s) == "tests/tools/check-dependencies.py":
            continue
        scan_script(c, f)
    # COMMAND words of the CMake files (add_test, execute_process, custom commands).
    cmake_files = glob.glob(os.path.join(s, "**", "CMakeLists.txt"), recursive=True) + \
        glob.glob(os.path.join(s, "**", "*.cmake"), recursive=True)
    for f in cmake_files:
        rel = os.path.relpath(f, s)
        if rel.startswith(("build", "bench/work")) or "node_modules" in rel:
            continue
        for m in re.finditer(r"\bCOMMAND\s+([A-Za-z_][A-Za-z0-9_.+-]*)", open(f, errors="replace").read()):
            c.need_program(m.group(1), rel)
    # Native binaries in the npm folders (node 20, code-server's modules, the
    # SARIF Multitool) and what they load.
    for d in ("tests/tools/node_modules", "vscode-client/node_modules", "vscode-client/.node",
              "vscode-client/test/e2e/code-server/node_modules"):
        for root, dirs, files in os.walk(os.path.join(s, d)):
            for f in files:
                if f.endswith((".node", ".so")) or "." not in f or f == "node":
                    scan_elf(c, os.path.join(root, f), d)


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
    c = Checker(args)
    for b in c.builds:
        scan_build(c, b)
    n = scan_ctest(c, c.builds[0])
    scan_lit(c)
    scan_sources(c)
    print("dependencies-complete: scanned %d build tree(s), %d tests, lit and the test scripts"
          % (len(c.builds), n))
    return c.report()


if __name__ == "__main__":
    sys.exit(main())
