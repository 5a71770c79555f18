//===--- CommandSupport.cpp - What check and export do alike --------------===//
//
// Both commands take the same walk options, validate --policy and -o, show
// progress on a terminal, and write a rendered report to stdout or -o FILE;
// doing it once keeps their options, error messages and exit codes identical.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "aiprov/policy/FileWalker.h"
#include "aiprov/support/Paths.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <optional>

namespace aiprov::cli {

namespace cl = llvm::cl;

AnalysisFlags::AnalysisFlags(cl::SubCommand &Sub)
    : Paths(cl::Positional, cl::desc("[PATH ...]"), cl::sub(Sub),
            cl::cat(AiprovCategory)),
      BuildDir("p",
               cl::desc("Build directory holding compile_commands.json: its "
                        "translation units are parsed with their own flags "
                        "(AST mode)"),
               cl::value_desc("BUILD_DIR"), cl::sub(Sub),
               cl::cat(AiprovCategory)),
      OutputFile("o", cl::desc("Write the output to FILE"),
                 cl::value_desc("FILE"), cl::sub(Sub), cl::cat(AiprovCategory)),
      Jobs("j", cl::desc("Number of parallel jobs (default: all cores)"),
           cl::value_desc("N"), cl::init(0), cl::sub(Sub),
           cl::cat(AiprovCategory)),
      PolicyFile("policy",
                 cl::desc("Use this policy file for every path instead of "
                          "discovering .aiprov.yaml"),
                 cl::value_desc("FILE"), cl::sub(Sub),
                 cl::cat(AiprovCategory)) {}

std::optional<AnalysisOptions> AnalysisFlags::options() const {
  AnalysisOptions Options;
  Options.Paths.assign(Paths.begin(), Paths.end());
  Options.BuildDir = BuildDir;
  Options.Jobs = Jobs;
  Options.PolicyFile = PolicyFile;
  if (!Options.PolicyFile.empty() &&
      !llvm::sys::fs::is_regular_file(Options.PolicyFile)) {
    llvm::errs() << "aiprov: error: " << Options.PolicyFile
                 << (llvm::sys::fs::exists(Options.PolicyFile)
                         ? ": policy file is not a regular file\n"
                         : ": policy file not found\n");
    return std::nullopt;
  }
  if (std::optional<std::string> Why =
          outputOverwritesInput(OutputFile, Options)) {
    llvm::errs() << "aiprov: error: " << OutputFile << ": " << *Why << "\n";
    return std::nullopt;
  }
  // Progress only for a person watching; never in logs or pipes.
  if (llvm::sys::Process::StandardErrIsDisplayed())
    Options.Progress = [](unsigned Done, unsigned Total, llvm::StringRef Path) {
      llvm::errs() << "\r\x1b[K[" << Done << "/" << Total << "] " << Path;
      if (Done == Total)
        llvm::errs() << "\r\x1b[K";
    };
  return Options;
}

namespace {

/// Files that hold provenance or policy: overwriting one with a report
/// would erase what the audit rests on.
bool isProvenanceFile(llvm::StringRef Path) {
  llvm::StringRef Name = llvm::sys::path::filename(Path);
  llvm::StringRef Dir =
      llvm::sys::path::filename(llvm::sys::path::parent_path(Path));
  if (Name == ".aiprov.yaml" || Name == ".gitattributes" || Dir == ".aiprov" ||
      (Dir == ".agent-trace" && Name == "traces.jsonl"))
    return true;
  for (auto It = llvm::sys::path::begin(Path), End = llvm::sys::path::end(Path);
       It != End; ++It)
    if (*It == ".git" || *It == ".aiprov")
      return true;
  return false;
}

} // namespace

std::optional<std::string>
outputOverwritesInput(llvm::StringRef OutputFile,
                      const AnalysisOptions &Options) {
  if (OutputFile.empty() || OutputFile == "-")
    return std::nullopt;
  const std::string Lexical = absolutePath(OutputFile);
  if (!llvm::sys::path::is_absolute(Lexical))
    return std::nullopt; // writeOutput reports what is wrong with it.
  llvm::SmallString<256> Real;
  bool Exists = !llvm::sys::fs::real_path(OutputFile, Real);
  if (isProvenanceFile(Lexical) || (Exists && isProvenanceFile(Real)))
    return std::string("is a ledger, policy or repository file; a report "
                       "never replaces one");
  llvm::sys::fs::file_status Output;
  if (!Exists || llvm::sys::fs::status(Real, Output) ||
      !llvm::sys::fs::is_regular_file(Output))
    return std::nullopt; // A new file, /dev/stdout, a pipe: not an input.
  std::vector<std::string> Paths = Options.Paths;
  if (Paths.empty())
    Paths.emplace_back(".");
  for (const std::string &Input : Paths) {
    llvm::sys::fs::file_status In;
    if (llvm::sys::fs::status(Input, In))
      continue;
    if (llvm::sys::fs::equivalent(In, Output))
      return "is also an input (" + Input + "); write the report elsewhere";
    llvm::SmallString<256> Dir;
    if (!llvm::sys::fs::is_directory(In) ||
        llvm::sys::fs::real_path(Input, Dir) || !hasSourceExtension(Real))
      continue;
    std::optional<llvm::StringRef> Below = pathBelow(Real, Dir);
    if (Below && !Below->empty())
      return "is a source file under " + Input +
             ", which this run checks; write the report elsewhere";
  }
  return std::nullopt;
}

void printProblems(llvm::ArrayRef<std::string> Errors,
                   llvm::ArrayRef<std::string> Warnings) {
  for (const std::string &E : Errors)
    llvm::errs() << "aiprov: " << E << "\n";
  for (const std::string &W : Warnings)
    llvm::errs() << W << "\n";
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
