//===--- ReviewSignOffTests.cpp - Signing off a region in place ----------===//
//
// Each case is the file before and after; `$HASH` in the expected text
// stands for the region's hash, which the test computes independently with
// analyzeBuffer so the table stays readable.
//
//===----------------------------------------------------------------------===//
#include "aiprov/directives/RegionBuilder.h"
#include "aiprov/directives/ReviewSignOff.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aiprov {
namespace {

using ::testing::HasSubstr;

struct SignOffCase {
  const char *Name;
  std::string Before;
  unsigned Line;
  std::string Reviewer;
  std::string After; // With $HASH for the region's hash.
};

std::string hashOfRegionAt(llvm::StringRef Code, unsigned Line) {
  for (const Region &R : analyzeBuffer(Code).Regions)
    if (R.Origin.Start.Line == Line)
      return R.Hash;
  return "<no region>";
}

std::string withHash(std::string Text, llvm::StringRef Hash) {
  size_t At = Text.find("$HASH");
  if (At != std::string::npos)
    Text.replace(At, 5, Hash.str());
  return Text;
}

class SignOffTest : public ::testing::TestWithParam<SignOffCase> {};

TEST_P(SignOffTest, RewritesOnlyTheDirective) {
  const SignOffCase &C = GetParam();
  SignOffRequest Request{"f.cpp", C.Line, C.Reviewer, "2026-11-29"};
  llvm::Expected<SignOffResult> Result = signOffRegion(C.Before, Request);
  ASSERT_TRUE(bool(Result)) << llvm::toString(Result.takeError());
  const std::string Hash = hashOfRegionAt(C.Before, C.Line);
  EXPECT_EQ(Result->NewText, withHash(C.After, Hash));
  EXPECT_EQ(Result->Signed.Review, ReviewStatus::Reviewed);
  EXPECT_EQ(Result->Signed.Hash, Hash);

  // Independently of the function's own check: the file reads back with
  // the region reviewed, current, and with no new problems.
  FileRegions Again = analyzeBuffer(Result->NewText);
  FileRegions Before = analyzeBuffer(C.Before);
  EXPECT_EQ(Again.Problems.size(), Before.Problems.size());
  bool Found = false;
  for (const Region &R : Again.Regions)
    if (R.Origin.Start.Line == C.Line) {
      Found = true;
      EXPECT_EQ(R.Review, ReviewStatus::Reviewed);
      EXPECT_EQ(R.Origin.get("reviewed-by"), llvm::StringRef(C.Reviewer));
      EXPECT_EQ(R.Origin.get("review"), llvm::StringRef(Hash));
      break;
    }
  EXPECT_TRUE(Found);
}

const char *const Keys = "reviewed-by=ann@example.com reviewed-at=2026-11-29 "
                         "review=$HASH";

INSTANTIATE_TEST_SUITE_P(
    Forms, SignOffTest,
    ::testing::Values(
        SignOffCase{"Line", "a;\nb; // aiprov: line tool=codex\nc;\n", 2,
                    "ann@example.com",
                    "a;\nb; // aiprov: line tool=codex " + std::string(Keys) +
                        "\nc;\n"},
        SignOffCase{"BeginEnd",
                    "// aiprov: begin tool=copilot origin=chat\nx;\n// "
                    "aiprov: end\n",
                    1, "ann@example.com",
                    "// aiprov: begin tool=copilot origin=chat " +
                        std::string(Keys) + "\nx;\n// aiprov: end\n"},
        SignOffCase{"NextLine", "//\taiprov: next-line\nx;\n", 1,
                    "ann@example.com",
                    "//\taiprov: next-line " + std::string(Keys) + "\nx;\n"},
        SignOffCase{"File", "x;\n// aiprov: file tool=cursor  \ny;\n", 2,
                    "ann@example.com",
                    "x;\n// aiprov: file tool=cursor " + std::string(Keys) +
                        "  \ny;\n"},
        SignOffCase{"Pragma",
                    "#pragma aiprov begin tool=codex\nx;\n#pragma aiprov end\n",
                    1, "ann@example.com",
                    "#pragma aiprov begin tool=codex " + std::string(Keys) +
                        "\nx;\n#pragma aiprov end\n"},
        SignOffCase{"PragmaWithTrailingComment",
                    "#pragma aiprov line tool=codex // why\n", 1,
                    "ann@example.com",
                    "#pragma aiprov line tool=codex " + std::string(Keys) +
                        " // why\n"},
        SignOffCase{"BlockComment", "x; /* aiprov: line tool=gemini */\n", 1,
                    "ann@example.com",
                    "x; /* aiprov: line tool=gemini " + std::string(Keys) +
                        " */\n"},
        SignOffCase{"MultiLineBlockComment",
                    "/* aiprov: next-line\n   tool=x */\ny;\n", 1,
                    "ann@example.com",
                    "/* aiprov: next-line\n   tool=x " + std::string(Keys) +
                        " */\ny;\n"},
        SignOffCase{"ExistingKeysReplacedInPlace",
                    "x; // aiprov: line reviewed-by=bob review=sha256:"
                    "0000000000000000000000000000000000000000000000000000000000"
                    "000000 tool=codex reviewed-at=2020-01-01 note=\"a b\"\n",
                    1, "ann@example.com",
                    "x; // aiprov: line reviewed-by=ann@example.com "
                    "review=$HASH tool=codex reviewed-at=2026-11-29 "
                    "note=\"a b\"\n"},
        SignOffCase{"QuotedExistingReviewerReplaced",
                    "x; // aiprov: line reviewed-by=\"Bob \\\"B\\\" Smith\" "
                    "tool=x\n",
                    1, "ann@example.com",
                    "x; // aiprov: line reviewed-by=ann@example.com tool=x "
                    "reviewed-at=2026-11-29 review=$HASH\n"},
        SignOffCase{"ReviewerQuoted", "x; // aiprov: line\n", 1,
                    "Ann \"A\" O\\Neil",
                    "x; // aiprov: line reviewed-by=\"Ann \\\"A\\\" "
                    "O\\\\Neil\" reviewed-at=2026-11-29 review=$HASH\n"},
        SignOffCase{"CrlfAndBomKept",
                    "\xEF\xBB\xBFint a;\r\n// aiprov: begin tool=x\r\n\tb;\r\n"
                    "// aiprov: end\r\n",
                    2, "ann@example.com",
                    "\xEF\xBB\xBFint a;\r\n// aiprov: begin tool=x " +
                        std::string(Keys) + "\r\n\tb;\r\n// aiprov: end\r\n"},
        SignOffCase{"BomOnFirstLine", "\xEF\xBB\xBF// aiprov: file\nx;\n", 1,
                    "ann@example.com",
                    "\xEF\xBB\xBF// aiprov: file " + std::string(Keys) +
                        "\nx;\n"},
        SignOffCase{"NoFinalNewline", "x; // aiprov: line", 1,
                    "ann@example.com",
                    "x; // aiprov: line " + std::string(Keys)},
        SignOffCase{"SplicedLineComment",
                    "x; // aiprov: line \\\ntool=codex\ny;\n", 1,
                    "ann@example.com",
                    "x; // aiprov: line \\\ntool=codex " + std::string(Keys) +
                        "\ny;\n"},
        SignOffCase{"SplicedPragmaKeyReplaced",
                    "#pragma aiprov line reviewed-by=bob \\\r\n  tool=x\r\n", 1,
                    "ann@example.com",
                    "#pragma aiprov line reviewed-by=ann@example.com \\\r\n  "
                    "tool=x reviewed-at=2026-11-29 review=$HASH\r\n"},
        SignOffCase{"FirstOfTwoOnOneLine",
                    "/* aiprov: line tool=a */ x; // aiprov: line tool=b\n", 1,
                    "ann@example.com",
                    "/* aiprov: line tool=a " + std::string(Keys) +
                        " */ x; // aiprov: line tool=b\n"}),
    [](const auto &Info) { return Info.param.Name; });

TEST(SignOffTest, StaleRegionBecomesReviewedAgain) {
  std::string Code = "// aiprov: begin tool=codex\nint f() { return 1; }\n"
                     "// aiprov: end\n";
  auto First =
      signOffRegion(Code, {"f.cpp", 1, "ann@example.com", "2026-01-01"});
  ASSERT_TRUE(bool(First)) << llvm::toString(First.takeError());
  std::string Edited = First->NewText;
  Edited.replace(Edited.find("return 1"), 8, "return 2");
  ASSERT_EQ(analyzeBuffer(Edited).Regions.front().Review, ReviewStatus::Stale);

  auto Second = signOffRegion(Edited, {"f.cpp", 1, "bob", "2026-11-29"});
  ASSERT_TRUE(bool(Second)) << llvm::toString(Second.takeError());
  FileRegions Again = analyzeBuffer(Second->NewText);
  ASSERT_EQ(Again.Regions.size(), 1u);
  EXPECT_EQ(Again.Regions.front().Review, ReviewStatus::Reviewed);
  EXPECT_NE(Again.Regions.front().Hash, First->Signed.Hash);
  // Keys stay where they were: one value each, in the original order.
  EXPECT_THAT(Second->NewText,
              HasSubstr("// aiprov: begin tool=codex reviewed-by=bob "
                        "reviewed-at=2026-11-29 review=sha256:"));
  EXPECT_TRUE(Again.Problems.empty());
}

struct ErrorCase {
  const char *Name;
  const char *Code;
  unsigned Line;
  const char *Reviewer;
  const char *Message;
};

class SignOffErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(SignOffErrorTest, ReportsFileLineAndWhy) {
  const ErrorCase &C = GetParam();
  auto Result =
      signOffRegion(C.Code, {"dir/f.cpp", C.Line, C.Reviewer, "2026-11-29"});
  ASSERT_FALSE(bool(Result));
  EXPECT_EQ(llvm::toString(Result.takeError()), C.Message);
}

INSTANTIATE_TEST_SUITE_P(
    Errors, SignOffErrorTest,
    ::testing::Values(
        ErrorCase{"NoRegionListsNearestFirst",
                  "a; // aiprov: line\nb;\nc;\nd;\ne; // aiprov: line\nf;\n"
                  "g; // aiprov: line\n",
                  4, "ann",
                  "dir/f.cpp:4: no AI-assisted region starts on this line; "
                  "regions start on lines 5, 1, 7"},
        ErrorCase{"NoRegionsAtAll", "a;\nb;\n", 1, "ann",
                  "dir/f.cpp:1: no AI-assisted region starts on this line; "
                  "the file has no AI-assisted regions"},
        ErrorCase{"EndLine", "// aiprov: begin\nx;\n// aiprov: end\n", 3, "ann",
                  "dir/f.cpp:3: this is an 'end' directive; sign off the "
                  "region at its 'begin' line; regions start on line 1"},
        ErrorCase{"OutOfRange", "// aiprov: line\n", 2, "ann",
                  "dir/f.cpp:2: line 2 is out of range (the file has 1 line)"},
        ErrorCase{"LineZero", "// aiprov: line\n", 0, "ann",
                  "dir/f.cpp:0: line 0 is out of range (the file has 1 line)"},
        ErrorCase{"Attribute",
                  "[[clang::annotate(\"aiprov\", \"tool=x\")]] int f();\n", 1,
                  "ann",
                  "dir/f.cpp:1: the [[clang::annotate(\"aiprov\", ...)]] form "
                  "cannot be signed off by 'aiprov review' yet; use a comment "
                  "or '#pragma aiprov' directive; the file has no AI-assisted "
                  "regions"},
        ErrorCase{"AttributeMacro",
                  "// aiprov: line\nAIPROV_ANNOTATE(\"tool=x\") int f();\n", 2,
                  "ann",
                  "dir/f.cpp:2: the [[clang::annotate(\"aiprov\", ...)]] form "
                  "cannot be signed off by 'aiprov review' yet; use a comment "
                  "or '#pragma aiprov' directive; regions start on line 1"},
        ErrorCase{"OtherAnnotateIsJustNoRegion",
                  "[[clang::annotate(\"hot\")]] int f();\n", 1, "ann",
                  "dir/f.cpp:1: no AI-assisted region starts on this line; "
                  "the file has no AI-assisted regions"},
        ErrorCase{"ReviewerWithNewline", "// aiprov: line\n", 1, "a\nb",
                  "dir/f.cpp:1: the reviewer may not contain a line break"},
        ErrorCase{"ReviewerClosesBlockComment", "/* aiprov: line */\n", 1,
                  "a*/b",
                  "dir/f.cpp:1: the reviewer may not contain '*/' in a block "
                  "comment"},
        ErrorCase{"EmptyReviewer", "// aiprov: line\n", 1, "",
                  "dir/f.cpp:1: no reviewer given"}),
    [](const auto &Info) { return Info.param.Name; });

TEST(FormatDirectiveValueTest, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(formatDirectiveValue("ann@example.com"), "ann@example.com");
  EXPECT_EQ(formatDirectiveValue("back\\slash"), "back\\slash");
  EXPECT_EQ(formatDirectiveValue("Ann Smith"), "\"Ann Smith\"");
  EXPECT_EQ(formatDirectiveValue("a\"b"), "\"a\\\"b\"");
  EXPECT_EQ(formatDirectiveValue("a\tb\\"), "\"a\tb\\\\\"");
}

} // namespace
} // namespace aiprov
