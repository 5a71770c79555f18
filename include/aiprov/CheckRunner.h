//===--- CheckRunner.h - `aiprov check` as a library ---------------------===//
//
// Walks the named paths, resolves each file's policy, finds its regions
// (lexer mode, or AST mode for translation units of a compilation
// database), runs the checks, and returns one report. The CLI only parses
// arguments and renders; a test or another front end can call this directly.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_CHECKRUNNER_H
#define AIPROV_CHECKRUNNER_H

#include "aiprov/Output.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>
#include <vector>

namespace aiprov {

struct CheckOptions {
  /// Files and directories; empty means ".".
  std::vector<std::string> Paths;
  /// `-p`: directory holding compile_commands.json. Empty: lexer mode only.
  std::string BuildDir;
  /// `-j`: worker threads; 0 means one per hardware thread.
  unsigned Jobs = 0;
  /// `--policy`: one policy for every file; empty means discover.
  std::string PolicyFile;
  /// Called after each file with (done, total, path); from worker threads,
  /// serialised by the runner.
  llvm::function_ref<void(unsigned, unsigned, llvm::StringRef)> Progress;
};

CheckReport runCheck(const CheckOptions &Options);

} // namespace aiprov

#endif
