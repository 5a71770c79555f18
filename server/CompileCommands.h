//===--- CompileCommands.h - Finding a document's compile_commands.json ---===//
//
// The AST parse needs the flags the project compiles a file with. Like
// clangd, the server looks for compile_commands.json in the file's
// directory and each one above it, also in a `build/` subdirectory of each
// (where CMake projects usually put it), unless `--compile-commands-dir`
// names the one directory to use. Databases are loaded once per directory
// and shared with the parse worker, which only reads them.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_COMPILECOMMANDS_H
#define AIPROV_SERVER_COMPILECOMMANDS_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>

namespace clang::tooling {
class CompilationDatabase;
} // namespace clang::tooling

namespace aiprov::server {

class CompileCommands {
public:
  /// FixedDir: the only directory to load compile_commands.json from
  /// (`--compile-commands-dir`); empty: search upwards from each file.
  explicit CompileCommands(std::string FixedDir = "")
      : FixedDir(std::move(FixedDir)) {}

  /// The database with a compile command for Path (absolute), or nullptr
  /// (no database found, or none of them compiles Path: a header, say).
  std::shared_ptr<const clang::tooling::CompilationDatabase>
  databaseFor(llvm::StringRef Path);

  /// Forgets every database, so the next lookup reads them again (a
  /// compile_commands.json changed on disk).
  void reload() { ByDirectory.clear(); }

private:
  /// The database in Dir (nullptr when there is none), loaded once.
  std::shared_ptr<const clang::tooling::CompilationDatabase>
  loadFrom(llvm::StringRef Dir);

  std::string FixedDir;
  llvm::StringMap<std::shared_ptr<const clang::tooling::CompilationDatabase>>
      ByDirectory;
};

} // namespace aiprov::server

#endif
