# scripts/dependencies.txt is complete (tests/tools/check-dependencies.py):
# every header, library and program that this build, build/asan, build/fuzz
# and the tests used comes from a listed package, what it depends on, or an
# Essential package. Included by tests/CMakeLists.txt.
set(AIPROV_DEPENDENCY_CHECK
  ${Python3_EXECUTABLE} ${AIPROV_TEST_TOOLS}/check-dependencies.py
  --source ${PROJECT_SOURCE_DIR}
  --build ${PROJECT_BINARY_DIR} --build ${PROJECT_BINARY_DIR}/asan --build ${PROJECT_BINARY_DIR}/fuzz)
add_test(NAME dependencies-complete
  COMMAND ${AIPROV_DEPENDENCY_CHECK} --list ${PROJECT_SOURCE_DIR}/scripts/dependencies.txt)
# The checker fails the day a dependency comes from the machine by accident:
# with a list that lacks ninja-build (a program the build runs) and
# zlib1g-dev (libz.so on the static tool's link line), it must fail and
# name both.
add_test(NAME dependencies-complete.detects-missing
  COMMAND bash ${AIPROV_TEST_TOOLS}/check-dependencies-selftest.sh
          ${PROJECT_SOURCE_DIR}/scripts/dependencies.txt
          ${CMAKE_CURRENT_BINARY_DIR}/dependencies-selftest
          ${AIPROV_DEPENDENCY_CHECK})
set_tests_properties(dependencies-complete dependencies-complete.detects-missing
  PROPERTIES TIMEOUT 600 LABELS infra)
