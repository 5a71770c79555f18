//===--- LedgerRegionsTests.cpp - Ledger records as regions ---------------===//
#include "ScratchDirectory.h"
#include "aiprov/check/Checks.h"
#include "aiprov/directives/RegionBuilder.h"
#include "aiprov/directives/RegionHash.h"
#include "aiprov/ledger/LedgerRegions.h"
#include "aiprov/support/SourceText.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aiprov {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

/// A record of Text as it was written at StartLine of File.
LedgerRecord recordOf(llvm::StringRef Text, unsigned StartLine,
                      llvm::StringRef Origin = "agent") {
  LedgerRecord R;
  R.Id = newRecordId();
  R.Timestamp = "2026-11-29T02:24:38Z";
  R.File = "src/a.cpp";
  R.StartLine = StartLine;
  R.LineFingerprints = fingerprintLines(Text);
  R.EndLine = StartLine + R.LineFingerprints.size() - 1;
  R.Tool = "claude-code";
  R.Model = "anthropic/claude-opus-4-5";
  R.Origin = Origin.str();
  R.Who = "ada@example.com";
  if (Origin == "unknown-paste")
    R.Contributor = "unknown";
  return R;
}

PlacedRecords place(llvm::ArrayRef<LedgerRecord> Records,
                    const std::string &Contents) {
  std::vector<const LedgerRecord *> Pointers;
  for (const LedgerRecord &R : Records)
    Pointers.push_back(&R);
  return placeRecords(Pointers, Contents, LineTable(Contents), "/ws");
}

const char *Generated =
    "int twiceTheValue(int value) {\n  return 2 * value;\n}\n";

TEST(PlaceRecords, UnchangedFileKeepsTheRecordedLines) {
  std::string File = std::string("int a;\n") + Generated + "int b;\n";
  PlacedRecords P = place({recordOf(Generated, 2)}, File);
  ASSERT_EQ(P.Regions.size(), 1U);
  const Region &R = P.Regions[0];
  EXPECT_EQ(R.FirstLine, 2U);
  EXPECT_EQ(R.LastLine, 4U);
  EXPECT_THAT(R.lineRuns(), ElementsAre(LineRange{2, 4}));
  EXPECT_EQ(R.Origin.Source, RegionSource::Ledger);
  EXPECT_EQ(R.Origin.Start, (Position{2, 1}));
  EXPECT_EQ(R.tool(), "claude-code");
  EXPECT_EQ(R.Origin.get("model"), "anthropic/claude-opus-4-5");
  EXPECT_EQ(R.Origin.get("origin"), "agent");
  EXPECT_EQ(R.Hash, regionHash(File, LineTable(File), 2, 4, {}));
  EXPECT_THAT(P.Lost, IsEmpty());
}

TEST(PlaceRecords, FollowsLinesInsertedAbove) {
  std::string File = std::string("// new\n// lines\nint a;\n") + Generated;
  PlacedRecords P = place({recordOf(Generated, 2)}, File);
  ASSERT_EQ(P.Regions.size(), 1U);
  EXPECT_EQ(P.Regions[0].FirstLine, 4U);
  EXPECT_EQ(P.Regions[0].LastLine, 6U);
}

TEST(PlaceRecords, RewrittenLineStopsCounting) {
  std::string File =
      std::string("int a;\nint twiceTheValue(int value) {\n  return value + "
                  "value;\n}\n");
  PlacedRecords P = place({recordOf(Generated, 2)}, File);
  ASSERT_EQ(P.Regions.size(), 1U);
  EXPECT_THAT(P.Regions[0].lineRuns(),
              ElementsAre(LineRange{2, 2}, LineRange{4, 4}));
  EXPECT_EQ(P.Regions[0].lineCount(), 2U);
}

TEST(PlaceRecords, VanishedRecordIsLostNotDropped) {
  LedgerRecord R = recordOf(Generated, 2);
  PlacedRecords P = place({R}, "int a;\nint hand_written = 1;\n");
  EXPECT_THAT(P.Regions, IsEmpty());
  ASSERT_EQ(P.Lost.size(), 1U);
  EXPECT_EQ(P.Lost[0].RecordId, R.Id);
  EXPECT_EQ(P.Lost[0].Reason, "content no longer found");
  EXPECT_EQ(P.Lost[0].RecordedFirstLine, 2U);
  EXPECT_EQ(P.Lost[0].RecordedLastLine, 4U);
  EXPECT_EQ(P.Lost[0].WorkspaceRoot, "/ws");
}

TEST(PlaceRecords, HumanRecordsAreNotRegions) {
  LedgerRecord R = recordOf(Generated, 1);
  R.Contributor = "human";
  EXPECT_THAT(place({R}, Generated).Regions, IsEmpty());
}

TEST(PlaceRecords, ForeignRecordsKeepTheirLinesWhileTheyExist) {
  LedgerRecord R = recordOf("", 2);
  R.LineFingerprints.clear();
  R.StartLine = 2;
  R.EndLine = 9; // The file has 4 lines now.
  PlacedRecords P = place({R}, std::string("int a;\n") + Generated);
  ASSERT_EQ(P.Regions.size(), 1U);
  EXPECT_THAT(P.Regions[0].lineRuns(), ElementsAre(LineRange{2, 4}));

  R.StartLine = 7;
  P = place({R}, std::string("int a;\n") + Generated);
  EXPECT_THAT(P.Regions, IsEmpty());
  ASSERT_EQ(P.Lost.size(), 1U);
}

TEST(PlaceRecords, SortedByFirstLine) {
  std::string File = std::string("int first_one = 1;\n") + Generated;
  PlacedRecords P = place(
      {recordOf(Generated, 2), recordOf("int first_one = 1;\n", 1)}, File);
  ASSERT_EQ(P.Regions.size(), 2U);
  EXPECT_EQ(P.Regions[0].FirstLine, 1U);
  EXPECT_EQ(P.Regions[1].FirstLine, 2U);
}

TEST(MergeLedgerRegions, AnnotationSupersedesItsRecord) {
  std::string File = std::string("// aiprov: begin tool=claude-code\n") +
                     Generated + "// aiprov: end\nint spare_line = 0;\n";
  FileRegions Regions = analyzeBuffer(File);
  ASSERT_EQ(Regions.Regions.size(), 1U);
  PlacedRecords P = place(
      {recordOf(Generated, 2), recordOf("int spare_line = 0;\n", 6)}, File);
  ASSERT_EQ(P.Regions.size(), 2U);
  mergeLedgerRegions(Regions, std::move(P.Regions));
  ASSERT_EQ(Regions.Regions.size(), 2U);
  EXPECT_EQ(Regions.Regions[1].Origin.Source, RegionSource::Ledger);
  EXPECT_EQ(Regions.Regions[1].FirstLine, 6U);
}

TEST(LedgerChecks, UnknownPasteFollowsThePastePolicyOnly) {
  std::string File = std::string("int a;\n") + Generated;
  FileRegions Regions;
  Regions.Regions =
      place({recordOf(Generated, 2, "unknown-paste")}, File).Regions;
  ASSERT_EQ(Regions.Regions.size(), 1U);
  EXPECT_TRUE(Regions.Regions[0].isUnknownPaste());

  Verdict V;
  V.Ai = AiPermission::Forbid; // Not known to be AI: not forbidden as such.
  EXPECT_THAT(checkRegions("a.cpp", Regions, V), IsEmpty());
  V.UnknownPaste = PasteAction::Warn;
  std::vector<Finding> Warned = checkRegions("a.cpp", Regions, V);
  ASSERT_EQ(Warned.size(), 1U);
  EXPECT_EQ(Warned[0].Check, CheckId::UnknownPaste);
  EXPECT_EQ(Warned[0].Level, Severity::Warning);
  EXPECT_EQ(Warned[0].Where, (Position{2, 1}));
  EXPECT_EQ(Warned[0].Message,
            "paste of unknown origin (lines 2-4) was pasted from an unknown "
            "source; if an AI assistant wrote it, annotate it as "
            "AI-assisted");
  V.UnknownPaste = PasteAction::Error;
  ASSERT_EQ(checkRegions("a.cpp", Regions, V).size(), 1U);
  EXPECT_EQ(checkRegions("a.cpp", Regions, V)[0].Level, Severity::Error);
}

TEST(LedgerChecks, RecordedRegionIsForbiddenLikeAnAnnotation) {
  std::string File = std::string("int a;\n") + Generated;
  FileRegions Regions;
  Regions.Regions = place({recordOf(Generated, 2)}, File).Regions;
  Verdict V;
  V.Ai = AiPermission::Forbid;
  std::vector<Finding> Found = checkRegions("a.cpp", Regions, V);
  ASSERT_EQ(Found.size(), 1U);
  EXPECT_EQ(Found[0].Check, CheckId::ForbiddenRegion);
  EXPECT_EQ(Found[0].Where, (Position{2, 1}));
  EXPECT_THAT(Found[0].Message,
              ::testing::StartsWith("recorded AI-assisted region (tool: "
                                    "claude-code, lines 2-4) is in a path"));
}

class WorkspaceRecordsTest : public ::testing::Test {
protected:
  void write(llvm::StringRef Name, llvm::StringRef Text) {
    Scratch.write(Name, Text);
  }
  ScratchDirectory Scratch{"aiprov-ws"};
  const std::string Root = Scratch.root();
};

TEST_F(WorkspaceRecordsTest, ReadsBothFilesOnceEachRecord) {
  LedgerRecord A = recordOf(Generated, 1);
  std::string Line = A.toJson().dump() + "\n";
  // merge=union keeps a record both branches had twice.
  write(".aiprov/ledger.jsonl", Line + "garbage\n" + Line);
  LedgerRecord Foreign = recordOf(Generated, 5);
  Foreign.File = "src/b.cpp";
  Foreign.LineFingerprints.clear();
  write(".agent-trace/traces.jsonl", Foreign.toJson().dump() + "\n");

  WorkspaceRecords W = WorkspaceRecords::load(Root);
  EXPECT_THAT(W.forFile("src/a.cpp"), ::testing::SizeIs(1));
  EXPECT_THAT(W.forFile("src/b.cpp"), ::testing::SizeIs(1));
  EXPECT_THAT(W.forFile("src/c.cpp"), IsEmpty());
  ASSERT_EQ(W.Warnings.size(), 1U);
  EXPECT_THAT(
      W.Warnings[0],
      ::testing::EndsWith("ledger.jsonl:2:1: warning: skipped: not JSON"));
}

TEST_F(WorkspaceRecordsTest, RecordsOfDeletedFilesAreLost) {
  write("src/a.cpp", Generated);
  LedgerRecord Kept = recordOf(Generated, 1);
  LedgerRecord Gone = recordOf(Generated, 1);
  Gone.File = "src/gone.cpp";
  write(".aiprov/ledger.jsonl",
        Kept.toJson().dump() + "\n" + Gone.toJson().dump() + "\n");
  WorkspaceRecords W = WorkspaceRecords::load(Root);
  auto Everything = [](llvm::StringRef) { return true; };
  std::vector<LostRecord> Lost = recordsOfDeletedFiles(W, Everything);
  ASSERT_EQ(Lost.size(), 1U);
  EXPECT_EQ(Lost[0].File, "src/gone.cpp");
  EXPECT_EQ(Lost[0].Reason, "file deleted");
  EXPECT_THAT(recordsOfDeletedFiles(W, [](llvm::StringRef) { return false; }),
              IsEmpty());
}

} // namespace
} // namespace aiprov
