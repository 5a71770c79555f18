# The parity test of the compiler plugin, the clang-tidy module and
# `aiprov check -p` (tests/tools/parity.py): on the bundled example and on
# the parity fixture (every directive form, every check, ledger records),
# the three must report the same set of (file, line, check). Included by
# tests/CMakeLists.txt.
# Needs the plugin and the tidy module, which only Clang 19 builds
# (CMakeLists.txt, AIPROV_BUILD_MODULES).
if(NOT AIPROV_BUILD_MODULES)
  return()
endif()
set(AIPROV_PARITY_ARGS
  --aiprov ${AIPROV_TOOL_DIR}/aiprov
  --plugin ${CMAKE_BINARY_DIR}/lib/libaiprov-plugin.so
  --tidy ${CMAKE_BINARY_DIR}/lib/libaiprov-tidy.so
  --include ${PROJECT_SOURCE_DIR}/include)
add_test(NAME parity.example
  COMMAND ${Python3_EXECUTABLE} ${AIPROV_TEST_TOOLS}/parity.py ${AIPROV_PARITY_ARGS}
          ${PROJECT_SOURCE_DIR}/examples/eval-repo)
add_test(NAME parity.fixture
  COMMAND ${Python3_EXECUTABLE} ${AIPROV_TEST_TOOLS}/parity.py ${AIPROV_PARITY_ARGS}
          --records ${PROJECT_SOURCE_DIR}/tests/fixtures/parity/ledger-records.txt
          --expect-checks ${PROJECT_SOURCE_DIR}/tests/fixtures/parity)
set_tests_properties(parity.example parity.fixture PROPERTIES TIMEOUT 300)
