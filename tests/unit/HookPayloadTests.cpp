//===--- HookPayloadTests.cpp - What every agent's payload must be --------===//
//
// The checks before any agent's own fields are read (empty input, where a
// non-JSON payload breaks, a JSON value that is not an object), the
// agents' names on the command line, and locateEdit() on edits written by
// hand, for what does not depend on the agent.
//
//===----------------------------------------------------------------------===//
#include "HookPayloadTesting.h"

namespace aiprov {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

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

TEST(HookPayloadLocate, CrlfFileAndMissingText) {
  HookEdit Edit{"/p/f.cpp", {{"int a;\nint b;\n", 0, false, {}}}};
  EXPECT_THAT(linesOf(Edit, "x\r\nint a;\r\nint b;\r\n"),
              ElementsAre(LineRange{2, 3}));
  HookEdit Long{"/p/f.cpp", {{"a\nb\nc\nd\ne\n", 0, false, {}}}};
  EXPECT_THAT(linesOf(Long, "x\r\na\r\nb\r\nc\r\nd\r\ne\r\n"),
              ElementsAre(LineRange{2, 6}));
  LocatedLines L = locateEdit(Edit, "int c;\n");
  EXPECT_THAT(L.Ranges, IsEmpty());
  ASSERT_THAT(L.Unplaced, SizeIs(1));
  EXPECT_EQ(L.Unplaced[0],
            "the text the agent wrote ('int a;') is no longer in the file");
}

TEST(HookPayloadLocate, SurroundingNewlinesBelongToNeighbouringLines) {
  HookEdit Edit{"/p/f.cpp", {{"\nint b;\n", 0, false, {}}}};
  EXPECT_THAT(linesOf(Edit, "int a;\nint b;\nint c;\n"),
              ElementsAre(LineRange{2, 2}));
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
