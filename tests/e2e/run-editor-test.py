#!/usr/bin/env python3
"""Runs one editor end-to-end test of `aiprov lsp` (see README.md).

    run-editor-test.py neovim|emacs-eglot PATH/TO/aiprov

Copies examples/eval-repo to a fresh temporary directory (the server writes
its ledger into the workspace, so the checkout must never be the workspace),
runs the editor headless on the script beside this file, then checks the
ledger the server wrote. Exit status: 0 pass, 1 fail, 77 skip (the editor is
not installed). Everything it creates is removed, pass or fail.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))
EXAMPLE = os.path.join(SOURCE_DIR, "examples", "eval-repo")
TASK = "evals/tasks/arithmetic_task.cpp"
# Well under the ctest TIMEOUT, so a hung editor is reported by us, with
# its output and the server's log, rather than killed silently by ctest.
EDITOR_TIMEOUT_S = 60
SKIP = 77


def editor_command(editor, script):
    if editor == "neovim":
        # -u NONE: no user config or plugins; -n: no swap file; -i NONE: no
        # shada. stdin must not be a terminal (it is /dev/null below).
        return ["nvim", "--headless", "-u", "NONE", "-n", "-i", "NONE",
                "-c", "luafile " + script]
    if editor == "emacs-eglot":
        # --batch implies -q (no init file). Not -Q: Debian's elpa-eglot
        # is found through site-start, which -Q would skip.
        return ["emacs", "--batch", "-l", script]
    raise SystemExit("unknown editor %r (neovim or emacs-eglot)" % editor)


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError as e:
        return "(%s)" % e


def check_ledger(workspace):
    """The paste of step 3 is the only thing the server records: one
    unknown-paste record on the 10 pasted lines, 1-based 6-15 (where they
    were when pasted). Returns an error message or None."""
    ledger = os.path.join(workspace, ".aiprov", "ledger.jsonl")
    if not os.path.exists(ledger):
        return "the server wrote no ledger at %s" % ledger
    text = read(ledger)
    records = [json.loads(line) for line in text.splitlines() if line.strip()]
    if len(records) != 1:
        return "expected 1 ledger record, got %d:\n%s" % (len(records), text)
    rec = records[0]
    try:
        f = rec["files"][0]
        conv = f["conversations"][0]
        rng = conv["ranges"][0]
        got = (f["path"], rec["metadata"]["dev.aiprov"]["origin"],
               conv["contributor"]["type"], rng["start_line"], rng["end_line"])
    except (KeyError, IndexError, TypeError) as e:
        return "ledger record lacks %s: %s" % (e, text)
    want = (TASK, "unknown-paste", "unknown", 6, 15)
    if got != want:
        return "ledger record (path, origin, contributor, start, end) is %r, expected %r" % (got, want)
    return None


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    editor, aiprov = sys.argv[1], os.path.abspath(sys.argv[2])
    binary = "nvim" if editor == "neovim" else "emacs"
    if shutil.which(binary) is None:
        print("SKIP: %s is not installed (scripts/setup installs neovim, "
              "emacs-nox and elpa-eglot)" % binary)
        return SKIP
    if not os.access(aiprov, os.X_OK):
        print("FAIL: no aiprov binary at %s" % aiprov)
        return 1
    script = os.path.join(HERE, "neovim.lua" if editor == "neovim" else "emacs-eglot.el")
    checkout_ledger = os.path.join(EXAMPLE, ".aiprov")
    checkout_had_ledger = os.path.exists(checkout_ledger)

    tmp = tempfile.mkdtemp(prefix="aiprov-e2e-%s-" % editor)
    try:
        workspace = os.path.join(tmp, "eval-repo")
        shutil.copytree(EXAMPLE, workspace, symlinks=True)
        # The server's workspace root is the git root, else the topmost
        # directory with a .aiprov.yaml. A repository of its own pins it to
        # the copy even if TMPDIR lies inside another repository.
        if shutil.which("git"):
            subprocess.run(["git", "-c", "init.defaultBranch=main", "init", "-q", workspace],
                           check=True, stdin=subprocess.DEVNULL)
        log = os.path.join(tmp, "aiprov-lsp.log")
        env = dict(os.environ)
        # A private HOME and XDG dirs: no user configuration gets in, and
        # nothing (Neovim's lsp.log, Emacs' ~/.emacs.d) is left behind.
        for var, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "xdg/config"),
                         ("XDG_CACHE_HOME", "xdg/cache"), ("XDG_DATA_HOME", "xdg/data"),
                         ("XDG_STATE_HOME", "xdg/state")):
            env[var] = os.path.join(tmp, sub)
            os.makedirs(env[var], exist_ok=True)
        env.update(AIPROV_E2E_SERVER=aiprov, AIPROV_E2E_ROOT=workspace, AIPROV_E2E_LOG=log)

        # A session of its own, so a timeout kills the editor and the
        # server it started together.
        proc = subprocess.Popen(editor_command(editor, script), cwd=workspace, env=env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)
        try:
            out, err = proc.communicate(timeout=EDITOR_TIMEOUT_S)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            timed_out = True
        # Whatever the editor left running in its session (a server that
        # ignores a closed stdin, say) goes too.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        out = out.decode("utf-8", "replace")
        err = err.decode("utf-8", "replace")
        sys.stdout.write(out)

        problem = None
        if timed_out:
            problem = "%s did not finish within %d s" % (editor, EDITOR_TIMEOUT_S)
        elif proc.returncode != 0 or ("PASS " + editor) not in out:
            problem = "%s exited with status %d" % (editor, proc.returncode)
        else:
            problem = check_ledger(workspace)
        if problem is None and os.path.exists(checkout_ledger) and not checkout_had_ledger:
            problem = "a ledger was written into the checkout: %s" % checkout_ledger
        if problem is not None:
            print("FAIL: " + problem)
            print("---- %s stderr ----\n%s" % (editor, err))
            print("---- server log (%s) ----\n%s" % (log, read(log)))
            if editor == "neovim":
                nvim_log = os.path.join(env["XDG_CACHE_HOME"], "nvim", "lsp.log")
                print("---- neovim lsp.log (last 8000 chars) ----\n%s" % read(nvim_log)[-8000:])
            return 1
        print("PASS: %s end-to-end (ledger: one unknown-paste record, lines 6-15)" % editor)
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
