# Validates the provenance ledger's records with ajv against the Agent Trace
# schema (docs/schema/agent-trace-record.schema.json), which shares no code
# with our writer. No extra executable: the unit test binary writes a sample
# ledger when AIPROV_SAMPLE_LEDGER names a path. The file is removed first,
# so a skipped or filtered-out test leaves nothing and ajv fails (status 2).
# Included by tests/CMakeLists.txt (AIPROV_TEST_TOOLS is tests/tools).

set(AIPROV_SAMPLE_LEDGER ${CMAKE_CURRENT_BINARY_DIR}/sample-ledger.jsonl)
set(AIPROV_AGENT_TRACE_SCHEMA
  ${PROJECT_SOURCE_DIR}/docs/schema/agent-trace-record.schema.json)

add_test(NAME validators.ledger-agent-trace
  COMMAND sh -c "rm -f \"$1\" && AIPROV_SAMPLE_LEDGER=\"$1\" \"$0\" --gtest_filter=Ledger.WritesSampleForSchemaValidation && node \"$2\" \"$3\" \"$1\" --jsonl"
          $<TARGET_FILE:aiprovUnitTests>
          ${AIPROV_SAMPLE_LEDGER}
          ${AIPROV_TEST_TOOLS}/validate-json.js ${AIPROV_AGENT_TRACE_SCHEMA})
set_tests_properties(validators.ledger-agent-trace PROPERTIES
  FIXTURES_SETUP aiprov_sample_ledger)

# The schema must reject a broken record, or the test above could pass by
# accident: a version that is not MAJOR.MINOR.
add_test(NAME validators.ledger-rejects-corrupt-record
  COMMAND sh -c "sed 's/\"version\":\"0.1\"/\"version\":\"v0.1\"/' \"$0\" >\"$1\" && grep -q '\"version\":\"v0.1\"' \"$1\" && { node \"$2\" \"$3\" \"$1\" --jsonl; test $? -eq 1; }"
          ${AIPROV_SAMPLE_LEDGER}
          ${CMAKE_CURRENT_BINARY_DIR}/corrupt-ledger.jsonl
          ${AIPROV_TEST_TOOLS}/validate-json.js ${AIPROV_AGENT_TRACE_SCHEMA})
set_tests_properties(validators.ledger-rejects-corrupt-record PROPERTIES
  FIXTURES_REQUIRED aiprov_sample_ledger)

set_tests_properties(
  validators.ledger-agent-trace validators.ledger-rejects-corrupt-record
  PROPERTIES LABELS validators TIMEOUT 120)
