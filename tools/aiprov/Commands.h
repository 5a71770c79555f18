//===--- Commands.h - The subcommands of the aiprov command line ----------===//
//
// Each subcommand lives in its own file with its own llvm::cl options
// (attached to its cl::SubCommand) and one entry point returning the exit
// status of SPEC §4: 0 clean, 1 findings at error severity, 2 usage, I/O or
// policy errors.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_TOOLS_COMMANDS_H
#define AIPROV_TOOLS_COMMANDS_H

#include "aiprov/check/CheckRunner.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>

namespace aiprov::cli {

enum ExitStatus { ExitClean = 0, ExitFindings = 1, ExitUsageOrIO = 2 };

/// Options shown by --help; LLVM's own options are hidden from users.
extern llvm::cl::OptionCategory AiprovCategory;

/// The options `check` and `export` share (PATH..., -p, -o, -j, --policy),
/// attached to one subcommand. Define it after that subcommand in the same
/// file: an option registers with its subcommand when it is constructed.
struct AnalysisFlags {
  explicit AnalysisFlags(llvm::cl::SubCommand &Sub);

  /// The walk the flags ask for, with terminal progress; nothing (after
  /// printing why) when the command must exit with ExitUsageOrIO: a missing
  /// --policy, or an -o that would overwrite an input (outputOverwritesInput).
  std::optional<AnalysisOptions> options() const;

  llvm::cl::list<std::string> Paths;
  llvm::cl::opt<std::string> BuildDir;
  llvm::cl::opt<std::string> OutputFile;
  llvm::cl::opt<unsigned> Jobs;
  llvm::cl::opt<std::string> PolicyFile;
};

/// Why `-o OutputFile` must be refused before anything is read: it names
/// an input of this run (a named file, or a source file under a named
/// directory), a ledger, a policy, or a file inside .git or .aiprov.
std::optional<std::string>
outputOverwritesInput(llvm::StringRef OutputFile,
                      const AnalysisOptions &Options);

/// A run's errors ("aiprov: " first, as every error of the tool) and its
/// warnings (already "PATH:LINE: ..."), one a line on stderr.
void printProblems(llvm::ArrayRef<std::string> Errors,
                   llvm::ArrayRef<std::string> Warnings);

/// Runs Render into stdout or OutputFile; false (after printing why) when
/// the output could not be written.
bool writeOutput(llvm::StringRef OutputFile,
                 llvm::function_ref<void(llvm::raw_ostream &)> Render);

extern llvm::cl::SubCommand CheckCommand;
int runCheckCommand();

extern llvm::cl::SubCommand ReviewCommand;
int runReviewCommand();

extern llvm::cl::SubCommand ExportCommand;
int runExportCommand();

extern llvm::cl::SubCommand RecordCommand;
int runRecordCommand();

extern llvm::cl::SubCommand LspCommand;
int runLspCommand();

} // namespace aiprov::cli

#endif
