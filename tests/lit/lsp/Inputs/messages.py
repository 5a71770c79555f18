# Prints each message of `aiprov lsp --lit-test` output as one line of
# compact JSON with sorted keys, so a test can check a whole message (an
# edit, an error) with one CHECK line instead of forty CHECK-NEXTs. Reads
# the framed output on stdin; a body that is not JSON fails the test.
import json
import re
import sys

text = sys.stdin.buffer.read().decode("utf-8")
for body in re.split(r"Content-Length: \d+\r?\n\r?\n", text):
    if body.strip():
        print(json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")))
