//===--- LSPServer.h - The LSP adapter over AiprovServer ------------------===//
//
// Like clangd's ClangdLSPServer: one onXxx per LSP method, each only
// translating between wire structs (Protocol.h) and the core
// (AiprovServer.h), and the core's callbacks turned into notifications. No
// decision about regions, policy, findings or when to parse is made here.
// The capabilities advertised in onInitialize are exactly the methods
// bound in the constructor.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_LSPSERVER_H
#define AIPROV_SERVER_LSPSERVER_H

#include "AiprovServer.h"
#include "JSONRPC.h"
#include "Protocol.h"
#include "Transport.h"
#include <map>
#include <memory>

namespace aiprov::server {

class LSPServer : private Transport::MessageHandler,
                  private AiprovServer::Callbacks {
public:
  LSPServer(Transport &Out, const AiprovServer::Options &Opts);

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
  /// Hands a client notice to the core (which reports the document again
  /// if it changed its regions); logs it when the document is not open.
  void notice(llvm::StringRef Uri, const PasteNotice &Notice);
  /// False, with Method's notice logged as ignored, when Range has a line
  /// Uri's document does not.
  bool noticeInDocument(llvm::StringRef Method, llvm::StringRef Uri,
                        const lsp::Range &Range);

  /// Publishes Doc's diagnostics.
  void onDiagnosticsReady(const DocumentAnalysis &Doc) override;
  /// Sends textDocument/publishDiagnostics.
  void publish(const lsp::PublishDiagnosticsParams &Params);
  /// Posts Task to the transport's reader thread.
  void runOnCoreThread(std::function<void()> Task) override;
  /// The snapshot of an open document, or an InvalidParams reply.
  std::shared_ptr<const DocumentAnalysis> openOrReply(llvm::StringRef Uri,
                                                      ReplyOnce &Reply);

  Transport &Out;
  Dispatcher Dispatch;
  bool ShutdownRequested = false;
  /// The client takes versioned workspace edits (documentChanges).
  bool VersionedEdits = false;
  /// The client watches files for us when asked (in `initialized`).
  bool CanWatchFiles = false;
  /// Last: its parse worker may call back into the members above until it
  /// is destroyed, first.
  AiprovServer Core;
};

} // namespace aiprov::server

#endif
