//===--- FileReader.h - Read regular files, bounded, into a buffer --------===//
//
// Every file aiprov reads may have been committed by someone who wants to get
// past the policy: a ledger that is a symlink to /dev/zero, a policy that is
// a FIFO, a transcript path naming /dev/urandom. So every read goes through
// here: the path must name a regular file (after following symbolic links),
// it is opened without blocking (a FIFO never stalls the open), and it is
// read only up to a limit that depends on what the file is for.
//
// Lexer mode reads every file of a project once, and most are never lexed.
// llvm::MemoryBuffer blocks and unblocks all signals around each close()
// and allocates per file; this reads into one buffer per thread with plain
// open/fstat/read/close, which halved the syscalls per file in bench/check.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SUPPORT_FILEREADER_H
#define AIPROV_SUPPORT_FILEREADER_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>
#include <system_error>

namespace aiprov {

/// The largest file of each kind aiprov reads (docs/limits.md). A larger
/// one is an error naming it, never a partial read.
namespace file_limits {
constexpr uint64_t MiB = 1024 * 1024;
/// A file checked for directives (source, prompt, test case…).
constexpr uint64_t Source = 256 * MiB;
/// `.aiprov.yaml`.
constexpr uint64_t Policy = 4 * MiB;
/// `.gitignore`, `.aiexclude` and the other ignore files.
constexpr uint64_t IgnoreFile = 16 * MiB;
/// `.aiprov/ledger.jsonl` and `.agent-trace/traces.jsonl`.
constexpr uint64_t Ledger = 2048 * MiB;
/// How much of the end of an agent's session transcript a hook reads.
constexpr uint64_t Transcript = 64 * MiB;
/// compile_commands.json (`check -p`, the language server).
constexpr uint64_t CompileDatabase = 1024 * MiB;
/// A hook payload on standard input.
constexpr uint64_t HookPayload = 64 * MiB;
} // namespace file_limits

/// Why a file was refused; its message() is what users see.
enum class FileReadError {
  NotRegularFile = 1,
  TooLarge,
};
const std::error_category &fileReadCategory();
// std::error_code finds this by argument-dependent lookup under exactly
// this name, so it cannot follow our naming style.
std::error_code
make_error_code(FileReadError E); // NOLINT(readability-identifier-naming)

/// Reads Path into Storage (reusing its capacity) and returns a view of
/// the contents, NUL-terminated just past the end as clang's lexer needs.
/// Path must name a regular file (symbolic links are followed) of at most
/// MaxBytes bytes; a directory, FIFO, socket or device is refused without
/// blocking. On failure returns the error and leaves Storage unspecified.
std::error_code readWholeFile(llvm::StringRef Path, std::string &Storage,
                              llvm::StringRef &Contents,
                              uint64_t MaxBytes = file_limits::Source);

/// The same into a fresh string, for files read once (policies, ledgers).
std::error_code readWholeFile(llvm::StringRef Path, std::string &Contents,
                              uint64_t MaxBytes);

/// The last MaxBytes bytes of a regular file (all of it when smaller), for
/// files whose end is all that matters: an agent's transcript, newest last.
/// The first line of the result may be partial.
std::error_code readFileTail(llvm::StringRef Path, std::string &Contents,
                             uint64_t MaxBytes);

/// What a user reads for a failed read: the error's message, lower-case
/// first letter, with the limit named for a file that was too large
/// ("larger than the 4 MiB limit for a policy file").
std::string describeReadError(std::error_code EC, uint64_t MaxBytes,
                              llvm::StringRef WhatFile);

/// Reads an already open descriptor (a hook's standard input) until end of
/// input, at most MaxBytes bytes and for at most TimeoutMs milliseconds in
/// all: a writer that never closes, or /dev/zero, cannot make the caller
/// wait or grow without bound. Returns TooLarge or timed_out on those.
std::error_code readDescriptorBounded(int FD, std::string &Contents,
                                      uint64_t MaxBytes, int TimeoutMs);

} // namespace aiprov

namespace std {
template <> struct is_error_code_enum<aiprov::FileReadError> : true_type {};
} // namespace std

#endif
