# The compiler question (CMakeLists.txt): with no compiler named, a
# configure picks clang-19/clang++-19; with another compiler (g++), the
# plugin and the tidy module are left out with a warning saying why,
# instead of a libaiprov-tidy.so that clang-tidy-19 cannot load. That the
# module the configured compiler built does load into clang-tidy-19, and
# reports, is tests/lit/tidy/checks.test. Included by tests/CMakeLists.txt.
add_test(NAME compiler.default-is-clang-19
  COMMAND bash ${AIPROV_TEST_TOOLS}/configure-test.sh default
          ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/configure-test/default)
add_test(NAME compiler.gcc-leaves-out-modules
  COMMAND bash ${AIPROV_TEST_TOOLS}/configure-test.sh gcc
          ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/configure-test/gcc)
set_tests_properties(compiler.default-is-clang-19 compiler.gcc-leaves-out-modules
  PROPERTIES TIMEOUT 300 LABELS infra)

# This tree built without the modules: lit leaves out the tests that load
# them (their %plugin and %tidy-module would not exist).
if(NOT AIPROV_BUILD_MODULES)
  set_property(TEST lit APPEND PROPERTY ENVIRONMENT "LIT_FILTER_OUT=^aiprov :: (plugin|tidy)/")
endif()
