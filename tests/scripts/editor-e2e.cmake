# End-to-end tests of `aiprov lsp` in two real editors run headless:
# Neovim (its built-in LSP client) and Emacs with eglot (tests/e2e/,
# README.md there). Each opens a private copy of examples/eval-repo, checks
# the forbidden-region finding, moves it with an edit, pastes 10 lines and
# sees aiprov-unknown-paste, then deletes the region with the server's code
# action. The protocol transcripts in tests/lit/lsp/ fix the messages; these
# catch what only a real client shows: how it encodes edits, applies
# workspace/applyEdit, and what it displays. Included by tests/CMakeLists.txt.
#
# Exit 77 (SKIP) only when the editor binary (nvim, emacs) is not installed;
# scripts/setup installs neovim, emacs-nox and elpa-eglot.

foreach(editor neovim emacs-eglot)
  add_test(NAME e2e.${editor}
    COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/e2e/run-editor-test.py
            ${editor} ${AIPROV_TOOL_DIR}/aiprov)
  # A run takes about a second; the driver gives the editor 60 s and then
  # prints its output and the server's log, well before this timeout.
  set_tests_properties(e2e.${editor} PROPERTIES
    SKIP_RETURN_CODE 77
    TIMEOUT 120
    LABELS e2e)
endforeach()
