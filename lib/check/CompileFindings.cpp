//===--- CompileFindings.cpp - The findings of one compile, for clang -----===//
//
// Lines: the engine works in lines of a buffer; clang shows presumed
// locations (what line markers and #line say). For an ordinary compile they
// are the same. For preprocessed or include-rewritten input, the main buffer
// holds several files' text; each directive belongs to the file its presumed
// location names, its region is renumbered to that file's lines (the ones a
// user sees and the ledger records), and each finding is placed back at the
// buffer line holding that presumed line.
//
//===----------------------------------------------------------------------===//
#include "aiprov/check/CompileFindings.h"
#include "aiprov/check/FileAnalysis.h"
#include "aiprov/directives/AstDirectives.h"
#include "aiprov/directives/RegionBuilder.h"
#include "aiprov/ledger/LedgerRegions.h"
#include "aiprov/policy/Policy.h"
#include "aiprov/support/Paths.h"
#include "aiprov/support/SourceText.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <map>

namespace aiprov {

struct CompileFindings::Impl {
  clang::SourceManager &SM;
  CompileOptions Options;
  AstDirectiveScanner Scanner;
  /// The project's own headers entered during the compile, each file once.
  std::vector<clang::FileID> Headers;
  llvm::DenseSet<const clang::FileEntry *> SeenHeaders;
  PolicyResolver Policies;
  LedgerCache Ledgers;
  std::string LedgerRoot;
  /// .aiprov.yaml and ignore files turned into FileIDs for rule notes.
  llvm::StringMap<clang::FileID> RuleFiles;

  Impl(clang::Preprocessor &PP, CompileOptions Options)
      : SM(PP.getSourceManager()), Options(std::move(Options)), Scanner(PP),
        Policies(PolicyResolver::Options{this->Options.PolicyFile}),
        LedgerRoot(ledgerRoot(this->Options.Ledger)) {}

  /// `ledger=PATH` names a workspace root or its .aiprov/ledger.jsonl.
  static std::string ledgerRoot(llvm::StringRef Path) {
    if (Path.empty() || llvm::sys::fs::is_directory(Path))
      return absolute(Path);
    return absolute(
        llvm::sys::path::parent_path(llvm::sys::path::parent_path(Path)));
  }

  /// Without a working directory the path stays relative, and its policy
  /// is looked for from there.
  static std::string absolute(llvm::StringRef Path) {
    return Path.empty() ? "" : absolutePath(Path);
  }

  clang::SourceLocation ruleLocation(const RuleOrigin &Rule) {
    if (Rule.File.empty() || Rule.Line == 0)
      return {};
    auto [It, Inserted] = RuleFiles.try_emplace(Rule.File);
    if (Inserted) {
      if (auto File = SM.getFileManager().getOptionalFileRef(Rule.File))
        It->second = SM.createFileID(*File, clang::SourceLocation(),
                                     clang::SrcMgr::C_User);
    }
    if (It->second.isInvalid())
      return {};
    return SM.translateLineCol(It->second, Rule.Line, 1);
  }

  /// Name's findings through the pipeline (FileAnalysis.h): Regions found
  /// by the compile, or none for lexer mode; Locate maps their positions.
  void reportFile(llvm::StringRef Name, std::optional<FileRegions> Regions,
                  llvm::function_ref<std::optional<llvm::StringRef>()> Contents,
                  llvm::function_ref<clang::SourceLocation(Position)> Locate,
                  CompileReport &Report);
  void checkMainBuffer(CompileReport &Report);
  void checkHeader(clang::FileID Header, CompileReport &Report);
};

namespace {

/// Remembers the project's own headers as the preprocessor enters them.
class HeaderTracker : public clang::PPCallbacks {
public:
  explicit HeaderTracker(CompileFindings::Impl &S) : S(S) {}
  void FileChanged(clang::SourceLocation Loc, FileChangeReason Reason,
                   clang::SrcMgr::CharacteristicKind Kind,
                   clang::FileID) override {
    if (Reason != EnterFile || Kind != clang::SrcMgr::C_User)
      return;
    clang::FileID File = S.SM.getFileID(Loc);
    if (File == S.SM.getMainFileID())
      return;
    auto Entry = S.SM.getFileEntryRefForID(File);
    if (Entry && S.SeenHeaders.insert(&Entry->getFileEntry()).second)
      S.Headers.push_back(File);
  }

private:
  CompileFindings::Impl &S;
};

/// Renumbers the lines of Regions and Problems with Renumber.
void renumber(FileRegions &Regions,
              llvm::function_ref<unsigned(unsigned)> Renumber) {
  for (Region &R : Regions.Regions) {
    R.FirstLine = Renumber(R.FirstLine);
    R.LastLine = Renumber(R.LastLine);
    R.Origin.Start.Line = Renumber(R.Origin.Start.Line);
    R.Origin.LastLine = Renumber(R.Origin.LastLine);
    for (LineRange &Run : R.Runs)
      Run = {Renumber(Run.First), Renumber(Run.Last)};
  }
  for (DirectiveProblem &P : Regions.Problems)
    P.Where.Line = Renumber(P.Where.Line);
}

} // namespace

void CompileFindings::Impl::reportFile(
    llvm::StringRef Name, std::optional<FileRegions> Regions,
    llvm::function_ref<std::optional<llvm::StringRef>()> Contents,
    llvm::function_ref<clang::SourceLocation(Position)> Locate,
    CompileReport &Report) {
  FileInput File;
  File.DisplayPath = Name.str();
  File.AbsolutePath = absolute(Name);
  File.Text = Contents;
  auto Scanned = [&]() -> std::optional<FileRegions> {
    return std::move(Regions);
  };
  File.InSourceRegions = Scanned;
  // A file outside the workspace named by ledger= (a copied build tree) is
  // known to that ledger by its path from where the compile runs.
  File.LedgerRoot = LedgerRoot;
  if (!LedgerRoot.empty() && !isAtOrBelow(File.AbsolutePath, LedgerRoot)) {
    llvm::SmallString<256> Cwd;
    if (!llvm::sys::fs::current_path(Cwd))
      if (std::optional<llvm::StringRef> Below =
              pathBelow(File.AbsolutePath, Cwd);
          Below && !Below->empty())
        File.LedgerName = Below->str();
  }
  RecordsByContent Records(Ledgers);
  FileAnalysis Analysis = analyzeFile(
      File, [&](llvm::StringRef Path) { return Policies.verdictFor(Path); },
      Records);
  if (Analysis.Result == FileAnalysis::Outcome::PolicyBroken) {
    Report.Errors.emplace_back(
        Locate({1, 1}), Analysis.PolicyError + " (this file is not checked)");
    return;
  }
  for (std::string &E : Analysis.LedgerErrors)
    Report.Errors.emplace_back(Locate({1, 1}), std::move(E));
  for (Finding &F : Analysis.Findings) {
    clang::SourceLocation Where = Locate(F.Where);
    if (Where.isInvalid())
      continue;
    clang::SourceLocation Rule = ruleLocation(F.Rule);
    Report.Findings.push_back({std::move(F), Where, Rule});
  }
}

void CompileFindings::Impl::checkMainBuffer(CompileReport &Report) {
  const clang::FileID Main = SM.getMainFileID();
  llvm::StringRef Buffer = SM.getBufferData(Main);
  LineTable Lines(Buffer);
  FileRegions All = Scanner.finish();
  Report.MainFileStart = SM.getLocForStartOfFile(Main);
  Report.CommentsStripped =
      Options.PreprocessedInput &&
      llvm::none_of(All.Regions, [](const Region &R) {
        return R.Origin.Source == RegionSource::Annotation;
      });

  // Where each buffer line is presumed to be: the file it came from and
  // its line there, and whether that file is the compile's own source.
  struct Presumed {
    std::string File;
    unsigned Line;
    bool Included;
    bool System;
  };
  auto PresumedAt = [&](unsigned BufferLine) {
    clang::SourceLocation Loc =
        SM.getComposedLoc(Main, Lines.lineStart(BufferLine));
    clang::PresumedLoc P = SM.getPresumedLoc(Loc);
    if (P.isInvalid())
      return Presumed{"", BufferLine, false, false};
    return Presumed{P.getFilename(), P.getLine(), P.getIncludeLoc().isValid(),
                    SM.isInSystemHeader(Loc)};
  };

  // Group regions and problems by the file they are presumed to be in.
  std::map<std::string, FileRegions> Groups;
  std::map<std::string, bool> Reported; // File → should it be reported.
  auto GroupOf = [&](unsigned BufferLine) -> FileRegions * {
    Presumed P = PresumedAt(BufferLine);
    bool Report = !P.System && (!P.Included || Options.Headers);
    Reported.try_emplace(P.File, Report);
    return Report ? &Groups[P.File] : nullptr;
  };
  for (Region &R : All.Regions)
    if (FileRegions *G = GroupOf(R.Origin.Start.Line))
      G->Regions.push_back(std::move(R));
  for (DirectiveProblem &P : All.Problems)
    if (FileRegions *G = GroupOf(P.Where.Line))
      G->Problems.push_back(std::move(P));
  // The main file is checked even without directives: its ledger may
  // record regions in it.
  std::string MainName = PresumedAt(1).File;
  if (!Options.PreprocessedInput)
    Groups.try_emplace(MainName);

  // Presumed line → buffer line, per file, for placing findings back.
  std::map<std::string, std::map<unsigned, unsigned>> BufferLineOf;
  for (unsigned L = 1; L <= Lines.lineCount(); ++L) {
    Presumed P = PresumedAt(L);
    if (Groups.count(P.File))
      BufferLineOf[P.File].try_emplace(P.Line, L);
  }

  for (auto &[Name, Regions] : Groups) {
    const auto &Map = BufferLineOf[Name];
    renumber(Regions,
             [&](unsigned BufferLine) { return PresumedAt(BufferLine).Line; });
    // The file's own text, for its ledger records: the buffer itself for
    // an ordinary compile, else the file on disk when it is there (a
    // preprocessed buffer holds other text around it).
    std::optional<clang::FileID> Own;
    if (Name == MainName && !Options.PreprocessedInput)
      Own = Main;
    else if (auto File = SM.getFileManager().getOptionalFileRef(Name))
      Own = SM.createFileID(*File, clang::SourceLocation(),
                            clang::SrcMgr::C_User);
    auto Contents = [&]() -> std::optional<llvm::StringRef> {
      if (!Own)
        return std::nullopt;
      return SM.getBufferData(*Own);
    };
    auto Locate = [&](Position Where) -> clang::SourceLocation {
      auto It = Map.find(Where.Line);
      if (It != Map.end())
        return SM.getComposedLoc(Main, Lines.lineStart(It->second) +
                                           Where.Column - 1);
      // A ledger region's line holds no directive: locate it in the file's
      // own text.
      if (Own)
        return SM.translateLineCol(*Own, Where.Line, Where.Column);
      return {};
    };
    reportFile(Name, std::move(Regions), Contents, Locate, Report);
  }
}

void CompileFindings::Impl::checkHeader(clang::FileID Header,
                                        CompileReport &Report) {
  auto Entry = SM.getFileEntryRefForID(Header);
  if (!Entry)
    return;
  llvm::StringRef Buffer = SM.getBufferData(Header);
  // SourceManager buffers end in a NUL, as analyzeBuffer requires.
  LineTable Lines(Buffer);
  auto Contents = [&]() -> std::optional<llvm::StringRef> { return Buffer; };
  auto Locate = [&](Position Where) {
    return SM.getComposedLoc(Header,
                             Lines.lineStart(Where.Line) + Where.Column - 1);
  };
  // Lexer mode, by the pipeline.
  reportFile(Entry->getName(), std::nullopt, Contents, Locate, Report);
}

CompileFindings::CompileFindings(clang::Preprocessor &PP,
                                 CompileOptions Options)
    : TheImpl(std::make_unique<Impl>(PP, std::move(Options))) {
  if (TheImpl->Options.Headers)
    PP.addPPCallbacks(std::make_unique<HeaderTracker>(*TheImpl));
}

CompileFindings::~CompileFindings() = default;

std::unique_ptr<clang::ASTConsumer> CompileFindings::createConsumer() {
  return TheImpl->Scanner.createConsumer();
}

CompileReport CompileFindings::finish() {
  CompileReport Report;
  TheImpl->checkMainBuffer(Report);
  for (clang::FileID Header : TheImpl->Headers)
    TheImpl->checkHeader(Header, Report);
  return Report;
}

} // namespace aiprov
