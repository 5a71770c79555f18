# Writes a framed LSP session (Content-Length headers, as a real client
# sends) around one document of at least the given number of megabytes:
# open it, type a line at its very end, ask for its regions and a hover,
# then shutdown and exit. The document holds a forbidden region in its
# middle and a non-ASCII line, so positions must be right far into it.
import json
import sys

uri, megabytes = sys.argv[1], int(sys.argv[2])
lines = []
size = 0
n = 0
while size < megabytes * 1024 * 1024:
    if n == 200000:
        lines.append("// aiprov: begin tool=claude-code\n")
        lines.append("int generated_in_the_middle = 1;\n")
        lines.append("// aiprov: end\n")
    line = "int filler_%07d = %d; // naïve 😀 filler text\n" % (n, n)
    lines.append(line)
    size += len(line.encode())
    n += 1
text = "".join(lines)
last = len(lines)

def frame(message):
    body = json.dumps(message, ensure_ascii=False).encode()
    sys.stdout.buffer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

frame({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}})
frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": uri, "languageId": "cpp", "version": 1, "text": text}}})
frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
    "textDocument": {"uri": uri, "version": 2},
    "contentChanges": [{"range": {"start": {"line": last, "character": 0},
                                  "end": {"line": last, "character": 0}},
                        "text": "int typed_at_the_end; // aiprov: line tool=copilot\n"}]}})
frame({"jsonrpc": "2.0", "id": 1, "method": "aiprov/regions",
       "params": {"textDocument": {"uri": uri}}})
frame({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {
    "textDocument": {"uri": uri}, "position": {"line": 200001, "character": 4}}})
frame({"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
frame({"jsonrpc": "2.0", "method": "exit"})
