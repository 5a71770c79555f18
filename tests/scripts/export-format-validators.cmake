# Checks the `agent-trace` and `html` exports of the bundled example with
# tools that share no code with aiprov: every Agent Trace line with ajv
# against docs/schema/agent-trace-record.schema.json, and the HTML page in
# Debian's headless chromium (tests/tools/render-html.js). Included by
# tests/CMakeLists.txt (AIPROV_TEST_TOOLS is tests/tools); the companion of
# export-validators.cmake, which does this for json, csv and sarif.

set(AIPROV_FORMAT_OUT ${CMAKE_CURRENT_BINARY_DIR}/validators/export-format)
set(AIPROV_AGENT_TRACE_RECORD_SCHEMA
  ${PROJECT_SOURCE_DIR}/docs/schema/agent-trace-record.schema.json)

# Pinned, so the output is the same on every run (the ids already are).
set(AIPROV_FORMAT_ENV "AIPROV=${AIPROV_TOOL_DIR}/aiprov" "SOURCE_DATE_EPOCH=1790000000")

# Every line of the export is one record; an empty export would validate
# vacuously, so it fails.
add_test(NAME export-format.agent-trace-schema
  COMMAND sh -c "mkdir -p \"$(dirname \"$0\")\" && rm -f \"$0\" && \"$AIPROV\" export --format agent-trace -o \"$0\" examples/eval-repo && test -s \"$0\" && node \"$1\" \"$2\" \"$0\" --jsonl"
          ${AIPROV_FORMAT_OUT}/export.jsonl
          ${AIPROV_TEST_TOOLS}/validate-json.js
          ${AIPROV_AGENT_TRACE_RECORD_SCHEMA}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(export-format.agent-trace-schema PROPERTIES
  FIXTURES_SETUP aiprov_agent_trace_export)

# The validation must look at every line, or the test above could pass on
# the first one alone: only line 2 gets a version that is not MAJOR.MINOR,
# and ajv must reject the file and name that line.
add_test(NAME export-format.agent-trace-rejects-corrupt-line
  COMMAND sh -c "sed '2s/\"version\":\"0.1\"/\"version\":\"v0.1\"/' \"$0\" >\"$1\" && grep -q '\"version\":\"v0.1\"' \"$1\" && { node \"$2\" \"$3\" \"$1\" --jsonl 2>\"$1.err\"; test $? -eq 1; } && grep -q 'jsonl:2: at /version' \"$1.err\" && ! grep -q 'jsonl:1:' \"$1.err\""
          ${AIPROV_FORMAT_OUT}/export.jsonl
          ${AIPROV_FORMAT_OUT}/corrupt.jsonl
          ${AIPROV_TEST_TOOLS}/validate-json.js
          ${AIPROV_AGENT_TRACE_RECORD_SCHEMA})
set_tests_properties(export-format.agent-trace-rejects-corrupt-line PROPERTIES
  FIXTURES_REQUIRED aiprov_agent_trace_export)

# The HTML page in a real browser, checked against the JSON export of the
# same tree. Exit 77 (SKIP) only when chromium or playwright-core is not
# installed; render-html.js prints which.
add_test(NAME export-format.html-in-chromium
  COMMAND sh -c "mkdir -p \"$(dirname \"$0\")\" && rm -f \"$0\" \"$1\" \"$2\" && \"$AIPROV\" export --format html -o \"$0\" examples/eval-repo && \"$AIPROV\" export --format json -o \"$1\" examples/eval-repo && node \"$3\" \"$0\" \"$1\" \"$2\""
          ${AIPROV_FORMAT_OUT}/export.html
          ${AIPROV_FORMAT_OUT}/export-for-html.json
          ${AIPROV_FORMAT_OUT}/export-html.png
          ${AIPROV_TEST_TOOLS}/render-html.js
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(export-format.html-in-chromium PROPERTIES
  SKIP_RETURN_CODE 77)

set_tests_properties(
  export-format.agent-trace-schema
  export-format.agent-trace-rejects-corrupt-line
  export-format.html-in-chromium
  PROPERTIES
  LABELS validators
  TIMEOUT 300
  ENVIRONMENT "${AIPROV_FORMAT_ENV}")
