//===--- RegionBuilderTests.cpp - Regions and structure problems ---------===//
#include "MarkedCode.h"
#include "aiprov/directives/Region.h"
#include "aiprov/directives/RegionBuilder.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aiprov {
namespace {

using test::MarkedCode;
using ::testing::HasSubstr;

struct RegionCase {
  const char *Name;
  const char *Code;
  /// (first line, last line) of each region, in directive order.
  std::vector<std::pair<unsigned, unsigned>> Regions;
};

class RegionLinesTest : public ::testing::TestWithParam<RegionCase> {};

TEST_P(RegionLinesTest, CoversTheRightLines) {
  FileRegions R = analyzeBuffer(GetParam().Code);
  std::vector<std::pair<unsigned, unsigned>> Got;
  for (const Region &Reg : R.Regions)
    Got.push_back({Reg.FirstLine, Reg.LastLine});
  EXPECT_EQ(Got, GetParam().Regions);
  EXPECT_TRUE(R.Problems.empty()) << R.Problems.front().Message;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, RegionLinesTest,
    ::testing::Values(
        RegionCase{"BeginEnd",
                   "a;\n// aiprov: begin\nb;\nc;\n// aiprov: end\nd;\n",
                   {{2, 5}}},
        RegionCase{"Line", "a;\nb; // aiprov: line\nc;\n", {{2, 2}}},
        RegionCase{"LineAlone", "// aiprov: line\n", {{1, 1}}},
        RegionCase{"NextLine", "// aiprov: next-line\nb;\nc;\n", {{2, 2}}},
        RegionCase{"NextLineAfterBlockEnds",
                   "/* aiprov: next-line\n tool=x */\nc;\n",
                   {{3, 3}}},
        RegionCase{"File", "a;\n// aiprov: file\nb;\n", {{1, 3}}},
        RegionCase{"PragmaAndCommentPair",
                   "#pragma aiprov begin\nx;\n// aiprov: end\n",
                   {{1, 3}}},
        RegionCase{"Overlapping",
                   "// aiprov: begin\nx; // aiprov: line\n// aiprov: end\n",
                   {{1, 3}, {2, 2}}},
        RegionCase{"Sequential",
                   "// aiprov: begin\n// aiprov: end\n// aiprov: begin\n// "
                   "aiprov: end\n",
                   {{1, 2}, {3, 4}}}),
    [](const auto &Info) { return Info.param.Name; });

struct StructureCase {
  const char *Name;
  const char *Marked;
  const char *Message;
  std::vector<std::pair<unsigned, unsigned>> Regions;
};

class StructureTest : public ::testing::TestWithParam<StructureCase> {};

TEST_P(StructureTest, ReportsAndKeepsGoing) {
  MarkedCode M(GetParam().Marked);
  FileRegions R = analyzeBuffer(M.Code);
  for (const DirectiveProblem &P : R.Problems)
    EXPECT_THAT(P.Message, HasSubstr(GetParam().Message));
  EXPECT_EQ(test::problemPositions(R.Problems), M.Points);
  std::vector<std::pair<unsigned, unsigned>> Got;
  for (const Region &Reg : R.Regions)
    Got.push_back({Reg.FirstLine, Reg.LastLine});
  EXPECT_EQ(Got, GetParam().Regions);
}

INSTANTIATE_TEST_SUITE_P(
    Structure, StructureTest,
    ::testing::Values(
        StructureCase{"EndWithoutBegin",
                      "x;\n^// aiprov: end\n",
                      "without a matching 'begin'",
                      {}},
        StructureCase{"BeginNeverClosed",
                      "x;\n^// aiprov: begin\ny;\nz;\n",
                      "never closed",
                      {{2, 4}}},
        StructureCase{"NestedBeginIgnored",
                      "// aiprov: begin\n^// aiprov: begin\n// aiprov: end\n",
                      "still open",
                      {{1, 3}}},
        StructureCase{"NextLineOnLastLine",
                      "x;\n^// aiprov: next-line\n",
                      "last line",
                      {}},
        StructureCase{"NextLineOnLastLineNoNewline",
                      "x;\n^// aiprov: next-line",
                      "last line",
                      {}},
        StructureCase{"KeysOnEndStillEnds",
                      "// aiprov: begin\n// aiprov: end ^tool=x\n",
                      "takes no keys",
                      {{1, 2}}},
        StructureCase{"UnknownKindHasNoEffect",
                      "// aiprov: begin\n// aiprov: ^stop\n// aiprov: end\n",
                      "unknown directive kind",
                      {{1, 3}}}),
    [](const auto &Info) { return Info.param.Name; });

TEST(Region, ToolDefaultsToUnknown) {
  FileRegions R = analyzeBuffer("// aiprov: line\n");
  ASSERT_EQ(R.Regions.size(), 1u);
  EXPECT_EQ(R.Regions[0].tool(), "unknown");
}

TEST(Region, ReviewStates) {
  FileRegions Plain = analyzeBuffer("x; // aiprov: line\n");
  EXPECT_EQ(Plain.Regions[0].Review, ReviewStatus::Unreviewed);

  FileRegions NoHash = analyzeBuffer("x; // aiprov: line reviewed-by=ann\n");
  EXPECT_EQ(NoHash.Regions[0].Review, ReviewStatus::Reviewed);

  // A review hash without reviewed-by is still unreviewed (SPEC §3).
  std::string Hash = NoHash.Regions[0].Hash;
  FileRegions HashOnly =
      analyzeBuffer("x; // aiprov: line review=" + Hash + "\n");
  EXPECT_EQ(HashOnly.Regions[0].Review, ReviewStatus::Unreviewed);

  FileRegions Fresh =
      analyzeBuffer("x; // aiprov: line reviewed-by=ann review=" + Hash + "\n");
  EXPECT_EQ(Fresh.Regions[0].Review, ReviewStatus::Reviewed);

  FileRegions Stale =
      analyzeBuffer("y; // aiprov: line reviewed-by=ann review=" + Hash + "\n");
  EXPECT_EQ(Stale.Regions[0].Review, ReviewStatus::Stale);
}

TEST(Region, CountsLinesOfFilesWithoutDirectives) {
  EXPECT_EQ(analyzeBuffer("a\nb\n").TotalLines, 2u);
  EXPECT_EQ(analyzeBuffer("a\nb").TotalLines, 2u);
  EXPECT_EQ(analyzeBuffer("").TotalLines, 0u);
}

} // namespace
} // namespace aiprov
