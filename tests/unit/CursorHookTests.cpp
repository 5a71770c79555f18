//===--- CursorHookTests.cpp - Cursor's payloads to edited lines ----------===//
//
// Payloads are shaped like Cursor's documented afterFileEdit and
// afterTabFileEdit ones (docs/hooks.md cites the source).
//
//===----------------------------------------------------------------------===//
#include "HookPayloadTesting.h"

namespace aiprov {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;
using Json = nlohmann::json;

Json cursorPayload(llvm::StringRef Event, Json Edits) {
  return {{"conversation_id", "conv-123"},
          {"generation_id", "gen-456"},
          {"model", "claude-sonnet-4-20250514"},
          {"hook_event_name", Event},
          {"cursor_version", "2.0.77"},
          {"workspace_roots", {"/work/proj"}},
          {"user_email", "ada@example.com"},
          {"transcript_path", nullptr},
          {"file_path", "/work/proj/src/f.cpp"},
          {"edits", std::move(Edits)}};
}

TEST(HookPayloadCursor, AfterFileEdit) {
  HookPayload P =
      parse(HookAgent::Cursor,
            cursorPayload("afterFileEdit",
                          {{{"old_string", "return 1;"},
                            {"new_string", "int y = 2;\n  return y;"}},
                           {{"old_string", "int g() { return 1; }"},
                            {"new_string", "int g() { return 0; }"}}}));
  EXPECT_EQ(P.Tool, "cursor");
  EXPECT_EQ(P.ToolVersion, "2.0.77");
  EXPECT_EQ(P.Model, "claude-sonnet-4-20250514");
  EXPECT_EQ(P.Who, "ada@example.com");
  EXPECT_EQ(P.Origin, "agent");
  ASSERT_THAT(P.Edits, SizeIs(1));
  EXPECT_EQ(P.Edits[0].File, "/work/proj/src/f.cpp");
  EXPECT_THAT(linesOf(P.Edits[0], Now),
              ElementsAre(LineRange{3, 4}, LineRange{6, 6}));
}

TEST(HookPayloadCursor, TabEditUsesItsRangeToChooseTheOccurrence) {
  Json Payload = cursorPayload("afterTabFileEdit",
                               {{{"old_string", ""},
                                 {"new_string", "int"},
                                 {"range",
                                  {{"start_line_number", 6},
                                   {"start_column", 1},
                                   {"end_line_number", 6},
                                   {"end_column", 1}}},
                                 {"old_line", ""},
                                 {"new_line", "int g() { return 0; }"}}});
  Payload["file_path"] = "src/f.cpp";
  Payload["user_email"] = nullptr;
  HookPayload P = parse(HookAgent::Cursor, Payload);
  EXPECT_EQ(P.Origin, "completion");
  EXPECT_EQ(P.Who, "");
  EXPECT_EQ(P.Edits[0].File, "/work/proj/src/f.cpp");
  EXPECT_THAT(linesOf(P.Edits[0], Now), ElementsAre(LineRange{6, 6}));
}

TEST(HookPayloadCursor, OtherEventsAreErrors) {
  Json Shell = cursorPayload("afterShellExecution", Json::array());
  EXPECT_THAT(parseError(HookAgent::Cursor, Shell.dump()),
              HasSubstr("cursor hook event 'afterShellExecution' does not "
                        "edit files"));
  Json NoEdits = cursorPayload("afterFileEdit", nullptr);
  EXPECT_THAT(parseError(HookAgent::Cursor, NoEdits.dump()),
              HasSubstr("cursor afterFileEdit payload has no 'edits' array"));
}

} // namespace
} // namespace aiprov
