//===--- LSPServer.h - The LSP adapter over AiprovServer ------------------===//
//
// Like clangd's ClangdLSPServer: one onXxx per LSP method, each only
// translating between wire structs (Protocol.h) and the core
// (AiprovServer.h). No decision about regions, policy or findings is made
// here. The capabilities advertised in onInitialize are exactly the methods
// bound in the constructor.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_LSPSERVER_H
#define AIPROV_SERVER_LSPSERVER_H

#include "AiprovServer.h"
#include "CompileCommands.h"
#include "JSONRPC.h"
#include "ParseScheduler.h"
#include "Protocol.h"
#include "Transport.h"
#include <map>
#include <memory>

namespace aiprov::server {

class LSPServer : private Transport::MessageHandler {
public:
  struct Options {
    AiprovServer::Options Core;
    /// Refine each document with a debounced AST parse when a compile
    /// command for it is found.
    bool AstParse = true;
    /// `--compile-commands-dir`; empty: search upwards from each document.
    std::string CompileCommandsDir;
    ParseScheduler::Options Parse;
  };

  LSPServer(Transport &Out, const Options &Opts);

  /// Serves until `exit` or the end of input. Returns the process exit
  /// status: 0 after `shutdown` then `exit`, or at the end of input; 1 for
  /// `exit` without `shutdown` (LSP spec) or a read error.
  int run();

private:
  bool onMessage(nlohmann::json Message) override;

  void onInitialize(const lsp::InitializeParams &Params, ReplyOnce Reply);
  void onInitialized(const nlohmann::json &Params);
  void onDidChangeWatchedFiles(const lsp::DidChangeWatchedFilesParams &Params);
  void onDidChangeWorkspaceFolders(
      const lsp::DidChangeWorkspaceFoldersParams &Params);
  void onShutdown(const nlohmann::json &Params, ReplyOnce Reply);
  void onCancelRequest(const lsp::CancelParams &Params);
  void onDidOpen(const lsp::DidOpenTextDocumentParams &Params);
  void onDidChange(const lsp::DidChangeTextDocumentParams &Params);
  void onDidSave(const lsp::TextDocumentParams &Params);
  void onDidClose(const lsp::TextDocumentParams &Params);
  void onDocumentDiagnostic(const lsp::TextDocumentParams &Params,
                            ReplyOnce Reply);
  void onHover(const lsp::TextDocumentPositionParams &Params, ReplyOnce Reply);
  void onCodeLens(const lsp::TextDocumentParams &Params, ReplyOnce Reply);
  void onRegions(const lsp::TextDocumentParams &Params, ReplyOnce Reply);
  void onCodeAction(const lsp::CodeActionParams &Params, ReplyOnce Reply);
  void onExecuteCommand(const lsp::ExecuteCommandParams &Params,
                        ReplyOnce Reply);
  void onDidPaste(const lsp::DidPasteParams &Params);
  void onDidInsertCompletion(const lsp::DidInsertCompletionParams &Params);
  /// Hands a client notice to the core and re-publishes if it changed
  /// the document's regions.
  void notice(llvm::StringRef Uri, const PasteNotice &Notice);
  /// False, with Method's notice logged as ignored, when Range has a line
  /// Uri's document does not.
  bool noticeInDocument(llvm::StringRef Method, llvm::StringRef Uri,
                        const lsp::Range &Range);

  /// Asks for an AST parse of Doc when it has a compile command.
  void scheduleParse(const DocumentAnalysis &Doc);
  /// A finished parse, on the reader thread.
  void onParsed(const ParseRequest &Request, ParsedTranslationUnit Result);

  /// Pushes textDocument/publishDiagnostics for Doc.
  void publishDiagnostics(const DocumentAnalysis &Doc);
  std::vector<lsp::Diagnostic> diagnosticsOf(const DocumentAnalysis &Doc) const;
  lsp::Range toRange(DocumentSpan Span) const;
  /// The snapshot of an open document, or an InvalidParams reply.
  std::shared_ptr<const DocumentAnalysis> openOrReply(llvm::StringRef Uri,
                                                      ReplyOnce &Reply);

  Transport &Out;
  Dispatcher Dispatch;
  AiprovServer Core;
  bool AstParse;
  CompileCommands Databases;
  bool ShutdownRequested = false;
  /// The client takes versioned workspace edits (documentChanges).
  bool VersionedEdits = false;
  /// The client watches files for us when asked (in `initialized`).
  bool CanWatchFiles = false;
  /// Requests waiting for the client's answer to a request of ours
  /// (executeCommand, for its applyEdit), by their id's JSON text, so
  /// $/cancelRequest can answer them at once.
  std::map<std::string, std::weak_ptr<ReplyOnce>> AwaitingClient;
  /// Last: its worker may post to Out until it is destroyed, first.
  std::unique_ptr<ParseScheduler> Parses;
};

} // namespace aiprov::server

#endif
