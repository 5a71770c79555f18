//===--- HookPayload.cpp - What a coding agent's hook says it edited ------===//
//
// Field names follow each agent's documentation and source, cited in
// docs/hooks.md. Everything is read leniently where the agents differ
// between versions (an absent tool_response, a null model) and strictly
// where guessing would put the wrong lines in the ledger: an event or tool
// that does not edit files is an error naming it, never an empty success.
//
//===----------------------------------------------------------------------===//
#include "aiprov/hooks/HookPayload.h"
#include "aiprov/support/FileReader.h"
#include "aiprov/support/JsonAccess.h"
#include "aiprov/support/JsonErrorLocation.h"
#include "aiprov/support/Paths.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <nlohmann/json.hpp>

namespace aiprov {

namespace {

using Json = nlohmann::json;

llvm::Error fail(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

llvm::Expected<Json> parseJson(HookAgent Agent, llvm::StringRef Text) {
  llvm::StringRef Name = hookAgentName(Agent);
  if (Text.trim().empty())
    return fail(Name + " hook payload is empty (expected the agent's JSON "
                       "on stdin)");
  Json Value = Json::parse(Text.begin(), Text.end(), nullptr,
                           /*allow_exceptions=*/false);
  if (Value.is_discarded())
    return fail(Name + " hook payload is not valid JSON: parse error at " +
                describeJsonError(Text));
  if (!Value.is_object())
    return fail(Name + " hook payload is not a JSON object");
  return Value;
}

llvm::Expected<std::string> requiredString(HookAgent Agent, const Json &Object,
                                           const char *Key) {
  const Json *V = member(Object, Key);
  if (!V || !V->is_string() || V->get_ref<const std::string &>().empty())
    return fail(hookAgentName(Agent) + " hook payload has no '" + Key +
                "' string; not a payload aiprov knows");
  return V->get<std::string>();
}

/// One unified-diff hunk's new side as a WrittenText: context (' ') and
/// added ('+') lines, the added ones marked as the agent's. Removed lines
/// ('-') and "\ No newline at end of file" are not in the new file.
std::optional<WrittenText>
hunkNewSide(const std::vector<llvm::StringRef> &Lines, unsigned NewStart) {
  WrittenText W;
  W.NearLine = NewStart;
  unsigned Index = 0;
  for (llvm::StringRef L : Lines) {
    if (L.starts_with("+")) {
      W.OwnLines.push_back(Index);
    } else if (!L.starts_with(" ") && !L.empty()) {
      continue;
    }
    // An empty context line is one whose leading space a tool trimmed.
    W.Text += L.empty() ? "" : L.drop_front().str();
    W.Text += '\n';
    ++Index;
  }
  if (W.OwnLines.empty())
    return std::nullopt;
  return W;
}

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

llvm::Expected<HookPayload> parseClaudeCode(const Json &Root) {
  constexpr HookAgent Agent = HookAgent::ClaudeCode;
  HookPayload Payload;
  Payload.Tool = "claude-code";
  llvm::Expected<std::string> Event =
      requiredString(Agent, Root, "hook_event_name");
  if (!Event)
    return Event.takeError();
  if (*Event != "PostToolUse")
    return fail("claude-code hook event '" + *Event +
                "' does not edit files; install the hook for PostToolUse "
                "with the matcher Write|Edit|MultiEdit");
  llvm::Expected<std::string> ToolName =
      requiredString(Agent, Root, "tool_name");
  if (!ToolName)
    return ToolName.takeError();
  if (*ToolName != "Write" && *ToolName != "Edit" && *ToolName != "MultiEdit")
    return fail("claude-code tool '" + *ToolName +
                "' is not one aiprov records (Write, Edit, MultiEdit); "
                "use the matcher Write|Edit|MultiEdit");
  const Json *Input = member(Root, "tool_input");
  if (!Input || !Input->is_object())
    return fail("claude-code hook payload has no 'tool_input' object");
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
      return fail("claude-code Write payload has no 'tool_input.content'");
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
      return fail("claude-code " + *ToolName +
                  " payload has neither tool_response.structuredPatch nor "
                  "tool_input new_string");
  }
  Payload.Edits.push_back(std::move(Edit));
  readTranscript(stringOr(Root, "transcript_path"), Payload);
  return Payload;
}

llvm::Expected<HookPayload> parseCursor(const Json &Root) {
  constexpr HookAgent Agent = HookAgent::Cursor;
  HookPayload Payload;
  Payload.Tool = "cursor";
  Payload.ToolVersion = stringOr(Root, "cursor_version");
  Payload.Model = stringOr(Root, "model");
  Payload.Who = stringOr(Root, "user_email");
  llvm::Expected<std::string> Event =
      requiredString(Agent, Root, "hook_event_name");
  if (!Event)
    return Event.takeError();
  if (*Event == "afterTabFileEdit")
    Payload.Origin = "completion";
  else if (*Event != "afterFileEdit")
    return fail("cursor hook event '" + *Event +
                "' does not edit files; install the hook for afterFileEdit "
                "(and afterTabFileEdit)");
  llvm::Expected<std::string> FilePath =
      requiredString(Agent, Root, "file_path");
  if (!FilePath)
    return FilePath.takeError();
  std::string Base;
  if (const Json *Roots = member(Root, "workspace_roots");
      Roots && Roots->is_array() && !Roots->empty() &&
      Roots->front().is_string())
    Base = Roots->front().get<std::string>();
  const Json *Edits = member(Root, "edits");
  if (!Edits || !Edits->is_array())
    return fail("cursor " + *Event + " payload has no 'edits' array");

  HookEdit Edit;
  Edit.File = absolutePath(*FilePath, Base);
  for (const Json &E : *Edits) {
    const Json *New = member(E, "new_string");
    if (!New || !New->is_string())
      continue;
    WrittenText W{New->get<std::string>(), 0, false, {}};
    if (const Json *Range = member(E, "range"))
      if (const Json *Start = member(*Range, "start_line_number");
          Start && Start->is_number_unsigned())
        W.NearLine = Start->get<unsigned>();
    Edit.Texts.push_back(std::move(W));
  }
  Payload.Edits.push_back(std::move(Edit));
  return Payload;
}

/// Codex's apply_patch envelope (codex-rs/apply-patch): "*** Begin Patch",
/// then "*** Add File: P" with "+" lines, "*** Delete File: P", or
/// "*** Update File: P" [ "*** Move to: Q" ] with "@@" hunks of " ", "-",
/// "+" lines, then "*** End Patch". Paths are relative to Cwd. Codex hunks
/// carry no line numbers, so each is found by its context.
llvm::Expected<std::vector<HookEdit>> parseApplyPatch(llvm::StringRef Patch,
                                                      llvm::StringRef Cwd) {
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Patch.split(Lines, '\n');
  std::vector<HookEdit> Edits;
  HookEdit *Current = nullptr;
  bool Adding = false;
  std::vector<llvm::StringRef> Hunk;
  auto FlushHunk = [&] {
    if (Current && !Hunk.empty()) {
      if (Adding) {
        WrittenText W{"", 1, false, {}};
        for (llvm::StringRef L : Hunk)
          W.Text += L.drop_front().str() + "\n";
        Current->Texts.push_back(std::move(W));
      } else if (std::optional<WrittenText> W = hunkNewSide(Hunk, 0)) {
        Current->Texts.push_back(std::move(*W));
      }
    }
    Hunk.clear();
  };
  bool Begun = false;
  for (llvm::StringRef L : Lines) {
    L = L.rtrim('\r');
    if (L.starts_with("*** ")) {
      FlushHunk();
      llvm::StringRef Header = L.drop_front(4);
      if (Header == "Begin Patch") {
        Begun = true;
      } else if (Header.consume_front("Add File: ") ||
                 Header.consume_front("Update File: ")) {
        Adding = L.starts_with("*** Add");
        Current = &Edits.emplace_back();
        Current->File = absolutePath(Header.trim(), Cwd);
      } else if (Header.consume_front("Move to: ") && Current) {
        Current->File = absolutePath(Header.trim(), Cwd);
      } else if (Header == "End Patch" || Header.starts_with("Delete File: ")) {
        // A deleted file leaves nothing to record.
        Current = nullptr;
      }
      // "*** End of File" only anchors the hunk before it at the end.
      continue;
    }
    if (L.starts_with("@@")) {
      FlushHunk();
      continue;
    }
    if (Current)
      Hunk.push_back(L);
  }
  FlushHunk();
  if (!Begun)
    return fail("codex apply_patch input does not start with '*** Begin "
                "Patch'; not a patch aiprov knows");
  // A deleted file's section leaves nothing to record; so does a patch
  // that only removes lines.
  llvm::erase_if(Edits, [](const HookEdit &E) { return E.Texts.empty(); });
  return Edits;
}

llvm::Expected<HookPayload> parseCodex(const Json &Root) {
  constexpr HookAgent Agent = HookAgent::Codex;
  HookPayload Payload;
  Payload.Tool = "codex";
  // The legacy `notify` program gets {"type": "agent-turn-complete",
  // "thread-id", "turn-id", "cwd", "input-messages",
  // "last-assistant-message"}: no file, no diff, no model.
  if (std::string Type = stringOr(Root, "type"); !Type.empty()) {
    if (Type != "agent-turn-complete")
      return fail("codex notify event '" + Type + "' is not one aiprov knows");
    Payload.Note =
        "codex notify (agent-turn-complete) names no files and carries no "
        "diff; nothing recorded. Install aiprov as a Codex PostToolUse hook "
        "instead (docs/hooks.md)";
    return Payload;
  }
  llvm::Expected<std::string> Event =
      requiredString(Agent, Root, "hook_event_name");
  if (!Event)
    return Event.takeError();
  if (*Event != "PostToolUse")
    return fail("codex hook event '" + *Event +
                "' does not edit files; install the hook for PostToolUse "
                "with the matcher apply_patch");
  llvm::Expected<std::string> ToolName =
      requiredString(Agent, Root, "tool_name");
  if (!ToolName)
    return ToolName.takeError();
  if (*ToolName != "apply_patch")
    return fail("codex tool '" + *ToolName +
                "' is not one aiprov records (apply_patch); files a shell "
                "command changes are not visible to hooks");
  Payload.Model = stringOr(Root, "model");
  const Json *Input = member(Root, "tool_input");
  const Json *Command = Input ? member(*Input, "command") : nullptr;
  if (!Command || !Command->is_string())
    return fail("codex apply_patch payload has no 'tool_input.command' "
                "string (the patch)");
  llvm::Expected<std::vector<HookEdit>> Edits = parseApplyPatch(
      Command->get_ref<const std::string &>(), stringOr(Root, "cwd"));
  if (!Edits)
    return Edits.takeError();
  Payload.Edits = std::move(*Edits);
  if (Payload.Edits.empty())
    Payload.Note = "codex apply_patch added no lines; nothing recorded";
  return Payload;
}

/// Byte offsets where each line of Content starts.
std::vector<size_t> lineStarts(llvm::StringRef Content) {
  std::vector<size_t> Starts{0};
  for (size_t I = 0; I < Content.size(); ++I)
    if (Content[I] == '\n' && I + 1 < Content.size())
      Starts.push_back(I + 1);
  return Starts;
}

/// 1-based line holding byte Offset.
unsigned lineOf(const std::vector<size_t> &Starts, size_t Offset) {
  return std::upper_bound(Starts.begin(), Starts.end(), Offset) -
         Starts.begin();
}

/// Offsets of every occurrence of Needle; a Needle ending in \n also
/// matches without it at the very end of a file that lacks a final
/// newline, as diff hunks always end their lines.
std::vector<size_t> occurrences(llvm::StringRef Content,
                                llvm::StringRef Needle) {
  std::vector<size_t> Found;
  for (size_t At = Content.find(Needle); At != llvm::StringRef::npos;
       At = Content.find(Needle, At + 1))
    Found.push_back(At);
  if (Needle.ends_with("\n") && !Content.ends_with("\n") &&
      Content.ends_with(Needle.drop_back()))
    Found.push_back(Content.size() - Needle.size() + 1);
  return Found;
}

void addRange(std::vector<LineRange> &Ranges, unsigned First, unsigned Last) {
  if (First <= Last)
    Ranges.push_back({First, Last});
}

/// Lines that Needle (W's text as matched, perhaps with CRLF line ends)
/// occupies at byte Offset, per WrittenText's rules.
void linesAt(const WrittenText &W, llvm::StringRef Needle, size_t Offset,
             const std::vector<size_t> &Starts, std::vector<LineRange> &Out) {
  unsigned First = lineOf(Starts, Offset);
  if (!W.OwnLines.empty()) {
    for (unsigned Own : W.OwnLines)
      addRange(Out, First + Own, First + Own);
    return;
  }
  size_t Lead = Needle.size() - Needle.ltrim("\r\n").size();
  llvm::StringRef Text = Needle.trim("\r\n");
  if (Text.empty())
    return;
  addRange(Out, lineOf(Starts, Offset + Lead),
           lineOf(Starts, Offset + Lead + Text.size() - 1));
}

std::vector<LineRange> merged(std::vector<LineRange> Ranges) {
  llvm::sort(Ranges, [](const LineRange &A, const LineRange &B) {
    return A.First < B.First || (A.First == B.First && A.Last < B.Last);
  });
  std::vector<LineRange> Out;
  for (const LineRange &R : Ranges) {
    if (!Out.empty() && R.First <= Out.back().Last + 1)
      Out.back().Last = std::max(Out.back().Last, R.Last);
    else
      Out.push_back(R);
  }
  return Out;
}

} // namespace

std::optional<HookAgent> hookAgentNamed(llvm::StringRef Name) {
  if (Name == "claude-code")
    return HookAgent::ClaudeCode;
  if (Name == "cursor")
    return HookAgent::Cursor;
  if (Name == "codex")
    return HookAgent::Codex;
  return std::nullopt;
}

llvm::StringRef hookAgentName(HookAgent Agent) {
  switch (Agent) {
  case HookAgent::ClaudeCode:
    return "claude-code";
  case HookAgent::Cursor:
    return "cursor";
  case HookAgent::Codex:
    return "codex";
  }
  llvm_unreachable("unknown hook agent");
}

llvm::Expected<HookPayload> parseHookPayload(HookAgent Agent,
                                             llvm::StringRef Text) {
  llvm::Expected<Json> Root = parseJson(Agent, Text);
  if (!Root)
    return Root.takeError();
  switch (Agent) {
  case HookAgent::ClaudeCode:
    return parseClaudeCode(*Root);
  case HookAgent::Cursor:
    return parseCursor(*Root);
  case HookAgent::Codex:
    return parseCodex(*Root);
  }
  llvm_unreachable("unknown hook agent");
}

LocatedLines locateEdit(const HookEdit &Edit, llvm::StringRef Content) {
  LocatedLines Result;
  std::vector<size_t> Starts = lineStarts(Content);
  std::vector<LineRange> Ranges;
  for (const WrittenText &W : Edit.Texts) {
    if (W.OwnLines.empty() && llvm::StringRef(W.Text).trim('\n').empty())
      continue; // A deletion: nothing of the agent's is left.
    std::string Needle = W.Text;
    std::vector<size_t> Found = occurrences(Content, Needle);
    // A CRLF file: the payload's text may have plain \n line ends.
    if (Found.empty() && Needle.find('\n') != std::string::npos &&
        Content.contains("\r\n")) {
      Needle.clear();
      for (char C : W.Text) {
        if (C == '\n')
          Needle += '\r';
        Needle += C;
      }
      Found = occurrences(Content, Needle);
    }
    std::string Excerpt =
        llvm::StringRef(W.Text).trim().split('\n').first.take_front(40).str();
    if (Found.empty()) {
      Result.Unplaced.push_back("the text the agent wrote ('" + Excerpt +
                                "') is no longer in the file");
      continue;
    }
    if (Found.size() > 1 && W.NearLine == 0 && !W.AllOccurrences) {
      Result.Unplaced.push_back(
          "the text the agent wrote ('" + Excerpt + "') occurs " +
          std::to_string(Found.size()) +
          " times in the file and the payload does not say which");
      continue;
    }
    if (W.AllOccurrences && W.NearLine == 0) {
      for (size_t At : Found)
        linesAt(W, Needle, At, Starts, Ranges);
      continue;
    }
    // Nearest to where the payload says it starts; the earlier one on a tie.
    size_t Best = Found.front();
    unsigned BestDistance = ~0U;
    for (size_t At : Found) {
      unsigned Line = lineOf(Starts, At);
      unsigned Distance =
          Line > W.NearLine ? Line - W.NearLine : W.NearLine - Line;
      if (Distance < BestDistance) {
        Best = At;
        BestDistance = Distance;
      }
    }
    linesAt(W, Needle, Best, Starts, Ranges);
  }
  Result.Ranges = merged(std::move(Ranges));
  return Result;
}

} // namespace aiprov
