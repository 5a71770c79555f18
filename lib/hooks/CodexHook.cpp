//===--- CodexHook.cpp - Codex's apply_patch PostToolUse payload ----------===//
//
// Codex edits files with its apply_patch tool, whose input is a patch in
// Codex's own envelope; the PostToolUse hook receives that patch. Files a
// shell command changes never reach a hook, and the legacy `notify` event
// names no files at all, so both are reported rather than recorded.
//
//===----------------------------------------------------------------------===//
#include "AgentPayloads.h"
#include "aiprov/support/JsonAccess.h"
#include "aiprov/support/Paths.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace aiprov::hooks {

namespace {

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
    return payloadError(
        "codex apply_patch input does not start with '*** Begin "
        "Patch'; not a patch aiprov knows");
  // A deleted file's section leaves nothing to record; so does a patch
  // that only removes lines.
  llvm::erase_if(Edits, [](const HookEdit &E) { return E.Texts.empty(); });
  return Edits;
}

} // namespace

llvm::Expected<HookPayload> parseCodexPayload(const Json &Root) {
  constexpr HookAgent Agent = HookAgent::Codex;
  HookPayload Payload;
  Payload.Tool = "codex";
  // The legacy `notify` program gets {"type": "agent-turn-complete",
  // "thread-id", "turn-id", "cwd", "input-messages",
  // "last-assistant-message"}: no file, no diff, no model.
  if (std::string Type = stringOr(Root, "type"); !Type.empty()) {
    if (Type != "agent-turn-complete")
      return payloadError("codex notify event '" + Type +
                          "' is not one aiprov knows");
    Payload.Note =
        "codex notify (agent-turn-complete) names no files and carries no "
        "diff; nothing recorded. Install aiprov as a Codex PostToolUse hook "
        "instead (docs/hooks.md)";
    return Payload;
  }
  llvm::Expected<std::string> ToolName =
      postToolUseTool(Agent, Root, "apply_patch");
  if (!ToolName)
    return ToolName.takeError();
  if (*ToolName != "apply_patch")
    return payloadError(
        "codex tool '" + *ToolName +
        "' is not one aiprov records (apply_patch); files a shell "
        "command changes are not visible to hooks");
  Payload.Model = stringOr(Root, "model");
  const Json *Input = member(Root, "tool_input");
  const Json *Command = Input ? member(*Input, "command") : nullptr;
  if (!Command || !Command->is_string())
    return payloadError("codex apply_patch payload has no 'tool_input.command' "
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

} // namespace aiprov::hooks
