//===--- SourceCodeTests.cpp - LSP position conversion and edits ----------===//
//
// Tests for server/SourceCode.h: UTF-16 and UTF-8 columns against byte
// offsets (surrogate pairs, all line terminators, clamping), and the
// application of incremental and full didChange edits.
//
//===----------------------------------------------------------------------===//
#include "SourceCode.h"
#include "gtest/gtest.h"

namespace aiprov::server {
namespace {

// "a😀b": U+1F600 is 4 UTF-8 bytes and 2 UTF-16 units (a surrogate pair).
const std::string Emoji = "a\xF0\x9F\x98\x80"
                          "b";

TEST(SourceCodeTest, Utf16ColumnsCountSurrogatePairsAsTwo) {
  struct Case {
    unsigned Character;
    size_t Offset;
    bool Clamped;
  } Cases[] = {
      {0, 0, false}, {1, 1, false}, {2, 1, true}, // Inside the pair.
      {3, 5, false}, {4, 6, false}, {9, 6, true}, // Past the end.
  };
  for (const Case &C : Cases) {
    bool Clamped = false;
    EXPECT_EQ(offsetOfPosition(Emoji, {0, C.Character}, OffsetEncoding::UTF16,
                               &Clamped),
              C.Offset)
        << "character " << C.Character;
    EXPECT_EQ(Clamped, C.Clamped) << "character " << C.Character;
  }
  EXPECT_EQ(positionOfOffset(Emoji, 5, OffsetEncoding::UTF16),
            (DocumentPosition{0, 3}));
  EXPECT_EQ(positionOfOffset(Emoji, 3, OffsetEncoding::UTF16),
            (DocumentPosition{0, 1})); // Mid-sequence: its code point's start.
}

TEST(SourceCodeTest, Utf8ColumnsAreBytes) {
  EXPECT_EQ(offsetOfPosition(Emoji, {0, 5}, OffsetEncoding::UTF8), 5U);
  EXPECT_EQ(positionOfOffset(Emoji, 5, OffsetEncoding::UTF8),
            (DocumentPosition{0, 5}));
  // "é" is two bytes but one UTF-16 unit.
  EXPECT_EQ(offsetOfPosition("\xC3\xA9x", {0, 1}, OffsetEncoding::UTF16), 2U);
  EXPECT_EQ(offsetOfPosition("\xC3\xA9x", {0, 2}, OffsetEncoding::UTF8), 2U);
}

TEST(SourceCodeTest, LinesEndAtLfCrLfAndCr) {
  const std::string Text = "ab\ncd\r\nef\rgh";
  EXPECT_EQ(offsetOfPosition(Text, {1, 1}, OffsetEncoding::UTF16), 4U);
  EXPECT_EQ(offsetOfPosition(Text, {2, 0}, OffsetEncoding::UTF16), 7U);
  EXPECT_EQ(offsetOfPosition(Text, {3, 2}, OffsetEncoding::UTF16), 12U);
  EXPECT_EQ(positionOfOffset(Text, 10, OffsetEncoding::UTF16),
            (DocumentPosition{3, 0}));
  // A line past the last clamps to the end of the text.
  bool Clamped = false;
  EXPECT_EQ(offsetOfPosition(Text, {7, 0}, OffsetEncoding::UTF16, &Clamped),
            Text.size());
  EXPECT_TRUE(Clamped);
  // The start of the empty line after a final newline is a real position.
  Clamped = false;
  EXPECT_EQ(offsetOfPosition("x\n", {1, 0}, OffsetEncoding::UTF16, &Clamped),
            2U);
  EXPECT_FALSE(Clamped);
}

TEST(SourceCodeTest, PositionsRoundTripOverEveryOffset) {
  const std::string Text = "int x;\n// \xF0\x9F\x98\x80 \xC3\xA9\r\nend";
  for (OffsetEncoding E : {OffsetEncoding::UTF16, OffsetEncoding::UTF8})
    for (size_t Offset = 0; Offset <= Text.size(); ++Offset) {
      DocumentPosition P = positionOfOffset(Text, Offset, E);
      size_t Back = offsetOfPosition(Text, P, E);
      // Offsets inside a sequence or a CRLF map to its start.
      EXPECT_LE(Back, Offset);
      EXPECT_EQ(positionOfOffset(Text, Back, E), P);
    }
}

TEST(SourceCodeTest, IncrementalEditsApplyInOrder) {
  std::string Text = "line1\nline2\n";
  std::vector<ContentChange> Edits = {
      {DocumentSpan{{0, 0}, {0, 0}}, "new\n"}, // Insert above.
      {DocumentSpan{{2, 4}, {2, 5}}, "TWO"},   // Against the result.
  };
  ASSERT_FALSE(bool(applyEdits(Text, Edits, OffsetEncoding::UTF16)));
  EXPECT_EQ(Text, "new\nline1\nlineTWO\n");
}

TEST(SourceCodeTest, FullEditReplacesEverything) {
  std::string Text = "old";
  ASSERT_FALSE(
      bool(applyEdits(Text, {{std::nullopt, "new"}}, OffsetEncoding::UTF16)));
  EXPECT_EQ(Text, "new");
}

TEST(SourceCodeTest, EditAfterSurrogatePairUsesUtf16Units) {
  std::string Text = Emoji;
  ASSERT_FALSE(bool(applyEdits(Text, {{DocumentSpan{{0, 3}, {0, 4}}, "B"}},
                               OffsetEncoding::UTF16)));
  EXPECT_EQ(Text, "a\xF0\x9F\x98\x80"
                  "B");
}

TEST(SourceCodeTest, ReversedRangeIsAnErrorAndChangesNothing) {
  std::string Text = "abc";
  llvm::Error E = applyEdits(Text, {{DocumentSpan{{0, 2}, {0, 1}}, "x"}},
                             OffsetEncoding::UTF16);
  EXPECT_TRUE(bool(E));
  llvm::consumeError(std::move(E));
  EXPECT_EQ(Text, "abc");
}

TEST(SourceCodeTest, PastTheLineEndEditsClampAndCount) {
  std::string Text = "ab\ncd";
  unsigned Clamped = 0;
  ASSERT_FALSE(bool(applyEdits(Text, {{DocumentSpan{{0, 9}, {1, 9}}, "!"}},
                               OffsetEncoding::UTF16, &Clamped)));
  EXPECT_EQ(Text, "ab!");
  EXPECT_EQ(Clamped, 2U);
}

TEST(SourceCodeTest, EditsPastTheLastLineAreRefused) {
  // Line 2^32 + 1 arrived as line 1 once (issue 11); a line the document
  // does not have means client and server disagree: nothing is applied.
  for (const char *Text : {"ab\ncd", "ab\r\ncd", "ab\rcd"}) {
    std::string Doc = Text;
    LineTable Lines(Doc);
    for (DocumentSpan Span :
         {DocumentSpan{{0, 0}, {2, 0}}, DocumentSpan{{9, 0}, {9, 0}},
          DocumentSpan{{0, 0}, {4294967295U, 0}}}) {
      const LineTable *Tables[] = {&Lines, nullptr};
      for (const LineTable *Table : Tables) {
        llvm::Expected<ByteEdit> E = resolveEdit(
            Doc, {Span, "!"}, OffsetEncoding::UTF16, nullptr, Table);
        ASSERT_FALSE(bool(E)) << Text;
        EXPECT_NE(llvm::toString(E.takeError()).find("past the document's"),
                  std::string::npos);
      }
    }
    llvm::Error Err = applyEdits(Doc, {{DocumentSpan{{2, 0}, {2, 0}}, "!"}},
                                 OffsetEncoding::UTF16);
    EXPECT_TRUE(bool(Err));
    llvm::consumeError(std::move(Err));
    EXPECT_EQ(Doc, Text);
  }
  // The empty line after a final newline is a line of the document.
  std::string Doc = "x\n";
  ASSERT_FALSE(bool(applyEdits(Doc, {{DocumentSpan{{1, 0}, {1, 0}}, "y"}},
                               OffsetEncoding::UTF16)));
  EXPECT_EQ(Doc, "x\ny");
}

} // namespace
} // namespace aiprov::server
