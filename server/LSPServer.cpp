//===--- LSPServer.cpp - The LSP adapter over AiprovServer ----------------===//
//
// Requests are answered in the order they arrive, on the reader thread, so
// by the time a $/cancelRequest is read its request is usually answered.
// The exception is workspace/executeCommand, which waits for the client to
// apply its edit: cancelling it answers RequestCancelled at once. AST
// parses are not requests; a newer edit supersedes a parse not yet started
// (ParseScheduler.h).
//
//===----------------------------------------------------------------------===//
#include "LSPServer.h"
#include "CodeActions.h"
#include "CodeLens.h"
#include "Diagnostics.h"
#include "DocumentUris.h"
#include "Hover.h"
#include "Logger.h"
#include "RegionLookup.h"
#include "WirePositions.h"
#include "aiprov/directives/Directive.h"
#include "aiprov/support/JsonAccess.h"
#include "aiprov/support/Version.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"

namespace aiprov::server {

namespace {

/// Why Line (0-based, client) is not a line of Doc; nullopt when it is.
/// The empty line after a final line break is one (LSP).
std::optional<std::string> lineOutside(const DocumentAnalysis &Doc,
                                       llvm::StringRef What, uint32_t Line) {
  unsigned Last = Doc.Lines->editorLineCount() - 1;
  if (Line <= Last)
    return std::nullopt;
  return llvm::formatv("{0} line {1} is past the last line ({2}) of {3}", What,
                       Line, Last, Doc.Key)
      .str();
}

std::optional<std::string> rangeOutside(const DocumentAnalysis &Doc,
                                        const lsp::Range &R) {
  if (auto Why = lineOutside(Doc, "range start", R.start.line))
    return Why;
  return lineOutside(Doc, "range end", R.end.line);
}

std::string keyOr(const Region &R, llvm::StringRef Key) {
  return R.Origin.get(Key).value_or("").str();
}

} // namespace

LSPServer::LSPServer(Transport &Out, const AiprovServer::Options &Opts)
    : Out(Out), Dispatch(Out), Core(Opts, this) {
  Dispatch.method("initialize", this, &LSPServer::onInitialize);
  Dispatch.notification("initialized", this, &LSPServer::onInitialized);
  Dispatch.notification("workspace/didChangeWatchedFiles", this,
                        &LSPServer::onDidChangeWatchedFiles);
  Dispatch.notification("workspace/didChangeWorkspaceFolders", this,
                        &LSPServer::onDidChangeWorkspaceFolders);
  Dispatch.method("shutdown", this, &LSPServer::onShutdown);
  Dispatch.notification("$/cancelRequest", this, &LSPServer::onCancelRequest);
  Dispatch.notification("textDocument/didOpen", this, &LSPServer::onDidOpen);
  Dispatch.notification("textDocument/didChange", this,
                        &LSPServer::onDidChange);
  Dispatch.notification("textDocument/didSave", this, &LSPServer::onDidSave);
  Dispatch.notification("textDocument/didClose", this, &LSPServer::onDidClose);
  Dispatch.method("textDocument/diagnostic", this,
                  &LSPServer::onDocumentDiagnostic);
  Dispatch.method("textDocument/hover", this, &LSPServer::onHover);
  Dispatch.method("textDocument/codeLens", this, &LSPServer::onCodeLens);
  Dispatch.method("aiprov/regions", this, &LSPServer::onRegions);
  Dispatch.method("textDocument/codeAction", this, &LSPServer::onCodeAction);
  Dispatch.method("workspace/executeCommand", this,
                  &LSPServer::onExecuteCommand);
  Dispatch.notification("aiprov/didPaste", this, &LSPServer::onDidPaste);
  Dispatch.notification("aiprov/didInsertCompletion", this,
                        &LSPServer::onDidInsertCompletion);
}

int LSPServer::run() {
  Transport::Ended End = Out.loop(*this);
  // Input ended: no message will settle pending pastes any more.
  Core.settlePastes();
  if (End == Transport::Ended::ReadError)
    return 1;
  if (End == Transport::Ended::EndOfInput) {
    logInfo("input ended; exiting");
    return 0;
  }
  return ShutdownRequested ? 0 : 1;
}

bool LSPServer::onMessage(nlohmann::json Message) {
  // A pending unknown paste waits for exactly one message: a notice about
  // its document may still name its origin; anything else settles it
  // (PasteDetector.h, docs/lsp.md "Paste provenance").
  std::string NoticeUri;
  if (Message.is_object()) {
    auto Method = Message.find("method");
    if (Method != Message.end() && Method->is_string() &&
        (*Method == "aiprov/didPaste" ||
         *Method == "aiprov/didInsertCompletion")) {
      const nlohmann::json *At = &Message;
      for (const char *Field : {"params", "textDocument", "uri"}) {
        auto Next = At->is_object() ? At->find(Field) : At->end();
        At = Next == At->end() ? nullptr : &*Next;
        if (!At)
          break;
      }
      if (At && At->is_string())
        NoticeUri = At->get<std::string>();
    }
  }
  Core.settlePastes(NoticeUri);
  bool Continue = Dispatch.handleMessage(Message);
  if (!Continue) // `exit`: nothing will settle them later.
    Core.settlePastes();
  return Continue;
}

void LSPServer::onInitialize(const lsp::InitializeParams &Params,
                             ReplyOnce Reply) {
  // UTF-8 is the engine's own unit: take it whenever the client offers it.
  bool Utf8 = llvm::is_contained(Params.positionEncodings, "utf-8");
  Core.setEncoding(Utf8 ? OffsetEncoding::UTF8 : OffsetEncoding::UTF16);
  VersionedEdits = Params.documentChanges;
  CanWatchFiles = Params.watchedFilesRegistration;
  for (const std::string &Folder : Params.workspaceFolders)
    logInfo("workspace folder " + Folder);
  std::vector<std::string> ActionKinds;
  for (ActionKind Kind :
       {ActionKind::AnnotateSelection, ActionKind::MarkReviewed,
        ActionKind::ConvertToAnnotation, ActionKind::DeleteRegion})
    ActionKinds.push_back(codeActionKind(Kind).str());
  Dispatch.setLifecycle(Lifecycle::Running);
  logInfo("initialized; position encoding " + encodingName(Core.encoding()));
  Reply.result(
      {{"capabilities",
        {{"positionEncoding", encodingName(Core.encoding())},
         {"textDocumentSync",
          {{"openClose", true},
           {"change", 2}, // Incremental.
           {"save", {{"includeText", false}}}}},
         {"hoverProvider", true},
         {"codeLensProvider", {{"resolveProvider", false}}},
         {"codeActionProvider",
          {{"codeActionKinds", ActionKinds}, {"resolveProvider", false}}},
         {"executeCommandProvider", {{"commands", commandNames()}}},
         {"diagnosticProvider",
          {{"identifier", "aiprov"},
           {"interFileDependencies", false},
           {"workspaceDiagnostics", false}}},
         {"workspace",
          {{"workspaceFolders",
            {{"supported", true}, {"changeNotifications", true}}}}},
         {"experimental", {{"aiprovRegionsProvider", true}}}}},
       {"serverInfo", {{"name", "aiprov"}, {"version", Version}}}});
}

void LSPServer::onInitialized(const nlohmann::json &) {
  if (!CanWatchFiles) {
    logInfo("the client cannot watch files: policy, ignore file and ledger "
            "changes are seen after a restart");
    return;
  }
  // Whatever decides a document's findings besides its own text.
  nlohmann::json Watchers = nlohmann::json::array();
  for (const char *Glob : {"**/.aiprov.yaml", "**/.aiprov/ledger.jsonl",
                           "**/.agent-trace/traces.jsonl", "**/.aiexclude",
                           "**/.*ignore", "**/compile_commands.json"})
    Watchers.push_back({{"globPattern", Glob}});
  Dispatch.call("client/registerCapability",
                {{"registrations",
                  {{{"id", "aiprov-watched-files"},
                    {"method", "workspace/didChangeWatchedFiles"},
                    {"registerOptions", {{"watchers", Watchers}}}}}}},
                [](llvm::Expected<nlohmann::json> Result) {
                  if (!Result)
                    logError("the client would not watch files: " +
                             llvm::toString(Result.takeError()));
                });
}

void LSPServer::onDidChangeWatchedFiles(
    const lsp::DidChangeWatchedFilesParams &Params) {
  for (const std::string &Uri : Params.uris)
    logInfo("changed on disk: " + Uri);
  Core.reloadWorkspaceFiles();
}

void LSPServer::onDidChangeWorkspaceFolders(
    const lsp::DidChangeWorkspaceFoldersParams &Params) {
  // Nothing depends on folders: each document's policy, ledger and compile
  // command are found from its own path, as `aiprov check` finds them.
  for (const std::string &Folder : Params.added)
    logInfo("workspace folder added: " + Folder);
  for (const std::string &Folder : Params.removed)
    logInfo("workspace folder removed: " + Folder);
}

void LSPServer::onShutdown(const nlohmann::json &, ReplyOnce Reply) {
  ShutdownRequested = true;
  Dispatch.setLifecycle(Lifecycle::ShutDown);
  Reply.result(nullptr);
}

void LSPServer::onCancelRequest(const lsp::CancelParams &Params) {
  Dispatch.cancel(Params.id);
}

void LSPServer::onDidOpen(const lsp::DidOpenTextDocumentParams &Params) {
  const lsp::TextDocumentItem &Item = Params.textDocument;
  llvm::Expected<std::string> Path = documentPathOfUri(Item.uri);
  if (!Path) {
    // Not opened: nothing is recorded, shown or answered under a wrong
    // name, and requests about it say the document is not open.
    logError("textDocument/didOpen ignored: " +
             llvm::toString(Path.takeError()));
    return;
  }
  Core.openDocument(Item.uri, *Path, Item.text, Item.version);
}

void LSPServer::onDidChange(const lsp::DidChangeTextDocumentParams &Params) {
  std::vector<ContentChange> Edits;
  for (const lsp::TextDocumentContentChangeEvent &Change :
       Params.contentChanges) {
    ContentChange Edit;
    if (Change.range)
      Edit.Range = fromWire(*Change.range);
    Edit.NewText = Change.text;
    Edits.push_back(std::move(Edit));
  }
  auto Doc = Core.changeDocument(Params.textDocument.uri, Edits,
                                 Params.textDocument.version);
  if (!Doc)
    logError("didChange ignored: " + llvm::toString(Doc.takeError()));
}

void LSPServer::notice(llvm::StringRef Uri, const PasteNotice &Notice) {
  auto Noticed = Core.noticeDocument(Uri, Notice);
  if (!Noticed)
    logError("notice ignored: " + llvm::toString(Noticed.takeError()));
}

bool LSPServer::noticeInDocument(llvm::StringRef Method, llvm::StringRef Uri,
                                 const lsp::Range &Range) {
  std::shared_ptr<const DocumentAnalysis> Doc = Core.analysis(Uri);
  if (!Doc)
    return true; // noticeDocument() says it is not open.
  if (std::optional<std::string> Why = rangeOutside(*Doc, Range)) {
    logError(Method + " ignored: " + *Why);
    return false;
  }
  return true;
}

void LSPServer::onDidPaste(const lsp::DidPasteParams &Params) {
  if (!noticeInDocument("aiprov/didPaste", Params.textDocument.uri,
                        Params.range))
    return;
  PasteNotice Notice;
  Notice.What = Params.sourceKind == "workspace"
                    ? PasteNotice::Kind::WorkspacePaste
                    : PasteNotice::Kind::ExternalPaste;
  Notice.Lines = linesOf(fromWire(Params.range));
  notice(Params.textDocument.uri, Notice);
}

void LSPServer::onDidInsertCompletion(
    const lsp::DidInsertCompletionParams &Params) {
  if (!noticeInDocument("aiprov/didInsertCompletion", Params.textDocument.uri,
                        Params.range))
    return;
  PasteNotice Notice;
  Notice.What = PasteNotice::Kind::Completion;
  Notice.Lines = linesOf(fromWire(Params.range));
  Notice.Tool = Params.tool;
  Notice.Model = Params.model.value_or("");
  notice(Params.textDocument.uri, Notice);
}

void LSPServer::onDidSave(const lsp::TextDocumentParams &) {
  // The open text is already what was analyzed; nothing changes on save.
}

void LSPServer::onDidClose(const lsp::TextDocumentParams &Params) {
  if (!Core.closeDocument(Params.textDocument.uri)) {
    logError("didClose of a document that is not open: " +
             Params.textDocument.uri);
    return;
  }
  // A closed document's findings would otherwise linger in the editor.
  publish({Params.textDocument.uri, std::nullopt, {}});
}

std::shared_ptr<const DocumentAnalysis>
LSPServer::openOrReply(llvm::StringRef Uri, ReplyOnce &Reply) {
  std::shared_ptr<const DocumentAnalysis> Doc = Core.analysis(Uri);
  if (!Doc)
    Reply.error(ErrorCode::InvalidParams, "document is not open: " + Uri.str());
  return Doc;
}

void LSPServer::onDocumentDiagnostic(const lsp::TextDocumentParams &Params,
                                     ReplyOnce Reply) {
  if (auto Doc = openOrReply(Params.textDocument.uri, Reply))
    Reply.result(lsp::FullDocumentDiagnosticReport{diagnosticsOf(Core, *Doc)});
}

void LSPServer::onHover(const lsp::TextDocumentPositionParams &Params,
                        ReplyOnce Reply) {
  auto Doc = openOrReply(Params.textDocument.uri, Reply);
  if (!Doc)
    return;
  if (auto Why = lineOutside(*Doc, "position", Params.position.line)) {
    Reply.error(ErrorCode::InvalidParams, *Why);
    return;
  }
  std::optional<HoverInfo> Info = hoverAt(*Doc, fromWire(Params.position));
  if (!Info) {
    Reply.result(nullptr);
    return;
  }
  Reply.result(lsp::Hover{
      std::move(Info->Markdown),
      toWire(Core.lineSpan(*Doc, Info->Lines.First, Info->Lines.Last))});
}

void LSPServer::onCodeLens(const lsp::TextDocumentParams &Params,
                           ReplyOnce Reply) {
  auto Doc = openOrReply(Params.textDocument.uri, Reply);
  if (!Doc)
    return;
  std::vector<lsp::CodeLens> Lenses;
  for (RegionLens &Lens : regionLenses(*Doc))
    Lenses.push_back({toWire(Core.lineSpan(*Doc, Lens.Line, Lens.Line)),
                      {std::move(Lens.Title), "", {}}});
  Reply.result(Lenses);
}

void LSPServer::onRegions(const lsp::TextDocumentParams &Params,
                          ReplyOnce Reply) {
  auto Doc = openOrReply(Params.textDocument.uri, Reply);
  if (!Doc)
    return;
  lsp::RegionsResult Result{Doc->Key, Doc->Version, {}};
  for (const Region &R : Doc->Regions.Regions)
    Result.regions.push_back(
        {toWire(Core.lineSpan(*Doc, R.FirstLine, R.LastLine)),
         sourceName(R.Origin.Source).str(), R.tool().str(), keyOr(R, "model"),
         keyOr(R, "origin"), reviewStatusName(R.Review).str(),
         permissionName(Doc->Policy.Ai).str(), R.lineCount(),
         R.isUnknownPaste(), checksOf(*Doc, R)});
  Reply.result(Result);
}

void LSPServer::onCodeAction(const lsp::CodeActionParams &Params,
                             ReplyOnce Reply) {
  auto Doc = openOrReply(Params.textDocument.uri, Reply);
  if (!Doc)
    return;
  if (auto Why = rangeOutside(*Doc, Params.range)) {
    Reply.error(ErrorCode::InvalidParams, *Why);
    return;
  }
  auto Wanted = [&](llvm::StringRef Kind) {
    return Params.only.empty() ||
           llvm::any_of(Params.only, [&](llvm::StringRef Only) {
             return Kind == Only || Kind.starts_with((Only + ".").str());
           });
  };
  LineRange Selection = linesOf(fromWire(Params.range));
  std::vector<lsp::CodeAction> Actions;
  for (const ActionOffer &Offer : offerActions(*Doc, Selection)) {
    llvm::StringRef Kind = codeActionKind(Offer.Kind);
    if (!Wanted(Kind))
      continue;
    lsp::ActionArguments Arguments;
    Arguments.uri = Doc->Key;
    Arguments.version = Doc->Version;
    Arguments.line = Offer.Lines.First - 1;
    Arguments.lastLine = Offer.Lines.Last - 1;
    lsp::CodeAction Action{Offer.Title,
                           Kind.str(),
                           {},
                           {Offer.Title,
                            commandName(Offer.Kind).str(),
                            {nlohmann::json(Arguments)}}};
    // The client's diagnostics this action resolves: the region's findings,
    // reported on its lines.
    Action.diagnostics =
        findingsAmong(Params.diagnostics, Offer.Resolves, Offer.Lines);
    Actions.push_back(std::move(Action));
  }
  Reply.result(Actions);
}

void LSPServer::onExecuteCommand(const lsp::ExecuteCommandParams &Params,
                                 ReplyOnce Reply) {
  std::optional<ActionKind> Kind = actionOfCommand(Params.command);
  if (!Kind) {
    Reply.error(ErrorCode::InvalidParams, "unknown command: " + Params.command);
    return;
  }
  std::string Problem;
  std::optional<lsp::ActionArguments> Arguments =
      Dispatcher::decode<lsp::ActionArguments>(Params.argument, Problem);
  if (!Arguments) {
    Reply.error(ErrorCode::InvalidParams, Params.command + ": " + Problem);
    return;
  }
  auto Doc = openOrReply(Arguments->uri, Reply);
  if (!Doc)
    return;
  if (Doc->Version != Arguments->version) {
    Reply.error(ErrorCode::ContentModified,
                llvm::formatv("{0}: the document changed since the action was "
                              "offered (version {1}, now {2}); ask for code "
                              "actions again",
                              Params.command, Arguments->version, Doc->Version)
                    .str());
    return;
  }
  if (auto Why = lineOutside(*Doc, "lastLine", Arguments->lastLine)) {
    Reply.error(ErrorCode::InvalidParams, Params.command + ": " + *Why);
    return;
  }
  ActionInputs Inputs = actionInputs(*Doc, *Kind);
  for (auto [Key, Value] : {std::pair{"tool", &Arguments->tool},
                            std::pair{"model", &Arguments->model},
                            std::pair{"origin", &Arguments->origin}})
    if (*Value)
      Inputs.Keys.push_back({Key, **Value});
  llvm::Expected<std::string> NewText = runAction(
      *Doc, *Kind, {Arguments->line + 1, Arguments->lastLine + 1}, Inputs);
  if (!NewText) {
    Reply.error(ErrorCode::RequestFailed, llvm::toString(NewText.takeError()));
    return;
  }
  lsp::ApplyWorkspaceEditParams Edit;
  Edit.label = editLabel(*Kind).str();
  Edit.uri = Doc->Key;
  if (VersionedEdits)
    Edit.version = Doc->Version;
  for (LineReplacement &Change : lineEdits(Doc->Text, *NewText))
    Edit.edits.push_back(
        {{toWire(positionOfOffset(Doc->Text, Change.Begin, Core.encoding())),
          toWire(positionOfOffset(Doc->Text, Change.End, Core.encoding()))},
         std::move(Change.Text)});
  // The command is answered once the editor says whether it applied the
  // edit.
  Dispatch.callThenReply(
      "workspace/applyEdit", Edit, std::move(Reply),
      [Command = Params.command](ReplyOnce &Pending,
                                 llvm::Expected<nlohmann::json> Result) {
        if (!Result) {
          Pending.error(ErrorCode::RequestFailed,
                        Command + ": the editor refused the edit: " +
                            llvm::toString(Result.takeError()));
          return;
        }
        // The client's answer is untrusted JSON: `applied` must be true,
        // not merely present (value() would throw on "yes" and end the
        // server).
        const nlohmann::json *Applied = member(*Result, "applied");
        if (Applied && Applied->is_boolean() && Applied->get<bool>()) {
          Pending.result(nullptr);
          return;
        }
        std::string Why = stringOr(*Result, "failureReason", "no reason given");
        Pending.error(ErrorCode::RequestFailed,
                      Command + ": the editor did not apply the edit: " + Why);
      });
}

void LSPServer::runOnCoreThread(std::function<void()> Task) {
  Out.post(std::move(Task));
}

void LSPServer::onDiagnosticsReady(const DocumentAnalysis &Doc) {
  publish({Doc.Key, Doc.Version, diagnosticsOf(Core, Doc)});
}

void LSPServer::publish(const lsp::PublishDiagnosticsParams &Params) {
  Out.send({{"jsonrpc", "2.0"},
            {"method", "textDocument/publishDiagnostics"},
            {"params", Params}});
}

} // namespace aiprov::server
