"""Which words of a command line or a script are programs (check-dependencies.py).

The check must know every program the tests and scripts run, and they name
them in text: shell command lines (scripts, lit RUN lines, `sh -c`
arguments) and the string literals of JavaScript, Python, Lua and Emacs
Lisp files that spawn programs. These heuristics pick the words that stand
where a program goes, erring towards more: a word that names no program
resolves to nothing on PATH and costs nothing.
"""
import os
import re
import shlex

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
