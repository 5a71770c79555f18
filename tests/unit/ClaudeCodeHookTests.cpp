//===--- ClaudeCodeHookTests.cpp - Claude Code's payloads to lines --------===//
//
// Payloads are shaped like Claude Code's documented PostToolUse ones
// (docs/hooks.md cites the source), for its Write, Edit and MultiEdit
// tools; the model and version come from a transcript file.
//
//===----------------------------------------------------------------------===//
#include "HookPayloadTesting.h"
#include "ScratchDirectory.h"

namespace aiprov {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using Json = nlohmann::json;

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

/// The structuredPatch of the edit that made Now's lines 3-4 of f().
Json returnYPatch() {
  return Json::array({{{"oldStart", 2},
                       {"oldLines", 3},
                       {"newStart", 2},
                       {"newLines", 4},
                       {"lines",
                        {" int f() {", "-  return 1;", "+  int y = 2;",
                         "+  return y;", " }"}}}});
}

TEST(HookPayloadClaude, EditUsesStructuredPatchAddedLines) {
  Json Patch = returnYPatch();
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
  Json Patch = returnYPatch();
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

} // namespace
} // namespace aiprov
