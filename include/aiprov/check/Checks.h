//===--- Checks.h - The five checks of SPEC §3 ----------------------------===//
//
// Turns one file's regions and its policy verdict into findings. This is the
// only place that decides what is a violation, so the CLI, the compiler
// plugin, the tidy module and the language server cannot disagree.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_CHECK_CHECKS_H
#define AIPROV_CHECK_CHECKS_H

#include "aiprov/check/Finding.h"
#include "aiprov/directives/Region.h"
#include "aiprov/policy/Policy.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace aiprov {

/// Findings for one file. DisplayPath is how the file is named in output;
/// IdentityPath (default: DisplayPath) names it in fingerprints, so pass a
/// path that doesn't depend on the current directory (e.g. relative to the
/// repository). Each check reports a region once, at its directive's start.
std::vector<Finding> checkRegions(llvm::StringRef DisplayPath,
                                  const FileRegions &Regions,
                                  const Verdict &Policy,
                                  llvm::StringRef IdentityPath = "");

/// "(tool: claude-code, lines 3-9)": how every message names a region.
std::string describeRegion(const Region &R);

} // namespace aiprov

#endif
