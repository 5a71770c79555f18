//===--- CheckFile.h - One file's findings once its regions are known -----===//
//
// The last steps of `aiprov check` for one file, shared with the compiler
// plugin and the clang-tidy module so the three cannot drift: the ledger
// records of the file are placed in its text and merged with its in-source
// regions, then the checks run with the file's verdict.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_CHECK_CHECKFILE_H
#define AIPROV_CHECK_CHECKFILE_H

#include "aiprov/check/CheckRunner.h"
#include "aiprov/check/Finding.h"
#include "aiprov/directives/Region.h"
#include "aiprov/ledger/LedgerRegions.h"
#include "aiprov/policy/Policy.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace aiprov {

struct CheckedFile {
  /// In sortFindings order.
  std::vector<Finding> Findings;
  std::vector<LostRecord> Lost;
  /// The ledger has records for the file but its text could not be had:
  /// nothing was checked (the caller reports why).
  bool ContentsUnavailable = false;
  /// The workspace's ledger exists but could not be read (WorkspaceRecords
  /// ::Errors): the findings may miss recorded regions.
  std::vector<std::string> LedgerErrors;
};

struct FileToCheck {
  /// As findings name the file (as the user named it).
  std::string DisplayPath;
  /// Absolute and normalized: how policies and ledgers know it.
  std::string AbsolutePath;
  /// The file's text, asked for only when the ledger has records for it;
  /// nothing when it cannot be read.
  llvm::function_ref<std::optional<llvm::StringRef>()> Contents;
  /// The workspace whose ledger to read; empty: the file's own (git root,
  /// else the topmost policy directory).
  std::string LedgerRoot;
  /// The file's name in that ledger; empty: its path relative to the
  /// workspace root.
  std::string LedgerName;
};

/// Regions gains File's ledger regions; then the checks run with Policy.
CheckedFile checkFileRegions(const FileToCheck &File, FileRegions &Regions,
                             const Verdict &Policy, LedgerCache &Ledgers);

} // namespace aiprov

#endif
