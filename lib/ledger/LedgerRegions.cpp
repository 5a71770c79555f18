//===--- LedgerRegions.cpp - Ledger records as regions of today's files ---===//
//
// A placed record becomes a Region whose "directive" is synthesized from the
// record (tool, model, origin, who, when, which record), so checks, export
// and messages need no special case beyond the source name. Its hash covers
// the lines it spans now, which is what a later review would sign off.
//
//===----------------------------------------------------------------------===//
#include "aiprov/ledger/LedgerRegions.h"
#include "aiprov/directives/RegionHash.h"
#include "aiprov/ledger/Reanchor.h"
#include "aiprov/ledger/Workspace.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <optional>

namespace aiprov {

WorkspaceRecords WorkspaceRecords::load(llvm::StringRef Root) {
  WorkspaceRecords Out;
  Out.Root = Root.str();
  for (const std::string &Path :
       {Ledger::pathFor(Root), Ledger::agentTracePathFor(Root)}) {
    LedgerReadResult Read = Ledger::readFile(Path, Root);
    for (LedgerRecord &R : Read.Records)
      Out.Records.push_back(std::move(R));
    for (std::string &W : Read.Warnings)
      Out.Warnings.push_back(std::move(W));
    for (std::string &E : Read.Errors)
      Out.Errors.push_back(std::move(E));
  }
  // A record appears twice when both sides of a merge=union merge kept it;
  // it is still one record.
  llvm::StringSet<> Seen;
  for (size_t I = 0; I < Out.Records.size(); ++I) {
    const LedgerRecord &R = Out.Records[I];
    if (!R.LineFingerprints.empty() && !Seen.insert(R.Id).second)
      continue;
    Out.ByFile[R.File].push_back(I);
  }
  return Out;
}

std::vector<const LedgerRecord *>
WorkspaceRecords::forFile(llvm::StringRef File) const {
  std::vector<const LedgerRecord *> Out;
  auto It = ByFile.find(File);
  if (It != ByFile.end())
    for (size_t I : It->second)
      Out.push_back(&Records[I]);
  return Out;
}

std::string LedgerCache::rootFor(llvm::StringRef AbsoluteDir,
                                 llvm::StringRef TopPolicyDir) {
  std::lock_guard<std::mutex> Guard(Lock);
  return chooseWorkspaceRoot(findGitRoot(AbsoluteDir, &GitRoots), TopPolicyDir);
}

const WorkspaceRecords &LedgerCache::recordsFor(llvm::StringRef Root) {
  static const WorkspaceRecords None;
  if (Root.empty())
    return None;
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Workspaces.find(Root);
  if (It == Workspaces.end())
    It = Workspaces
             .emplace(Root.str(), std::make_unique<WorkspaceRecords>(
                                      WorkspaceRecords::load(Root)))
             .first;
  return *It->second;
}

std::pair<std::string, std::vector<const LedgerRecord *>>
LedgerCache::recordsOfFile(llvm::StringRef AbsolutePath,
                           llvm::StringRef TopPolicyDir) {
  std::string Root =
      rootFor(llvm::sys::path::parent_path(AbsolutePath), TopPolicyDir);
  std::vector<const LedgerRecord *> Records =
      recordsFor(Root).forFile(workspaceRelativePath(Root, AbsolutePath));
  return {std::move(Root), std::move(Records)};
}

void LedgerCache::clear() {
  std::lock_guard<std::mutex> Guard(Lock);
  Workspaces.clear();
  GitRoots.clear();
}

std::vector<const WorkspaceRecords *> LedgerCache::loaded() const {
  std::lock_guard<std::mutex> Guard(Lock);
  std::vector<const WorkspaceRecords *> Out;
  Out.reserve(Workspaces.size());
  for (const auto &[Root, Records] : Workspaces)
    Out.push_back(Records.get());
  return Out;
}

namespace {

/// Ascending line numbers as runs of consecutive lines.
std::vector<LineRange> runsOf(llvm::ArrayRef<unsigned> Lines) {
  std::vector<LineRange> Runs;
  for (unsigned L : Lines) {
    if (!Runs.empty() && Runs.back().Last + 1 == L)
      Runs.back().Last = L;
    else
      Runs.push_back({L, L});
  }
  return Runs;
}

/// The region's stand-in for a directive: what `export` lists as its keys
/// and what messages name it by.
Directive recordDirective(const LedgerRecord &R, unsigned FirstLine) {
  Directive D;
  D.Kind = DirectiveKind::Begin;
  D.Source = RegionSource::Ledger;
  D.Start = {FirstLine, 1};
  D.LastLine = FirstLine;
  auto Add = [&D](const char *Key, const std::string &Value) {
    if (!Value.empty())
      D.Keys.push_back({Key, Value});
  };
  Add("tool", R.Tool);
  Add("model", R.Model);
  Add("origin", R.Origin);
  Add("who", R.Who);
  Add("recorded-at", R.Timestamp);
  Add("record", R.Id);
  return D;
}

LostRecord lostRecord(const LedgerRecord &R, llvm::StringRef Root,
                      llvm::StringRef Reason) {
  return {R.File,  Root.str(), R.Id,        R.Timestamp, R.Tool,
          R.Model, R.Origin,   R.StartLine, R.EndLine,   Reason.str()};
}

/// What checks and export look at: AI-assisted lines, and pastes whose
/// origin nobody declared (for aiprov-unknown-paste). A record that says a
/// human wrote the lines is provenance, not a finding.
bool isTracked(const LedgerRecord &R) {
  return R.isAIAssisted() || R.Origin == "unknown-paste";
}

} // namespace

PlacedRecords placeRecords(llvm::ArrayRef<const LedgerRecord *> Records,
                           llvm::StringRef Contents, const LineTable &Lines,
                           llvm::StringRef WorkspaceRoot) {
  PlacedRecords Out;
  std::optional<LineIndex> Index; // Built on first need: most files have no
                                  // records, or only foreign ones.
  for (const LedgerRecord *R : Records) {
    if (!isTracked(*R))
      continue;
    std::vector<unsigned> Found;
    if (R->LineFingerprints.empty()) {
      // Foreign records carry no content to search for: trust their lines
      // while they still exist.
      for (unsigned L = R->StartLine;
           L <= std::min(R->EndLine, Lines.lineCount()); ++L)
        Found.push_back(L);
    } else {
      if (!Index)
        Index.emplace(Contents);
      Found = Index->locate(R->LineFingerprints, R->StartLine);
    }
    if (Found.empty()) {
      Out.Lost.push_back(
          lostRecord(*R, WorkspaceRoot, "content no longer found"));
      continue;
    }
    Region Placed;
    Placed.Origin = recordDirective(*R, Found.front());
    Placed.FirstLine = Found.front();
    Placed.LastLine = Found.back();
    Placed.Runs = runsOf(Found);
    Placed.Hash =
        regionHash(Contents, Lines, Placed.FirstLine, Placed.LastLine, {});
    Out.Regions.push_back(std::move(Placed));
  }
  std::stable_sort(Out.Regions.begin(), Out.Regions.end(),
                   [](const Region &A, const Region &B) {
                     return A.FirstLine < B.FirstLine;
                   });
  return Out;
}

std::vector<LostRecord>
recordsOfDeletedFiles(const WorkspaceRecords &W,
                      llvm::function_ref<bool(llvm::StringRef)> InScope) {
  std::vector<LostRecord> Out;
  for (const auto &Entry : W.ByFile) {
    llvm::SmallString<256> Abs(W.Root);
    llvm::sys::path::append(Abs, Entry.getKey());
    if (!InScope(Abs) || llvm::sys::fs::exists(Abs))
      continue;
    for (const LedgerRecord *R : W.forFile(Entry.getKey()))
      if (isTracked(*R))
        Out.push_back(lostRecord(*R, W.Root, "file deleted"));
  }
  return Out;
}

void mergeLedgerRegions(FileRegions &Regions, std::vector<Region> Recorded) {
  std::vector<LineRange> InSource;
  for (const Region &R : Regions.Regions)
    for (LineRange Run : R.lineRuns())
      InSource.push_back(Run);
  auto Covered = [&InSource](unsigned Line) {
    return llvm::any_of(InSource, [Line](LineRange Run) {
      return Run.First <= Line && Line <= Run.Last;
    });
  };
  for (Region &R : Recorded) {
    bool AllCovered = true;
    for (auto [First, Last] : R.lineRuns())
      for (unsigned L = First; L <= Last && AllCovered; ++L)
        AllCovered = Covered(L);
    if (!AllCovered)
      Regions.Regions.push_back(std::move(R));
  }
}

} // namespace aiprov
