//===--- CommandSupport.cpp - What check and export do alike --------------===//
//
// Both commands validate --policy, show progress on a terminal, and write a
// rendered report to stdout or -o FILE; doing it once keeps their error
// messages and exit codes identical.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>

namespace aiprov::cli {

bool preparePipelineOptions(CheckOptions &Options) {
  if (!Options.PolicyFile.empty() &&
      !llvm::sys::fs::is_regular_file(Options.PolicyFile)) {
    llvm::errs() << "aiprov: error: " << Options.PolicyFile
                 << ": policy file not found\n";
    return false;
  }
  // Progress only for a person watching; never in logs or pipes.
  if (llvm::sys::Process::StandardErrIsDisplayed())
    Options.Progress = [](unsigned Done, unsigned Total, llvm::StringRef Path) {
      llvm::errs() << "\r\x1b[K[" << Done << "/" << Total << "] " << Path;
      if (Done == Total)
        llvm::errs() << "\r\x1b[K";
    };
  return true;
}

bool writeOutput(llvm::StringRef OutputFile,
                 llvm::function_ref<void(llvm::raw_ostream &)> Render) {
  std::error_code EC;
  std::unique_ptr<llvm::raw_fd_ostream> File;
  if (!OutputFile.empty()) {
    // Binary, not text: CSV's CRLF line ends must reach the file as is.
    File = std::make_unique<llvm::raw_fd_ostream>(OutputFile, EC,
                                                  llvm::sys::fs::OF_None);
    if (EC) {
      llvm::errs() << "aiprov: error: " << OutputFile
                   << ": cannot write output: " << EC.message() << "\n";
      return false;
    }
  }
  llvm::raw_ostream &OS = File ? *File : llvm::outs();
  Render(OS);
  OS.flush();
  if (File && File->has_error()) {
    llvm::errs() << "aiprov: error: " << OutputFile
                 << ": cannot write output: " << File->error().message()
                 << "\n";
    File->clear_error();
    return false;
  }
  return true;
}

} // namespace aiprov::cli
