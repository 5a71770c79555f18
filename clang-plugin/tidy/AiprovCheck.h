//===--- AiprovCheck.h - One aiprov check as a clang-tidy check -----------===//
//
// Each of SPEC §3's checks is a clang-tidy check of the same name, so
// clang-tidy's own machinery applies: `-checks=`, `.clang-tidy`
// CheckOptions, NOLINT, WarningsAsErrors, run-clang-tidy-19 over a compile
// database. All five are this one class with a different CheckId: the
// checks of a TU share one analysis of it (SharedAnalysis: CompileFindings,
// as the compiler plugin uses) and each reports only its own findings.
//
// Options (per check, e.g. `aiprov-forbidden-region.PolicyFile`):
//   PolicyFile  one policy for every file (default: discover .aiprov.yaml)
//   Ledger      the workspace root or .aiprov/ledger.jsonl to read
//   Headers     also report the project's own headers (default: false)
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_CLANGPLUGIN_TIDY_AIPROVCHECK_H
#define AIPROV_CLANGPLUGIN_TIDY_AIPROVCHECK_H

#include "ClangTidyCheck.h"
#include "SharedAnalysis.h"
#include "aiprov/check/CompileFindings.h"
#include "aiprov/check/Finding.h"
#include <memory>

namespace aiprov::tidy {

class AiprovCheck : public clang::tidy::ClangTidyCheck {
public:
  /// Analyses: the module's, shared by every check it makes.
  AiprovCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
              CheckId Id, std::shared_ptr<SharedAnalyses> Analyses);

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  CheckId Id;
  CompileOptions Options;
  std::shared_ptr<SharedAnalyses> Analyses;
  /// This TU's, from registerPPCallbacks until reported.
  std::shared_ptr<SharedAnalysis> Analysis;
};

} // namespace aiprov::tidy

#endif
