//===--- AiprovCheck.cpp - One aiprov check as a clang-tidy check ---------===//
#include "AiprovCheck.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace aiprov::tidy {

AiprovCheck::AiprovCheck(llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Context, CheckId Id,
                         std::shared_ptr<SharedAnalyses> Analyses)
    : ClangTidyCheck(Name, Context), Id(Id), Analyses(std::move(Analyses)) {
  this->Options.PolicyFile = ClangTidyCheck::Options.get("PolicyFile", "");
  this->Options.Ledger = ClangTidyCheck::Options.get("Ledger", "");
  this->Options.Headers = ClangTidyCheck::Options.get("Headers", false);
}

void AiprovCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  ClangTidyCheck::Options.store(Opts, "PolicyFile", Options.PolicyFile);
  ClangTidyCheck::Options.store(Opts, "Ledger", Options.Ledger);
  ClangTidyCheck::Options.store(Opts, "Headers", Options.Headers);
}

void AiprovCheck::registerPPCallbacks(const clang::SourceManager &,
                                      clang::Preprocessor *PP,
                                      clang::Preprocessor *) {
  Analysis = Analyses->join(*PP, Options, Id);
}

void AiprovCheck::registerMatchers(clang::ast_matchers::MatchFinder *Finder) {
  // Matched once per TU: the whole AST is read in check().
  Finder->addMatcher(clang::ast_matchers::translationUnitDecl().bind("tu"),
                     this);
}

void AiprovCheck::check(
    const clang::ast_matchers::MatchFinder::MatchResult &Result) {
  if (!Analysis)
    return;
  const CompileReport &Report = Analysis->report(*Result.Context);
  if (Analysis->reportsErrors(Id))
    for (const auto &[Where, Message] : Report.Errors)
      diag(Where, "%0", clang::DiagnosticIDs::Error) << Message;
  for (const CompileFinding &F : Report.Findings) {
    if (F.What.Check != Id)
      continue;
    diag(F.Where, "%0",
         F.What.Level == Severity::Error ? clang::DiagnosticIDs::Error
                                         : clang::DiagnosticIDs::Warning)
        << F.What.Message;
    if (F.RuleWhere.isValid())
      diag(F.RuleWhere, "the policy rule that applies: %0",
           clang::DiagnosticIDs::Note)
          << F.What.Rule.Text;
  }
  Analysis.reset(); // One report per TU.
}

} // namespace aiprov::tidy
