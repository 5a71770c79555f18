//===--- ClaudeCodeHook.cpp - Claude Code's PostToolUse payload -----------===//
//
// Claude Code runs the hook after its Write, Edit and MultiEdit tools with
// the tool's input and, in tool_response.structuredPatch, the diff it
// applied; that diff's added lines are the agent's. Older versions and
// some edits have no patch, so new_string or the written content is the
// fallback. The payload names neither the model nor the version: they are
// read from the session's transcript, when it can be read.
//
//===----------------------------------------------------------------------===//
#include "AgentPayloads.h"
#include "aiprov/support/FileReader.h"
#include "aiprov/support/JsonAccess.h"
#include "aiprov/support/Paths.h"

namespace aiprov::hooks {

namespace {

/// Claude Code's tool_response.structuredPatch: [{oldStart, oldLines,
/// newStart, newLines, lines: ["+…", "-…", " …"]}].
std::vector<WrittenText> structuredPatchTexts(const Json &Patch) {
  std::vector<WrittenText> Texts;
  for (const Json &Hunk : Patch) {
    const Json *Lines = member(Hunk, "lines");
    const Json *NewStart = member(Hunk, "newStart");
    if (!Lines || !Lines->is_array())
      continue;
    std::vector<llvm::StringRef> Strings;
    for (const Json &L : *Lines)
      if (L.is_string())
        Strings.emplace_back(L.get_ref<const std::string &>());
    unsigned Start = NewStart && NewStart->is_number_unsigned()
                         ? NewStart->get<unsigned>()
                         : 0;
    if (std::optional<WrittenText> W = hunkNewSide(Strings, Start))
      Texts.push_back(std::move(*W));
  }
  return Texts;
}

/// The last real assistant message's model and Claude Code version in a
/// transcript (JSON Lines, newest last). Lines that are not JSON (a torn
/// last line while Claude Code writes) are skipped.
/// Only the transcript's end is read (file_limits::Transcript): the newest
/// message is there, and a payload naming /dev/zero or a FIFO is refused.
void readTranscript(llvm::StringRef Path, HookPayload &Payload) {
  if (Path.empty())
    return;
  std::string Text;
  if (std::error_code EC = readFileTail(Path, Text, file_limits::Transcript)) {
    // A transcript not written yet is ordinary: the model is just unknown.
    if (EC == std::errc::no_such_file_or_directory)
      return;
    Payload.Warnings.push_back(
        "transcript_path " + Path.str() + ": " +
        describeReadError(EC, file_limits::Transcript, "a transcript") +
        "; the model and the agent's version are not recorded");
    return;
  }
  llvm::StringRef Rest = Text;
  while (!Rest.empty()) {
    size_t Cut = Rest.rfind('\n');
    llvm::StringRef Line =
        Cut == llvm::StringRef::npos ? Rest : Rest.substr(Cut + 1);
    Rest =
        Cut == llvm::StringRef::npos ? llvm::StringRef() : Rest.take_front(Cut);
    if (!Line.contains("\"assistant\""))
      continue;
    Json Entry = Json::parse(Line.begin(), Line.end(), nullptr,
                             /*allow_exceptions=*/false);
    if (stringOr(Entry, "type") != "assistant")
      continue;
    const Json *Message = member(Entry, "message");
    std::string Model = Message ? stringOr(*Message, "model") : "";
    // Claude Code writes "<synthetic>" for messages it made up itself
    // (errors, interruptions); they say nothing about the model.
    if (Model.empty() || llvm::StringRef(Model).starts_with("<"))
      continue;
    Payload.Model =
        llvm::StringRef(Model).contains('/') ? Model : "anthropic/" + Model;
    Payload.ToolVersion = stringOr(Entry, "version");
    return;
  }
}

} // namespace

llvm::Expected<HookPayload> parseClaudeCodePayload(const Json &Root) {
  constexpr HookAgent Agent = HookAgent::ClaudeCode;
  HookPayload Payload;
  Payload.Tool = "claude-code";
  llvm::Expected<std::string> ToolName =
      postToolUseTool(Agent, Root, "Write|Edit|MultiEdit");
  if (!ToolName)
    return ToolName.takeError();
  if (*ToolName != "Write" && *ToolName != "Edit" && *ToolName != "MultiEdit")
    return payloadError("claude-code tool '" + *ToolName +
                        "' is not one aiprov records (Write, Edit, MultiEdit); "
                        "use the matcher Write|Edit|MultiEdit");
  const Json *Input = member(Root, "tool_input");
  if (!Input || !Input->is_object())
    return payloadError("claude-code hook payload has no 'tool_input' object");
  llvm::Expected<std::string> FilePath =
      requiredString(Agent, *Input, "file_path");
  if (!FilePath)
    return FilePath.takeError();

  HookEdit Edit;
  Edit.File = absolutePath(*FilePath, stringOr(Root, "cwd"));
  const Json *Response = member(Root, "tool_response");
  const Json *Patch = Response ? member(*Response, "structuredPatch") : nullptr;
  if (Patch && Patch->is_array() && !Patch->empty()) {
    Edit.Texts = structuredPatchTexts(*Patch);
  } else if (*ToolName == "Write") {
    // A new file: structuredPatch is empty, the content is all there is.
    const Json *Content = member(*Input, "content");
    if (!Content || !Content->is_string())
      return payloadError(
          "claude-code Write payload has no 'tool_input.content'");
    Edit.Texts.push_back({Content->get<std::string>(), 1, false, {}});
  } else {
    auto AddNewString = [&](const Json &E) {
      const Json *New = member(E, "new_string");
      const Json *All = member(E, "replace_all");
      if (New && New->is_string())
        Edit.Texts.push_back({New->get<std::string>(),
                              0,
                              All && All->is_boolean() && All->get<bool>(),
                              {}});
    };
    if (*ToolName == "Edit") {
      AddNewString(*Input);
    } else if (const Json *Edits = member(*Input, "edits");
               Edits && Edits->is_array()) {
      for (const Json &E : *Edits)
        AddNewString(E);
    }
    if (Edit.Texts.empty())
      return payloadError(
          "claude-code " + *ToolName +
          " payload has neither tool_response.structuredPatch nor "
          "tool_input new_string");
  }
  Payload.Edits.push_back(std::move(Edit));
  readTranscript(stringOr(Root, "transcript_path"), Payload);
  return Payload;
}

} // namespace aiprov::hooks
