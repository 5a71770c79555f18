# Our own code stays clang-format and clang-tidy clean (scripts/lint).
add_test(NAME lint-clang-format
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/lint format)
add_test(NAME lint-clang-tidy
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/lint tidy ${PROJECT_BINARY_DIR})
# The longest test (every file of ours through clang-tidy-19): a high COST
# makes ctest start it first, so the other tests run beside it instead of
# after it.
set_tests_properties(lint-clang-tidy PROPERTIES TIMEOUT 2400 COST 10000)
# scripts/lint-tidy caches clean results (~/.cache/aiprov-lint); this proves
# the cache never hides a warning: one put into a header is reported on
# every run until it is fixed, and a changed .clang-tidy re-lints.
add_test(NAME lint-clang-tidy.cache-never-hides-a-warning
  COMMAND bash ${AIPROV_TEST_TOOLS}/lint-cache-test.sh
          ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/lint-cache-test)
set_tests_properties(lint-clang-tidy.cache-never-hides-a-warning PROPERTIES TIMEOUT 300 LABELS infra)
