//===--- Paths.h - Absolute paths and "is this below that" ----------------===//
//
// Every layer names files by absolute, lexically normalised paths (no "."
// or ".." components), and asks whether one lies below a directory by whole
// components ("/src/a2/x.cpp" is not below "/src/a"). One spelling of each,
// so a policy, a ledger and a report can never disagree about a path.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SUPPORT_PATHS_H
#define AIPROV_SUPPORT_PATHS_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace aiprov {

/// Path made absolute against Base (the process's current directory when
/// Base is empty), with "." and ".." removed lexically. Returned unchanged
/// when it is relative and there is no current directory to resolve it by.
std::string absolutePath(llvm::StringRef Path, llvm::StringRef Base = "");

/// The part of Path below Dir, without a leading '/' ("" when Path is Dir),
/// comparing whole components; nullopt when Path is not Dir or below it.
/// Both are absolute and normalised (absolutePath); a trailing '/' on Dir is
/// allowed.
std::optional<llvm::StringRef> pathBelow(llvm::StringRef Path,
                                         llvm::StringRef Dir);

/// True when Path is Dir or lies below it (pathBelow).
bool isAtOrBelow(llvm::StringRef Path, llvm::StringRef Dir);

} // namespace aiprov

#endif
