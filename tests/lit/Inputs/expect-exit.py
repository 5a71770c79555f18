"""Runs a command and fails unless it exits with the expected status.

lit's `not` only tells zero from non-zero, but aiprov's exit codes mean
different things (SPEC §4: 1 findings, 2 usage/I-O/policy errors), so
tests assert the exact one: `%expect-exit 2 %aiprov check ...`.
Output is passed through unchanged for FileCheck.
"""
import subprocess
import sys

expected = int(sys.argv[1])
proc = subprocess.run(sys.argv[2:])
if proc.returncode != expected:
    sys.stderr.write("expect-exit: expected exit status %d, got %d from: %s\n"
                     % (expected, proc.returncode, " ".join(sys.argv[2:])))
    sys.exit(1)
