//===--- AiprovServer.cpp - The language server's LSP-free core -----------===//
//
// analyze() runs the engine's per-file pipeline (check/FileAnalysis.h) on the
// editor's text instead of the file on disk: policy verdict, lexer-mode (or
// AST) regions, ledger records placed by content, then the checks. Between
// placements by content (which re-read nothing, but search the whole text),
// ledger regions follow each edit through a RegionTracker, and each change's
// insertions go to the PasteDetector; records it asks for are built from
// the editor's text and appended to the ledger here.
//
//===----------------------------------------------------------------------===//
#include "AiprovServer.h"
#include "Logger.h"
#include "aiprov/check/FileAnalysis.h"
#include "aiprov/directives/RegionBuilder.h"
#include "aiprov/directives/RegionHash.h"
#include "aiprov/ledger/Recording.h"
#include "aiprov/ledger/RegionTracker.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <optional>

namespace aiprov::server {

AiprovServer::AiprovServer(const Options &Opts, Callbacks *CB)
    : Opts(Opts), Policies(std::make_unique<PolicyResolver>(
                      PolicyResolver::Options{Opts.PolicyFile})),
      CB(CB), CompileDatabases(Opts.CompileCommandsDir) {
  startParses();
}

class AiprovServer::EditorRecords : public RecordPlacement {
public:
  EditorRecords(AiprovServer &Server, const DocumentAnalysis &Doc,
                Placement How)
      : Server(Server), Doc(Doc), How(How) {}

  PlacedLedger place(const FileInput &File, const Verdict &Policy) override {
    LedgerTrack &Track = Server.Tracks[Doc.Key];
    if (How == Placement::ByContent)
      Server.placeByContent(Doc.Key, File.AbsolutePath, Policy.TopPolicyDir,
                            Doc, Track);
    PlacedLedger Out;
    Out.Regions = trackedRegions(Doc, Track);
    return Out;
  }

private:
  AiprovServer &Server;
  const DocumentAnalysis &Doc;
  const Placement How;
};

std::shared_ptr<const DocumentAnalysis>
AiprovServer::analyze(llvm::StringRef Key, llvm::StringRef Path,
                      std::string Text, int64_t Version, Placement How,
                      std::optional<FileRegions> Parsed) {
  auto Doc = std::make_shared<DocumentAnalysis>();
  Doc->Key = Key.str();
  Doc->Path = Path.str();
  Doc->Version = Version;
  Doc->Text = std::move(Text);
  Doc->Lines = std::make_unique<LineTable>(Doc->Text);
  Doc->FromAst = Parsed.has_value();

  FileInput File;
  File.DisplayPath = Path.empty() ? Key.str() : Path.str();
  File.AbsolutePath = Path.str();
  // Doc->Text is a std::string: NUL-terminated just past its end.
  auto EditorText = [&]() -> std::optional<llvm::StringRef> {
    return llvm::StringRef(Doc->Text);
  };
  File.Text = EditorText;
  auto AstRegions = [&]() { return std::move(Parsed); };
  File.InSourceRegions = AstRegions;
  File.RegionsWhenUnchecked = true;
  EditorRecords Records(*this, *Doc, How);
  FileAnalysis Analysis = analyzeFile(
      File, [&](llvm::StringRef P) { return Policies->verdictFor(P); },
      Records);
  Doc->Regions = std::move(Analysis.Regions);
  Doc->Policy = std::move(Analysis.Policy);
  Doc->Findings = std::move(Analysis.Findings);
  if (Analysis.Result == FileAnalysis::Outcome::PolicyBroken) {
    Doc->PolicyError = std::move(Analysis.PolicyError);
    logError(Path + ": not checked: " + Doc->PolicyError);
  }
  return Doc;
}

void AiprovServer::placeByContent(llvm::StringRef Key, llvm::StringRef Path,
                                  llvm::StringRef TopPolicyDir,
                                  const DocumentAnalysis &Doc,
                                  LedgerTrack &Track) {
  auto [Root, Recorded] = Ledgers.recordsOfFile(Path, TopPolicyDir);
  // A ledger that cannot be read (a FIFO, a symlink to a device) or lines
  // skipped in it are said once per read, not on every keystroke.
  if (!Root.empty() && ReportedLedgers.insert(Root).second) {
    const WorkspaceRecords &Read = Ledgers.recordsFor(Root);
    for (const std::string &Error : Read.Errors)
      logError(Error);
    for (const std::string &Warning : Read.Warnings)
      logError(Warning);
  }
  // What this server recorded itself, and pending pastes, shown at once.
  auto AddFrom =
      [&Recorded](const llvm::StringMap<std::vector<LedgerRecord>> &Map,
                  llvm::StringRef Name) {
        if (auto It = Map.find(Name); It != Map.end())
          for (const LedgerRecord &R : It->second)
            Recorded.push_back(&R);
      };
  AddFrom(Written, Path);
  AddFrom(Provisional, Key);
  Track = LedgerTrack();
  if (Recorded.empty())
    return;
  Track.Placed = placeRecords(Recorded, Doc.Text, *Doc.Lines, Root).Regions;
  for (size_t Id = 0; Id < Track.Placed.size(); ++Id)
    Track.Lines.track(Id, Track.Placed[Id].lineRuns());
}

std::vector<Region> AiprovServer::trackedRegions(const DocumentAnalysis &Doc,
                                                 const LedgerTrack &Track) {
  std::vector<Region> Regions;
  for (RegionTracker::RegionId Id : Track.Lines.regionIds()) {
    llvm::ArrayRef<LineRange> Runs = Track.Lines.linesOf(Id);
    Region R = Track.Placed[Id];
    R.FirstLine = Runs.front().First;
    R.LastLine = Runs.back().Last;
    R.Runs.assign(Runs.begin(), Runs.end());
    R.Origin.Start = {R.FirstLine, 1};
    R.Origin.LastLine = R.FirstLine;
    R.Hash = regionHash(Doc.Text, *Doc.Lines, R.FirstLine, R.LastLine, {});
    Regions.push_back(std::move(R));
  }
  std::stable_sort(Regions.begin(), Regions.end(),
                   [](const Region &A, const Region &B) {
                     return A.FirstLine < B.FirstLine;
                   });
  return Regions;
}

std::shared_ptr<const DocumentAnalysis>
AiprovServer::openDocument(llvm::StringRef Key, llvm::StringRef Path,
                           std::string Text, int64_t Version) {
  std::shared_ptr<const DocumentAnalysis> Doc =
      analyze(Key, Path, std::move(Text), Version, Placement::ByContent);
  auto [It, Inserted] = Documents.insert({Key, Doc});
  if (Inserted)
    OpenOrder.push_back(Key.str());
  else
    It->second = Doc; // Reopened without a close: it keeps its place.
  report(*Doc);
  scheduleParse(*Doc);
  return Doc;
}

llvm::Error AiprovServer::applyTracked(std::string &Text,
                                       llvm::ArrayRef<ContentChange> Edits,
                                       TrackedChange &Change) const {
  // Each edit's insertion, carried through the edits after it in the same
  // change, so all are in lines of the final text.
  RegionTracker Tracker;
  std::vector<unsigned> Counts;
  for (const ContentChange &Edit : Edits) {
    // Positions are found through a line table, not by walking the text
    // from its start for each (SourceCode.cpp).
    std::optional<LineTable> Lines;
    if (Edit.Range)
      Lines.emplace(Text);
    llvm::Expected<ByteEdit> Bytes = resolveEdit(
        Text, Edit, Encoding, &Change.Clamped, Lines ? &*Lines : nullptr);
    if (!Bytes)
      return Bytes.takeError();
    if (!Edit.Range) {
      // A full-text sync is how some clients send every change; it says
      // nothing about what was inserted, so it is never a paste.
      Tracker = RegionTracker();
      Counts.clear();
      Change.Resynced = true;
    } else {
      ByteEdit Changed =
          trimUnchanged(Text, Bytes->Begin, Bytes->End, Bytes->NewText);
      DocumentEdit Engine =
          DocumentEdit::within(Text, *Lines, Lines->positionOf(Changed.Begin),
                               Lines->positionOf(Changed.End), Changed.NewText);
      Tracker.applyEdit(Engine);
      Change.LedgerLines.applyEdit(Engine);
      LineRange Now = insertedLines(Engine);
      if (Now.First != 0) {
        Tracker.track(Counts.size(), {Now});
        Counts.push_back(insertedLineCount(Engine));
      }
    }
    Text.replace(Bytes->Begin, Bytes->End - Bytes->Begin, Bytes->NewText);
  }
  for (RegionTracker::RegionId Id : Tracker.regionIds()) {
    llvm::ArrayRef<LineRange> Runs = Tracker.linesOf(Id);
    Change.Inserted.push_back(
        {{Runs.front().First, Runs.back().Last}, Counts[Id]});
  }
  return llvm::Error::success();
}

std::vector<LedgerRecord>
AiprovServer::recordsFor(const DocumentAnalysis &Doc,
                         llvm::ArrayRef<Attribution> As) {
  std::vector<LedgerRecord> Records;
  for (const Attribution &A : As) {
    LineRange Lines{A.Lines.First,
                    std::min(A.Lines.Last, Doc.Lines->lineCount())};
    if (Lines.First == 0 || Lines.First > Lines.Last)
      continue;
    RecordRequest Request;
    Request.File = Doc.Path;
    Request.Ranges = {Lines};
    Request.Tool = A.Tool;
    Request.Model = A.Model;
    Request.Origin = A.Origin;
    Request.Contributor = A.Contributor;
    llvm::Expected<RecordBatch> Batch =
        buildRecordsOfText(Request, Doc.Text, *Policies);
    if (!Batch) {
      logError("cannot record " + A.Origin + ": " +
               llvm::toString(Batch.takeError()));
      continue;
    }
    for (LedgerRecord &R : Batch->Records)
      Records.push_back(std::move(R));
  }
  return Records;
}

void AiprovServer::write(llvm::StringRef Path,
                         std::vector<LedgerRecord> Records) {
  if (Records.empty())
    return;
  std::vector<LedgerRecord> &Kept = Written[Path];
  if (!Opts.WriteLedger) {
    // Shown as if written, so diagnostics don't depend on the option.
    for (LedgerRecord &R : Records)
      Kept.push_back(std::move(R));
    return;
  }
  llvm::Expected<std::string> Root = recordingRootFor(Path, *Policies);
  if (!Root) {
    logError("cannot record in the ledger: " +
             llvm::toString(Root.takeError()));
    return;
  }
  Ledger L(*Root);
  for (LedgerRecord &R : Records) {
    if (llvm::Error E = L.append(R)) {
      logError(Ledger::pathFor(*Root) +
               ": cannot append: " + llvm::toString(std::move(E)));
      continue;
    }
    Kept.push_back(std::move(R));
  }
}

llvm::Expected<std::shared_ptr<const DocumentAnalysis>>
AiprovServer::changeDocument(llvm::StringRef Key,
                             llvm::ArrayRef<ContentChange> Edits,
                             int64_t Version) {
  auto It = Documents.find(Key);
  if (It == Documents.end())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "document is not open: " + Key);
  std::string Text = It->second->Text;
  LedgerTrack &Track = Tracks[Key];
  // The tracker moves only if every edit applies: a failed change leaves
  // the document as it was.
  TrackedChange Change{Track.Lines, {}, 0, false};
  if (llvm::Error E = applyTracked(Text, Edits, Change))
    return std::move(E);
  Track.Lines = std::move(Change.LedgerLines);
  if (Change.Clamped)
    logError(Key + ": " + llvm::Twine(Change.Clamped) +
             " edit position(s) past a line's or the document's end were "
             "clamped");
  const std::string Path = It->second->Path;
  // A full-text change does not say where lines went: find them by content.
  std::shared_ptr<const DocumentAnalysis> Doc =
      analyze(Key, Path, std::move(Text), Version,
              Change.Resynced ? Placement::ByContent : Placement::Tracked);
  // Pastes are recorded only where the policy is known: it says how many
  // lines make one.
  if (!Path.empty() && Doc->PolicyError.empty()) {
    std::vector<Attribution> Now =
        Pastes.changed(Key, Change.Inserted, Doc->Policy.PasteMinLines);
    write(Path, recordsFor(*Doc, Now));
    Provisional[Key] = recordsFor(*Doc, Pastes.pending(Key));
    // New records: every region is placed by content again, the new ones
    // with them.
    if (!Now.empty() || !Provisional[Key].empty())
      Doc = analyze(Key, Path, Doc->Text, Version, Placement::ByContent);
  }
  It->second = Doc;
  report(*Doc);
  scheduleParse(*Doc);
  return Doc;
}

std::shared_ptr<const DocumentAnalysis>
AiprovServer::refineDocument(llvm::StringRef Key, int64_t Version,
                             FileRegions Parsed) {
  auto It = Documents.find(Key);
  if (It == Documents.end() || It->second->Version != Version)
    return nullptr;
  const DocumentAnalysis &Now = *It->second;
  It->second = analyze(Key, Now.Path, Now.Text, Version, Placement::Tracked,
                       std::move(Parsed));
  return It->second;
}

void AiprovServer::startParses() {
  if (!CB || !Opts.AstParse)
    return;
  const bool Synchronous = Opts.Parse.Synchronous;
  Parses = std::make_unique<ParseScheduler>(
      Opts.Parse, ParseScheduler::parseWithClang,
      [this, Synchronous](ParseRequest Request, ParsedTranslationUnit Result) {
        if (Synchronous) {
          parsed(Request, std::move(Result));
          return;
        }
        // std::function wants a copyable task; the result is moved once.
        auto Done =
            std::make_shared<std::pair<ParseRequest, ParsedTranslationUnit>>(
                std::move(Request), std::move(Result));
        CB->runOnCoreThread(
            [this, Done] { parsed(Done->first, std::move(Done->second)); });
      });
}

void AiprovServer::scheduleParse(const DocumentAnalysis &Doc) {
  if (!Parses || Doc.Path.empty() || !Doc.PolicyError.empty())
    return;
  auto Database = CompileDatabases.databaseFor(Doc.Path);
  if (!Database)
    return;
  Parses->schedule({Doc.Key, Doc.Path, Doc.Version, Doc.Text, Database});
}

void AiprovServer::parsed(const ParseRequest &Request,
                          ParsedTranslationUnit Result) {
  if (!Result.Regions) {
    logError(Request.Path + ": AST parse failed, lexer-mode findings stay: " +
             Result.FirstError);
    return;
  }
  if (!Result.FirstError.empty())
    logInfo(Request.Path + ": parsed with errors: " + Result.FirstError);
  auto Doc =
      refineDocument(Request.Key, Request.Version, std::move(*Result.Regions));
  if (!Doc) {
    logInfo(Request.Path + ": AST parse of version " +
            std::to_string(Request.Version) +
            " dropped: the document moved on");
    return;
  }
  report(*Doc);
}

void AiprovServer::report(const DocumentAnalysis &Doc) {
  if (CB)
    CB->onDiagnosticsReady(Doc);
}

std::vector<std::shared_ptr<const DocumentAnalysis>>
AiprovServer::reloadWorkspaceFiles() {
  CompileDatabases.reload();
  Policies = std::make_unique<PolicyResolver>(
      PolicyResolver::Options{Opts.PolicyFile});
  Ledgers.clear();
  ReportedLedgers.clear();
  // What this server appended is in the ledger it will read now; kept only
  // when it was never written there.
  if (Opts.WriteLedger)
    Written.clear();
  std::vector<std::shared_ptr<const DocumentAnalysis>> Changed;
  for (const std::string &Key : OpenOrder) {
    std::shared_ptr<const DocumentAnalysis> &Doc = Documents[Key];
    Doc =
        analyze(Key, Doc->Path, Doc->Text, Doc->Version, Placement::ByContent);
    Changed.push_back(Doc);
  }
  for (const std::shared_ptr<const DocumentAnalysis> &Doc : Changed) {
    report(*Doc);
    scheduleParse(*Doc);
  }
  return Changed;
}

llvm::Expected<std::shared_ptr<const DocumentAnalysis>>
AiprovServer::noticeDocument(llvm::StringRef Key, const PasteNotice &Notice) {
  auto It = Documents.find(Key);
  if (It == Documents.end())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "document is not open: " + Key);
  std::shared_ptr<const DocumentAnalysis> Doc = It->second;
  if (Doc->Path.empty() || !Doc->PolicyError.empty())
    return nullptr;
  size_t PendingBefore = Pastes.pending(Key).size();
  std::vector<Attribution> Now = Pastes.noticed(Key, Notice);
  std::vector<Attribution> Pending = Pastes.pending(Key);
  if (Now.empty() && Pending.size() == PendingBefore)
    return nullptr;
  write(Doc->Path, recordsFor(*Doc, Now));
  // Rebuilt rather than filtered: the detector alone decides what stays.
  Provisional[Key] = recordsFor(*Doc, Pending);
  Doc = analyze(Key, Doc->Path, Doc->Text, Doc->Version, Placement::ByContent);
  It->second = Doc;
  report(*Doc);
  return Doc;
}

void AiprovServer::settlePastes(llvm::StringRef Except) {
  std::map<std::string, std::vector<Attribution>> Settled =
      Pastes.settle(Except);
  if (Settled.empty())
    return;
  // Ledger lines in the order the documents were opened, as everything
  // else this server outputs for several documents.
  for (const std::string &Key : OpenOrder) {
    if (!Settled.count(Key))
      continue;
    auto Records = Provisional.find(Key);
    auto Doc = Documents.find(Key);
    if (Records == Provisional.end() || Doc == Documents.end())
      continue;
    write(Doc->second->Path, std::move(Records->second));
    Provisional.erase(Records);
  }
}

bool AiprovServer::closeDocument(llvm::StringRef Key) {
  if (Parses)
    Parses->cancel(Key);
  settlePastes();
  Pastes.forget(Key);
  Tracks.erase(Key);
  Provisional.erase(Key);
  llvm::erase(OpenOrder, Key);
  return Documents.erase(Key);
}

std::shared_ptr<const DocumentAnalysis>
AiprovServer::analysis(llvm::StringRef Key) const {
  auto It = Documents.find(Key);
  return It == Documents.end() ? nullptr : It->second;
}

/// Where the client's line Line (1-based) starts: after the byte-order
/// mark the engine skips, except on line 1, where the client counts the
/// mark as a character.
static size_t clientLineStart(const DocumentAnalysis &Doc, unsigned Line) {
  return Line <= 1 ? 0 : Doc.Lines->lineStart(Line);
}

DocumentPosition AiprovServer::positionOf(const DocumentAnalysis &Doc,
                                          Position Where) const {
  unsigned Line =
      std::clamp(Where.Line, 1U, std::max(1U, Doc.Lines->lineCount()));
  size_t Offset = Doc.Lines->lineStart(Line) + std::max(Where.Column, 1U) - 1;
  return {Line - 1,
          unitsBetween(Doc.Text, clientLineStart(Doc, Line),
                       std::min(Offset, Doc.Lines->lineEnd(Line)), Encoding)};
}

DocumentSpan AiprovServer::findingSpan(const DocumentAnalysis &Doc,
                                       Position Where) const {
  DocumentPosition Start = positionOf(Doc, Where);
  return {Start, lineSpan(Doc, Start.Line + 1, Start.Line + 1).End};
}

DocumentSpan AiprovServer::lineSpan(const DocumentAnalysis &Doc, unsigned First,
                                    unsigned Last) const {
  First = std::max(First, 1U);
  Last = std::clamp(Last, First, std::max(First, Doc.Lines->lineCount()));
  return {{First - 1, 0},
          {Last - 1, unitsBetween(Doc.Text, clientLineStart(Doc, Last),
                                  Doc.Lines->lineEnd(Last), Encoding)}};
}

} // namespace aiprov::server
