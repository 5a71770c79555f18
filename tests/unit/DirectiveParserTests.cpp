//===--- DirectiveParserTests.cpp - KEY=VALUE syntax of SPEC §1 -----------===//
#include "aiprov/directives/Directive.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aiprov {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

struct BodyCase {
  const char *Name;
  const char *Body;
  std::optional<DirectiveKind> Kind;
  std::vector<KeyValue> Keys;
  /// Expected problems: (offset in Body, substring of the message).
  std::vector<std::pair<size_t, const char *>> Problems;
};

class ParseBodyTest : public ::testing::TestWithParam<BodyCase> {};

TEST_P(ParseBodyTest, Parses) {
  const BodyCase &C = GetParam();
  ParsedBody B = parseDirectiveBody(C.Body);
  EXPECT_EQ(B.Kind, C.Kind);
  EXPECT_EQ(B.Keys, C.Keys);
  ASSERT_EQ(B.Problems.size(), C.Problems.size());
  for (size_t I = 0; I < C.Problems.size(); ++I) {
    EXPECT_EQ(B.Problems[I].first, C.Problems[I].first) << B.Problems[I].second;
    EXPECT_THAT(B.Problems[I].second, HasSubstr(C.Problems[I].second));
  }
}

INSTANTIATE_TEST_SUITE_P(
    Bodies, ParseBodyTest,
    ::testing::Values(
        BodyCase{"Begin",
                 " begin tool=claude-code",
                 DirectiveKind::Begin,
                 {{"tool", "claude-code"}},
                 {}},
        BodyCase{"AllKinds", "next-line", DirectiveKind::NextLine, {}, {}},
        BodyCase{"FileKind", "file", DirectiveKind::File, {}, {}},
        BodyCase{"Quoted",
                 " line note=\"two words\" ticket=T-1",
                 DirectiveKind::Line,
                 {{"note", "two words"}, {"ticket", "T-1"}},
                 {}},
        BodyCase{"QuotedEscapes",
                 " line note=\"a \\\"b\\\" \\\\ c\"",
                 DirectiveKind::Line,
                 {{"note", "a \"b\" \\ c"}},
                 {}},
        BodyCase{"BadEscape",
                 " line note=\"a\\nb\"",
                 DirectiveKind::Line,
                 {},
                 {{13, "bad escape"}}},
        BodyCase{"Unterminated",
                 " line note=\"abc",
                 DirectiveKind::Line,
                 {},
                 {{11, "unterminated quoted value"}}},
        BodyCase{"QuoteInBareWord",
                 " line note=ab\"c",
                 DirectiveKind::Line,
                 {},
                 {{13, "unexpected '\"'"}}},
        BodyCase{"TextAfterQuote",
                 " line note=\"ab\"c tool=x",
                 DirectiveKind::Line,
                 {{"tool", "x"}},
                 {{15, "expected whitespace"}}},
        BodyCase{"UnknownKind",
                 " start tool=x",
                 std::nullopt,
                 {},
                 {{1, "unknown directive kind 'start'"}}},
        BodyCase{"MissingKind",
                 "   ",
                 std::nullopt,
                 {},
                 {{3, "missing directive kind"}}},
        BodyCase{"KindIsCaseSensitive",
                 " Begin",
                 std::nullopt,
                 {},
                 {{1, "unknown directive kind 'Begin'"}}},
        BodyCase{"UnknownKey",
                 " line tool=x colour=red",
                 DirectiveKind::Line,
                 {{"tool", "x"}},
                 {{13, "unknown key 'colour'"}}},
        BodyCase{"RepeatedKey",
                 " line tool=x tool=y",
                 DirectiveKind::Line,
                 {{"tool", "x"}},
                 {{13, "repeated key 'tool'"}}},
        BodyCase{"EmptyValue",
                 " line tool= model=m",
                 DirectiveKind::Line,
                 {{"model", "m"}},
                 {{11, "empty value for key 'tool'"}}},
        BodyCase{"EmptyQuotedValue",
                 " line tool=\"\"",
                 DirectiveKind::Line,
                 {},
                 {{11, "empty value"}}},
        BodyCase{"NotKeyValue",
                 " line claude",
                 DirectiveKind::Line,
                 {},
                 {{6, "expected KEY=VALUE, found 'claude'"}}},
        BodyCase{"BadOrigin",
                 " line origin=human",
                 DirectiveKind::Line,
                 {},
                 {{13, "bad value 'human' for key 'origin'"}}},
        BodyCase{"GoodOrigins",
                 " line origin=generated",
                 DirectiveKind::Line,
                 {{"origin", "generated"}},
                 {}},
        BodyCase{"RealDate",
                 " line reviewed-at=2024-02-29",
                 DirectiveKind::Line,
                 {{"reviewed-at", "2024-02-29"}},
                 {}},
        BodyCase{"NotLeapYear",
                 " line reviewed-at=2023-02-29",
                 DirectiveKind::Line,
                 {},
                 {{18, "key 'reviewed-at'"}}},
        BodyCase{"DateFormat",
                 " line reviewed-at=2024-2-9",
                 DirectiveKind::Line,
                 {},
                 {{18, "YYYY-MM-DD"}}},
        BodyCase{"Month13",
                 " line reviewed-at=2024-13-01",
                 DirectiveKind::Line,
                 {},
                 {{18, "reviewed-at"}}},
        BodyCase{
            "ReviewHash",
            " line review=sha256:"
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            DirectiveKind::Line,
            {{"review", "sha256:"
                        "0123456789abcdef0123456789abcdef0123456789abcdef012345"
                        "6789abcdef"}},
            {}},
        BodyCase{
            "ReviewHashUppercase",
            " line review=sha256:"
            "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
            DirectiveKind::Line,
            {},
            {{13, "64 lowercase hex"}}},
        BodyCase{"ReviewHashShort",
                 " line review=sha256:abc",
                 DirectiveKind::Line,
                 {},
                 {{13, "key 'review'"}}},
        BodyCase{"KeysOnEnd",
                 " end tool=x",
                 DirectiveKind::End,
                 {},
                 {{5, "'end' takes no keys"}}},
        BodyCase{"NewlinesAreWhitespace",
                 "begin\n   tool=x\n * model=m",
                 DirectiveKind::Begin,
                 {{"tool", "x"}, {"model", "m"}},
                 {{17, "expected KEY=VALUE, found '*'"}}}),
    [](const auto &Info) { return Info.param.Name; });

TEST(ParseDirectiveKeys, AttributeFormHasNoKind) {
  ParsedBody B = parseDirectiveKeys("tool=codex origin=agent");
  EXPECT_FALSE(B.Kind);
  EXPECT_THAT(B.Keys, ElementsAre(KeyValue{"tool", "codex"},
                                  KeyValue{"origin", "agent"}));
  EXPECT_THAT(B.Problems, IsEmpty());
}

struct CommentCase {
  const char *Name;
  const char *Comment;
  bool IsDirective;
  const char *Body; // when it is
};

class CommentTest : public ::testing::TestWithParam<CommentCase> {};

TEST_P(CommentTest, Classifies) {
  const CommentCase &C = GetParam();
  auto D = asCommentDirective(C.Comment);
  ASSERT_EQ(D.has_value(), C.IsDirective);
  if (D)
    EXPECT_EQ(D->body(), C.Body);
}

INSTANTIATE_TEST_SUITE_P(
    Comments, CommentTest,
    ::testing::Values(
        CommentCase{"Line", "// aiprov: line", true, " line"},
        CommentCase{"NoSpace", "//aiprov:begin", true, "begin"},
        CommentCase{"Tabs", "//\t \taiprov: end", true, " end"},
        CommentCase{"Block", "/* aiprov: line tool=x */", true,
                    " line tool=x "},
        CommentCase{"DocLine", "/// aiprov: line", false, ""},
        CommentCase{"DocBang", "//! aiprov: line", false, ""},
        CommentCase{"DocBlock", "/** aiprov: line */", false, ""},
        CommentCase{"DocBlockBang", "/*! aiprov: line */", false, ""},
        CommentCase{"CaseSensitive", "// AIPROV: line", false, ""},
        CommentCase{"NeedsColon", "// aiprov line", false, ""},
        CommentCase{"NotFirst", "// see aiprov: line", false, ""},
        CommentCase{"Spliced", "// aip\\\nrov: line", true, " line"},
        CommentCase{"SplicedCRLF", "// aiprov: li\\\r\nne", true, " line"},
        CommentCase{"SpliceWithSpaces", "// aiprov:\\  \nline", true, "line"},
        CommentCase{"EmptyBlock", "/**/", false, ""}),
    [](const auto &Info) { return Info.param.Name; });

TEST(RemoveLineSplices, MapsBackToOriginalOffsets) {
  SplicedText S = removeLineSplices("ab\\\ncd");
  EXPECT_EQ(S.Text, "abcd");
  EXPECT_THAT(S.OriginalOffset, ElementsAre(0, 1, 4, 5, 6));
}

TEST(MayContainDirective, SkipsFilesWithoutTheWord) {
  EXPECT_FALSE(mayContainDirective("int main() { return 0; }\n"));
  EXPECT_TRUE(mayContainDirective("// aiprov: line\n"));
  EXPECT_TRUE(mayContainDirective("// ai\\\nprov: line\n"));
  EXPECT_FALSE(mayContainDirective("#define X \\\n  1\n"));
}

} // namespace
} // namespace aiprov
