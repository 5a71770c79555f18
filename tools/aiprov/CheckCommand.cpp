//===--- CheckCommand.cpp - `aiprov check` --------------------------------===//
//
// Argument handling and rendering only; the work is aiprov::runCheck, so
// the same pipeline can be driven from tests and other front ends.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "aiprov/check/CheckRunner.h"
#include "aiprov/output/FindingsOutput.h"
#include "llvm/Support/raw_ostream.h"

namespace aiprov::cli {

llvm::cl::OptionCategory AiprovCategory("aiprov options");
llvm::cl::SubCommand
    CheckCommand("check", "Report AI-assisted regions that break the policy "
                          "(clang-tidy-style output, JSON or SARIF)");

namespace {

namespace cl = llvm::cl;

AnalysisFlags Walk(CheckCommand);

enum class OutputFormat { Text, Json, Sarif };

cl::opt<OutputFormat>
    Format("format", cl::desc("Output format"), cl::init(OutputFormat::Text),
           cl::values(clEnumValN(OutputFormat::Text, "text",
                                 "clang-style diagnostics (default)"),
                      clEnumValN(OutputFormat::Json, "json",
                                 "JSON (docs/schema/check-output.schema.json)"),
                      clEnumValN(OutputFormat::Sarif, "sarif", "SARIF 2.1.0")),
           cl::sub(CheckCommand), cl::cat(AiprovCategory));
cl::opt<bool>
    WarningsAsErrors("warnings-as-errors",
                     cl::desc("Exit with 1 on any finding, not just errors"),
                     cl::sub(CheckCommand), cl::cat(AiprovCategory));

} // namespace

int runCheckCommand() {
  std::optional<AnalysisOptions> Options = Walk.options();
  if (!Options)
    return ExitUsageOrIO;

  CheckReport Report = runCheck(*Options);
  printProblems(Report.Errors, Report.Warnings);

  bool Written = writeOutput(Walk.OutputFile, [&](llvm::raw_ostream &OS) {
    switch (Format.getValue()) {
    case OutputFormat::Text:
      renderText(Report, OS);
      break;
    case OutputFormat::Json:
      renderJson(Report, OS);
      break;
    case OutputFormat::Sarif:
      renderSarif(Report, OS);
      break;
    }
  });
  if (!Written)
    return ExitUsageOrIO;

  if (!Report.Errors.empty())
    return ExitUsageOrIO;
  for (const Finding &F : Report.Findings)
    if (F.Level == Severity::Error || WarningsAsErrors)
      return ExitFindings;
  return ExitClean;
}

} // namespace aiprov::cli
