//===--- Ledger.h - The provenance ledger, .aiprov/ledger.jsonl -----------===//
//
// What was observed rather than annotated (an editor paste, an accepted
// completion, an agent's edit) is kept in `.aiprov/ledger.jsonl` at the
// workspace root (SPEC §5). Each line is one Agent Trace record (schema in
// docs/schema/agent-trace-record.schema.json) with aiprov's own data under
// metadata["dev.aiprov"], so other Agent Trace readers understand the file
// and aiprov reads theirs. Appends are one write(2) under an exclusive
// flock followed by fsync, so concurrent writers never interleave and a
// crash never damages an earlier record; reading skips what it cannot use
// with a warning instead of failing. See docs/ledger.md.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_LEDGER_LEDGER_H
#define AIPROV_LEDGER_LEDGER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace aiprov {

/// One attributed line range of one file, as aiprov records it.
struct LedgerRecord {
  /// UUID v4, lower-case hex (newRecordId()).
  std::string Id;
  /// RFC 3339 in UTC, e.g. 2026-11-29T02:24:38Z (nowTimestamp()).
  std::string Timestamp;
  /// Relative to the workspace root, with `/` separators.
  std::string File;
  /// 1-based, inclusive; StartLine <= EndLine.
  unsigned StartLine = 0;
  unsigned EndLine = 0;
  /// The editor, agent or tool that produced the text ("claude-code",
  /// "vscode"); empty if unknown. ToolVersion may be empty.
  std::string Tool;
  std::string ToolVersion;
  /// models.dev style id ("anthropic/claude-opus-4-5"); empty if unknown.
  std::string Model;
  /// agent, completion, chat, paste, generated, unknown-paste, …
  std::string Origin;
  /// The person at the keyboard, as aiprov learned it (git user.email).
  std::string Who;
  /// Agent Trace contributor type: ai, mixed, human or unknown.
  std::string Contributor = "ai";
  /// One per line of the range, fingerprintLine() of each; empty for
  /// foreign records. Used to find the range again after edits.
  std::vector<std::string> LineFingerprints;

  /// True for contributor types ai and mixed: the lines count as
  /// AI-assisted.
  bool isAIAssisted() const;

  /// One Agent Trace record (version 0.1) valid against the schema.
  nlohmann::json toJson() const;

  /// Reads one Agent Trace record. aiprov's own record gives back exactly
  /// what toJson() wrote; a foreign record gives one LedgerRecord per range
  /// (several files, conversations and ranges are allowed), with per-range
  /// contributors overriding the conversation's. Errors say which field
  /// aiprov needs and did not find.
  static llvm::Expected<std::vector<LedgerRecord>>
  fromJson(const nlohmann::json &Record);
};

/// A fresh UUID v4 from std::random_device (the kernel's getrandom).
std::string newRecordId();

/// The current time as RFC 3339 UTC with a `Z`, to the second.
std::string nowTimestamp();

/// 64-bit FNV-1a of Line with leading and trailing whitespace trimmed, as
/// 16 lower-case hex digits. Stable across platforms and LLVM versions.
std::string fingerprintLine(llvm::StringRef Line);

/// fingerprintLine() of each line of Text (split on \n, a \r before it
/// dropped); a final line without \n counts, an empty Text has no lines.
std::vector<std::string> fingerprintLines(llvm::StringRef Text);

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
