//===--- Recording.h - Writing observed AI-assisted lines to the ledger ---===//
//
// `aiprov record` (SPEC §4) and, later, the language server both turn "these
// lines of this file, as it is now, came from that tool" into ledger records
// (SPEC §5). Doing it here once means every writer agrees on the workspace
// root, the relative path, the fingerprints and the person at the keyboard.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_LEDGER_RECORDING_H
#define AIPROV_LEDGER_RECORDING_H

#include "aiprov/ledger/Ledger.h"
#include "aiprov/support/SourceText.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace aiprov {

class PolicyResolver;

/// What one caller observed: some lines of one file and where they came
/// from. Each range becomes one ledger record.
struct RecordRequest {
  /// The file; made absolute and symlink-free before use.
  std::string File;
  std::vector<LineRange> Ranges;
  /// See LedgerRecord; empty Tool and Model mean unknown.
  std::string Tool;
  std::string ToolVersion;
  std::string Model;
  std::string Origin;
  /// The Agent Trace contributor type. Empty: `unknown` for origin
  /// `unknown-paste`, else `ai`.
  std::string Contributor;
  /// Empty: `git config user.email` in the file's directory, or empty when
  /// git or the setting is missing.
  std::string Who;
};

/// Records and the workspace whose ledger they belong to.
struct RecordBatch {
  std::string WorkspaceRoot;
  std::vector<LedgerRecord> Records;
};

/// The records Request describes, built from the file's current content,
/// without writing anything. Errors name the file, and the line when a
/// range does not fit: missing or unreadable file, a range with First == 0
/// or First > Last, a line past the end, and a file in no workspace ("no
/// git repository or .aiprov.yaml above FILE"). Either every range is
/// valid or none is returned.
llvm::Expected<RecordBatch> buildRecords(const RecordRequest &Request,
                                         PolicyResolver &Policies);

/// buildRecords() over Text, the file's content as an editor holds it
/// (perhaps unsaved), instead of the file on disk. Request.File must be
/// absolute; it need not exist yet. Same errors, except reading the file.
llvm::Expected<RecordBatch> buildRecordsOfText(const RecordRequest &Request,
                                               llvm::StringRef Text,
                                               PolicyResolver &Policies);

/// buildRecords(), then appends each record to its workspace's ledger.
/// Returns what was written; on a failed append, the records before it are
/// already durable and the error says how many.
llvm::Expected<RecordBatch> recordLines(const RecordRequest &Request,
                                        PolicyResolver &Policies);

/// The ledger's workspace root for AbsoluteFile: its git root, else the
/// directory of its topmost policy file; an error when there is neither.
/// A broken policy is only an error when there is no git root to use.
llvm::Expected<std::string> recordingRootFor(llvm::StringRef AbsoluteFile,
                                             PolicyResolver &Policies);

/// `git config user.email` run in Dir; empty when git or the setting is
/// missing.
std::string gitUserEmail(llvm::StringRef Dir);

} // namespace aiprov

#endif
