//===--- CompileDatabase.h - compile_commands.json, read defensively ------===//
//
// A compile database can be committed to a repository (build/
// compile_commands.json) and found by the language server without the user
// naming it, so it is read like every other file aiprov does not trust: a
// regular file, within a size limit, never blocking. What it is parsed into
// is what clang-tidy and clangd get from the same file.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_CHECK_COMPILEDATABASE_H
#define AIPROV_CHECK_COMPILEDATABASE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>

namespace aiprov {

/// Dir/compile_commands.json with response files expanded and target and
/// driver mode inferred, as clang's JSON plugin loads it; a file it does not
/// list has no command (no interpolation). Null with Why set when it cannot
/// be read or parsed; Why is empty when the file does not exist.
std::unique_ptr<clang::tooling::CompilationDatabase>
loadCompileDatabase(llvm::StringRef Dir, std::string &Why);

} // namespace aiprov

#endif
