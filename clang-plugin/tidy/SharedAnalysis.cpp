//===--- SharedAnalysis.cpp - One aiprov analysis for a TU's checks -------===//
//
// Checks share an analysis only when they would have computed the same
// one: same preprocessor (the same TU, alive) and same options. Checks
// whose options differ (one check with its own PolicyFile, say) each get
// their own, as before.
//
//===----------------------------------------------------------------------===//
#include "SharedAnalysis.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>

namespace aiprov::tidy {

namespace {

/// Every field of CompileOptions: an analysis made with one set serves
/// only checks with the same.
bool sameOptions(const CompileOptions &A, const CompileOptions &B) {
  return A.PolicyFile == B.PolicyFile && A.Ledger == B.Ledger &&
         A.Headers == B.Headers && A.PreprocessedInput == B.PreprocessedInput;
}

/// AIPROV_TIDY_TRACE: one line per analysis, naming its file and readers.
void trace(const clang::SourceManager &SM, llvm::ArrayRef<CheckId> Readers) {
  if (!std::getenv("AIPROV_TIDY_TRACE"))
    return;
  llvm::StringRef File = "<unknown>";
  if (auto Main = SM.getFileEntryRefForID(SM.getMainFileID()))
    File = Main->getName();
  llvm::errs() << "aiprov-tidy: analysed " << File << " for ";
  llvm::interleave(
      Readers, llvm::errs(),
      [](CheckId Id) { llvm::errs() << checkInfo(Id).Name; }, ", ");
  llvm::errs() << "\n";
}

} // namespace

SharedAnalysis::SharedAnalysis(clang::Preprocessor &PP, CompileOptions Options)
    : Findings(PP, std::move(Options)) {}

void SharedAnalysis::addReader(CheckId Id) {
  // Kept in SPEC §3's order, whatever order clang-tidy makes the checks in.
  Readers.insert(llvm::upper_bound(Readers, Id), Id);
}

const CompileReport &SharedAnalysis::report(clang::ASTContext &Context) {
  if (!Report) {
    Findings.createConsumer()->HandleTranslationUnit(Context);
    Report = Findings.finish();
    trace(Context.getSourceManager(), Readers);
  }
  return *Report;
}

bool SharedAnalysis::reportsErrors(CheckId Id) const {
  return !Readers.empty() && Readers.front() == Id;
}

std::shared_ptr<SharedAnalysis>
SharedAnalyses::join(clang::Preprocessor &PP, const CompileOptions &Options,
                     CheckId Id) {
  std::lock_guard<std::mutex> Guard(Lock);
  llvm::erase_if(Entries, [](const Entry &E) { return E.Analysis.expired(); });
  std::shared_ptr<SharedAnalysis> Analysis;
  for (const Entry &E : Entries)
    if (E.PP == &PP && sameOptions(E.Options, Options))
      Analysis = E.Analysis.lock();
  if (!Analysis) {
    Analysis = std::make_shared<SharedAnalysis>(PP, Options);
    Entries.push_back({&PP, Options, Analysis});
  }
  Analysis->addReader(Id);
  return Analysis;
}

} // namespace aiprov::tidy
