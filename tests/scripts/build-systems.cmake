# Users' builds with the compiler plugin (tests/tools/build-systems-test.sh):
# aiprov installed with `cmake --install`, then the example built with
# find_package(aiprov) + aiprov_add_plugin and with its plain Makefile; both
# must fail on its forbidden regions. Included by tests/CMakeLists.txt.
# Needs the plugin and the tidy module, which only Clang 19 builds
# (CMakeLists.txt, AIPROV_BUILD_MODULES).
if(NOT AIPROV_BUILD_MODULES)
  return()
endif()
add_test(NAME plugin.build-systems
  COMMAND bash ${AIPROV_TEST_TOOLS}/build-systems-test.sh
          ${CMAKE_BINARY_DIR} ${PROJECT_SOURCE_DIR})
set_tests_properties(plugin.build-systems PROPERTIES TIMEOUT 300)
