# Which node the tests run. playwright-core (every test that drives
# Chromium: export-format.html-in-chromium, vscode-client.e2e), vsce and
# code-server need node >= 20; Debian 12's node is 18. On such a machine
# scripts/setup installs node 20 into vscode-client/.node (the `node20` entry
# of scripts/dependencies.txt), and every test runs with that directory
# first on PATH, so `node`, `npm` and `npx` in any test mean node 20 there.
#
# Decided when the test runs, not here: README's scripts/demo configures
# build/ before scripts/test's setup installs node 20, and a configure-time
# choice would keep Debian's node 18. A directory on PATH that does not exist
# (a machine whose node is 20 already) changes nothing.
#
# Sets AIPROV_NODE_BIN_DIR; aiprov_tests_use_node() puts it first on PATH
# for every test of the calling directory (tests/scripts/node.cmake).
file(STRINGS ${PROJECT_SOURCE_DIR}/scripts/dependencies.txt aiprov_node20
     REGEX "^node20[ \t]+[^ \t#]+")
string(REGEX REPLACE "^node20[ \t]+([^ \t#@]+)@?.*$" "\\1" aiprov_node20 "${aiprov_node20}")
set(AIPROV_NODE_BIN_DIR ${PROJECT_SOURCE_DIR}/vscode-client/.node/node_modules/${aiprov_node20}/bin)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/scripts/dependencies.txt)
find_program(AIPROV_SYSTEM_NODE node)
if(AIPROV_SYSTEM_NODE)
  execute_process(COMMAND ${AIPROV_SYSTEM_NODE} -p "process.versions.node"
    OUTPUT_VARIABLE aiprov_node_version OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(aiprov_node_version VERSION_LESS 20)
    message(STATUS "aiprov: node ${aiprov_node_version} is older than 20; the tests run "
      "node 20 from ${AIPROV_NODE_BIN_DIR} (scripts/setup installs it)")
  endif()
endif()

function(aiprov_tests_use_node)
  get_property(tests DIRECTORY PROPERTY TESTS)
  foreach(test ${tests})
    set_property(TEST ${test} APPEND PROPERTY
      ENVIRONMENT_MODIFICATION "PATH=path_list_prepend:${AIPROV_NODE_BIN_DIR}")
  endforeach()
endfunction()
