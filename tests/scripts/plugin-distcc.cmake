# The compiler plugin in a real distcc build on loopback
# (tests/tools/distcc-test.sh): distccd on 127.0.0.1 with a job limit and a
# log file, the example project compiled through distcc with -fplugin, the
# findings checked against a direct compile. Skipped (77) only when distcc
# is not installed; scripts/setup installs it. Included by
# tests/CMakeLists.txt.
# Needs the plugin and the tidy module, which only Clang 19 builds
# (CMakeLists.txt, AIPROV_BUILD_MODULES).
if(NOT AIPROV_BUILD_MODULES)
  return()
endif()
add_test(NAME plugin.distcc
  COMMAND bash ${AIPROV_TEST_TOOLS}/distcc-test.sh
          ${CMAKE_BINARY_DIR}/lib/libaiprov-plugin.so
          ${PROJECT_SOURCE_DIR}/include
          ${PROJECT_SOURCE_DIR}/examples/eval-repo)
set_tests_properties(plugin.distcc PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
