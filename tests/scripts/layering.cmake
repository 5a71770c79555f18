# The engine's layers include only downward (lib/CMakeLists.txt,
# docs/architecture.md): tests/tools/check-layering.py reads every header
# each layer's compiles read and fails on a header of a layer it does not
# depend on. The self-test compiles a policy source with a ledger include
# added, the build's own way, and expects the checker to name it.
set(AIPROV_LAYERING_CHECK
  ${Python3_EXECUTABLE} ${AIPROV_TEST_TOOLS}/check-layering.py
  --source ${PROJECT_SOURCE_DIR} --build ${PROJECT_BINARY_DIR})
add_test(NAME layering COMMAND ${AIPROV_LAYERING_CHECK})
add_test(NAME layering.detects-wrong-way-include
  COMMAND ${Python3_EXECUTABLE} ${AIPROV_TEST_TOOLS}/check-layering-selftest.py
          ${CMAKE_CURRENT_BINARY_DIR}/layering-selftest ${AIPROV_LAYERING_CHECK})
set_tests_properties(layering layering.detects-wrong-way-include PROPERTIES
  TIMEOUT 120 LABELS infra)
