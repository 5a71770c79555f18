//===--- Protocol.cpp - LSP 3.17 wire types used by aiprov ----------------===//
//
// Required fields use at() so that a missing one throws and becomes
// InvalidParams; optional ones are read only when present and non-null,
// because clients send `null` for absent optional fields.
//
//===----------------------------------------------------------------------===//
#include "Protocol.h"
#include <limits>

namespace aiprov::lsp {

namespace {

/// The LSP's `integer` and `uinteger` are 32-bit (LSP 3.17 "Base Types"),
/// and line and character are `uinteger`s limited to the `integer` range.
constexpr int64_t MaxInteger = std::numeric_limits<int32_t>::max();
constexpr int64_t MinInteger = std::numeric_limits<int32_t>::min();

/// J[Name] as an integer in [Min, Max]. nlohmann's get<uint32_t>() would
/// take 2^63, -1, 1.5 or true and convert them modulo 2^32 (line 2^63 was
/// line 0), so only a JSON integer in range is accepted; the error names
/// the field and the value, and becomes InvalidParams or a logged error.
int64_t integerField(const Json &J, const char *Name, int64_t Min,
                     int64_t Max) {
  const Json &Value = J.at(Name);
  bool InRange = false;
  if (Value.is_number_unsigned())
    InRange = Value.get<uint64_t>() <= static_cast<uint64_t>(Max);
  else if (Value.is_number_integer())
    InRange = Min <= Value.get<int64_t>() && Value.get<int64_t>() <= Max;
  if (!InRange)
    throw Json::out_of_range::create(
        406,
        std::string(Name) + " must be an integer in [" + std::to_string(Min) +
            ", " + std::to_string(Max) + "], not " +
            Value.dump(-1, ' ', false, Json::error_handler_t::replace)
                .substr(0, 64),
        &J);
  return Value.is_number_unsigned()
             ? static_cast<int64_t>(Value.get<uint64_t>())
             : Value.get<int64_t>();
}

/// A 0-based line or character: `uinteger` within `integer`'s range.
uint32_t uintegerField(const Json &J, const char *Name) {
  return static_cast<uint32_t>(integerField(J, Name, 0, MaxInteger));
}

/// A document version (`integer`).
int64_t versionField(const Json &J, const char *Name) {
  return integerField(J, Name, MinInteger, MaxInteger);
}

/// Field of J when present and not null.
const Json *optionalField(const Json &J, const char *Name) {
  auto It = J.find(Name);
  return It == J.end() || It->is_null() ? nullptr : &*It;
}

/// J.A.B.… when every object on the way has the next field; capabilities
/// are nested several objects deep and any level may be missing.
const Json *optionalPath(const Json &J,
                         std::initializer_list<const char *> Path) {
  const Json *At = &J;
  for (const char *Name : Path) {
    At = At->is_object() ? optionalField(*At, Name) : nullptr;
    if (!At)
      return nullptr;
  }
  return At;
}

/// A boolean capability: true only when present and true.
bool flagAt(const Json &J, std::initializer_list<const char *> Path) {
  const Json *Flag = optionalPath(J, Path);
  return Flag && Flag->is_boolean() && Flag->get<bool>();
}

} // namespace

void from_json(const Json &J, Position &P) {
  P.line = uintegerField(J, "line");
  P.character = uintegerField(J, "character");
}
void to_json(Json &J, const Position &P) {
  J = {{"line", P.line}, {"character", P.character}};
}

void from_json(const Json &J, Range &R) {
  J.at("start").get_to(R.start);
  J.at("end").get_to(R.end);
  if (R.end.line < R.start.line ||
      (R.end.line == R.start.line && R.end.character < R.start.character))
    throw Json::out_of_range::create(406, "range ends before it starts", &J);
}
void to_json(Json &J, const Range &R) {
  J = {{"start", R.start}, {"end", R.end}};
}

void from_json(const Json &J, TextDocumentIdentifier &T) {
  J.at("uri").get_to(T.uri);
}

void from_json(const Json &J, VersionedTextDocumentIdentifier &T) {
  J.at("uri").get_to(T.uri);
  T.version = versionField(J, "version");
}

void from_json(const Json &J, TextDocumentItem &T) {
  J.at("uri").get_to(T.uri);
  J.at("languageId").get_to(T.languageId);
  T.version = versionField(J, "version");
  J.at("text").get_to(T.text);
}

void from_json(const Json &J, DidOpenTextDocumentParams &P) {
  J.at("textDocument").get_to(P.textDocument);
}

void from_json(const Json &J, TextDocumentContentChangeEvent &E) {
  if (const Json *Range = optionalField(J, "range"))
    E.range = Range->get<lsp::Range>();
  J.at("text").get_to(E.text);
}

void from_json(const Json &J, DidChangeTextDocumentParams &P) {
  J.at("textDocument").get_to(P.textDocument);
  J.at("contentChanges").get_to(P.contentChanges);
}

void from_json(const Json &J, DidPasteParams &P) {
  J.at("textDocument").get_to(P.textDocument);
  J.at("range").get_to(P.range);
  const Json &Source = J.at("source");
  Source.at("kind").get_to(P.sourceKind);
  if (P.sourceKind != "workspace" && P.sourceKind != "external")
    throw Json::type_error::create(
        302, "source.kind must be \"workspace\" or \"external\"", &J);
  if (const Json *Uri = optionalField(Source, "uri"))
    P.sourceUri = Uri->get<std::string>();
}

void from_json(const Json &J, DidInsertCompletionParams &P) {
  J.at("textDocument").get_to(P.textDocument);
  J.at("range").get_to(P.range);
  const Json &Source = J.at("source");
  Source.at("tool").get_to(P.tool);
  if (const Json *Model = optionalField(Source, "model"))
    P.model = Model->get<std::string>();
}

void from_json(const Json &J, TextDocumentParams &P) {
  J.at("textDocument").get_to(P.textDocument);
}

void from_json(const Json &J, TextDocumentPositionParams &P) {
  J.at("textDocument").get_to(P.textDocument);
  J.at("position").get_to(P.position);
}

void from_json(const Json &J, InitializeParams &P) {
  if (const Json *Root = optionalField(J, "rootUri"))
    P.rootUri = Root->get<std::string>();
  if (const Json *Encodings =
          optionalPath(J, {"capabilities", "general", "positionEncodings"}))
    Encodings->get_to(P.positionEncodings);
  P.documentChanges = flagAt(
      J, {"capabilities", "workspace", "workspaceEdit", "documentChanges"});
  P.watchedFilesRegistration =
      flagAt(J, {"capabilities", "workspace", "didChangeWatchedFiles",
                 "dynamicRegistration"});
  if (const Json *Folders = optionalField(J, "workspaceFolders"))
    for (const Json &Folder : Folders->get<std::vector<Json>>())
      P.workspaceFolders.push_back(Folder.at("uri").get<std::string>());
}

void from_json(const Json &J, DidChangeWatchedFilesParams &P) {
  for (const Json &Change : J.at("changes").get<std::vector<Json>>())
    P.uris.push_back(Change.at("uri").get<std::string>());
}

void from_json(const Json &J, DidChangeWorkspaceFoldersParams &P) {
  const Json &Event = J.at("event");
  for (auto [Name, Uris] :
       {std::pair{"added", &P.added}, std::pair{"removed", &P.removed}})
    for (const Json &Folder : Event.at(Name).get<std::vector<Json>>())
      Uris->push_back(Folder.at("uri").get<std::string>());
}

void from_json(const Json &J, CancelParams &P) {
  P.id = J.at("id");
  if (!P.id.is_number_integer() && !P.id.is_string())
    throw Json::type_error::create(302, "id must be a number or a string", &J);
}

void to_json(Json &J, const Diagnostic &D) {
  J = {{"range", D.range},
       {"severity", static_cast<int>(D.severity)},
       {"source", D.source},
       {"message", D.message}};
  if (!D.code.empty())
    J["code"] = D.code;
}

void to_json(Json &J, const PublishDiagnosticsParams &P) {
  J = {{"uri", P.uri}, {"diagnostics", P.diagnostics}};
  if (P.version)
    J["version"] = *P.version;
}

void to_json(Json &J, const FullDocumentDiagnosticReport &R) {
  J = {{"kind", "full"}, {"items", R.items}};
}

void to_json(Json &J, const Hover &H) {
  J = {{"contents", {{"kind", "markdown"}, {"value", H.markdown}}}};
  if (H.range)
    J["range"] = *H.range;
}

void to_json(Json &J, const Command &C) {
  J = {{"title", C.title}, {"command", C.command}};
  if (!C.arguments.empty())
    J["arguments"] = C.arguments;
}

void from_json(const Json &J, CodeActionParams &P) {
  J.at("textDocument").get_to(P.textDocument);
  J.at("range").get_to(P.range);
  const Json &Context = J.at("context");
  Context.at("diagnostics").get_to(P.diagnostics);
  if (const Json *Only = optionalField(Context, "only"))
    Only->get_to(P.only);
}

void to_json(Json &J, const CodeAction &A) {
  J = {{"title", A.title}, {"kind", A.kind}, {"command", A.command}};
  if (!A.diagnostics.empty())
    J["diagnostics"] = A.diagnostics;
}

void from_json(const Json &J, ExecuteCommandParams &P) {
  J.at("command").get_to(P.command);
  P.argument = Json::object();
  if (const Json *Arguments = optionalField(J, "arguments"))
    if (!Arguments->empty())
      P.argument = Arguments->at(0);
}

void from_json(const Json &J, ActionArguments &A) {
  J.at("uri").get_to(A.uri);
  A.version = versionField(J, "version");
  A.line = uintegerField(J, "line");
  A.lastLine = A.line;
  if (optionalField(J, "lastLine"))
    A.lastLine = uintegerField(J, "lastLine");
  if (A.lastLine < A.line)
    throw Json::type_error::create(302, "lastLine is before line", &J);
  for (auto [Name, Field] :
       {std::pair{"tool", &A.tool}, std::pair{"model", &A.model},
        std::pair{"origin", &A.origin}})
    if (const Json *Value = optionalField(J, Name))
      *Field = Value->get<std::string>();
}

void to_json(Json &J, const ActionArguments &A) {
  J = {{"uri", A.uri},
       {"version", A.version},
       {"line", A.line},
       {"lastLine", A.lastLine}};
  for (auto [Name, Field] :
       {std::pair{"tool", &A.tool}, std::pair{"model", &A.model},
        std::pair{"origin", &A.origin}})
    if (*Field)
      J[Name] = **Field;
}

void to_json(Json &J, const TextEdit &E) {
  J = {{"range", E.range}, {"newText", E.newText}};
}

void to_json(Json &J, const ApplyWorkspaceEditParams &P) {
  Json Edit;
  if (P.version)
    Edit["documentChanges"] = Json::array(
        {{{"textDocument", {{"uri", P.uri}, {"version", *P.version}}},
          {"edits", P.edits}}});
  else
    Edit["changes"] = {{P.uri, P.edits}};
  J = {{"label", P.label}, {"edit", std::move(Edit)}};
}

void to_json(Json &J, const CodeLens &L) {
  J = {{"range", L.range}, {"command", L.command}};
}

void to_json(Json &J, const RegionInfo &R) {
  J = {{"range", R.range},
       {"source", R.source},
       {"tool", R.tool},
       {"review", R.review},
       {"verdict", R.verdict},
       {"lineCount", R.lineCount},
       {"unknownPaste", R.unknownPaste},
       {"checks", R.checks}};
  if (!R.model.empty())
    J["model"] = R.model;
  if (!R.origin.empty())
    J["origin"] = R.origin;
}

void to_json(Json &J, const RegionsResult &R) {
  J = {{"uri", R.uri}, {"version", R.version}, {"regions", R.regions}};
}

} // namespace aiprov::lsp
