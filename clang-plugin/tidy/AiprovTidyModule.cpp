//===--- AiprovTidyModule.cpp - clang-tidy-19 --load=libaiprov-tidy.so ----===//
//
// Registers SPEC §3's five checks under their own names. Loaded into
// clang-tidy-19, whose LLVM and Clang it uses.
//
//===----------------------------------------------------------------------===//
#include "AiprovCheck.h"
#include "ClangTidyModule.h"
#include "ClangTidyModuleRegistry.h"

namespace aiprov::tidy {

namespace {

class AiprovModule : public clang::tidy::ClangTidyModule {
public:
  void
  addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    // One for the whole run: the checks of each TU share its analysis.
    auto Analyses = std::make_shared<SharedAnalyses>();
    for (CheckId Id : {CheckId::ForbiddenRegion, CheckId::UnreviewedRegion,
                       CheckId::StaleReview, CheckId::UnknownPaste,
                       CheckId::MalformedAnnotation})
      Factories.registerCheckFactory(
          checkInfo(Id).Name,
          [Id, Analyses](llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Context) {
            return std::make_unique<AiprovCheck>(Name, Context, Id, Analyses);
          });
  }
};

} // namespace

} // namespace aiprov::tidy

static clang::tidy::ClangTidyModuleRegistry::Add<aiprov::tidy::AiprovModule>
    Registration("aiprov-module", "aiprov: AI-assisted code provenance checks");
