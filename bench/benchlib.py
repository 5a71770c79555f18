"""Shared helpers of the bench/ scripts (standard library only).

fetch(): a Debian source package, downloaded with a private apt state under WORK/srcapt (the
recipe of TOOLING-NOTES: the machine's apt configuration is not touched) and unpacked with its
Debian patches into WORK/src/PKG. Used by bench/check and bench/lsp.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def _die(msg, code=2):
    log("bench: error: " + msg)
    sys.exit(code)


def run_logged(argv, cwd=None, logf=None, env=None):
    """Run a setup command; its output goes to logf (or inherits). Returns the exit code."""
    log("  $ " + shlex.join(argv))
    if logf:
        with open(logf, "ab") as f:
            f.write(("$ " + shlex.join(argv) + "\n").encode())
            f.flush()
            return subprocess.call(argv, cwd=cwd, stdout=f, stderr=subprocess.STDOUT, env=env)
    return subprocess.call(argv, cwd=cwd, env=env)


def fetch(work, srcpkg, die=_die):
    """Download and unpack the Debian source package; returns the source dir."""
    work = os.path.abspath(work)
    src = os.path.join(work, "src", srcpkg)
    stamp = os.path.join(src, ".bench-unpacked")
    if os.path.exists(stamp):
        log(f"[fetch] {srcpkg}: already unpacked in {src}")
        return src
    dl = os.path.join(work, "dl", srcpkg)
    os.makedirs(dl, exist_ok=True)
    dscs = [f for f in os.listdir(dl) if f.endswith(".dsc")]
    if not dscs:
        # The no-touch recipe of TOOLING-NOTES: a private deb-src list and apt state.
        state = os.path.join(work, "srcapt")
        os.makedirs(os.path.join(state, "lists", "partial"), exist_ok=True)
        os.makedirs(os.path.join(state, "etc"), exist_ok=True)
        sources = "/etc/apt/sources.list.d/debian.sources"
        if not os.path.exists(sources):
            die(f"{sources} not found: this bench expects a Debian 12 machine")
        with open(sources) as f:
            text = re.sub(r"(?m)^Types: deb$", "Types: deb-src", f.read())
        with open(os.path.join(state, "etc", "src.sources"), "w") as f:
            f.write(text)
        apt = ["apt-get", "-o", "Dir::Etc::SourceList=/dev/null",
               "-o", "Dir::Etc::SourceParts=" + os.path.join(state, "etc"),
               "-o", "Dir::State::Lists=" + os.path.join(state, "lists")]
        lg = os.path.join(work, "dl", srcpkg + ".log")
        log(f"[fetch] {srcpkg}: apt-get source --download-only (log: {lg})")
        if run_logged(apt + ["-q", "update"], logf=lg) != 0:
            die(f"apt-get update (deb-src) failed, see {lg}")
        if run_logged(apt + ["-q", "source", "--download-only", srcpkg], cwd=dl, logf=lg) != 0:
            die(f"apt-get source {srcpkg} failed, see {lg}")
        dscs = [f for f in os.listdir(dl) if f.endswith(".dsc")]
        if not dscs:
            die(f"no .dsc for {srcpkg} in {dl}")
    dsc = sorted(dscs)[-1]
    if os.path.exists(src):
        shutil.rmtree(src)
    os.makedirs(os.path.dirname(src), exist_ok=True)
    lg = os.path.join(work, "dl", srcpkg + ".log")
    if shutil.which("dpkg-source"):
        rc = run_logged(["dpkg-source", "--no-check", "-x", dsc, src], cwd=dl, logf=lg)
        if rc != 0:
            die(f"dpkg-source -x {dsc} failed, see {lg}")
    else:
        # Without dpkg-dev: the upstream tarball plus debian/patches/series, as quilt would.
        log(f"[fetch] dpkg-source not found: unpacking {dsc} by hand")
        os.makedirs(src)
        files = os.listdir(dl)
        orig = [f for f in files if ".orig.tar." in f]
        deb = [f for f in files if ".debian.tar." in f]
        if not orig or not deb:
            die(f"cannot find the orig and debian tarballs in {dl}")
        if run_logged(["tar", "-xf", os.path.join(dl, orig[0]), "--strip-components=1",
                       "-C", src], logf=lg) or \
           run_logged(["tar", "-xf", os.path.join(dl, deb[0]), "-C", src], logf=lg):
            die(f"unpacking {srcpkg} failed, see {lg}")
        series = os.path.join(src, "debian", "patches", "series")
        if os.path.exists(series):
            for p in open(series).read().split("\n"):
                p = p.split("#")[0].strip()
                if p and run_logged(["patch", "-p1", "-s", "-i",
                                     os.path.join(src, "debian", "patches", p.split()[0])],
                                    cwd=src, logf=lg):
                    die(f"applying {p} failed, see {lg}")
    open(stamp, "w").close()
    log(f"[fetch] {srcpkg}: unpacked {dsc} into {src}")
    return src
