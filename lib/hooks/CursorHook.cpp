//===--- CursorHook.cpp - Cursor's afterFileEdit payload ------------------===//
//
// Cursor runs the hook after the agent edits a file (afterFileEdit) and
// after a Tab completion is accepted (afterTabFileEdit), with the new text
// of each edit and, for Tab, the line it starts on. Unlike the other
// agents, Cursor names the model, its version and the person in the
// payload itself.
//
//===----------------------------------------------------------------------===//
#include "AgentPayloads.h"
#include "aiprov/support/JsonAccess.h"
#include "aiprov/support/Paths.h"

namespace aiprov::hooks {

llvm::Expected<HookPayload> parseCursorPayload(const Json &Root) {
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
    return payloadError(
        "cursor hook event '" + *Event +
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
    return payloadError("cursor " + *Event + " payload has no 'edits' array");

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

} // namespace aiprov::hooks
