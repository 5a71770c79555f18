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
#include "JSONRPC.h"
#include "Protocol.h"
#include "Transport.h"

namespace aiprov::server {

class LSPServer : private Transport::MessageHandler {
public:
  struct Options {
    AiprovServer::Options Core;
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
  bool ShutdownRequested = false;
  /// The client takes versioned workspace edits (documentChanges).
  bool VersionedEdits = false;
};

} // namespace aiprov::server

#endif
