//===--- SourceTextTests.cpp - Lines and columns like clang's -------------===//
#include "aiprov/support/SourceText.h"
#include "gtest/gtest.h"
#include <random>

namespace aiprov {
namespace {

struct LineCase {
  const char *Name;
  std::string Text;
  unsigned Lines;
  size_t Offset;
  Position Expected;
};

class LineTableTest : public ::testing::TestWithParam<LineCase> {};

TEST_P(LineTableTest, MapsOffsets) {
  const LineCase &C = GetParam();
  LineTable T(C.Text);
  EXPECT_EQ(T.lineCount(), C.Lines);
  Position P = T.positionOf(C.Offset);
  EXPECT_EQ(P.Line, C.Expected.Line);
  EXPECT_EQ(P.Column, C.Expected.Column);
}

INSTANTIATE_TEST_SUITE_P(
    Terminators, LineTableTest,
    ::testing::Values(
        LineCase{"Empty", "", 0, 0, {1, 1}},
        LineCase{"NoFinalNewline", "ab\ncd", 2, 4, {2, 2}},
        LineCase{"FinalNewlineStartsNoLine", "ab\ncd\n", 2, 3, {2, 1}},
        LineCase{"CRLF", "ab\r\ncd\r\n", 2, 4, {2, 1}},
        LineCase{"LoneCR", "ab\rcd\rx", 3, 6, {3, 1}},
        LineCase{"BomNotCounted",
                 "\xEF\xBB\xBF"
                 "ab\ncd",
                 2,
                 4,
                 {1, 2}},
        LineCase{"BomOffsetMapsToColumnOne",
                 "\xEF\xBB\xBF"
                 "ab",
                 1,
                 0,
                 {1, 1}},
        LineCase{"MultiByteColumnsAreBytes", "\xC3\xA9x", 1, 2, {1, 3}}),
    [](const auto &Info) { return Info.param.Name; });

TEST(LineTable, LineStartAndEnd) {
  std::string Text = "one\r\ntwo\nthree";
  LineTable T(Text);
  EXPECT_EQ(llvm::StringRef(Text).slice(T.lineStart(1), T.lineEnd(1)), "one");
  EXPECT_EQ(llvm::StringRef(Text).slice(T.lineStart(2), T.lineEnd(2)), "two");
  EXPECT_EQ(llvm::StringRef(Text).slice(T.lineStart(3), T.lineEnd(3)), "three");
}

// The table is built with memchr; this is the byte-by-byte definition it
// must agree with, over texts dense in every kind of terminator.
TEST(LineTable, AgreesWithAByteByByteScan) {
  std::mt19937 Random(7);
  const char *Pieces[] = {"a",    "\n",           "\r", "\r\n",
                          "\n\r", "\xEF\xBB\xBF", "bc"};
  for (int Case = 0; Case < 3000; ++Case) {
    std::string Text;
    for (unsigned N = Random() % 12; N > 0; --N)
      Text += Pieces[Random() % std::size(Pieces)];
    LineTable T(Text);
    size_t Bom = byteOrderMarkLength(Text);
    std::vector<size_t> Starts{Bom};
    for (size_t I = Bom; I < Text.size(); ++I) {
      char C = Text[I];
      if (C == '\r' && I + 1 < Text.size() && Text[I + 1] == '\n')
        ++I;
      if (C == '\n' || C == '\r')
        Starts.push_back(I + 1);
    }
    ASSERT_EQ(T.editorLineCount(), Starts.size()) << Text;
    for (unsigned Line = 1; Line <= Starts.size(); ++Line)
      ASSERT_EQ(T.lineStart(Line), Starts[Line - 1]) << Text;
  }
}

} // namespace
} // namespace aiprov
