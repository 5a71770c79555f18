//===--- CompileDatabase.cpp - compile_commands.json through FileReader ---===//
#include "aiprov/check/CompileDatabase.h"
#include "aiprov/support/FileReader.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace aiprov {

std::unique_ptr<clang::tooling::CompilationDatabase>
loadCompileDatabase(llvm::StringRef Dir, std::string &Why) {
  Why.clear();
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, "compile_commands.json");
  std::string Text;
  if (std::error_code EC =
          readWholeFile(Path, Text, file_limits::CompileDatabase)) {
    if (EC != std::errc::no_such_file_or_directory)
      Why = Path.str().str() + ": " +
            describeReadError(EC, file_limits::CompileDatabase,
                              "a compile database");
    return nullptr;
  }
  std::unique_ptr<clang::tooling::CompilationDatabase> Base =
      clang::tooling::JSONCompilationDatabase::loadFromBuffer(
          Text, Why, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Base) {
    Why = Path.str().str() + ": " + Why;
    return nullptr;
  }
  // What clang's JSON plugin does after loading the file, but for guessing
  // commands of files it does not list: a header has no command of its own
  // here, so the language server lexes it rather than parse it as some
  // neighbour's translation unit.
  return clang::tooling::inferTargetAndDriverMode(
      clang::tooling::expandResponseFiles(std::move(Base),
                                          llvm::vfs::getRealFileSystem()));
}

} // namespace aiprov
