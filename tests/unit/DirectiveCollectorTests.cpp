//===--- DirectiveCollectorTests.cpp - Finding directives with the lexer --===//
//
// Each case is a snippet in which `^` marks where every directive starts;
// the test asserts exactly those positions are found, with their kinds.
//
//===----------------------------------------------------------------------===//
#include "MarkedCode.h"
#include "aiprov/directives/DirectiveCollector.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aiprov {
namespace {

using test::MarkedCode;
using ::testing::HasSubstr;

CollectedDirectives collect(const std::string &Code) {
  DirectiveCollector C(Code);
  C.scanAll();
  return C.take();
}

std::vector<Position> starts(const CollectedDirectives &C) {
  std::vector<Position> Out;
  for (const Directive &D : C.Directives)
    Out.push_back(D.Start);
  return Out;
}

struct FoundCase {
  const char *Name;
  const char *Marked;
};

class FindsDirectivesTest : public ::testing::TestWithParam<FoundCase> {};

TEST_P(FindsDirectivesTest, AtMarkedPositions) {
  MarkedCode M(GetParam().Marked);
  CollectedDirectives C = collect(M.Code);
  EXPECT_EQ(starts(C), M.Points) << M.Code;
  EXPECT_TRUE(C.Problems.empty()) << C.Problems.front().Message;
}

INSTANTIATE_TEST_SUITE_P(
    Lexer, FindsDirectivesTest,
    ::testing::Values(
        FoundCase{"LineComment", "int x; ^// aiprov: line tool=x\n"},
        FoundCase{"BlockComment",
                  "^/* aiprov: begin */\nint x;\n^/* aiprov: end */\n"},
        FoundCase{"Pragma", "^#pragma aiprov line tool=x\nint x;\n"},
        FoundCase{"PragmaIndented", "  ^#  pragma   aiprov file\n"},
        FoundCase{"PragmaWithTrailingComment",
                  "^#pragma aiprov begin // aiprov-style note\nint "
                  "x;\n^#pragma aiprov end\n"},
        FoundCase{"NotInString", "const char *s = \"// aiprov: line\";\n"},
        FoundCase{"NotInRawString", "const char *s = R\"x(\n// aiprov: "
                                    "line\n)x\";\n^// aiprov: line\n"},
        FoundCase{"NotInCharLiteral", "int c = '/'; // not ours\n"},
        FoundCase{"NotInsideAnotherComment", "/* // aiprov: line */\n"},
        FoundCase{"NotAfterLineCommentText", "// x // aiprov: line\n"},
        FoundCase{"InsideIfZero", "#if 0\n^// aiprov: line\n#endif\n"},
        FoundCase{"PragmaInsideIfZero",
                  "#if 0\n^#pragma aiprov line\n#endif\n"},
        FoundCase{"SplicedLineComment", "int a; // plain comment \\\n// "
                                        "aiprov: line continues the comment\n"},
        FoundCase{"SplicedDirective", "^// aiprov: line \\\ntool=x\nint y;\n"},
        FoundCase{"OtherPragmasIgnored", "#pragma once\n#pragma GCC aiprov\n"},
        FoundCase{"HashNotAtLineStart", "int a = 1; # pragma aiprov line\n"},
        FoundCase{"CRLF", "int a;\r\n^// aiprov: line\r\n"},
        FoundCase{"LoneCR", "int a;\r^// aiprov: line\rint b;"},
        FoundCase{"BomColumns", "\xEF\xBB\xBF^// aiprov: file\n"}),
    [](const auto &Info) { return Info.param.Name; });

TEST(DirectiveCollector, KeysAndSpans) {
  std::string Code = "int a; // aiprov: line tool=codex note=\"x y\"\n";
  CollectedDirectives C = collect(Code);
  ASSERT_EQ(C.Directives.size(), 1u);
  const Directive &D = C.Directives[0];
  EXPECT_EQ(D.Kind, DirectiveKind::Line);
  EXPECT_EQ(D.Source, RegionSource::Annotation);
  EXPECT_EQ(D.get("tool"), llvm::StringRef("codex"));
  EXPECT_EQ(D.get("note"), llvm::StringRef("x y"));
  EXPECT_EQ(llvm::StringRef(Code).slice(D.TextBegin, D.TextEnd),
            "// aiprov: line tool=codex note=\"x y\"");
}

TEST(DirectiveCollector, PragmaSpanIsTheWholeLine) {
  std::string Code = "int a;\n  #pragma aiprov line tool=x\nint b;\n";
  CollectedDirectives C = collect(Code);
  ASSERT_EQ(C.Directives.size(), 1u);
  EXPECT_EQ(C.Directives[0].Source, RegionSource::Pragma);
  EXPECT_EQ(llvm::StringRef(Code).slice(C.Directives[0].TextBegin,
                                        C.Directives[0].TextEnd),
            "  #pragma aiprov line tool=x");
}

TEST(DirectiveCollector, CommentsInsidePragmaAreWhitespace) {
  CollectedDirectives C =
      collect("#pragma aiprov line /* why */ tool=codex // trailing\nint a;\n");
  ASSERT_EQ(C.Directives.size(), 1u);
  EXPECT_TRUE(C.Problems.empty()) << C.Problems.front().Message;
  EXPECT_EQ(C.Directives[0].get("tool"), llvm::StringRef("codex"));
}

TEST(DirectiveCollector, BlockCommentSpanningLines) {
  std::string Code = "/* aiprov: next-line\n   tool=x */\nint a;\n";
  CollectedDirectives C = collect(Code);
  ASSERT_EQ(C.Directives.size(), 1u);
  EXPECT_EQ(C.Directives[0].Start.Line, 1u);
  EXPECT_EQ(C.Directives[0].LastLine, 2u);
  EXPECT_EQ(C.Directives[0].get("tool"), llvm::StringRef("x"));
}

struct ProblemCase {
  const char *Name;
  const char *Marked; // `^` marks where each problem is reported.
  const char *Message;
};

class ProblemTest : public ::testing::TestWithParam<ProblemCase> {};

TEST_P(ProblemTest, ReportedAtExactPosition) {
  MarkedCode M(GetParam().Marked);
  CollectedDirectives C = collect(M.Code);
  for (const DirectiveProblem &P : C.Problems)
    EXPECT_THAT(P.Message, HasSubstr(GetParam().Message));
  EXPECT_EQ(test::problemPositions(C.Problems), M.Points);
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, ProblemTest,
    ::testing::Values(
        ProblemCase{"UnknownKey", "// aiprov: line ^colour=red\n",
                    "unknown key"},
        ProblemCase{"UnknownKeyInPragma", "#pragma aiprov line ^colour=red\n",
                    "unknown key"},
        ProblemCase{"BadValueAfterSplice",
                    "// aiprov: line \\\norigin=^human\n", "origin"},
        ProblemCase{"UnknownKind", "// aiprov: ^bgin\n",
                    "unknown directive kind"},
        ProblemCase{"SecondLineOfBlock",
                    "/* aiprov: begin\n   tool=x ^bad */\n/* aiprov: end */\n",
                    "expected KEY=VALUE"},
        ProblemCase{"UnterminatedBlockComment",
                    "int a;\n^/* aiprov: begin tool=x\nint b;\n",
                    "unterminated block comment"},
        ProblemCase{"UnterminatedRawString",
                    "const char *s = ^R\"x(\n// aiprov: line\n",
                    "unterminated"}),
    [](const auto &Info) { return Info.param.Name; });

} // namespace
} // namespace aiprov
