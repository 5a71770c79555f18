//===--- CheckCommand.cpp - `aiprov check` --------------------------------===//
//
// Argument handling and rendering only; the work is aiprov::runCheck, so
// the same pipeline can be driven from tests and other front ends.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "aiprov/CheckRunner.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

namespace aiprov::cli {

llvm::cl::OptionCategory AiprovCategory("aiprov options");
llvm::cl::SubCommand
    CheckCommand("check", "Report AI-assisted regions that break the policy "
                          "(clang-tidy-style output, JSON or SARIF)");

namespace {

namespace cl = llvm::cl;

enum class OutputFormat { Text, Json, Sarif };

cl::list<std::string> Paths(cl::Positional, cl::desc("[PATH ...]"),
                            cl::sub(CheckCommand), cl::cat(AiprovCategory));
cl::opt<std::string> BuildDir(
    "p",
    cl::desc("Build directory holding compile_commands.json: its translation "
             "units are parsed with their own flags (AST mode)"),
    cl::value_desc("BUILD_DIR"), cl::sub(CheckCommand),
    cl::cat(AiprovCategory));
cl::opt<OutputFormat>
    Format("format", cl::desc("Output format"), cl::init(OutputFormat::Text),
           cl::values(clEnumValN(OutputFormat::Text, "text",
                                 "clang-style diagnostics (default)"),
                      clEnumValN(OutputFormat::Json, "json",
                                 "JSON (docs/schema/check-output.schema.json)"),
                      clEnumValN(OutputFormat::Sarif, "sarif", "SARIF 2.1.0")),
           cl::sub(CheckCommand), cl::cat(AiprovCategory));
cl::opt<std::string> OutputFile("o", cl::desc("Write the output to FILE"),
                                cl::value_desc("FILE"), cl::sub(CheckCommand),
                                cl::cat(AiprovCategory));
cl::opt<unsigned> Jobs("j",
                       cl::desc("Number of parallel jobs (default: all cores)"),
                       cl::value_desc("N"), cl::init(0), cl::sub(CheckCommand),
                       cl::cat(AiprovCategory));
cl::opt<bool>
    WarningsAsErrors("warnings-as-errors",
                     cl::desc("Exit with 1 on any finding, not just errors"),
                     cl::sub(CheckCommand), cl::cat(AiprovCategory));
cl::opt<std::string> PolicyFile(
    "policy",
    cl::desc("Use this policy file for every path instead of discovering "
             ".aiprov.yaml"),
    cl::value_desc("FILE"), cl::sub(CheckCommand), cl::cat(AiprovCategory));

} // namespace

int runCheckCommand() {
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
  const bool ShowProgress = llvm::sys::Process::StandardErrIsDisplayed();
  auto Progress = [](unsigned Done, unsigned Total, llvm::StringRef Path) {
    llvm::errs() << "\r\x1b[K[" << Done << "/" << Total << "] " << Path;
    if (Done == Total)
      llvm::errs() << "\r\x1b[K";
  };
  if (ShowProgress)
    Options.Progress = Progress;

  CheckReport Report = runCheck(Options);
  for (const std::string &E : Report.Errors)
    llvm::errs() << "aiprov: " << E << "\n";

  std::error_code EC;
  std::unique_ptr<llvm::raw_fd_ostream> File;
  if (!OutputFile.empty()) {
    File = std::make_unique<llvm::raw_fd_ostream>(OutputFile, EC,
                                                  llvm::sys::fs::OF_Text);
    if (EC) {
      llvm::errs() << "aiprov: error: " << OutputFile
                   << ": cannot write output: " << EC.message() << "\n";
      return ExitUsageOrIO;
    }
  }
  llvm::raw_ostream &OS = File ? *File : llvm::outs();
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
  OS.flush();
  if (File && File->has_error()) {
    llvm::errs() << "aiprov: error: " << OutputFile
                 << ": cannot write output: " << File->error().message()
                 << "\n";
    File->clear_error();
    return ExitUsageOrIO;
  }

  if (!Report.Errors.empty())
    return ExitUsageOrIO;
  for (const Finding &F : Report.Findings)
    if (F.Level == Severity::Error || WarningsAsErrors)
      return ExitFindings;
  return ExitClean;
}

} // namespace aiprov::cli
