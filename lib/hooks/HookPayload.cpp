//===--- HookPayload.cpp - What a coding agent's hook says it edited ------===//
//
// The part of reading a hook event that does not depend on the agent: its
// name, the checks that the payload is a JSON object at all, and the pieces
// every agent's parser (AgentPayloads.h) shares. Field names follow each
// agent's documentation and source, cited in docs/hooks.md; an event or
// tool that does not edit files is an error naming it, never an empty
// success.
//
//===----------------------------------------------------------------------===//
#include "aiprov/hooks/HookPayload.h"
#include "AgentPayloads.h"
#include "aiprov/support/JsonAccess.h"
#include "aiprov/support/JsonErrorLocation.h"

namespace aiprov {

namespace hooks {

llvm::Error payloadError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

llvm::Expected<std::string> requiredString(HookAgent Agent, const Json &Object,
                                           const char *Key) {
  const Json *V = member(Object, Key);
  if (!V || !V->is_string() || V->get_ref<const std::string &>().empty())
    return payloadError(hookAgentName(Agent) + " hook payload has no '" + Key +
                        "' string; not a payload aiprov knows");
  return V->get<std::string>();
}

llvm::Expected<std::string> postToolUseTool(HookAgent Agent, const Json &Root,
                                            llvm::StringRef Matcher) {
  llvm::Expected<std::string> Event =
      requiredString(Agent, Root, "hook_event_name");
  if (!Event)
    return Event.takeError();
  if (*Event != "PostToolUse")
    return payloadError(hookAgentName(Agent) + " hook event '" + *Event +
                        "' does not edit files; install the hook for "
                        "PostToolUse with the matcher " +
                        Matcher);
  return requiredString(Agent, Root, "tool_name");
}

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

} // namespace hooks

namespace {

llvm::Expected<hooks::Json> parsePayloadObject(HookAgent Agent,
                                               llvm::StringRef Text) {
  llvm::StringRef Name = hookAgentName(Agent);
  if (Text.trim().empty())
    return hooks::payloadError(Name + " hook payload is empty (expected the "
                                      "agent's JSON on stdin)");
  hooks::Json Value = hooks::Json::parse(Text.begin(), Text.end(), nullptr,
                                         /*allow_exceptions=*/false);
  if (Value.is_discarded())
    return hooks::payloadError(Name +
                               " hook payload is not valid JSON: parse error "
                               "at " +
                               describeJsonError(Text));
  if (!Value.is_object())
    return hooks::payloadError(Name + " hook payload is not a JSON object");
  return Value;
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
  llvm::Expected<hooks::Json> Root = parsePayloadObject(Agent, Text);
  if (!Root)
    return Root.takeError();
  switch (Agent) {
  case HookAgent::ClaudeCode:
    return hooks::parseClaudeCodePayload(*Root);
  case HookAgent::Cursor:
    return hooks::parseCursorPayload(*Root);
  case HookAgent::Codex:
    return hooks::parseCodexPayload(*Root);
  }
  llvm_unreachable("unknown hook agent");
}

} // namespace aiprov
