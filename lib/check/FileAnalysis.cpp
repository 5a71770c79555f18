//===--- FileAnalysis.cpp - The one per-file pipeline ---------------------===//
//
// The order of the steps is the contract: a broken policy stops a file before
// its text is read or parsed (SPEC §2: it is not checked), ledger records are
// placed only once the in-source regions are known (an annotation that covers
// a record replaces it), and the checks see the merged regions.
//
//===----------------------------------------------------------------------===//

#include "aiprov/check/FileAnalysis.h"
#include "aiprov/check/Checks.h"
#include "aiprov/directives/RegionBuilder.h"
#include "aiprov/ledger/Workspace.h"
#include "aiprov/support/Paths.h"

namespace aiprov {

RecordPlacement::~RecordPlacement() = default;

PlacedLedger RecordsByContent::place(const FileInput &File,
                                     const Verdict &Policy) {
  PlacedLedger Out;
  std::string Root = File.LedgerRoot;
  std::vector<const LedgerRecord *> Recorded;
  if (Root.empty()) {
    std::tie(Root, Recorded) =
        Ledgers.recordsOfFile(File.AbsolutePath, Policy.TopPolicyDir);
  } else {
    Recorded = Ledgers.recordsFor(Root).forFile(
        File.LedgerName.empty() ? workspaceRelativePath(Root, File.AbsolutePath)
                                : File.LedgerName);
  }
  Out.Errors = Ledgers.recordsFor(Root).Errors;
  if (Recorded.empty())
    return Out;
  std::optional<llvm::StringRef> Text = File.Text();
  if (!Text) {
    Out.TextUnavailable = true;
    return Out;
  }
  PlacedRecords Placed = placeRecords(Recorded, *Text, LineTable(*Text), Root);
  Out.Regions = std::move(Placed.Regions);
  Out.Lost = std::move(Placed.Lost);
  return Out;
}

namespace {

/// The front end's regions, else lexer mode on the text.
std::optional<FileRegions> inSourceRegions(const FileInput &File) {
  if (File.InSourceRegions)
    if (std::optional<FileRegions> Found = File.InSourceRegions())
      return Found;
  std::optional<llvm::StringRef> Text = File.Text();
  if (!Text)
    return std::nullopt;
  return analyzeBuffer(*Text);
}

} // namespace

FileAnalysis analyzeFile(const FileInput &File, VerdictSource Policies,
                         RecordPlacement &Records) {
  FileAnalysis Out;
  const bool IsFile = !File.AbsolutePath.empty();
  if (IsFile) {
    llvm::Expected<Verdict> Policy = Policies(File.AbsolutePath);
    if (!Policy) {
      Out.Result = FileAnalysis::Outcome::PolicyBroken;
      Out.PolicyError = llvm::toString(Policy.takeError());
      if (File.RegionsWhenUnchecked)
        if (std::optional<FileRegions> Regions = inSourceRegions(File))
          Out.Regions = std::move(*Regions);
      return Out;
    }
    Out.Policy = std::move(*Policy);
  }

  std::optional<FileRegions> Regions = inSourceRegions(File);
  if (!Regions) {
    Out.Result = FileAnalysis::Outcome::TextUnavailable;
    return Out;
  }
  Out.Regions = std::move(*Regions);

  llvm::StringRef Identity;
  if (IsFile) {
    PlacedLedger Placed = Records.place(File, Out.Policy);
    Out.LedgerErrors = std::move(Placed.Errors);
    if (Placed.TextUnavailable) {
      Out.Result = FileAnalysis::Outcome::TextUnavailable;
      return Out;
    }
    mergeLedgerRegions(Out.Regions, std::move(Placed.Regions));
    Out.Lost = std::move(Placed.Lost);
    // Fingerprints must not change with the directory aiprov runs from.
    Identity = File.AbsolutePath;
    if (std::optional<llvm::StringRef> Below =
            pathBelow(Identity, Out.Policy.TopPolicyDir))
      Identity = *Below;
  }
  Out.Findings =
      checkRegions(File.DisplayPath, Out.Regions, Out.Policy, Identity);
  sortFindings(Out.Findings);
  return Out;
}

} // namespace aiprov
