//===--- FileWalker.h - Which files `aiprov check PATH…` looks at ---------===//
//
// SPEC §4: named files are always taken; directories are walked like
// ripgrep walks them (hidden entries skipped, .gitignore honoured inside a
// git repository, build directories holding CMakeCache.txt skipped,
// symlinks not followed, C/C++ files only, by extension).
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_POLICY_FILEWALKER_H
#define AIPROV_POLICY_FILEWALKER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace aiprov {

/// True when Path's extension is one of SPEC §4's C/C++ extensions.
bool hasSourceExtension(llvm::StringRef Path);

struct WalkResult {
  /// Files to check, as the user would name them: a named file as given,
  /// files found under a named directory joined onto that directory.
  /// Sorted, without duplicates.
  std::vector<std::string> Files;
  /// "PATH: message" for each path that could not be read (missing,
  /// unreadable directory, dangling symlink given by name, …).
  std::vector<std::string> Errors;
};

WalkResult walkPaths(llvm::ArrayRef<std::string> Paths);

} // namespace aiprov

#endif
