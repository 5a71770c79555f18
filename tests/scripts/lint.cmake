# Our own code stays clang-format and clang-tidy clean (scripts/lint).
add_test(NAME lint-clang-format
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/lint format)
add_test(NAME lint-clang-tidy
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/lint tidy ${PROJECT_BINARY_DIR})
set_tests_properties(lint-clang-tidy PROPERTIES TIMEOUT 1200)
