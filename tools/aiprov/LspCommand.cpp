//===--- LspCommand.cpp - `aiprov lsp`: the language server ---------------===//
//
// Only the command line: the server itself is server/ (LSPServer over
// AiprovServer over the engine). stdout carries the protocol, so nothing
// here may print to it; the log goes to stderr or --log FILE.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "LSPServer.h"
#include "Logger.h"
#include "Transport.h"
#include "llvm/Support/FileSystem.h"
#include <memory>
#include <optional>

namespace aiprov::cli {

llvm::cl::SubCommand
    LspCommand("lsp", "Run the language server (LSP 3.17 over stdio): live "
                      "findings, hover, code lens, code actions and "
                      "aiprov/regions");

namespace {

namespace cl = llvm::cl;

cl::opt<std::string> LogFile("log",
                             cl::desc("Write the server's log to FILE "
                                      "(appended) instead of stderr"),
                             cl::value_desc("FILE"), cl::sub(LspCommand),
                             cl::cat(AiprovCategory));
// vscode-languageclient appends --stdio; stdio is the only transport.
cl::opt<bool> Stdio("stdio", cl::desc("Talk LSP over stdin/stdout (default)"),
                    cl::sub(LspCommand), cl::cat(AiprovCategory));
cl::opt<bool> LitTest(
    "lit-test",
    cl::desc("Test mode: read JSON-RPC messages separated by '---' lines "
             "(lines starting with '#' ignored), write indented JSON"),
    cl::sub(LspCommand), cl::cat(AiprovCategory));
cl::opt<std::string> PolicyFile("policy",
                                cl::desc("Use this policy for every document "
                                         "instead of discovering .aiprov.yaml"),
                                cl::value_desc("FILE"), cl::sub(LspCommand),
                                cl::cat(AiprovCategory));

cl::opt<std::string> CompileCommandsDir(
    "compile-commands-dir",
    cl::desc("Read compile_commands.json from DIR only, instead of looking "
             "in each document's directory and those above it (and their "
             "build/)"),
    cl::value_desc("DIR"), cl::sub(LspCommand), cl::cat(AiprovCategory));
cl::opt<unsigned> AstDelay(
    "ast-delay",
    cl::desc("Milliseconds without edits before a document is parsed with "
             "its compile command (default 300)"),
    cl::init(300), cl::value_desc("MS"), cl::sub(LspCommand),
    cl::cat(AiprovCategory));
cl::opt<bool> NoAst("no-ast",
                    cl::desc("Lexer mode only: never parse documents with "
                             "their compile commands"),
                    cl::sub(LspCommand), cl::cat(AiprovCategory));

} // namespace

int runLspCommand() {
  std::optional<llvm::raw_fd_ostream> Log;
  if (!LogFile.empty()) {
    std::error_code EC;
    Log.emplace(LogFile, EC, llvm::sys::fs::OF_Append);
    if (EC) {
      llvm::errs() << "aiprov: error: cannot open log file '" << LogFile
                   << "': " << EC.message() << "\n";
      return ExitUsageOrIO;
    }
    server::setLogStream(&*Log);
  }

  server::StdioTransportOptions TransportOptions;
  if (LitTest) {
    TransportOptions.InputStyle = server::FramingStyle::Delimited;
    TransportOptions.PrettyOutput = true;
  }
  std::unique_ptr<server::Transport> Transport =
      server::newStdioTransport(TransportOptions);
  server::AiprovServer::Options Options;
  Options.PolicyFile = PolicyFile;
  Options.AstParse = !NoAst;
  Options.CompileCommandsDir = CompileCommandsDir;
  Options.Parse.Debounce = std::chrono::milliseconds(AstDelay);
  // Transcripts must not depend on timing: parse at once, inline, like
  // clangd's -sync.
  Options.Parse.Synchronous = LitTest;
  int Status = server::LSPServer(*Transport, Options).run();
  server::setLogStream(nullptr);
  return Status;
}

} // namespace aiprov::cli
