# Validates what `aiprov export` writes on the bundled example with
# validators that share no code with it: JSON with ajv against
# docs/schema/export.schema.json, SARIF with Microsoft's SARIF Multitool.
# Included by tests/CMakeLists.txt (AIPROV_TEST_TOOLS is tests/tools); the
# same shape as validators.cmake, which does this for `aiprov check`.

set(AIPROV_EXPORT_AND_VALIDATE ${AIPROV_TEST_TOOLS}/export-and-validate.sh)
set(AIPROV_EXPORT_OUT ${CMAKE_CURRENT_BINARY_DIR}/validators/export)

# Relative paths from the source tree: SARIF locations relative to %SRCROOT%.
add_test(NAME validators.export-json
  COMMAND sh ${AIPROV_EXPORT_AND_VALIDATE} json
          ${AIPROV_EXPORT_OUT}/export.json examples/eval-repo
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
add_test(NAME validators.export-sarif
  COMMAND sh ${AIPROV_EXPORT_AND_VALIDATE} sarif
          ${AIPROV_EXPORT_OUT}/export.sarif examples/eval-repo
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
# An absolute path outside the working directory: absolute file: URIs.
add_test(NAME validators.export-sarif-absolute-paths
  COMMAND sh ${AIPROV_EXPORT_AND_VALIDATE} sarif
          ${AIPROV_EXPORT_OUT}/absolute.sarif ${PROJECT_SOURCE_DIR}/examples/eval-repo
  WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})

# The schema must reject a broken export, or the JSON test could pass by
# accident: a region without its verdict.
add_test(NAME validators.export-json-rejects-corrupt-output
  COMMAND sh -c "sed 's/\"verdict\": \"forbid\"/\"verdict\": \"maybe\"/' \"$0\" >\"$1\" && grep -q '\"verdict\": \"maybe\"' \"$1\" && { node \"$2\" \"$3\" \"$1\"; test $? -eq 1; }"
          ${AIPROV_EXPORT_OUT}/export.json
          ${AIPROV_EXPORT_OUT}/corrupt.json
          ${AIPROV_TEST_TOOLS}/validate-json.js
          ${PROJECT_SOURCE_DIR}/docs/schema/export.schema.json)
set_tests_properties(validators.export-json PROPERTIES
  FIXTURES_SETUP aiprov_export_output)
set_tests_properties(validators.export-json-rejects-corrupt-output PROPERTIES
  FIXTURES_REQUIRED aiprov_export_output)

set_tests_properties(
  validators.export-json validators.export-sarif
  validators.export-sarif-absolute-paths
  validators.export-json-rejects-corrupt-output
  PROPERTIES
  LABELS validators
  TIMEOUT 300
  ENVIRONMENT "AIPROV=${AIPROV_TOOL_DIR}/aiprov")
