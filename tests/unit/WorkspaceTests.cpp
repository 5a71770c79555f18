//===--- WorkspaceTests.cpp - Record paths in their normal form -----------===//
#include "aiprov/ledger/Ledger.h"
#include "aiprov/ledger/Workspace.h"
#include "gtest/gtest.h"

namespace aiprov {
namespace {

TEST(NormalizeRecordPath, SpellingsOfOneFileAgree) {
  for (llvm::StringRef Spelling :
       {"evals/a.cpp", "./evals/a.cpp", "evals//a.cpp", "evals/./a.cpp",
        "evals/../evals/a.cpp", "evals/x/../a.cpp", "/ws/evals/a.cpp",
        "/ws/./evals/x/../a.cpp", "/ws//evals/a.cpp", "evals/a.cpp/"})
    EXPECT_EQ(normalizeRecordPath("/ws", Spelling).value_or("<none>"),
              "evals/a.cpp")
        << Spelling.str();
}

TEST(NormalizeRecordPath, PathsLeavingTheWorkspaceHaveNone) {
  for (llvm::StringRef Spelling :
       {"../x.cpp", "evals/../../x.cpp", "/etc/passwd", "/wsx/a.cpp", "/ws", "",
        ".", "./", "a/..", "/ws/../ws2/a.cpp"})
    EXPECT_FALSE(normalizeRecordPath("/ws", Spelling)) << Spelling.str();
  // Without a root no absolute path can be placed.
  EXPECT_FALSE(normalizeRecordPath("", "/ws/a.cpp"));
}

TEST(NormalizeRecordPath, LedgerParseNormalisesAndWarns) {
  auto Line = [](llvm::StringRef Path) {
    return R"({"version":"0.1","id":"i-)" + Path.str() +
           R"(","timestamp":"2026-01-01T00:00:00Z","files":[{"path":")" +
           Path.str() +
           R"(","conversations":[{"contributor":{"type":"ai"},"ranges":[{"start_line":1,"end_line":1}]}]}]})"
           "\n";
  };
  LedgerReadResult Read =
      Ledger::parse(Line("./a.cpp") + Line("/ws/b/c.cpp") + Line("../d.cpp"),
                    "/ws/.agent-trace/traces.jsonl", "/ws");
  ASSERT_EQ(Read.Records.size(), 2U);
  EXPECT_EQ(Read.Records[0].File, "a.cpp");
  EXPECT_EQ(Read.Records[1].File, "b/c.cpp");
  ASSERT_EQ(Read.Warnings.size(), 1U);
  EXPECT_EQ(Read.Warnings[0],
            "/ws/.agent-trace/traces.jsonl:3:1: warning: skipped: file path "
            "'../d.cpp' is outside the workspace");
}

} // namespace
} // namespace aiprov
