//===--- HookPayloadTests.cpp - Agents' hook JSON to edited lines ---------===//
//
// Payloads are shaped like the agents' documented ones (docs/hooks.md
// cites each source); every test goes from the JSON to the lines that
// locateEdit() finds in the file as it is now, since that is what reaches
// the ledger.
//
//===----------------------------------------------------------------------===//
#include "ScratchDirectory.h"
#include "aiprov/hooks/HookPayload.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <nlohmann/json.hpp>

namespace aiprov {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using Json = nlohmann::json;

std::vector<LineRange> linesOf(const HookEdit &Edit, llvm::StringRef Content) {
  LocatedLines L = locateEdit(Edit, Content);
  EXPECT_THAT(L.Unplaced, IsEmpty());
  return L.Ranges;
}

HookPayload parse(HookAgent Agent, const Json &Payload) {
  auto P = parseHookPayload(Agent, Payload.dump());
  EXPECT_TRUE(bool(P));
  if (!P) {
    ADD_FAILURE() << llvm::toString(P.takeError());
    return {};
  }
  return std::move(*P);
}

std::string parseError(HookAgent Agent, llvm::StringRef Text) {
  auto P = parseHookPayload(Agent, Text);
  if (P)
    return "<parsed>";
  return llvm::toString(P.takeError());
}

Json claudeEdit(Json ToolInput, Json ToolResponse,
                llvm::StringRef Tool = "Edit") {
  return {{"session_id", "8c35adc1-0000-4000-8000-000000000000"},
          {"transcript_path", ""},
          {"cwd", "/work/proj"},
          {"permission_mode", "default"},
          {"hook_event_name", "PostToolUse"},
          {"tool_name", Tool},
          {"tool_input", std::move(ToolInput)},
          {"tool_response", std::move(ToolResponse)},
          {"tool_use_id", "toolu_01ABC"}};
}

constexpr llvm::StringRef Now = "#include <x>\n"           // 1
                                "int f() {\n"              // 2
                                "  int y = 2;\n"           // 3
                                "  return y;\n"            // 4
                                "}\n"                      // 5
                                "int g() { return 0; }\n"; // 6

TEST(HookPayloadClaude, EditUsesStructuredPatchAddedLines) {
  Json Patch = Json::array({{{"oldStart", 2},
                             {"oldLines", 3},
                             {"newStart", 2},
                             {"newLines", 4},
                             {"lines",
                              {" int f() {", "-  return 1;", "+  int y = 2;",
                               "+  return y;", " }"}}}});
  HookPayload P = parse(HookAgent::ClaudeCode,
                        claudeEdit({{"file_path", "/work/proj/src/f.cpp"},
                                    {"old_string", "  return 1;"},
                                    {"new_string", "  int y = 2;\n  return y;"},
                                    {"replace_all", false}},
                                   {{"filePath", "/work/proj/src/f.cpp"},
                                    {"structuredPatch", Patch},
                                    {"userModified", false}}));
  EXPECT_EQ(P.Tool, "claude-code");
  EXPECT_EQ(P.Origin, "agent");
  ASSERT_THAT(P.Edits, SizeIs(1));
  EXPECT_EQ(P.Edits[0].File, "/work/proj/src/f.cpp");
  EXPECT_THAT(linesOf(P.Edits[0], Now), ElementsAre(LineRange{3, 4}));
}

TEST(HookPayloadClaude, StalePatchLineNumbersAreOnlyAHint) {
  // Two lines were inserted above the edit since the agent made it.
  std::string Shifted = "// a\n// b\n" + Now.str();
  Json Patch = Json::array({{{"oldStart", 2},
                             {"oldLines", 3},
                             {"newStart", 2},
                             {"newLines", 4},
                             {"lines",
                              {" int f() {", "-  return 1;", "+  int y = 2;",
                               "+  return y;", " }"}}}});
  HookPayload P =
      parse(HookAgent::ClaudeCode, claudeEdit({{"file_path", "/p/f.cpp"}},
                                              {{"structuredPatch", Patch}}));
  EXPECT_THAT(linesOf(P.Edits[0], Shifted), ElementsAre(LineRange{5, 6}));
}

TEST(HookPayloadClaude, MultiEditWithSeveralHunks) {
  Json Patch = Json::array(
      {{{"oldStart", 1},
        {"oldLines", 2},
        {"newStart", 1},
        {"newLines", 2},
        {"lines", {"-#include <y>", "+#include <x>", " int f() {"}}},
       {{"oldStart", 6},
        {"oldLines", 1},
        {"newStart", 6},
        {"newLines", 1},
        {"lines", {"-int g() { return 1; }", "+int g() { return 0; }"}}}});
  HookPayload P =
      parse(HookAgent::ClaudeCode,
            claudeEdit({{"file_path", "f.cpp"},
                        {"edits",
                         {{{"old_string", "<y>"}, {"new_string", "<x>"}},
                          {{"old_string", "1; }"}, {"new_string", "0; }"}}}}},
                       {{"structuredPatch", Patch}}, "MultiEdit"));
  ASSERT_THAT(P.Edits, SizeIs(1));
  // Relative paths are the agent's cwd's.
  EXPECT_EQ(P.Edits[0].File, "/work/proj/f.cpp");
  EXPECT_THAT(linesOf(P.Edits[0], Now),
              ElementsAre(LineRange{1, 1}, LineRange{6, 6}));
}

TEST(HookPayloadClaude, EditWithoutStructuredPatchFindsNewString) {
  HookPayload P = parse(HookAgent::ClaudeCode,
                        claudeEdit({{"file_path", "/p/f.cpp"},
                                    {"old_string", "return 1;"},
                                    {"new_string", "int y = 2;\n  return y;"}},
                                   nullptr));
  EXPECT_THAT(linesOf(P.Edits[0], Now), ElementsAre(LineRange{3, 4}));
}

TEST(HookPayloadClaude, AmbiguousNewStringIsNotGuessed) {
  HookPayload P =
      parse(HookAgent::ClaudeCode,
            claudeEdit({{"file_path", "/p/f.cpp"}, {"new_string", "int"}}, {}));
  LocatedLines L = locateEdit(P.Edits[0], Now);
  EXPECT_THAT(L.Ranges, IsEmpty());
  ASSERT_THAT(L.Unplaced, SizeIs(1));
  EXPECT_THAT(L.Unplaced[0], HasSubstr("occurs 3 times"));
}

TEST(HookPayloadClaude, ReplaceAllRecordsEveryOccurrence) {
  HookPayload P = parse(HookAgent::ClaudeCode,
                        claudeEdit({{"file_path", "/p/f.cpp"},
                                    {"new_string", "int"},
                                    {"replace_all", true}},
                                   {{"structuredPatch", Json::array()}}));
  EXPECT_THAT(linesOf(P.Edits[0], Now),
              ElementsAre(LineRange{2, 3}, LineRange{6, 6}));
}

TEST(HookPayloadClaude, WriteOfANewFileIsTheWholeFile) {
  HookPayload P =
      parse(HookAgent::ClaudeCode,
            claudeEdit({{"file_path", "/p/f.cpp"}, {"content", Now.str()}},
                       {{"type", "create"},
                        {"filePath", "/p/f.cpp"},
                        {"content", Now.str()},
                        {"structuredPatch", Json::array()}},
                       "Write"));
  EXPECT_THAT(linesOf(P.Edits[0], Now), ElementsAre(LineRange{1, 6}));
}

TEST(HookPayloadClaude, DeletionOnlyRecordsNothing) {
  Json Patch = Json::array({{{"oldStart", 1},
                             {"oldLines", 1},
                             {"newStart", 1},
                             {"newLines", 0},
                             {"lines", {"-int gone;"}}}});
  HookPayload P =
      parse(HookAgent::ClaudeCode, claudeEdit({{"file_path", "/p/f.cpp"},
                                               {"old_string", "int gone;\n"},
                                               {"new_string", ""}},
                                              {{"structuredPatch", Patch}}));
  LocatedLines L = locateEdit(P.Edits[0], Now);
  EXPECT_THAT(L.Ranges, IsEmpty());
  EXPECT_THAT(L.Unplaced, IsEmpty());
}

class TranscriptTest : public ::testing::Test {
protected:
  void write(llvm::StringRef Text) { Scratch.write("transcript.jsonl", Text); }
  ScratchDirectory Scratch{"aiprov-transcript"};
  const std::string Path = Scratch.path("transcript.jsonl");
};

TEST_F(TranscriptTest, ModelAndVersionFromTheLastAssistantMessage) {
  write(
      R"({"type":"user","message":{"role":"user","content":"hi"}})"
      "\n"
      R"({"type":"assistant","version":"1.0.0","message":{"model":"claude-sonnet-4-20250514","role":"assistant"}})"
      "\n"
      R"({"type":"assistant","version":"2.0.1","message":{"model":"claude-opus-4-5-20251101","role":"assistant"}})"
      "\n"
      R"({"type":"assistant","version":"2.0.1","message":{"model":"<synthetic>","role":"assistant"}})"
      "\n"
      R"({"type":"assistant","message":{"mod)");
  Json Payload =
      claudeEdit({{"file_path", "/p/f.cpp"}, {"new_string", "x"}}, {});
  Payload["transcript_path"] = Path;
  HookPayload P = parse(HookAgent::ClaudeCode, Payload);
  EXPECT_EQ(P.Model, "anthropic/claude-opus-4-5-20251101");
  EXPECT_EQ(P.ToolVersion, "2.0.1");
}

TEST(HookPayloadClaude, UnreadableTranscriptLeavesTheModelUnknown) {
  Json Payload =
      claudeEdit({{"file_path", "/p/f.cpp"}, {"new_string", "x"}}, {});
  Payload["transcript_path"] = "/nonexistent/aiprov/t.jsonl";
  HookPayload P = parse(HookAgent::ClaudeCode, Payload);
  EXPECT_EQ(P.Model, "");
  EXPECT_EQ(P.ToolVersion, "");
}

TEST(HookPayloadClaude, OtherEventsAndToolsAreErrors) {
  Json Bash = claudeEdit({{"command", "ls"}}, {}, "Bash");
  EXPECT_THAT(parseError(HookAgent::ClaudeCode, Bash.dump()),
              HasSubstr("claude-code tool 'Bash' is not one aiprov records"));
  Json Pre = claudeEdit({{"file_path", "/p/f.cpp"}}, {});
  Pre["hook_event_name"] = "PreToolUse";
  EXPECT_THAT(parseError(HookAgent::ClaudeCode, Pre.dump()),
              HasSubstr("claude-code hook event 'PreToolUse' does not edit"));
  Json NoPath = claudeEdit({{"new_string", "x"}}, {});
  EXPECT_THAT(parseError(HookAgent::ClaudeCode, NoPath.dump()),
              HasSubstr("has no 'file_path' string"));
  Json NoEvent = claudeEdit({{"file_path", "/p/f.cpp"}}, {});
  NoEvent.erase("hook_event_name");
  EXPECT_THAT(parseError(HookAgent::ClaudeCode, NoEvent.dump()),
              HasSubstr("has no 'hook_event_name' string"));
}

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

Json codexPostToolUse(llvm::StringRef Patch) {
  return {{"session_id", "019a-thread"},
          {"turn_id", "turn-1"},
          {"transcript_path", nullptr},
          {"cwd", "/work/proj"},
          {"hook_event_name", "PostToolUse"},
          {"model", "gpt-5.1-codex"},
          {"permission_mode", "default"},
          {"tool_name", "apply_patch"},
          {"tool_input", {{"command", Patch}}},
          {"tool_response", "Success. Updated the following files:\n"},
          {"tool_use_id", "call_1"}};
}

TEST(HookPayloadCodex, ApplyPatchAddUpdateMoveDelete) {
  HookPayload P =
      parse(HookAgent::Codex, codexPostToolUse("*** Begin Patch\n"
                                               "*** Add File: src/new.h\n"
                                               "+#pragma once\n"
                                               "+int h();\n"
                                               "*** Update File: src/f.cpp\n"
                                               "@@ int f() {\n"
                                               "-  return 1;\n"
                                               "+  int y = 2;\n"
                                               "+  return y;\n"
                                               " }\n"
                                               "*** Update File: old.cpp\n"
                                               "*** Move to: src/moved.cpp\n"
                                               "@@\n"
                                               " }\n"
                                               "-int g() { return 1; }\n"
                                               "+int g() { return 0; }\n"
                                               "*** Delete File: src/gone.cpp\n"
                                               "*** End Patch\n"));
  EXPECT_EQ(P.Tool, "codex");
  EXPECT_EQ(P.Model, "gpt-5.1-codex");
  EXPECT_EQ(P.Note, "");
  ASSERT_THAT(P.Edits, SizeIs(3));
  EXPECT_EQ(P.Edits[0].File, "/work/proj/src/new.h");
  EXPECT_THAT(linesOf(P.Edits[0], "#pragma once\nint h();\n"),
              ElementsAre(LineRange{1, 2}));
  EXPECT_EQ(P.Edits[1].File, "/work/proj/src/f.cpp");
  EXPECT_THAT(linesOf(P.Edits[1], Now), ElementsAre(LineRange{3, 4}));
  EXPECT_EQ(P.Edits[2].File, "/work/proj/src/moved.cpp");
  EXPECT_THAT(linesOf(P.Edits[2], Now), ElementsAre(LineRange{6, 6}));
}

TEST(HookPayloadCodex, LastLineWithoutNewline) {
  HookPayload P =
      parse(HookAgent::Codex, codexPostToolUse("*** Begin Patch\n"
                                               "*** Update File: f.cpp\n"
                                               "@@\n"
                                               " int a;\n"
                                               "+int b;\n"
                                               "*** End of File\n"
                                               "*** End Patch"));
  EXPECT_THAT(linesOf(P.Edits[0], "int z;\nint a;\nint b;"),
              ElementsAre(LineRange{3, 3}));
}

TEST(HookPayloadCodex, NotifyHasNothingToRecord) {
  HookPayload P =
      parse(HookAgent::Codex, {{"type", "agent-turn-complete"},
                               {"thread-id", "019a"},
                               {"turn-id", "12"},
                               {"cwd", "/work/proj"},
                               {"input-messages", {"fix the bug"}},
                               {"last-assistant-message", "Done."}});
  EXPECT_THAT(P.Edits, IsEmpty());
  EXPECT_THAT(P.Note, HasSubstr("names no files and carries no diff"));
}

TEST(HookPayloadCodex, ShellAndOtherPayloadsAreErrors) {
  Json Bash = codexPostToolUse("");
  Bash["tool_name"] = "Bash";
  Bash["tool_input"] = {{"command", "sed -i s/a/b/ f.cpp"}};
  EXPECT_THAT(parseError(HookAgent::Codex, Bash.dump()),
              HasSubstr("codex tool 'Bash' is not one aiprov records"));
  EXPECT_THAT(
      parseError(HookAgent::Codex, codexPostToolUse("just text").dump()),
      HasSubstr("does not start with '*** Begin Patch'"));
  EXPECT_THAT(parseError(HookAgent::Codex, R"({"type":"approval-requested"})"),
              HasSubstr("codex notify event 'approval-requested'"));
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
