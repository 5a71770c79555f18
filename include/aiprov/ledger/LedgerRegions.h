//===--- LedgerRegions.h - Ledger records as regions of today's files -----===//
//
// SPEC §5: `check`, `export`, the language server and the plugin all see
// the ledger. A record names lines as they were when it was written; this
// places it in the file as it is now (by content, Reanchor.h) and turns it
// into a Region with source `ledger`, so the checks and the export treat it
// like any annotation. Records that can't be placed any more are returned
// as lost instead of being dropped.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_LEDGER_LEDGERREGIONS_H
#define AIPROV_LEDGER_LEDGERREGIONS_H

#include "aiprov/directives/Region.h"
#include "aiprov/ledger/Ledger.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace aiprov {

/// A ledger record whose lines cannot be found any more (SPEC §5): its file
/// was deleted, or every informative line of it was rewritten. `export`
/// lists it rather than silently dropping it.
struct LostRecord {
  /// The file, as the record names it (relative to the workspace root).
  std::string File;
  std::string WorkspaceRoot;
  std::string RecordId;
  std::string Timestamp;
  std::string Tool;
  std::string Model;
  std::string Origin;
  /// The lines as recorded, 1-based and inclusive.
  unsigned RecordedFirstLine = 0, RecordedLastLine = 0;
  /// "file deleted" or "content no longer found".
  std::string Reason;
};

/// Everything recorded in one workspace: aiprov's ledger and the Agent
/// Trace file other tools write (.agent-trace/traces.jsonl).
struct WorkspaceRecords {
  std::string Root;
  std::vector<LedgerRecord> Records;
  /// Indices into Records by their File (relative to Root).
  llvm::StringMap<std::vector<size_t>> ByFile;
  /// Lines of either file that were skipped, as LedgerReadResult::Warnings.
  std::vector<std::string> Warnings;
  /// Either file exists but could not be read, as LedgerReadResult::Errors.
  std::vector<std::string> Errors;

  /// Reads both files of the workspace at Root.
  static WorkspaceRecords load(llvm::StringRef Root);
  /// Records of one file, in ledger order.
  std::vector<const LedgerRecord *> forFile(llvm::StringRef File) const;
};

/// The workspaces of one run, each read the first time one of its files
/// asks, and the workspace root of each directory. Thread-safe: the workers
/// of `aiprov check -j N` share one.
class LedgerCache {
public:
  /// workspaceRootFor(AbsoluteDir, TopPolicyDir), with git roots
  /// remembered per directory.
  std::string rootFor(llvm::StringRef AbsoluteDir,
                      llvm::StringRef TopPolicyDir);
  /// The records of the workspace at Root ("" has none).
  const WorkspaceRecords &recordsFor(llvm::StringRef Root);
  /// The records of the file at AbsolutePath, found through its
  /// workspace's root (rootFor, then recordsFor), and that root.
  std::pair<std::string, std::vector<const LedgerRecord *>>
  recordsOfFile(llvm::StringRef AbsolutePath, llvm::StringRef TopPolicyDir);
  /// Every workspace read so far, by root.
  std::vector<const WorkspaceRecords *> loaded() const;

  /// Forgets every ledger read and git root found, so the next lookups read
  /// them again (the language server, when they changed on disk).
  /// Invalidates what recordsFor and recordsOfFile returned.
  void clear();

private:
  mutable std::mutex Lock;
  std::map<std::string, std::unique_ptr<WorkspaceRecords>, std::less<>>
      Workspaces;
  /// findGitRoot's memo: the walk up to `/` is paid once per run.
  llvm::StringMap<std::string> GitRoots;
};

struct PlacedRecords {
  /// One region per record still found, sorted by first line.
  std::vector<Region> Regions;
  std::vector<LostRecord> Lost;
};

/// Places the records of one file in Contents (the file as it is now; must
/// stay alive while Lines is used). aiprov's records are found by content;
/// foreign records, which carry no fingerprints, keep their line numbers.
/// Records that say the lines are human-written are skipped; a paste of
/// unknown origin is kept, for aiprov-unknown-paste.
PlacedRecords placeRecords(llvm::ArrayRef<const LedgerRecord *> Records,
                           llvm::StringRef Contents, const LineTable &Lines,
                           llvm::StringRef WorkspaceRoot);

/// Records of W whose file no longer exists, lost with reason "file
/// deleted", for the files (absolute paths) that InScope accepts.
std::vector<LostRecord>
recordsOfDeletedFiles(const WorkspaceRecords &W,
                      llvm::function_ref<bool(llvm::StringRef)> InScope);

/// Adds Recorded to Regions, except records whose every line an in-source
/// region already covers: once `aiprov review` has written an annotation
/// around a recorded region, the annotation is what counts.
void mergeLedgerRegions(FileRegions &Regions, std::vector<Region> Recorded);

} // namespace aiprov

#endif
