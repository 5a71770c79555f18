//===--- CompileCommands.cpp - Finding a document's compile_commands.json -===//
#include "CompileCommands.h"
#include "Logger.h"
#include "aiprov/check/CompileDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace aiprov::server {

std::shared_ptr<const clang::tooling::CompilationDatabase>
CompileCommands::loadFrom(llvm::StringRef Dir) {
  auto [It, Inserted] = ByDirectory.try_emplace(Dir, nullptr);
  if (!Inserted)
    return It->second;
  // A compile database found unasked may be a committed symlink to
  // /dev/zero: read it as every untrusted file is read.
  std::string Error;
  std::unique_ptr<clang::tooling::CompilationDatabase> Loaded =
      loadCompileDatabase(Dir, Error);
  if (!Loaded) {
    if (!Error.empty())
      logError("cannot load a compile database: " + Error);
    return nullptr;
  }
  logInfo("loaded " + Dir + "/compile_commands.json");
  It->second = std::move(Loaded);
  return It->second;
}

std::shared_ptr<const clang::tooling::CompilationDatabase>
CompileCommands::databaseFor(llvm::StringRef Path) {
  auto Compiles =
      [Path](const std::shared_ptr<const clang::tooling::CompilationDatabase>
                 &Database) {
        return Database && !Database->getCompileCommands(Path).empty();
      };
  if (!FixedDir.empty()) {
    auto Database = loadFrom(FixedDir);
    return Compiles(Database) ? Database : nullptr;
  }
  llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
  for (llvm::StringRef Previous; !Dir.empty() && Dir != Previous;
       Previous = Dir, Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::SmallString<256> Build(Dir);
    llvm::sys::path::append(Build, "build");
    for (llvm::StringRef Candidate : {Dir, llvm::StringRef(Build)})
      if (auto Database = loadFrom(Candidate); Compiles(Database))
        return Database;
  }
  return nullptr;
}

} // namespace aiprov::server
