//===--- FileReader.h - Read a source file into a reusable buffer --------===//
//
// Lexer mode reads every file of a project once, and most are never lexed.
// llvm::MemoryBuffer blocks and unblocks all signals around each close()
// and allocates per file; this reads into one buffer per thread with plain
// open/fstat/read/close, which halved the syscalls per file in bench/check.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_FILEREADER_H
#define AIPROV_FILEREADER_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <system_error>

namespace aiprov {

/// Reads Path into Storage (reusing its capacity) and returns a view of
/// the contents, NUL-terminated just past the end as clang's lexer needs.
/// On failure returns the error and leaves Storage unspecified.
std::error_code readWholeFile(llvm::StringRef Path, std::string &Storage,
                              llvm::StringRef &Contents);

} // namespace aiprov

#endif
