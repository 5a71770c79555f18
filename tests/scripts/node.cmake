# Every test of this directory runs with the node that cmake/NodeJS.cmake
# chose first on PATH (node 20 from vscode-client/.node on a machine whose
# node is older). Deferred to the end of tests/CMakeLists.txt, so it also
# reaches the tests defined after the scripts/*.cmake files are included.
cmake_language(DEFER CALL aiprov_tests_use_node)
