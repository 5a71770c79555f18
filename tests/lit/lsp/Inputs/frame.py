# Frames JSON-RPC messages for `aiprov lsp` in stdio mode, so tests can feed
# it real base-protocol input, including deliberately broken frames.
# Messages in the input file are separated by lines of "---". A message
# starting with "!raw " is sent without headers; with "!badlength ", with a
# non-numeric Content-Length. Others get Content-Length and Content-Type.
import sys

out = sys.stdout.buffer
for chunk in open(sys.argv[1], encoding="utf-8").read().split("\n---\n"):
    body = chunk.strip()
    if not body:
        continue
    if body.startswith("!raw "):
        out.write(body[len("!raw "):].encode() + b"\r\n\r\n")
    elif body.startswith("!badlength "):
        out.write(b"Content-Length: abc\r\n\r\n" + body[len("!badlength "):].encode())
    else:
        data = body.encode()
        out.write(b"Content-Length: %d\r\n" % len(data) +
                  b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + data)
