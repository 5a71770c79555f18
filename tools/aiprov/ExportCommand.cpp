//===--- ExportCommand.cpp - `aiprov export` ------------------------------===//
//
// Argument handling and rendering only: the regions come from the same
// aiprov::analyzeFiles pipeline as `check`, turned into an ExportReport by
// aiprov::buildExport. An export is an inventory, not a gate, so findings
// never change its exit status; only usage, I/O and policy errors do (2).
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "aiprov/output/Export.h"
#include "llvm/Support/raw_ostream.h"

namespace aiprov::cli {

llvm::cl::SubCommand ExportCommand(
    "export",
    "List every AI-assisted region with its provenance, review status and "
    "policy verdict (annotations, pragmas, attributes and regions recorded "
    "in the ledger), the ledger records that were lost, and a summary "
    "(JSON, CSV, SARIF, Agent Trace or HTML)");

namespace {

namespace cl = llvm::cl;

AnalysisFlags Walk(ExportCommand);

enum class ExportFormat { Json, Csv, Sarif, AgentTrace, Html };

cl::opt<ExportFormat> Format(
    "format", cl::desc("Output format"), cl::init(ExportFormat::Json),
    cl::values(clEnumValN(ExportFormat::Json, "json",
                          "JSON (docs/schema/export.schema.json, default)"),
               clEnumValN(ExportFormat::Csv, "csv",
                          "RFC 4180 CSV, one row per region"),
               clEnumValN(ExportFormat::Sarif, "sarif",
                          "SARIF 2.1.0, one result per region"),
               clEnumValN(ExportFormat::AgentTrace, "agent-trace",
                          "Agent Trace 0.1 JSON Lines, one record per region"),
               clEnumValN(ExportFormat::Html, "html",
                          "One self-contained HTML page for auditors")),
    cl::sub(ExportCommand), cl::cat(AiprovCategory));

} // namespace

int runExportCommand() {
  std::optional<AnalysisOptions> Options = Walk.options();
  if (!Options)
    return ExitUsageOrIO;

  ExportReport Report = buildExport(analyzeFiles(*Options));
  printProblems(Report.Errors, Report.Warnings);

  bool Written = writeOutput(Walk.OutputFile, [&](llvm::raw_ostream &OS) {
    switch (Format.getValue()) {
    case ExportFormat::Json:
      renderExportJson(Report, OS);
      break;
    case ExportFormat::Csv:
      renderExportCsv(Report, OS);
      break;
    case ExportFormat::Sarif:
      renderExportSarif(Report, OS);
      break;
    case ExportFormat::AgentTrace:
      renderExportAgentTrace(Report, OS);
      break;
    case ExportFormat::Html:
      renderExportHtml(Report, OS);
      break;
    }
  });
  if (!Written)
    return ExitUsageOrIO;
  return Report.Errors.empty() ? ExitClean : ExitUsageOrIO;
}

} // namespace aiprov::cli
