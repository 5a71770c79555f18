# Our own code stays clang-format and clang-tidy clean (scripts/lint).
add_test(NAME lint-clang-format
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/lint format)
add_test(NAME lint-clang-tidy
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/lint tidy ${PROJECT_BINARY_DIR})
# The longest test (every file of ours through clang-tidy-19): a high COST
# makes ctest start it first, so the other tests run beside it instead of
# after it.
set_tests_properties(lint-clang-tidy PROPERTIES TIMEOUT 2400 COST 10000)
