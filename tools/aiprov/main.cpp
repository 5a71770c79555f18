//===--- main.cpp - aiprov: AI provenance for C and C++ -------------------===//
//
// Parses the command line with llvm::cl (as clang-tidy does) and dispatches
// to one subcommand. Parse errors exit with 2, never with cl's default 1,
// because 1 means "findings at error severity" to scripts (SPEC §4).
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "aiprov/support/Version.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

using namespace aiprov::cli;

int main(int argc, char **argv) {
  llvm::InitLLVM Init(argc, argv);
  llvm::cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "aiprov " << aiprov::Version << " (LLVM/Clang " << LLVM_VERSION_STRING
       << ")\n";
  });
  llvm::cl::HideUnrelatedOptions(AiprovCategory);
  for (llvm::cl::SubCommand *Sub :
       {&CheckCommand, &ReviewCommand, &ExportCommand, &RecordCommand,
        &LspCommand})
    llvm::cl::HideUnrelatedOptions(AiprovCategory, *Sub);

  std::string Errors;
  llvm::raw_string_ostream ErrorStream(Errors);
  if (!llvm::cl::ParseCommandLineOptions(
          argc, argv,
          "aiprov: tracks AI-assisted regions in C and C++ code and enforces "
          "where they may land.\n\n"
          "  aiprov check [PATH ...]     report findings (see 'aiprov check "
          "--help')\n"
          "  aiprov review FILE:LINE     sign off the region starting at LINE\n"
          "  aiprov export [PATH ...]    list every AI-assisted region (audit "
          "export)\n"
          "  aiprov record --file PATH --lines A-B | --hook AGENT\n"
          "                              record AI-assisted lines in the "
          "ledger\n"
          "  aiprov lsp [--log FILE]     run the language server on stdio\n",
          &ErrorStream)) {
    llvm::errs() << ErrorStream.str();
    return ExitUsageOrIO;
  }
  if (CheckCommand)
    return runCheckCommand();
  if (ReviewCommand)
    return runReviewCommand();
  if (ExportCommand)
    return runExportCommand();
  if (RecordCommand)
    return runRecordCommand();
  if (LspCommand)
    return runLspCommand();

  llvm::errs() << "aiprov: error: no command given; see 'aiprov --help'\n";
  return ExitUsageOrIO;
}
