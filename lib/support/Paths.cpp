//===--- Paths.cpp - Absolute paths and "is this below that" --------------===//

#include "aiprov/support/Paths.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace aiprov {

std::string absolutePath(llvm::StringRef Path, llvm::StringRef Base) {
  llvm::SmallString<256> Abs(Path);
  if (!llvm::sys::path::is_absolute(Abs)) {
    if (!Base.empty()) {
      Abs = Base;
      llvm::sys::path::append(Abs, Path);
    }
    if (llvm::sys::fs::make_absolute(Abs)) // no current directory
      return Path.str();
  }
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

std::optional<llvm::StringRef> pathBelow(llvm::StringRef Path,
                                         llvm::StringRef Dir) {
  if (Dir.empty() || !Path.consume_front(Dir))
    return std::nullopt;
  if (Path.empty() || Dir.ends_with("/"))
    return Path.ltrim('/');
  if (!Path.consume_front("/"))
    return std::nullopt;
  return Path;
}

bool isAtOrBelow(llvm::StringRef Path, llvm::StringRef Dir) {
  return pathBelow(Path, Dir).has_value();
}

} // namespace aiprov
