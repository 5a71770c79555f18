# The libFuzzer targets, one per input that comes from outside: built by
# tests/fuzz/CMakeLists.txt (build/fuzz) and run for 30 s each by
# tests/scripts/sanitizers-and-fuzzers.cmake. Each has its seed corpus in
# tests/fuzz/corpus/<name>/ and its source in tests/fuzz/<name>.cpp.
set(AIPROV_FUZZERS
  directive-fuzzer     # annotations and pragmas in C/C++ text
  policy-fuzzer        # .aiprov.yaml
  lsp-fuzzer           # what an editor sends `aiprov lsp`
  ledger-fuzzer        # .aiprov/ledger.jsonl and Agent Trace files
  hook-payload-fuzzer  # Claude Code, Cursor and Codex hook JSON
)
