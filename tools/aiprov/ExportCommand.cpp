//===--- ExportCommand.cpp - `aiprov export` ------------------------------===//
//
// Argument handling and rendering only: the regions come from the same
// aiprov::analyzeFiles pipeline as `check`, turned into an ExportReport by
// aiprov::buildExport. An export is an inventory, not a gate, so findings
// never change its exit status; only usage, I/O and policy errors do (2).
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "aiprov/Export.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

namespace aiprov::cli {

llvm::cl::SubCommand ExportCommand(
    "export",
    "List every AI-assisted region with its provenance, review status and "
    "policy verdict, plus a summary (JSON, CSV or SARIF). In-source regions "
    "only for now: ledger regions and the agent-trace format come with the "
    "provenance ledger");

namespace {

namespace cl = llvm::cl;

enum class ExportFormat { Json, Csv, Sarif };

cl::list<std::string> Paths(cl::Positional, cl::desc("[PATH ...]"),
                            cl::sub(ExportCommand), cl::cat(AiprovCategory));
cl::opt<std::string> BuildDir(
    "p",
    cl::desc("Build directory holding compile_commands.json: its translation "
             "units are parsed with their own flags (AST mode)"),
    cl::value_desc("BUILD_DIR"), cl::sub(ExportCommand),
    cl::cat(AiprovCategory));
cl::opt<ExportFormat> Format(
    "format", cl::desc("Output format"), cl::init(ExportFormat::Json),
    cl::values(clEnumValN(ExportFormat::Json, "json",
                          "JSON (docs/schema/export.schema.json, default)"),
               clEnumValN(ExportFormat::Csv, "csv",
                          "RFC 4180 CSV, one row per region"),
               clEnumValN(ExportFormat::Sarif, "sarif",
                          "SARIF 2.1.0, one result per region")),
    cl::sub(ExportCommand), cl::cat(AiprovCategory));
cl::opt<std::string> OutputFile("o", cl::desc("Write the output to FILE"),
                                cl::value_desc("FILE"), cl::sub(ExportCommand),
                                cl::cat(AiprovCategory));
cl::opt<unsigned> Jobs("j",
                       cl::desc("Number of parallel jobs (default: all cores)"),
                       cl::value_desc("N"), cl::init(0), cl::sub(ExportCommand),
                       cl::cat(AiprovCategory));
cl::opt<std::string> PolicyFile(
    "policy",
    cl::desc("Use this policy file for every path instead of discovering "
             ".aiprov.yaml"),
    cl::value_desc("FILE"), cl::sub(ExportCommand), cl::cat(AiprovCategory));

} // namespace

int runExportCommand() {
  CheckOptions Options;
  Options.Paths.assign(Paths.begin(), Paths.end());
  Options.BuildDir = BuildDir;
  Options.Jobs = Jobs;
  Options.PolicyFile = PolicyFile;

  if (!Options.PolicyFile.empty() &&
      !llvm::sys::fs::is_regular_file(PolicyFile)) {
    llvm::errs() << "aiprov: error: " << PolicyFile
                 << ": policy file not found\n";
    return ExitUsageOrIO;
  }

  // Progress only for a person watching; never in logs or pipes.
  auto Progress = [](unsigned Done, unsigned Total, llvm::StringRef Path) {
    llvm::errs() << "\r\x1b[K[" << Done << "/" << Total << "] " << Path;
    if (Done == Total)
      llvm::errs() << "\r\x1b[K";
  };
  if (llvm::sys::Process::StandardErrIsDisplayed())
    Options.Progress = Progress;

  ExportReport Report = buildExport(analyzeFiles(Options));
  for (const std::string &E : Report.Errors)
    llvm::errs() << "aiprov: " << E << "\n";

  std::error_code EC;
  std::unique_ptr<llvm::raw_fd_ostream> File;
  if (!OutputFile.empty()) {
    // Binary, not text: CSV's CRLF line ends must reach the file as is.
    File = std::make_unique<llvm::raw_fd_ostream>(OutputFile, EC,
                                                  llvm::sys::fs::OF_None);
    if (EC) {
      llvm::errs() << "aiprov: error: " << OutputFile
                   << ": cannot write output: " << EC.message() << "\n";
      return ExitUsageOrIO;
    }
  }
  llvm::raw_ostream &OS = File ? *File : llvm::outs();
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
  }
  OS.flush();
  if (File && File->has_error()) {
    llvm::errs() << "aiprov: error: " << OutputFile
                 << ": cannot write output: " << File->error().message()
                 << "\n";
    File->clear_error();
    return ExitUsageOrIO;
  }
  return Report.Errors.empty() ? ExitClean : ExitUsageOrIO;
}

} // namespace aiprov::cli
