//===--- HookPayload.h - What a coding agent's hook says it edited --------===//
//
// Claude Code, Cursor and Codex run a command after the agent edits a file
// and pass it JSON describing the edit (docs/hooks.md has each shape and its
// source). This turns that JSON into one agent-neutral list of edits: which
// file, and which text the agent wrote, with a line where the payload knows
// one. locateEdit() (EditLocator.h) then finds that text in the file as it
// is now.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_HOOKS_HOOKPAYLOAD_H
#define AIPROV_HOOKS_HOOKPAYLOAD_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace aiprov {

enum class HookAgent { ClaudeCode, Cursor, Codex };

/// "claude-code", "cursor" or "codex"; nullopt otherwise.
std::optional<HookAgent> hookAgentNamed(llvm::StringRef Name);
llvm::StringRef hookAgentName(HookAgent Agent);

/// Text the agent wrote into a file.
struct WrittenText {
  /// Verbatim, as in the payload.
  std::string Text;
  /// 1-based line where the payload says Text starts in the file right
  /// after the edit; 0 when it does not say.
  unsigned NearLine = 0;
  /// Every occurrence is the agent's (Claude Code's replace_all), so an
  /// ambiguous Text without NearLine is no reason to give up.
  bool AllOccurrences = false;
  /// When Text is a diff hunk's new side (context and added lines, each
  /// ending in \n), the 0-based indexes of its added lines: the context
  /// only helps to find the place. Empty: all of Text is the agent's.
  std::vector<unsigned> OwnLines;
};

/// The text one hook event says the agent wrote into one file.
struct HookEdit {
  /// Absolute.
  std::string File;
  std::vector<WrittenText> Texts;
};

struct HookPayload {
  /// The agent ("claude-code", "cursor", "codex") and, when the payload or
  /// the transcript tells, its version.
  std::string Tool;
  std::string ToolVersion;
  /// models.dev style where the provider is certain ("anthropic/…" for
  /// Claude Code), else the agent's own name for it; empty if unknown.
  std::string Model;
  /// "agent", or "completion" for Cursor's Tab.
  std::string Origin = "agent";
  /// The person, when the agent says (Cursor's user_email); else empty.
  std::string Who;
  std::vector<HookEdit> Edits;
  /// Why there is nothing to record although the payload was understood
  /// (e.g. Codex's notify carries no file names). Empty when Edits is not.
  std::string Note;
  /// What could not be read but did not stop the recording (a transcript
  /// that is not a regular file, say); the hook prints each on stderr.
  std::vector<std::string> Warnings;
};

/// Parses one hook event. Errors for empty, non-JSON (with the line and
/// column of the payload where parsing failed) or truncated input, and for
/// payloads of another event or tool than the ones that edit files, naming
/// what was found. For Claude Code the model and version come from the
/// transcript (transcript_path) when it is readable.
llvm::Expected<HookPayload> parseHookPayload(HookAgent Agent,
                                             llvm::StringRef Json);

} // namespace aiprov

#endif
