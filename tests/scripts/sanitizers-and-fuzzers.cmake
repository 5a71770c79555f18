# The ASan+UBSan unit tests and the bounded fuzz runs live in their own
# build trees (scripts/test builds them: build/asan, build/fuzz). Run from
# here so CI's one ctest run covers them; skipped (77) when not built.
set(AIPROV_SKIP_IF_MISSING ${CMAKE_CURRENT_SOURCE_DIR}/scripts/run-if-built.sh)
add_test(NAME asan-ubsan-unit-tests
  COMMAND ${AIPROV_SKIP_IF_MISSING} ${PROJECT_BINARY_DIR}/asan/bin/aiprovUnitTests
          --gtest_brief=1)
set_tests_properties(asan-ubsan-unit-tests PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900 COST 5000
  ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
include(${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzzers.cmake)
foreach(fuzzer ${AIPROV_FUZZERS})
  # New inputs go to the first directory, in the build tree; the seeds in
  # the source tree are only read.
  set(work ${CMAKE_CURRENT_BINARY_DIR}/fuzz-corpus/${fuzzer})
  file(MAKE_DIRECTORY ${work})
  add_test(NAME fuzz-${fuzzer}
    COMMAND ${AIPROV_SKIP_IF_MISSING} ${PROJECT_BINARY_DIR}/fuzz/bin/${fuzzer}
            -max_total_time=30 -max_len=4096 -print_final_stats=1
            # libFuzzer's own exit code for a crash or a timeout is 77, which
            # ctest would count as skipped: a finding must fail the test.
            -error_exitcode=1 -timeout_exitcode=1
            ${work} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/${fuzzer})
  set_tests_properties(fuzz-${fuzzer} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endforeach()
