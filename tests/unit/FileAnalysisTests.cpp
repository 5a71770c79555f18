//===--- FileAnalysisTests.cpp - The one per-file pipeline ----------------===//
#include "aiprov/check/FileAnalysis.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aiprov {
namespace {

using ::testing::HasSubstr;

/// A placement that hands back a fixed region and counts its calls.
struct FixedRecords : RecordPlacement {
  std::vector<Region> Regions;
  unsigned Calls = 0;
  PlacedLedger place(const FileInput &, const Verdict &) override {
    ++Calls;
    PlacedLedger Out;
    Out.Regions = Regions;
    return Out;
  }
};

Verdict review(std::string TopPolicyDir) {
  Verdict V;
  V.Ai = AiPermission::Review;
  V.TopPolicyDir = std::move(TopPolicyDir);
  return V;
}

struct Pipeline {
  std::string Text = "int x; // aiprov: line tool=claude-code\n";
  unsigned TextReads = 0;
  FixedRecords Records;
  FileInput File;

  FileAnalysis run(llvm::Expected<Verdict> Policy) {
    auto ReadText = [&]() -> std::optional<llvm::StringRef> {
      ++TextReads;
      return llvm::StringRef(Text);
    };
    File.Text = ReadText;
    std::optional<llvm::Expected<Verdict>> Once(std::move(Policy));
    return analyzeFile(
        File,
        [&](llvm::StringRef) -> llvm::Expected<Verdict> {
          return std::move(*Once);
        },
        Records);
  }
};

llvm::Error brokenPolicy() {
  return llvm::createStringError("/repo/.aiprov.yaml:2:1: error: bad key");
}

TEST(FileAnalysis, ABrokenPolicyStopsTheFileBeforeItsTextIsRead) {
  Pipeline P;
  P.File.DisplayPath = P.File.AbsolutePath = "/repo/a.cpp";
  FileAnalysis A = P.run(brokenPolicy());
  EXPECT_EQ(A.Result, FileAnalysis::Outcome::PolicyBroken);
  EXPECT_THAT(A.PolicyError, HasSubstr("bad key"));
  EXPECT_EQ(P.TextReads, 0u);
  EXPECT_EQ(P.Records.Calls, 0u);
  EXPECT_TRUE(A.Regions.Regions.empty());
  EXPECT_TRUE(A.Findings.empty());
}

TEST(FileAnalysis, TheEditorKeepsTheRegionsOfAnUncheckedFile) {
  Pipeline P;
  P.File.DisplayPath = P.File.AbsolutePath = "/repo/a.cpp";
  P.File.RegionsWhenUnchecked = true;
  FileAnalysis A = P.run(brokenPolicy());
  EXPECT_EQ(A.Result, FileAnalysis::Outcome::PolicyBroken);
  ASSERT_EQ(A.Regions.Regions.size(), 1u);
  EXPECT_TRUE(A.Findings.empty());
  EXPECT_EQ(P.Records.Calls, 0u);
}

TEST(FileAnalysis, LedgerRegionsAreMergedAndChecked) {
  Pipeline P;
  P.Text = "int a;\nint b;\nint c;\n";
  P.File.DisplayPath = P.File.AbsolutePath = "/repo/a.cpp";
  Region Recorded;
  Recorded.Origin.Source = RegionSource::Ledger;
  Recorded.FirstLine = 2;
  Recorded.LastLine = 3;
  Recorded.Origin.Start = {2, 1};
  P.Records.Regions = {Recorded};
  FileAnalysis A = P.run(review("/repo"));
  ASSERT_TRUE(A.analyzed());
  EXPECT_EQ(P.Records.Calls, 1u);
  ASSERT_EQ(A.Regions.Regions.size(), 1u);
  ASSERT_EQ(A.Findings.size(), 1u);
  EXPECT_EQ(A.Findings[0].Check, CheckId::UnreviewedRegion);
  EXPECT_EQ(A.Findings[0].Where.Line, 2u);
}

TEST(FileAnalysis, FrontEndRegionsReplaceLexerMode) {
  Pipeline P;
  P.File.DisplayPath = P.File.AbsolutePath = "/repo/a.cpp";
  auto NoRegions = []() -> std::optional<FileRegions> { return FileRegions(); };
  P.File.InSourceRegions = NoRegions;
  FileAnalysis A = P.run(review("/repo"));
  ASSERT_TRUE(A.analyzed());
  EXPECT_TRUE(A.Regions.Regions.empty()); // the lexer would have found one
  EXPECT_EQ(P.TextReads, 0u);
}

TEST(FileAnalysis, TextThatIsNoFileGetsNoPolicyAndNoLedger) {
  Pipeline P;
  P.File.DisplayPath = "untitled:1";
  FileAnalysis A = P.run(brokenPolicy()); // never asked
  ASSERT_TRUE(A.analyzed());
  EXPECT_EQ(P.Records.Calls, 0u);
  EXPECT_EQ(A.Regions.Regions.size(), 1u);
  EXPECT_TRUE(A.Findings.empty()); // the default verdict allows AI
}

// Fingerprints name the file relative to the top policy directory, by
// whole components: under /src/a, the file /src/a2/x.cpp keeps its path.
TEST(FileAnalysis, FingerprintsDoNotDependOnTheWorkingDirectory) {
  auto FingerprintOf = [](std::string Path, std::string Top) {
    Pipeline P;
    P.File.DisplayPath = "shown-as-anything.cpp";
    P.File.AbsolutePath = Path;
    FileAnalysis A = P.run(review(Top));
    EXPECT_EQ(A.Findings.size(), 1u);
    return A.Findings.empty() ? "" : A.Findings[0].Fingerprint;
  };
  EXPECT_EQ(FingerprintOf("/one/repo/x.cpp", "/one/repo"),
            FingerprintOf("/two/repo/x.cpp", "/two/repo"));
  EXPECT_NE(FingerprintOf("/src/a2/x.cpp", "/src/a"),
            FingerprintOf("/src/a/2/x.cpp", "/src/a"));
}

} // namespace
} // namespace aiprov
