//===--- AgentPayloads.h - Each agent's hook payload parser ---------------===//
//
// Private to the hooks layer. parseHookPayload() checks that a payload is a
// JSON object and hands it to its agent's parser, one file per agent
// (ClaudeCodeHook.cpp, CursorHook.cpp, CodexHook.cpp), since each agent's
// fields and events change on their own schedule. What the parsers share,
// the wording of their errors and the reading of a diff hunk, is here so
// every agent's message has the same shape.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_HOOKS_AGENTPAYLOADS_H
#define AIPROV_HOOKS_AGENTPAYLOADS_H

#include "aiprov/hooks/HookPayload.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace aiprov::hooks {

using Json = nlohmann::json;

/// Root is a JSON object; each names what it found when it is not an event
/// and tool that edit files.
llvm::Expected<HookPayload> parseClaudeCodePayload(const Json &Root);
llvm::Expected<HookPayload> parseCursorPayload(const Json &Root);
llvm::Expected<HookPayload> parseCodexPayload(const Json &Root);

/// A payload error with Message as its text.
llvm::Error payloadError(const llvm::Twine &Message);

/// Object's member Key as a non-empty string, else an error naming Agent
/// and Key.
llvm::Expected<std::string> requiredString(HookAgent Agent, const Json &Object,
                                           const char *Key);

/// The tool_name of Root, a PostToolUse event as Claude Code and Codex
/// send it. An error when it is another event, naming it and saying to
/// install the hook for PostToolUse with Matcher.
llvm::Expected<std::string> postToolUseTool(HookAgent Agent, const Json &Root,
                                            llvm::StringRef Matcher);

/// One unified-diff hunk's new side as a WrittenText starting at NewStart
/// (0: unknown): context (' ') and added ('+') lines, the added ones marked
/// as the agent's. Removed lines ('-') and "\ No newline at end of file"
/// are not in the new file. Nullopt when the hunk adds nothing.
std::optional<WrittenText>
hunkNewSide(const std::vector<llvm::StringRef> &Lines, unsigned NewStart);

} // namespace aiprov::hooks

#endif
