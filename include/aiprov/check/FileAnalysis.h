//===--- FileAnalysis.h - The one per-file pipeline -----------------------===//
//
// Every front end finds a file's regions and findings here and nowhere else:
// `check` and `export` on the file on disk, `review` to find the region it
// signs off, the language server on the editor's text, the compiler plugin
// and the tidy module on the compile's buffers. The steps are always the
// same — in-source regions (lexer mode, or the front end's own: an AST parse,
// the compile's preprocessor), the policy verdict, the ledger's records
// placed in the text and merged, then the checks — so a new source of
// regions or a new check lands once and every front end sees it.
//
// What differs between front ends is only where the text comes from and how
// ledger records are placed: by content (RecordsByContent), or tracked
// through the editor's live edits (the language server's own placement).
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_CHECK_FILEANALYSIS_H
#define AIPROV_CHECK_FILEANALYSIS_H

#include "aiprov/check/Finding.h"
#include "aiprov/directives/Region.h"
#include "aiprov/ledger/LedgerRegions.h"
#include "aiprov/policy/Policy.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace aiprov {

/// One file as a front end hands it to the pipeline.
struct FileInput {
  /// As findings name the file (as the user named it).
  std::string DisplayPath;
  /// Absolute and normalized: how policies and ledgers know it. Empty for
  /// text that is no file (an untitled editor buffer): it gets the default
  /// verdict and no ledger.
  std::string AbsolutePath;
  /// The file's text, asked for only when needed (lexer mode, or ledger
  /// records to place); nothing when it cannot be had — the front end's
  /// callback reports why. NUL-terminated just past its end (lexer mode).
  llvm::function_ref<std::optional<llvm::StringRef>()> Text;
  /// Regions the front end finds itself (an AST parse, the compile), asked
  /// for once the policy is known to be readable; unset, or returning
  /// nothing: lexer mode on Text.
  llvm::function_ref<std::optional<FileRegions>()> InSourceRegions;
  /// The editor still shows the regions of a file whose broken policy
  /// leaves it unchecked; `check` does not even read such a file.
  bool RegionsWhenUnchecked = false;
  /// The workspace whose ledger to read; empty: the file's own (git root,
  /// else the topmost policy directory).
  std::string LedgerRoot;
  /// The file's name in that ledger; empty: its path relative to the root.
  std::string LedgerName;
};

/// The ledger regions of one file, placed in its current text.
struct PlacedLedger {
  std::vector<Region> Regions;
  std::vector<LostRecord> Lost;
  /// The workspace's ledger exists but could not be read (WorkspaceRecords
  /// ::Errors): the findings may miss recorded regions.
  std::vector<std::string> Errors;
  /// There are records, but the file's text could not be had.
  bool TextUnavailable = false;
};

/// How a front end places the ledger's records of a file in its text.
class RecordPlacement {
public:
  virtual ~RecordPlacement();
  virtual PlacedLedger place(const FileInput &File, const Verdict &Policy) = 0;
};

/// Placement by content from the ledgers on disk, as `aiprov check` places
/// them: the file's workspace (or File.LedgerRoot), searched by fingerprint.
class RecordsByContent : public RecordPlacement {
public:
  explicit RecordsByContent(LedgerCache &Ledgers) : Ledgers(Ledgers) {}
  PlacedLedger place(const FileInput &File, const Verdict &Policy) override;

private:
  LedgerCache &Ledgers;
};

/// A file's verdict: PolicyResolver::verdictFor, or a front end's own rule.
using VerdictSource =
    llvm::function_ref<llvm::Expected<Verdict>(llvm::StringRef AbsolutePath)>;

struct FileAnalysis {
  enum class Outcome {
    Analyzed,
    /// The policy could not be read (PolicyError says why): not checked.
    PolicyBroken,
    /// The text could not be had (File.Text's callback said why).
    TextUnavailable,
  };
  Outcome Result = Outcome::Analyzed;
  std::string PolicyError;
  /// In-source and ledger regions, merged; in-source only when not analyzed
  /// and File.RegionsWhenUnchecked.
  FileRegions Regions;
  Verdict Policy;
  /// In sortFindings order.
  std::vector<Finding> Findings;
  std::vector<LostRecord> Lost;
  std::vector<std::string> LedgerErrors;

  bool analyzed() const { return Result == Outcome::Analyzed; }
};

/// The pipeline: File's regions and findings under the verdict Policies
/// gives, with its ledger records placed by Records.
FileAnalysis analyzeFile(const FileInput &File, VerdictSource Policies,
                         RecordPlacement &Records);

} // namespace aiprov

#endif
