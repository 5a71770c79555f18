//===--- AiprovPlugin.cpp - The aiprov findings inside every clang build --===//
//
// clang++-19 -fplugin=libaiprov-plugin.so [-fplugin-arg-aiprov-ARG ...]
//
// A PluginASTAction that runs before the main action of any compile
// (-fsyntax-only, -c, ...): it hooks CompileFindings into the preprocessor,
// and once the translation unit is parsed reports its findings as clang
// diagnostics, each with its check name and a note at the policy rule that
// decided it. Everything else is the engine's.
//
// Clang 19 neither promotes a plugin's custom warnings under -Werror nor
// hides them under -w (TOOLING-NOTES), so the plugin reads those settings
// itself.
//
//===----------------------------------------------------------------------===//
#include "aiprov/check/CompileFindings.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/Support/FileSystem.h"

namespace aiprov::plugin {

namespace {

struct PluginArguments {
  CompileOptions Compile;
  /// `werror`: every finding is an error.
  bool WarningsAsErrors = false;
};

/// Reports what the compile found once the AST is complete. Wraps the
/// scanner's consumer, which reads attributes, so it runs first.
class ReportingConsumer : public clang::ASTConsumer {
public:
  ReportingConsumer(clang::CompilerInstance &CI, PluginArguments Args)
      : CI(CI), Args(std::move(Args)),
        Findings(CI.getPreprocessor(), this->Args.Compile),
        Scanner(Findings.createConsumer()) {}

  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    Scanner->HandleTranslationUnit(Ctx);
    report(Findings.finish());
  }

private:
  void report(const CompileReport &Report) {
    clang::DiagnosticsEngine &Diags = CI.getDiagnostics();
    const bool AsErrors = Args.WarningsAsErrors || Diags.getWarningsAsErrors();
    const unsigned Error =
        Diags.getCustomDiagID(clang::DiagnosticsEngine::Error, "%0");
    const unsigned Warning =
        Diags.getCustomDiagID(clang::DiagnosticsEngine::Warning, "%0");
    const unsigned Note =
        Diags.getCustomDiagID(clang::DiagnosticsEngine::Note, "%0");

    for (const auto &[Where, Message] : Report.Errors)
      Diags.Report(Where, Error) << ("aiprov: " + Message);
    // A remark, not a warning: it must not fail -Werror builds that
    // preprocess on purpose (distcc); and a note on its own is dropped.
    if (Report.CommentsStripped)
      Diags.Report(
          Report.MainFileStart,
          Diags.getCustomDiagID(clang::DiagnosticsEngine::Remark, "%0"))
          << "aiprov: this input was preprocessed without -C, so its "
             "'// aiprov:' comment directives are gone; only '#pragma "
             "aiprov' directives are checked (use the pragma form, or "
             "preprocess with -C)";
    for (const CompileFinding &F : Report.Findings) {
      const bool IsError = F.What.Level == Severity::Error || AsErrors;
      if (!IsError && Diags.getIgnoreAllWarnings())
        continue;
      Diags.Report(F.Where, IsError ? Error : Warning)
          << (F.What.Message + " [" + checkInfo(F.What.Check).Name.str() + "]");
      if (F.RuleWhere.isValid())
        Diags.Report(F.RuleWhere, Note)
            << ("the policy rule that applies: " + F.What.Rule.Text);
    }
  }

  clang::CompilerInstance &CI;
  PluginArguments Args;
  CompileFindings Findings;
  std::unique_ptr<clang::ASTConsumer> Scanner;
};

class AiprovAction : public clang::PluginASTAction {
protected:
  bool ParseArgs(const clang::CompilerInstance &CI,
                 const std::vector<std::string> &Arguments) override {
    clang::DiagnosticsEngine &Diags = CI.getDiagnostics();
    auto Fail = [&](const std::string &Why) {
      Diags.Report(Diags.getCustomDiagID(clang::DiagnosticsEngine::Error,
                                         "aiprov plugin: %0"))
          << Why;
      return false;
    };
    for (llvm::StringRef Argument : Arguments) {
      auto [Key, Value] = Argument.split('=');
      bool HasValue = Argument.contains('=');
      if (Key == "headers" && !HasValue) {
        Args.Compile.Headers = true;
      } else if (Key == "werror" && !HasValue) {
        Args.WarningsAsErrors = true;
      } else if (Key == "policy" && HasValue) {
        if (!llvm::sys::fs::is_regular_file(Value))
          return Fail("policy file '" + Value.str() + "' does not exist");
        Args.Compile.PolicyFile = Value.str();
      } else if (Key == "ledger" && HasValue) {
        if (!llvm::sys::fs::exists(Value))
          return Fail("ledger '" + Value.str() + "' does not exist");
        Args.Compile.Ledger = Value.str();
      } else {
        return Fail("unknown argument '" + Argument.str() +
                    "' (expected policy=FILE, ledger=PATH, headers or "
                    "werror, each as -fplugin-arg-aiprov-ARG)");
      }
    }
    return true;
  }

  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &CI, llvm::StringRef) override {
    const auto &Inputs = CI.getFrontendOpts().Inputs;
    Args.Compile.PreprocessedInput =
        !Inputs.empty() && Inputs.front().getKind().isPreprocessed();
    return std::make_unique<ReportingConsumer>(CI, Args);
  }

  // Alongside whatever the compile does: -fsyntax-only, -c, -S.
  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  PluginArguments Args;
};

} // namespace

} // namespace aiprov::plugin

static clang::FrontendPluginRegistry::Add<aiprov::plugin::AiprovAction>
    Registration("aiprov", "report AI-assisted regions where the policy "
                           "forbids them or asks for review");
