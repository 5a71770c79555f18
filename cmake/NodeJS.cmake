# Which node the tests run. playwright-core (every test that drives
# Chromium: export-format.html-in-chromium, vscode-client.e2e), vsce and
# code-server need node >= 20; Debian 12's node is 18. On such a machine
# scripts/setup installs node 20 into vscode-client/.node (the `node20` entry
# of scripts/dependencies.txt), and every test then runs with it first on
# PATH, so `node`, `npm` and `npx` in any test mean node 20.
#
# Sets AIPROV_NODE (the node the tests run) and AIPROV_NODE_BIN_DIR (the
# directory put first on PATH, empty when the machine's node is used as is);
# aiprov_tests_use_node() applies it to every test of the calling directory.
set(AIPROV_NODE_BIN_DIR "")
file(GLOB aiprov_node20 ${PROJECT_SOURCE_DIR}/vscode-client/.node/node_modules/*/bin/node)
if(aiprov_node20)
  list(GET aiprov_node20 0 AIPROV_NODE)
  get_filename_component(AIPROV_NODE_BIN_DIR ${AIPROV_NODE} DIRECTORY)
else()
  find_program(AIPROV_NODE node)
endif()
if(AIPROV_NODE)
  execute_process(COMMAND ${AIPROV_NODE} -p "process.versions.node"
    OUTPUT_VARIABLE AIPROV_NODE_VERSION OUTPUT_STRIP_TRAILING_WHITESPACE)
  message(STATUS "aiprov: tests run node ${AIPROV_NODE_VERSION} (${AIPROV_NODE})")
  if(AIPROV_NODE_VERSION VERSION_LESS 20)
    message(WARNING "aiprov: node ${AIPROV_NODE_VERSION} is older than 20, which "
      "playwright-core, vsce and code-server need: the Chromium and VS Code tests "
      "will fail. scripts/setup installs node 20 into vscode-client/.node; "
      "configure again after it.")
  endif()
else()
  message(WARNING "aiprov: no node: the validator, Chromium and VS Code tests will fail (run scripts/setup)")
endif()

function(aiprov_tests_use_node)
  if(NOT AIPROV_NODE_BIN_DIR)
    return()
  endif()
  get_property(tests DIRECTORY PROPERTY TESTS)
  foreach(test ${tests})
    set_property(TEST ${test} APPEND PROPERTY
      ENVIRONMENT_MODIFICATION "PATH=path_list_prepend:${AIPROV_NODE_BIN_DIR}")
  endforeach()
endfunction()
