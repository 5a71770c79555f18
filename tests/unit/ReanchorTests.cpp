//===--- ReanchorTests.cpp - Finding recorded lines again after edits ----===//
//
// Each case records a region as it was written, edits the file the way
// people do outside the editor, and marks with `@` at the start of a line
// exactly the current lines that are still the recorded ones: those, and
// no others, must be located. bench/attribution measures the same on
// seeded random edits of real code.
//
//===----------------------------------------------------------------------===//
#include "aiprov/ledger/Ledger.h"
#include "aiprov/ledger/Reanchor.h"
#include "llvm/ADT/StringExtras.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <string>
#include <vector>

namespace aiprov {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::IsSupersetOf;
using ::testing::Not;

/// A file with `@` before the lines expected to be located; the marks are
/// removed from Text.
struct MarkedFile {
  std::string Text;
  std::vector<unsigned> Marked;

  explicit MarkedFile(llvm::StringRef Source) {
    unsigned Line = 1;
    bool AtLineStart = true;
    for (char C : Source) {
      if (AtLineStart && C == '@') {
        Marked.push_back(Line);
        AtLineStart = false;
        continue;
      }
      AtLineStart = C == '\n';
      if (C == '\n')
        ++Line;
      Text += C;
    }
  }
};

std::string crlf(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    if (C == '\n')
      Out += '\r';
    Out += C;
  }
  return Out;
}

const char *const Prologue = "#include <vector>\n"
                             "\n"
                             "int helper(int X) {\n"
                             "  return X * 2;\n"
                             "}\n"
                             "\n";
/// The recorded region, lines 7-13 of the original file.
const char *const Sum = "int sum(const std::vector<int> &Values) {\n"
                        "  int Total = 0;\n"
                        "  for (int V : Values) {\n"
                        "    Total += helper(V);\n"
                        "  }\n"
                        "  return Total;\n"
                        "}\n";
const unsigned SumLine = 7;
/// The same, every line marked as still there.
const char *const MarkedSum = "@int sum(const std::vector<int> &Values) {\n"
                              "@  int Total = 0;\n"
                              "@  for (int V : Values) {\n"
                              "@    Total += helper(V);\n"
                              "@  }\n"
                              "@  return Total;\n"
                              "@}\n";
const char *const Epilogue = "\n"
                             "int main() { return sum({1, 2, 3}); }\n";

struct ReanchorCase {
  const char *Name;
  /// The file now, `@` before each line that must be located.
  std::string Now;
  /// Where the region started when it was recorded.
  unsigned RecordedStartLine = SumLine;
  /// The file is checked out with CRLF line ends now.
  bool Crlf = false;
};

class ReanchorTest : public ::testing::TestWithParam<ReanchorCase> {};

TEST_P(ReanchorTest, LocatesExactlyTheSurvivingLines) {
  const ReanchorCase &C = GetParam();
  MarkedFile Now(C.Now);
  LineIndex Index(C.Crlf ? crlf(Now.Text) : Now.Text);
  EXPECT_EQ(Index.locate(fingerprintLines(Sum), C.RecordedStartLine),
            Now.Marked);
}

INSTANTIATE_TEST_SUITE_P(
    Edits, ReanchorTest,
    ::testing::Values(
        ReanchorCase{"Unchanged", std::string(Prologue) + MarkedSum + Epilogue},
        ReanchorCase{"LinesInsertedAbove", std::string("// Copyright\n"
                                                       "// License: MIT\n"
                                                       "\n") +
                                               Prologue + MarkedSum + Epilogue},
        ReanchorCase{"LinesDeletedAbove",
                     std::string("#include <vector>\n\n") + MarkedSum},
        ReanchorCase{"MovedBelowOtherCode", std::string(Prologue) +
                                                "int other() {\n"
                                                "  return 7;\n"
                                                "}\n"
                                                "\n" +
                                                Epilogue + "\n" + MarkedSum},
        ReanchorCase{"PartlyRewritten",
                     std::string(Prologue) +
                         "@int sum(const std::vector<int> &Values) {\n"
                         "  long Total = 0;\n"
                         "@  for (int V : Values) {\n"
                         "    Total += V * 2;\n"
                         "@  }\n"
                         "@  return Total;\n"
                         "@}\n" +
                         Epilogue},
        ReanchorCase{"Reindented", std::string(Prologue) +
                                       "namespace lib {\n"
                                       "@  int sum(const std::vector<int> "
                                       "&Values) {\n"
                                       "@\tint Total = 0;\n"
                                       "@\tfor (int V : Values) {\n"
                                       "@\t\tTotal += helper(V);\n"
                                       "@\t}\n"
                                       "@\treturn Total;\n"
                                       "@  }\n"
                                       "}\n"},
        ReanchorCase{"HumanLinesInsideNotAttributed",
                     std::string(Prologue) +
                         "@int sum(const std::vector<int> &Values) {\n"
                         "@  int Total = 0;\n"
                         "@  for (int V : Values) {\n"
                         "    if (V < 0)\n"
                         "      continue;\n"
                         "@    Total += helper(V);\n"
                         "@  }\n"
                         "  // Never negative.\n"
                         "@  return Total;\n"
                         "@}\n" +
                         Epilogue},
        ReanchorCase{"WholeRegionDeleted", std::string(Prologue) + Epilogue},
        ReanchorCase{"OnlyBracesAndBlanksLeft",
                     std::string(Prologue) +
                         "long sum(std::vector<int> V) {\n"
                         "  long T = 0;\n"
                         "  for (auto E : V) {\n"
                         "    T += E;\n"
                         "  }\n"
                         "\n"
                         "  return T;\n"
                         "}\n" +
                         Epilogue},
        // All but one line rewritten, and that one, `return Total;`, is in
        // two other functions too: no evidence of where the region went.
        ReanchorCase{"LoneCommonLineNotAttributed",
                     std::string(Prologue) + "long sum(std::vector<int> V) {\n"
                                             "  long Total = 0;\n"
                                             "  for (auto E : V)\n"
                                             "    Total += E;\n"
                                             "  return Total;\n"
                                             "}\n"
                                             "int count() {\n"
                                             "  int Total = 3;\n"
                                             "  return Total;\n"
                                             "}\n"},
        // The one surviving line is unique in the file and long enough to
        // mean something: it is the record's, and so are the braces near it.
        ReanchorCase{"LoneDistinctiveLineKept",
                     std::string(Prologue) +
                         "@int sum(const std::vector<int> &Values) {\n"
                         "  long Total = 1;\n"
                         "  for (int Each : Values)\n"
                         "    Total += helper(Each);\n"
                         "@  }\n"
                         "  return Total * 1;\n"
                         "@}\n"},
        // Unique in the file but short: `return Total;` could be anyone's.
        ReanchorCase{"LoneShortLineNotEvidence",
                     std::string(Prologue) + "long sum(std::vector<int> V) {\n"
                                             "  long Total = 0;\n"
                                             "  for (auto E : V)\n"
                                             "    Total += E;\n"
                                             "  return Total;\n"
                                             "}\n"},
        ReanchorCase{"TailDeleted",
                     std::string(Prologue) +
                         "@int sum(const std::vector<int> &Values) {\n"
                         "@  int Total = 0;\n"
                         "@  for (int V : Values) {\n" +
                         Epilogue},
        ReanchorCase{"DuplicateNearestToRecordedStartWins",
                     std::string(Prologue) + Sum + "\n" + MarkedSum + Epilogue,
                     /*RecordedStartLine=*/16},
        ReanchorCase{"DuplicateFirstCopyWhenRecordedThere",
                     std::string(Prologue) + MarkedSum + "\n" + Sum + Epilogue,
                     /*RecordedStartLine=*/6},
        // Both copies edited alike: the alignment, not the exact search,
        // must break the tie.
        ReanchorCase{"EditedDuplicatesNearestWins",
                     std::string(Prologue) +
                         "int sum(const std::vector<int> &Values) {\n"
                         "  long Total = 0;\n"
                         "  for (int V : Values) {\n"
                         "    Total += helper(V);\n"
                         "  }\n"
                         "  return Total;\n"
                         "}\n"
                         "\n"
                         "@int sum(const std::vector<int> &Values) {\n"
                         "  long Total = 0;\n"
                         "@  for (int V : Values) {\n"
                         "@    Total += helper(V);\n"
                         "@  }\n"
                         "@  return Total;\n"
                         "@}\n",
                     /*RecordedStartLine=*/20},
        ReanchorCase{"CrlfNow", std::string(Prologue) + MarkedSum + Epilogue,
                     SumLine, /*Crlf=*/true}),
    [](const auto &Info) { return Info.param.Name; });

TEST(Reanchor, StrayMatchBeyondTheRegionNotAttributed) {
  // The human rewrote two lines; five lines after the region another
  // function has a `return Total;` that the alignment can reach. Too little
  // evidence on its own: the region ends where its distinctive lines end.
  MarkedFile Now(std::string(Prologue) +
                 "@int sum(const std::vector<int> &Values) {\n"
                 "  long Total = 0;\n"
                 "@  for (int V : Values) {\n"
                 "@    Total += helper(V);\n"
                 "@  }\n"
                 "  return Values.empty() ? 0 : Total;\n"
                 "}\n"
                 "\n"
                 "int twice(int Total) {\n"
                 "  Total *= 2;\n"
                 "  return Total;\n"
                 "}\n");
  LineIndex Index(Now.Text);
  std::vector<unsigned> Found = Index.locate(fingerprintLines(Sum), SumLine);
  EXPECT_THAT(Found, IsSupersetOf(Now.Marked));
  EXPECT_THAT(Found, Not(Contains(17)));
  EXPECT_THAT(Found, Not(Contains(18)));
}

TEST(Reanchor, RecordedWithCrlfLocatedInLfFile) {
  LineIndex Index(std::string(Prologue) + Sum);
  EXPECT_THAT(Index.locate(fingerprintLines(crlf(Sum)), SumLine),
              ElementsAre(7, 8, 9, 10, 11, 12, 13));
}

TEST(Reanchor, EmptyFileHasNoLines) {
  LineIndex Index("");
  EXPECT_EQ(Index.lineCount(), 0U);
  EXPECT_THAT(Index.locate(fingerprintLines(Sum), SumLine), IsEmpty());
}

TEST(Reanchor, RecordWithoutFingerprintsLocatesNothing) {
  LineIndex Index(std::string(Prologue) + Sum);
  EXPECT_THAT(Index.locate({}, SumLine), IsEmpty());
}

TEST(Reanchor, LinesNumberedAsFingerprintLinesSplits) {
  for (llvm::StringRef Text :
       {"a\nb", "a\nb\n", "\n\n", "a\r\n\r\nb\r\n", "x", "\n"}) {
    LineIndex Index(Text);
    EXPECT_EQ(Index.lineCount(), fingerprintLines(Text).size()) << Text.str();
  }
}

TEST(Reanchor, SingleLineRecordFoundWhereItMoved) {
  LineIndex Index("int a;\nint b;\n\nstatic const int Answer = 42;\n");
  EXPECT_THAT(
      Index.locate({fingerprintLine("static const int Answer = 42;")}, 1),
      ElementsAre(4));
}

TEST(Reanchor, MalformedFingerprintMatchesNothing) {
  std::vector<std::string> Recorded = fingerprintLines(Sum);
  Recorded[3] = "not-a-fingerprint";
  LineIndex Index(std::string(Prologue) + Sum);
  EXPECT_THAT(Index.locate(Recorded, SumLine),
              ElementsAre(7, 8, 9, 11, 12, 13));
}

TEST(Reanchor, LargeFileWithManyCandidatesStaysCorrect) {
  // Thousands of lines that share the region's common lines (`}`,
  // `return Total;`): the windows around them must not hide the region.
  std::string Text;
  for (int I = 0; I < 3000; ++I)
    Text += "int f" + llvm::utostr(I) +
            "() {\n  int Total = " + llvm::utostr(I) +
            ";\n  return Total;\n}\n";
  unsigned Start = 3000 * 4 + 1;
  Text += std::string(Sum);
  LineIndex Index(Text);
  std::vector<std::string> Recorded = fingerprintLines(Sum);
  Recorded[1] = fingerprintLine("int Total = 1;"); // Forces the alignment.
  EXPECT_THAT(Index.locate(Recorded, 1),
              ElementsAre(Start, Start + 2, Start + 3, Start + 4, Start + 5,
                          Start + 6));
}

} // namespace
} // namespace aiprov
