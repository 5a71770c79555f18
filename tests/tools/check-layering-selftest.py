#!/usr/bin/env python3
"""check-layering.py fails on a real wrong-way include, and passes without it.

Compiles a copy of lib/policy/Wildmatch.cpp with the build's own command
(compile_commands.json), once as it is and once with an include of a ledger
header added at the top (the policy layer does not depend on the ledger
layer), each time writing only clang's depfile, and hands the depfile to the
checker as the policy layer's compile.

  check-layering-selftest.py SCRATCH_DIR python3 check-layering.py --source SRC --build BUILD
"""
import json
import os
import shlex
import subprocess
import sys

scratch, checker = sys.argv[1], sys.argv[2:]
build = checker[checker.index("--build") + 1]
source = os.path.realpath(checker[checker.index("--source") + 1])
victim = os.path.join(source, "lib", "policy", "Wildmatch.cpp")
wrong_way = '#include "aiprov/ledger/Ledger.h"\n'

entries = json.load(open(os.path.join(build, "compile_commands.json")))
entry = next(e for e in entries if os.path.realpath(e["file"]) == victim)
argv = entry.get("arguments") or shlex.split(entry["command"])
# Keep the compiler and its flags; drop the output, the input and the depfile.
flags, skip = [], False
for a in argv:
    if skip:
        skip = False
    elif a in ("-o", "-MF", "-MT", "-MQ"):
        skip = True
    elif a in ("-c", "-MD", "-MMD") or os.path.realpath(os.path.join(entry["directory"], a)) == victim:
        continue
    else:
        flags.append(a)

os.makedirs(scratch, exist_ok=True)


def verdict(prefix, name):
    copy = os.path.join(scratch, name + ".cpp")
    with open(copy, "w") as f:
        f.write(prefix + open(victim).read())
    depfile = os.path.join(scratch, name + ".d")
    subprocess.run(flags + ["-M", "-MF", depfile, copy], cwd=entry["directory"], check=True)
    run = subprocess.run(checker + ["--depfile", "aiprovPolicy", depfile],
                         capture_output=True, text=True)
    return run.returncode, run.stdout + run.stderr


rc, out = verdict("", "as-is")
if rc != 0:
    sys.exit("FAIL: the unchanged policy source was refused:\n" + out)
rc, out = verdict(wrong_way, "wrong-way")
if rc == 0 or "include/aiprov/ledger/Ledger.h" not in out or "aiprovPolicy" not in out:
    sys.exit(f"FAIL: a policy source including a ledger header passed (rc={rc}):\n" + out)
print("ok: the wrong-way include was named:\n" + out)
