//===--- HookPayloadTests.cpp - What every agent's payload must be --------===//
//
// The checks before any agent's own fields are read (empty input, where a
// non-JSON payload breaks, a JSON value that is not an object) and the
// agents' names on the command line.
//
//===----------------------------------------------------------------------===//
#include "HookPayloadTesting.h"

namespace aiprov {
namespace {

using ::testing::HasSubstr;

TEST(HookPayloadErrors, EmptyTruncatedAndNonJson) {
  EXPECT_EQ(parseError(HookAgent::ClaudeCode, ""),
            "claude-code hook payload is empty (expected the agent's JSON on "
            "stdin)");
  EXPECT_EQ(parseError(HookAgent::Cursor, " \n"),
            "cursor hook payload is empty (expected the agent's JSON on "
            "stdin)");
  EXPECT_THAT(
      parseError(HookAgent::ClaudeCode,
                 "{\"session_id\": \"a\",\n \"tool_name\": \"Ed"),
      HasSubstr(
          "claude-code hook payload is not valid JSON: parse "
          "error at line 2, column 18: syntax error while parsing value - "
          "invalid string: missing closing quote"));
  EXPECT_THAT(parseError(HookAgent::Codex, "not json"),
              HasSubstr("codex hook payload is not valid JSON: parse error "
                        "at line 1, column 2"));
  EXPECT_EQ(parseError(HookAgent::Cursor, "[1, 2]"),
            "cursor hook payload is not a JSON object");
}

TEST(HookPayloadAgents, Names) {
  EXPECT_EQ(hookAgentNamed("claude-code"), HookAgent::ClaudeCode);
  EXPECT_EQ(hookAgentNamed("cursor"), HookAgent::Cursor);
  EXPECT_EQ(hookAgentNamed("codex"), HookAgent::Codex);
  EXPECT_EQ(hookAgentNamed("claude"), std::nullopt);
  EXPECT_EQ(hookAgentName(HookAgent::Codex), "codex");
}

} // namespace
} // namespace aiprov
