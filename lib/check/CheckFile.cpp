//===--- CheckFile.cpp - One file's findings once its regions are known ---===//
#include "aiprov/check/CheckFile.h"
#include "aiprov/check/Checks.h"
#include "aiprov/ledger/Workspace.h"
#include "aiprov/support/Paths.h"

namespace aiprov {

CheckedFile checkFileRegions(const FileToCheck &File, FileRegions &Regions,
                             const Verdict &Policy, LedgerCache &Ledgers) {
  CheckedFile Out;
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
  Out.LedgerErrors = Ledgers.recordsFor(Root).Errors;
  if (!Recorded.empty()) {
    std::optional<llvm::StringRef> Contents = File.Contents();
    if (!Contents) {
      Out.ContentsUnavailable = true;
      return Out;
    }
    PlacedRecords Placed =
        placeRecords(Recorded, *Contents, LineTable(*Contents), Root);
    mergeLedgerRegions(Regions, std::move(Placed.Regions));
    Out.Lost = std::move(Placed.Lost);
  }
  // Fingerprints must not change with the directory aiprov runs from.
  llvm::StringRef Identity = File.AbsolutePath;
  if (std::optional<llvm::StringRef> Below =
          pathBelow(Identity, Policy.TopPolicyDir))
    Identity = *Below;
  Out.Findings = checkRegions(File.DisplayPath, Regions, Policy, Identity);
  sortFindings(Out.Findings);
  return Out;
}

} // namespace aiprov
