//===--- CheckRunner.h - `aiprov check` as a library ----------------------===//
//
// Walks the named paths, resolves each file's policy, finds its regions
// (lexer mode, or AST mode for translation units of a compilation
// database), runs the checks, and returns one report. The CLI only parses
// arguments and renders; a test or another front end can call this directly.
// `check` and `export` share analyzeFiles, so the two commands can never see
// different regions, verdicts or findings for the same tree.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_CHECK_CHECKRUNNER_H
#define AIPROV_CHECK_CHECKRUNNER_H

#include "aiprov/check/CheckReport.h"
#include "aiprov/directives/Region.h"
#include "aiprov/ledger/LedgerRegions.h"
#include "aiprov/policy/Policy.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>
#include <vector>

namespace aiprov {

struct AnalysisOptions {
  /// Files and directories; empty means ".".
  std::vector<std::string> Paths;
  /// `-p`: directory holding compile_commands.json. Empty: lexer mode only.
  std::string BuildDir;
  /// `-j`: worker threads; 0 means one per hardware thread.
  unsigned Jobs = 0;
  /// `--policy`: one policy for every file; empty means discover.
  std::string PolicyFile;
  /// Called after each file with (done, total, path); from worker threads,
  /// serialised by the runner.
  llvm::function_ref<void(unsigned, unsigned, llvm::StringRef)> Progress;
};

/// One walked file after analysis.
struct AnalyzedFile {
  /// The path as the user named it (relative paths stay relative).
  std::string Path;
  /// False when the file could not be analyzed (broken policy, unreadable);
  /// the reason is in AnalysisReport::Errors and the fields below are empty.
  bool Analyzed = false;
  FileRegions Regions;
  Verdict Policy;
  /// This file's findings, in sortFindings order.
  std::vector<Finding> Findings;
};

struct AnalysisReport {
  /// Every walked file, in walk order (never scheduling order).
  std::vector<AnalyzedFile> Files;
  /// As CheckReport::Errors: each distinct problem once.
  std::vector<std::string> Errors;
  /// Problems that do not change the exit status, each once: ledger lines
  /// skipped as `PATH:LINE: skipped: WHY`.
  std::vector<std::string> Warnings;
  /// Ledger records of the analyzed workspaces whose lines are gone.
  std::vector<LostRecord> Lost;
};

/// Walks, resolves policies, finds regions and runs the checks on every file
/// (in parallel, Options.Jobs workers), keeping each file's regions.
AnalysisReport analyzeFiles(const AnalysisOptions &Options);

/// analyzeFiles, flattened into the findings `aiprov check` prints.
CheckReport runCheck(const AnalysisOptions &Options);

} // namespace aiprov

#endif
