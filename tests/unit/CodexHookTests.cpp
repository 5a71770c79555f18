//===--- CodexHookTests.cpp - Codex's payloads to edited lines ------------===//
//
// Payloads are shaped like Codex's PostToolUse hook for apply_patch and its
// legacy notify program (docs/hooks.md cites the source); the patches use
// every section of the apply_patch envelope.
//
//===----------------------------------------------------------------------===//
#include "HookPayloadTesting.h"

namespace aiprov {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using Json = nlohmann::json;

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

} // namespace
} // namespace aiprov
