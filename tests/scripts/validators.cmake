# Validates what `aiprov check` writes with validators that share no code with
# it: SARIF with Microsoft's SARIF Multitool, JSON with ajv against
# docs/schema/check-output.schema.json, text against clang's line format.
# Included by tests/CMakeLists.txt (AIPROV_TEST_TOOLS is tests/tools).
#
# The Multitool exits 0 even when the log has errors; validate-sarif.sh reads
# its output log instead, so these tests do fail on an invalid file (the
# *-rejects-* tests below prove it on a corrupted copy).

set(AIPROV_EVAL_REPO ${PROJECT_SOURCE_DIR}/examples/eval-repo)
set(AIPROV_VALIDATOR_OUT ${CMAKE_CURRENT_BINARY_DIR}/validators)
set(AIPROV_CHECK_AND_VALIDATE ${AIPROV_TEST_TOOLS}/check-and-validate.sh)
set(AIPROV_CHECK_SCHEMA ${PROJECT_SOURCE_DIR}/docs/schema/check-output.schema.json)

# Relative paths from the source tree: SARIF locations relative to %SRCROOT%.
add_test(NAME validators.check-relative-paths
  COMMAND sh ${AIPROV_CHECK_AND_VALIDATE} --expect-findings all
          ${AIPROV_VALIDATOR_OUT}/relative examples/eval-repo
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(validators.check-relative-paths PROPERTIES
  FIXTURES_SETUP aiprov_check_output)

# An absolute path outside the working directory: absolute file: URIs.
add_test(NAME validators.check-absolute-paths
  COMMAND sh ${AIPROV_CHECK_AND_VALIDATE} --expect-findings all
          ${AIPROV_VALIDATOR_OUT}/absolute ${AIPROV_EVAL_REPO}
  WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})

# The validators must reject a broken document, or every test above could
# pass by accident. Each corrupts a copy of real output, checks the
# corruption took, and expects the validator's "invalid" status (1), not
# its "could not run" status (2).
add_test(NAME validators.json-rejects-corrupt-output
  COMMAND sh -c "sed 's/\"version\": 1,/\"version\": 2,/' \"$0\" >\"$1\" && grep -q '\"version\": 2,' \"$1\" && { node \"$2\" \"$3\" \"$1\"; test $? -eq 1; }"
          ${AIPROV_VALIDATOR_OUT}/relative/check.json
          ${AIPROV_VALIDATOR_OUT}/corrupt.json
          ${AIPROV_TEST_TOOLS}/validate-json.js ${AIPROV_CHECK_SCHEMA})
add_test(NAME validators.sarif-rejects-corrupt-output
  COMMAND sh -c "sed 's/\"version\": \"2.1.0\"/\"version\": \"2.0.0\"/' \"$0\" >\"$1\" && grep -q '\"version\": \"2.0.0\"' \"$1\" && { sh \"$2\" \"$1\"; test $? -eq 1; }"
          ${AIPROV_VALIDATOR_OUT}/relative/check.sarif
          ${AIPROV_VALIDATOR_OUT}/corrupt.sarif
          ${AIPROV_TEST_TOOLS}/validate-sarif.sh)
set_tests_properties(validators.json-rejects-corrupt-output
  validators.sarif-rejects-corrupt-output PROPERTIES
  FIXTURES_REQUIRED aiprov_check_output)

set_tests_properties(
  validators.check-relative-paths validators.check-absolute-paths
  validators.json-rejects-corrupt-output validators.sarif-rejects-corrupt-output
  PROPERTIES
  LABELS validators
  TIMEOUT 300
  ENVIRONMENT "AIPROV=${AIPROV_TOOL_DIR}/aiprov")
