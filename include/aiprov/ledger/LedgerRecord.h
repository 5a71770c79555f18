//===--- LedgerRecord.h - One ledger line as an Agent Trace record --------===//
//
// Each line of the ledger is one Agent Trace record (schema in
// docs/schema/agent-trace-record.schema.json) with aiprov's own data under
// metadata["dev.aiprov"], so other Agent Trace readers understand the file
// and aiprov reads theirs. This is that mapping alone, both ways; where the
// lines are kept and how they are written is Ledger.h's business, so the
// format can be tested and fuzzed without a file.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_LEDGER_LEDGERRECORD_H
#define AIPROV_LEDGER_LEDGERRECORD_H

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

} // namespace aiprov

#endif
