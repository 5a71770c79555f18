//===--- CheckRunner.cpp - The analysis pipeline of `check` and `export` --===//
//
// Files are independent, so they are checked in parallel on a thread pool
// and their outcomes stored by index: the report's order never depends on
// scheduling. A broken policy or an unreadable file costs only that file;
// every other file is still checked (SPEC §4).
//
//===----------------------------------------------------------------------===//
#include "aiprov/check/CheckRunner.h"
#include "aiprov/check/Checks.h"
#include "aiprov/check/CompileDatabase.h"
#include "aiprov/check/FileAnalysis.h"
#include "aiprov/directives/RegionBuilder.h"
#include "aiprov/directives/TranslationUnitParser.h"
#include "aiprov/ledger/LedgerRegions.h"
#include "aiprov/policy/FileWalker.h"
#include "aiprov/policy/Policy.h"
#include "aiprov/support/FileReader.h"
#include "aiprov/support/Paths.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include <atomic>
#include <mutex>

namespace aiprov {

namespace {

struct FileOutcome {
  AnalyzedFile File;
  std::vector<std::string> Errors;
  std::vector<LostRecord> Lost;
};

/// One walked file through the pipeline (FileAnalysis.h): AST mode for the
/// translation units of the compilation database, lexer mode otherwise.
FileOutcome
analyzeWalkedFile(llvm::StringRef Path, llvm::StringRef WorkingDir,
                  PolicyResolver &Policies, LedgerCache &Ledgers,
                  const clang::tooling::CompilationDatabase *Database,
                  const llvm::StringSet<> &TranslationUnits) {
  FileOutcome Out;
  Out.File.Path = Path.str();
  const std::string Abs = absolutePath(Path, WorkingDir);

  auto ParseWithCompileCommand = [&]() -> std::optional<FileRegions> {
    if (!Database || !TranslationUnits.contains(Abs))
      return std::nullopt;
    ParsedTranslationUnit TU = parseTranslationUnit(*Database, Abs);
    if (TU.FirstError.empty())
      return std::move(TU.Regions);
    // Findings from a half-parsed file can't be trusted; the lexer still
    // sees every comment and pragma, so fall back to it, and say so.
    Out.Errors.push_back(TU.FirstError + " (while parsing " + Path.str() +
                         " with its compile command; checked in lexer mode)");
    return std::nullopt;
  };
  thread_local std::string Storage;
  llvm::StringRef Contents;
  std::optional<bool> Read;
  auto ReadContents = [&]() -> std::optional<llvm::StringRef> {
    if (!Read) {
      std::error_code EC = readWholeFile(Path, Storage, Contents);
      Read = !EC;
      if (EC)
        Out.Errors.push_back(
            Path.str() + ":1:1: error: cannot read file: " +
            describeReadError(EC, file_limits::Source, "a checked file"));
    }
    return *Read ? std::optional(Contents) : std::nullopt;
  };

  FileInput Input;
  Input.DisplayPath = Path.str();
  Input.AbsolutePath = Abs;
  Input.Text = ReadContents;
  Input.InSourceRegions = ParseWithCompileCommand;
  RecordsByContent Records(Ledgers);
  FileAnalysis Analysis = analyzeFile(
      Input, [&](llvm::StringRef File) { return Policies.verdictFor(File); },
      Records);
  if (Analysis.Result == FileAnalysis::Outcome::PolicyBroken)
    Out.Errors.push_back(Analysis.PolicyError +
                         " (files under this policy are not checked)");
  if (!Analysis.analyzed())
    return Out; // The policy error, or ReadContents, said why.
  Out.File.Findings = std::move(Analysis.Findings);
  Out.Lost = std::move(Analysis.Lost);
  Out.File.Regions = std::move(Analysis.Regions);
  Out.File.Policy = std::move(Analysis.Policy);
  Out.File.Analyzed = true;
  return Out;
}

/// The ledgers' part of the report, for the workspaces this run read: their
/// skipped lines as warnings, and their records of files that no longer
/// exist under the paths the run was asked about as lost records. A record
/// of a file that exists but was not walked (outside PATHs, ignored) is not
/// this run's business.
void reportLedgers(LedgerCache &Ledgers, PolicyResolver &Policies,
                   llvm::ArrayRef<std::string> Paths,
                   llvm::StringRef WorkingDir, AnalysisReport &Report) {
  std::vector<std::string> Scopes;
  for (const std::string &P : Paths) {
    Scopes.push_back(absolutePath(P, WorkingDir));
    // A directory whose files were all deleted has nothing walked that
    // would have read its ledger: read it for the directory itself. (A
    // named file was analyzed, which read its workspace's ledger.)
    llvm::SmallString<256> Probe(Scopes.back());
    if (!llvm::sys::fs::is_directory(Probe))
      continue;
    // verdictFor takes a file; the chain is that of its directory.
    llvm::sys::path::append(Probe, "-");
    llvm::Expected<Verdict> V = Policies.verdictFor(Probe);
    std::string TopPolicyDir;
    if (V)
      TopPolicyDir = V->TopPolicyDir;
    else
      llvm::consumeError(V.takeError()); // Reported for the walked files.
    Ledgers.recordsFor(
        Ledgers.rootFor(llvm::sys::path::parent_path(Probe), TopPolicyDir));
  }
  auto InScope = [&Scopes](llvm::StringRef File) {
    return llvm::any_of(Scopes, [File](llvm::StringRef Scope) {
      return File == Scope ||
             (File.starts_with(Scope) &&
              (Scope.ends_with("/") || File[Scope.size()] == '/'));
    });
  };
  for (const WorkspaceRecords *W : Ledgers.loaded()) {
    for (const std::string &Warning : W->Warnings)
      Report.Warnings.push_back(Warning);
    for (const std::string &Error : W->Errors)
      Report.Errors.push_back(Error);
    for (LostRecord &L : recordsOfDeletedFiles(*W, InScope))
      Report.Lost.push_back(std::move(L));
  }
  llvm::sort(Report.Lost, [](const LostRecord &A, const LostRecord &B) {
    return std::tie(A.WorkspaceRoot, A.File, A.RecordedFirstLine, A.RecordId) <
           std::tie(B.WorkspaceRoot, B.File, B.RecordedFirstLine, B.RecordId);
  });
}

} // namespace

AnalysisReport analyzeFiles(const AnalysisOptions &Options) {
  AnalysisReport Report;
  std::vector<std::string> Roots = Options.Paths;
  if (Roots.empty())
    Roots.emplace_back(".");
  WalkResult Walk = walkPaths(Roots);
  if (Options.Paths.empty())
    // `aiprov check` alone names files relative to here, like clang-tidy.
    for (std::string &File : Walk.Files)
      if (llvm::StringRef(File).starts_with("./"))
        File.erase(0, 2);
  Report.Errors = std::move(Walk.Errors);

  llvm::SmallString<256> WorkingDir;
  if (std::error_code EC = llvm::sys::fs::current_path(WorkingDir)) {
    Report.Errors.push_back("error: cannot read the current directory: " +
                            EC.message());
    return Report;
  }
  std::unique_ptr<clang::tooling::CompilationDatabase> Database;
  llvm::StringSet<> TranslationUnits;
  if (!Options.BuildDir.empty()) {
    std::string Why;
    Database = loadCompileDatabase(Options.BuildDir, Why);
    if (!Database)
      Report.Errors.push_back(Options.BuildDir +
                              ": error: cannot load compile_commands.json: " +
                              (Why.empty() ? "no such file" : Why) +
                              " (all files checked in lexer mode)");
    else
      for (const std::string &File : Database->getAllFiles())
        TranslationUnits.insert(absolutePath(File, WorkingDir));
  }

  PolicyResolver Policies({Options.PolicyFile});
  LedgerCache Ledgers;
  std::vector<FileOutcome> Outcomes(Walk.Files.size());
  std::mutex ProgressLock;
  unsigned Done = 0;
  // Workers pull the next file from a shared counter rather than one task
  // per file: most files cost microseconds, less than a task's overhead.
  std::atomic<size_t> Next{0};
  auto Work = [&] {
    for (size_t I = Next++; I < Walk.Files.size(); I = Next++) {
      Outcomes[I] =
          analyzeWalkedFile(Walk.Files[I], WorkingDir, Policies, Ledgers,
                            Database.get(), TranslationUnits);
      if (Options.Progress) {
        std::lock_guard<std::mutex> Lock(ProgressLock);
        Options.Progress(++Done, Walk.Files.size(), Walk.Files[I]);
      }
    }
  };
  llvm::ThreadPoolStrategy Strategy = llvm::hardware_concurrency(Options.Jobs);
  unsigned Workers = std::max<size_t>(
      1, std::min<size_t>(Strategy.compute_thread_count(), Walk.Files.size()));
  if (Workers == 1) {
    Work();
  } else {
    llvm::DefaultThreadPool Pool(Strategy);
    for (unsigned W = 0; W < Workers; ++W)
      Pool.async(Work);
    Pool.wait();
  }

  // One broken policy makes every file under it fail the same way; say it
  // once.
  llvm::StringSet<> SeenErrors;
  for (const std::string &E : Report.Errors)
    SeenErrors.insert(E);
  Report.Files.reserve(Outcomes.size());
  for (FileOutcome &O : Outcomes) {
    Report.Files.push_back(std::move(O.File));
    for (std::string &E : O.Errors)
      if (SeenErrors.insert(E).second)
        Report.Errors.push_back(std::move(E));
    for (LostRecord &L : O.Lost)
      Report.Lost.push_back(std::move(L));
  }
  reportLedgers(Ledgers, Policies, Roots, WorkingDir, Report);
  return Report;
}

CheckReport runCheck(const AnalysisOptions &Options) {
  AnalysisReport Analysis = analyzeFiles(Options);
  CheckReport Report;
  Report.Errors = std::move(Analysis.Errors);
  Report.Warnings = std::move(Analysis.Warnings);
  for (AnalyzedFile &File : Analysis.Files) {
    Report.FilesChecked += File.Analyzed;
    for (Finding &F : File.Findings)
      Report.Findings.push_back(std::move(F));
  }
  // Per-file order is not global order: display paths of different roots
  // interleave.
  sortFindings(Report.Findings);
  return Report;
}

} // namespace aiprov
