//===--- Protocol.h - LSP 3.17 wire types used by aiprov ------------------===//
//
// Only what the server reads or writes, each struct followed by its
// nlohmann/json from_json/to_json pair (clangd's Protocol.h shape). Field
// names are the protocol's; units are on the fields. from_json throws
// nlohmann::json::exception on a missing or mistyped required field; the
// dispatcher turns that into InvalidParams (JSONRPC.h), so handlers only
// ever see well-formed params.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_PROTOCOL_H
#define AIPROV_SERVER_PROTOCOL_H

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

// Wire structs keep the protocol's own field names (as clangd's do), so a
// field reads exactly like the spec; from_json/to_json are the names
// nlohmann/json looks up. Hence no LLVM naming here.
// NOLINTBEGIN(readability-identifier-naming)
namespace aiprov::lsp {

using Json = nlohmann::json;

struct Position {
  /// 0-based line.
  uint32_t line = 0;
  /// 0-based column in code units of the negotiated position encoding:
  /// UTF-16 code units unless `initialize` agreed on "utf-8" (bytes). A
  /// character outside the BMP is two UTF-16 units (a surrogate pair).
  uint32_t character = 0;
};
void from_json(const Json &J, Position &P);
void to_json(Json &J, const Position &P);

/// [start, end), end exclusive.
struct Range {
  Position start, end;
};
void from_json(const Json &J, Range &R);
void to_json(Json &J, const Range &R);

struct TextDocumentIdentifier {
  std::string uri;
};
void from_json(const Json &J, TextDocumentIdentifier &T);

struct VersionedTextDocumentIdentifier {
  std::string uri;
  int64_t version = 0;
};
void from_json(const Json &J, VersionedTextDocumentIdentifier &T);

struct TextDocumentItem {
  std::string uri;
  std::string languageId;
  int64_t version = 0;
  std::string text; // UTF-8, as JSON strings are.
};
void from_json(const Json &J, TextDocumentItem &T);

struct DidOpenTextDocumentParams {
  TextDocumentItem textDocument;
};
void from_json(const Json &J, DidOpenTextDocumentParams &P);

struct TextDocumentContentChangeEvent {
  /// Absent: text replaces the whole document.
  std::optional<Range> range;
  std::string text;
};
void from_json(const Json &J, TextDocumentContentChangeEvent &E);

struct DidChangeTextDocumentParams {
  VersionedTextDocumentIdentifier textDocument;
  std::vector<TextDocumentContentChangeEvent> contentChanges;
};
void from_json(const Json &J, DidChangeTextDocumentParams &P);

/// didSave, didClose, codeLens, textDocument/diagnostic and aiprov/regions
/// all take just the document.
struct TextDocumentParams {
  TextDocumentIdentifier textDocument;
};
void from_json(const Json &J, TextDocumentParams &P);

struct TextDocumentPositionParams {
  TextDocumentIdentifier textDocument;
  Position position;
};
void from_json(const Json &J, TextDocumentPositionParams &P);

struct InitializeParams {
  /// capabilities.general.positionEncodings ("utf-8", "utf-16", …); the
  /// client supports "utf-16" whether it lists it or not.
  std::vector<std::string> positionEncodings;
  std::optional<std::string> rootUri;
  /// workspaceFolders[].uri; empty when the client sent none (or null).
  std::vector<std::string> workspaceFolders;
  /// capabilities.workspace.workspaceEdit.documentChanges: the client
  /// takes versioned edits, so a stale edit is refused, not misapplied.
  bool documentChanges = false;
  /// capabilities.workspace.didChangeWatchedFiles.dynamicRegistration: the
  /// server may ask the client to watch files (client/registerCapability).
  bool watchedFilesRegistration = false;
};
void from_json(const Json &J, InitializeParams &P);

/// workspace/didChangeWatchedFiles: only which files; what changed about
/// them does not matter (everything is read again).
struct DidChangeWatchedFilesParams {
  std::vector<std::string> uris;
};
void from_json(const Json &J, DidChangeWatchedFilesParams &P);

/// workspace/didChangeWorkspaceFolders: the folders' URIs.
struct DidChangeWorkspaceFoldersParams {
  std::vector<std::string> added, removed;
};
void from_json(const Json &J, DidChangeWorkspaceFoldersParams &P);

struct CancelParams {
  Json id; // Number or string.
};
void from_json(const Json &J, CancelParams &P);

/// aiprov/didPaste (docs/lsp.md): where pasted text now is and where it
/// came from.
struct DidPasteParams {
  TextDocumentIdentifier textDocument;
  Range range;
  /// "workspace" or "external".
  std::string sourceKind;
  std::optional<std::string> sourceUri;
};
void from_json(const Json &J, DidPasteParams &P);

/// aiprov/didInsertCompletion (docs/lsp.md): where an accepted completion
/// now is and which tool made it.
struct DidInsertCompletionParams {
  TextDocumentIdentifier textDocument;
  Range range;
  std::string tool;
  std::optional<std::string> model;
};
void from_json(const Json &J, DidInsertCompletionParams &P);

enum class DiagnosticSeverity { Error = 1, Warning = 2, Information = 3 };

struct Diagnostic {
  Range range;
  DiagnosticSeverity severity = DiagnosticSeverity::Warning;
  /// The check name ("aiprov-forbidden-region"); empty for problems that
  /// are not findings (a broken policy).
  std::string code;
  std::string source = "aiprov";
  std::string message;
};
void to_json(Json &J, const Diagnostic &D);

struct PublishDiagnosticsParams {
  std::string uri;
  std::optional<int64_t> version;
  std::vector<Diagnostic> diagnostics;
};
void to_json(Json &J, const PublishDiagnosticsParams &P);

/// The result of the pull request textDocument/diagnostic.
struct FullDocumentDiagnosticReport {
  std::vector<Diagnostic> items;
};
void to_json(Json &J, const FullDocumentDiagnosticReport &R);

struct Hover {
  std::string markdown; // contents: MarkupContent of kind markdown
  std::optional<Range> range;
};
void to_json(Json &J, const Hover &H);

struct Command {
  std::string title;
  /// Empty: a lens that only informs (nothing runs when clicked).
  std::string command;
  /// Sent only when not empty.
  std::vector<Json> arguments;
};
void to_json(Json &J, const Command &C);

struct CodeLens {
  Range range;
  Command command;
};
void to_json(Json &J, const CodeLens &L);

struct CodeActionParams {
  TextDocumentIdentifier textDocument;
  Range range;
  /// context.diagnostics, as the client sent them (echoed back in actions).
  std::vector<Json> diagnostics;
  /// context.only: the CodeActionKinds wanted; empty: all.
  std::vector<std::string> only;
};
void from_json(const Json &J, CodeActionParams &P);

struct CodeAction {
  std::string title;
  std::string kind;
  std::vector<Json> diagnostics;
  Command command;
};
void to_json(Json &J, const CodeAction &A);

struct ExecuteCommandParams {
  std::string command;
  /// The object an aiprov code action put in command.arguments[0].
  Json argument;
};
void from_json(const Json &J, ExecuteCommandParams &P);

/// The argument of every aiprov.* command (docs/lsp.md).
struct ActionArguments {
  std::string uri;
  /// The document version the action was offered for.
  int64_t version = 0;
  /// 0-based: where the region starts (its directive), or the first line
  /// of the selection to annotate.
  uint32_t line = 0;
  /// 0-based last line of the selection to annotate; else the region's.
  uint32_t lastLine = 0;
  /// aiprov.annotateSelection only: keys for the new directive.
  std::optional<std::string> tool, model, origin;
};
void from_json(const Json &J, ActionArguments &A);
void to_json(Json &J, const ActionArguments &A);

struct TextEdit {
  Range range;
  std::string newText;
};
void to_json(Json &J, const TextEdit &E);

/// workspace/applyEdit of edits to one document.
struct ApplyWorkspaceEditParams {
  std::string label;
  std::string uri;
  /// Set: sent as documentChanges for this version; else as changes.
  std::optional<int64_t> version;
  std::vector<TextEdit> edits;
};
void to_json(Json &J, const ApplyWorkspaceEditParams &P);

/// One region in the aiprov/regions reply (docs/lsp.md).
struct RegionInfo {
  /// From the region's first line's start to its last line's end.
  Range range;
  std::string source;  // annotation | pragma | attribute | ledger
  std::string tool;    // "unknown" when the directive names none
  std::string model;   // "" when unknown
  std::string origin;  // "" when unknown
  std::string review;  // reviewed | unreviewed | stale
  std::string verdict; // allow | review | forbid (the file's policy)
  uint32_t lineCount = 0;
  bool unknownPaste = false;
  /// Check names that fire for this region, in check-table order.
  std::vector<std::string> checks;
};
void to_json(Json &J, const RegionInfo &R);

struct RegionsResult {
  std::string uri;
  int64_t version = 0;
  std::vector<RegionInfo> regions;
};
void to_json(Json &J, const RegionsResult &R);

} // namespace aiprov::lsp
// NOLINTEND(readability-identifier-naming)

#endif
