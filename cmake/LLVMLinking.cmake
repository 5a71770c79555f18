# Two ways to link LLVM/Clang into an executable, chosen per executable and
# never mixed within one:
#
#   aiprov::llvm-shared  libclang-cpp.so + libLLVM.so: tiny binaries, fast
#                        links; used by the tests.
#   aiprov::llvm-static  the static archives: a ~40 MB binary that starts in
#                        ~6 ms instead of ~33 ms, because nothing has to
#                        relocate the 100 MB shared libLLVM at every start.
#                        Lexer-mode `aiprov check` is benchmarked against
#                        grep, where that startup is most of the run.
#
# Debian's exported clang targets name the LLVM dylib in their link
# interface, so the static flavour links the archives by path instead.

add_library(aiprov_llvm_shared INTERFACE)
target_link_libraries(aiprov_llvm_shared INTERFACE clang-cpp LLVM)
add_library(aiprov::llvm-shared ALIAS aiprov_llvm_shared)

set(AIPROV_CLANG_ARCHIVES clangTooling clangFrontend clangDriver
  clangSerialization clangParse clangSema clangAnalysis clangASTMatchers
  clangEdit clangAST clangSupport clangLex clangBasic clangAPINotes clangRewrite)
set(AIPROV_LLVM_COMPONENTS option frontendopenmp frontendoffloading
  frontendhlsl bitreader profiledata mc mcparser targetparser support
  demangle windowsdriver binaryformat remarks core irreader asmparser object
  textapi)

add_library(aiprov_llvm_static INTERFACE)
set(archives)
foreach(lib ${AIPROV_CLANG_ARCHIVES})
  list(APPEND archives "${LLVM_LIBRARY_DIR}/lib${lib}.a")
endforeach()
execute_process(
  COMMAND "${LLVM_TOOLS_BINARY_DIR}/llvm-config" --link-static --libfiles
          ${AIPROV_LLVM_COMPONENTS}
  OUTPUT_VARIABLE llvm_archives OUTPUT_STRIP_TRAILING_WHITESPACE
  RESULT_VARIABLE llvm_config_status)
if(NOT llvm_config_status EQUAL 0)
  message(FATAL_ERROR "llvm-config --libfiles failed: ${llvm_archives}")
endif()
separate_arguments(llvm_archives UNIX_COMMAND "${llvm_archives}")
find_library(AIPROV_ZSTD_SHARED NAMES zstd libzstd.so.1 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(Threads REQUIRED)
# The archives reference each other in cycles: one link group resolves all.
target_link_libraries(aiprov_llvm_static INTERFACE
  "-Wl,--start-group" ${archives} ${llvm_archives} "-Wl,--end-group"
  ZLIB::ZLIB ${AIPROV_ZSTD_SHARED} Threads::Threads rt dl m)
add_library(aiprov::llvm-static ALIAS aiprov_llvm_static)
