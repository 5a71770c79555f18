//===--- RecordingTests.cpp - Observed lines become ledger records --------===//
//
// Each test builds a small workspace in a temporary directory (a `.git`
// directory is all findGitRoot looks for) and reads the ledger back through
// Ledger::read, so the records are checked as every reader will see them.
//
//===----------------------------------------------------------------------===//
#include "ScratchDirectory.h"
#include "aiprov/ledger/Recording.h"
#include "aiprov/policy/Policy.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aiprov {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

class RecordingTest : public ::testing::Test {
protected:
  std::string path(llvm::StringRef Name) { return Scratch.path(Name); }
  void writeFile(llvm::StringRef Name, llvm::StringRef Text) {
    Scratch.write(Name, Text);
  }
  void makeGitRepo(llvm::StringRef Dir = ".") {
    llvm::SmallString<256> Git(path(Dir));
    llvm::sys::path::append(Git, ".git");
    ASSERT_FALSE(llvm::sys::fs::create_directories(Git));
  }

  RecordRequest request(llvm::StringRef File, std::vector<LineRange> Ranges) {
    RecordRequest R;
    R.File = path(File);
    R.Ranges = std::move(Ranges);
    R.Tool = "bench";
    R.ToolVersion = "1.0";
    R.Model = "anthropic/claude-opus-4-5";
    R.Origin = "agent";
    R.Who = "ada@example.com";
    return R;
  }

  ScratchDirectory Scratch{"aiprov-record"};
  const std::string Root = Scratch.root();
  PolicyResolver Policies{PolicyResolver::Options{}};
};

constexpr llvm::StringRef Source = "int a;\nint b() {\n  return 1;\n}\n";

TEST_F(RecordingTest, WritesOneRecordPerRangeWithFingerprintsOfTheLinesNow) {
  makeGitRepo();
  writeFile("src/f.cpp", Source);
  auto Batch = recordLines(request("src/f.cpp", {{2, 4}, {1, 1}}), Policies);
  ASSERT_TRUE(bool(Batch)) << llvm::toString(Batch.takeError());
  EXPECT_EQ(Batch->WorkspaceRoot, Root);

  LedgerReadResult Read = Ledger(Root).read();
  EXPECT_THAT(Read.Warnings, IsEmpty());
  ASSERT_THAT(Read.Records, SizeIs(2));
  const LedgerRecord &R = Read.Records[0];
  EXPECT_EQ(R.File, "src/f.cpp");
  EXPECT_EQ(R.StartLine, 2u);
  EXPECT_EQ(R.EndLine, 4u);
  EXPECT_EQ(R.Tool, "bench");
  EXPECT_EQ(R.ToolVersion, "1.0");
  EXPECT_EQ(R.Model, "anthropic/claude-opus-4-5");
  EXPECT_EQ(R.Origin, "agent");
  EXPECT_EQ(R.Who, "ada@example.com");
  EXPECT_EQ(R.Contributor, "ai");
  EXPECT_EQ(R.LineFingerprints, fingerprintLines("int b() {\n  return 1;\n}"));
  EXPECT_EQ(Read.Records[1].StartLine, 1u);
  EXPECT_EQ(Read.Records[1].LineFingerprints, fingerprintLines("int a;"));
  EXPECT_NE(Read.Records[0].Id, Read.Records[1].Id);
}

TEST_F(RecordingTest, NestedFileGoesToTheNearestGitRoot) {
  makeGitRepo();
  makeGitRepo("sub");
  writeFile("sub/g.cpp", Source);
  auto Batch = recordLines(request("sub/g.cpp", {{1, 1}}), Policies);
  ASSERT_TRUE(bool(Batch)) << llvm::toString(Batch.takeError());
  EXPECT_EQ(Batch->WorkspaceRoot, path("sub"));
  EXPECT_EQ(Batch->Records[0].File, "g.cpp");
  EXPECT_TRUE(llvm::sys::fs::exists(Ledger::pathFor(path("sub"))));
  EXPECT_FALSE(llvm::sys::fs::exists(Ledger::pathFor(Root)));
}

TEST_F(RecordingTest, WithoutGitTheTopOfThePolicyChainIsTheRoot) {
  writeFile(".aiprov.yaml", "rules:\n  - paths: [\"**\"]\n    ai: allow\n");
  writeFile("lib/.aiprov.yaml",
            "inherit: true\nrules:\n  - paths: [\"**\"]\n    ai: review\n");
  writeFile("lib/x/h.h", Source);
  writeFile("tools/.aiprov.yaml",
            "rules:\n  - paths: [\"**\"]\n    ai: allow\n");
  writeFile("tools/t.cpp", Source);
  auto Batch = recordLines(request("lib/x/h.h", {{3, 3}}), Policies);
  ASSERT_TRUE(bool(Batch)) << llvm::toString(Batch.takeError());
  EXPECT_EQ(Batch->WorkspaceRoot, Root);
  EXPECT_EQ(Batch->Records[0].File, "lib/x/h.h");
  // Without inherit, a nested policy starts a workspace of its own.
  auto Tools = recordLines(request("tools/t.cpp", {{1, 1}}), Policies);
  ASSERT_TRUE(bool(Tools)) << llvm::toString(Tools.takeError());
  EXPECT_EQ(Tools->WorkspaceRoot, path("tools"));
  EXPECT_EQ(Tools->Records[0].File, "t.cpp");
}

TEST_F(RecordingTest, BrokenPolicyDoesNotStopRecordingInAGitRepository) {
  makeGitRepo();
  writeFile(".aiprov.yaml", "rules: [ {\n");
  writeFile("f.cpp", Source);
  auto Batch = recordLines(request("f.cpp", {{1, 2}}), Policies);
  ASSERT_TRUE(bool(Batch)) << llvm::toString(Batch.takeError());
  EXPECT_THAT(Ledger(Root).read().Records, SizeIs(1));
}

TEST_F(RecordingTest, NoWorkspaceIsAnErrorNamingTheFile) {
  writeFile("f.cpp", Source);
  auto Batch = recordLines(request("f.cpp", {{1, 1}}), Policies);
  ASSERT_FALSE(bool(Batch));
  EXPECT_EQ(llvm::toString(Batch.takeError()),
            "no git repository or .aiprov.yaml above " + path("f.cpp"));
}

TEST_F(RecordingTest, BadRangesAreErrorsAndNothingIsWritten) {
  makeGitRepo();
  writeFile("f.cpp", Source);
  std::string File = path("f.cpp");
  struct Case {
    std::vector<LineRange> Ranges;
    std::string Message;
  } Cases[] = {
      {{{1, 1}, {3, 9}},
       File + ":9: line 9 is out of range (the file has 4 lines)"},
      {{{3, 2}}, File + ":3: invalid line range 3-2"},
      {{{0, 2}}, File + ":0: invalid line range 0-2"},
      {{}, File + ": no lines to record"},
  };
  for (const Case &C : Cases) {
    auto Batch = recordLines(request("f.cpp", C.Ranges), Policies);
    ASSERT_FALSE(bool(Batch));
    EXPECT_THAT(llvm::toString(Batch.takeError()), HasSubstr(C.Message));
  }
  EXPECT_FALSE(llvm::sys::fs::exists(Ledger::pathFor(Root)));
}

TEST_F(RecordingTest, MissingFileIsAnError) {
  makeGitRepo();
  auto Batch = recordLines(request("gone.cpp", {{1, 1}}), Policies);
  ASSERT_FALSE(bool(Batch));
  EXPECT_THAT(llvm::toString(Batch.takeError()),
              HasSubstr(path("gone.cpp") + ": "));
  EXPECT_FALSE(llvm::sys::fs::exists(Ledger::pathFor(Root)));
}

TEST_F(RecordingTest, LastLineWithoutNewlineCounts) {
  makeGitRepo();
  writeFile("f.cpp", "a\nb");
  auto Batch = recordLines(request("f.cpp", {{2, 2}}), Policies);
  ASSERT_TRUE(bool(Batch)) << llvm::toString(Batch.takeError());
  EXPECT_THAT(Batch->Records[0].LineFingerprints,
              ElementsAre(fingerprintLine("b")));
}

TEST_F(RecordingTest, SymlinkIsRecordedAsItsTarget) {
  makeGitRepo("repo");
  writeFile("repo/real.cpp", Source);
  ASSERT_FALSE(
      llvm::sys::fs::create_link(path("repo/real.cpp"), path("link.cpp")));
  auto Batch = recordLines(request("link.cpp", {{1, 1}}), Policies);
  ASSERT_TRUE(bool(Batch)) << llvm::toString(Batch.takeError());
  EXPECT_EQ(Batch->WorkspaceRoot, path("repo"));
  EXPECT_EQ(Batch->Records[0].File, "real.cpp");
}

TEST_F(RecordingTest, BuildRecordsWritesNothing) {
  makeGitRepo();
  writeFile("f.cpp", Source);
  auto Batch = buildRecords(request("f.cpp", {{1, 4}}), Policies);
  ASSERT_TRUE(bool(Batch)) << llvm::toString(Batch.takeError());
  EXPECT_THAT(Batch->Records, SizeIs(1));
  EXPECT_FALSE(llvm::sys::fs::exists(Ledger::pathFor(Root)));
}

TEST_F(RecordingTest, BuildRecordsOfTextFingerprintsTheGivenText) {
  makeGitRepo();
  writeFile("f.cpp", Source);
  // The editor's unsaved text differs from the file on disk.
  constexpr llvm::StringRef Unsaved = "int pasted;\nint a;\n";
  auto FromText =
      buildRecordsOfText(request("f.cpp", {{1, 2}}), Unsaved, Policies);
  ASSERT_TRUE(bool(FromText)) << llvm::toString(FromText.takeError());
  ASSERT_THAT(FromText->Records, SizeIs(1));
  std::vector<std::string> Expected = fingerprintLines(Unsaved);
  EXPECT_EQ(FromText->Records[0].LineFingerprints, Expected);
  EXPECT_EQ(FromText->Records[0].File, "f.cpp");
  // Line 3 exists on disk but not in the text.
  auto Past = buildRecordsOfText(request("f.cpp", {{3, 3}}), Unsaved, Policies);
  ASSERT_FALSE(bool(Past));
  EXPECT_THAT(llvm::toString(Past.takeError()), HasSubstr("out of range"));
}

TEST_F(RecordingTest, BuildRecordsOfTextNeedsNoFileOnDisk) {
  makeGitRepo();
  RecordRequest R = request("new/unsaved.cpp", {{1, 1}});
  R.Origin = "paste";
  R.Contributor = "unknown";
  auto Batch = buildRecordsOfText(R, "int x;\n", Policies);
  ASSERT_TRUE(bool(Batch)) << llvm::toString(Batch.takeError());
  ASSERT_THAT(Batch->Records, SizeIs(1));
  EXPECT_EQ(Batch->Records[0].File, "new/unsaved.cpp");
  EXPECT_EQ(Batch->Records[0].Contributor, "unknown");
}

} // namespace
} // namespace aiprov
