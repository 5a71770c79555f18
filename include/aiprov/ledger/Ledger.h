//===--- Ledger.h - The provenance ledger, .aiprov/ledger.jsonl -----------===//
//
// What was observed rather than annotated (an editor paste, an accepted
// completion, an agent's edit) is kept in `.aiprov/ledger.jsonl` at the
// workspace root (SPEC §5), one Agent Trace record a line (LedgerRecord.h),
// so other Agent Trace readers understand the file and aiprov reads theirs.
// Appends are one write(2) under an exclusive flock followed by fsync, so
// concurrent writers never interleave and a crash never damages an earlier
// record; reading skips what it cannot use with a warning instead of
// failing. See docs/ledger.md.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_LEDGER_LEDGER_H
#define AIPROV_LEDGER_LEDGER_H

#include "aiprov/ledger/LedgerRecord.h"
// Whoever writes records also stamps them; the ledger's callers get both.
#include "aiprov/ledger/RecordIdentity.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace aiprov {

struct LedgerReadResult {
  std::vector<LedgerRecord> Records;
  /// `PATH:LINE:1: warning: skipped: WHY`, in file order.
  std::vector<std::string> Warnings;
  /// `PATH:1:1: error: cannot read ledger: WHY` when the ledger exists but
  /// is not a readable regular file within the size limit.
  std::vector<std::string> Errors;
};

/// The ledger of one workspace. Thread-safe and process-safe: every append
/// locks the file itself.
class Ledger {
public:
  explicit Ledger(std::string WorkspaceRoot)
      : WorkspaceRoot(std::move(WorkspaceRoot)) {}

  /// WorkspaceRoot/.aiprov/ledger.jsonl
  static std::string pathFor(llvm::StringRef WorkspaceRoot);

  /// Appends Record as one line: one write(2) with O_APPEND under an
  /// exclusive flock, then fsync. The first append creates `.aiprov/` and
  /// adds `.aiprov/ledger.jsonl merge=union` to the workspace's
  /// .gitattributes unless already there. If an earlier writer crashed
  /// mid-line, its unfinished tail is removed first (or, if it happens to
  /// be a whole JSON value, ended with a newline) so this record stands on
  /// its own line. Never throws.
  llvm::Error append(const LedgerRecord &Record) const;

  /// Every usable record; a missing ledger is empty. Lines that are not
  /// JSON, not an object, or lack what aiprov needs, and a last line with
  /// no final newline, are skipped with a warning; they never hide the
  /// records around them. Blank lines are ignored.
  LedgerReadResult read() const;

  /// WorkspaceRoot/.agent-trace/traces.jsonl, where other Agent Trace
  /// tools write; aiprov reads it and never writes it.
  static std::string agentTracePathFor(llvm::StringRef WorkspaceRoot);

  /// Reads any JSON Lines file of Agent Trace records, as read() does.
  /// Record paths are normalised against WorkspaceRoot (normalizeRecordPath);
  /// a record naming a path outside it is skipped with a warning.
  static LedgerReadResult readFile(llvm::StringRef Path,
                                   llvm::StringRef WorkspaceRoot = "");

  /// Parses ledger text; what readFile() does after reading the file.
  /// Warnings name the file as Path.
  static LedgerReadResult parse(llvm::StringRef Text,
                                llvm::StringRef Path = "ledger.jsonl",
                                llvm::StringRef WorkspaceRoot = "");

private:
  std::string WorkspaceRoot;
};

} // namespace aiprov

#endif
