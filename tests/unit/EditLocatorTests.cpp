//===--- EditLocatorTests.cpp - Finding an agent's text in the file now ---===//
//
// locateEdit() on edits written by hand, for what does not depend on the
// agent: the file's line ends and newlines around the text.
//
//===----------------------------------------------------------------------===//
#include "HookPayloadTesting.h"
#include <algorithm>

namespace aiprov {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

TEST(HookPayloadLocate, CrlfFileAndMissingText) {
  HookEdit Edit{"/p/f.cpp", {{"int a;\nint b;\n", 0, false, {}}}};
  EXPECT_THAT(linesOf(Edit, "x\r\nint a;\r\nint b;\r\n"),
              ElementsAre(LineRange{2, 3}));
  HookEdit Long{"/p/f.cpp", {{"a\nb\nc\nd\ne\n", 0, false, {}}}};
  EXPECT_THAT(linesOf(Long, "x\r\na\r\nb\r\nc\r\nd\r\ne\r\n"),
              ElementsAre(LineRange{2, 6}));
  LocatedLines L = locateEdit(Edit, "int c;\n");
  EXPECT_THAT(L.Ranges, IsEmpty());
  ASSERT_THAT(L.Unplaced, SizeIs(1));
  EXPECT_EQ(L.Unplaced[0],
            "the text the agent wrote ('int a;') is no longer in the file");
}

TEST(HookPayloadLocate, SurroundingNewlinesBelongToNeighbouringLines) {
  HookEdit Edit{"/p/f.cpp", {{"\nint b;\n", 0, false, {}}}};
  EXPECT_THAT(linesOf(Edit, "int a;\nint b;\nint c;\n"),
              ElementsAre(LineRange{2, 2}));
}

TEST(HookPayloadLocate, LoneCarriageReturnsEndLinesAsNewlinesDo) {
  // Classic Mac OS line ends: clang, and so `aiprov check`, counts a lone
  // "\r" as a line end, and the payload's texts still end lines in "\n".
  std::string LoneCr = Now.str();
  std::replace(LoneCr.begin(), LoneCr.end(), '\n', '\r');
  struct Case {
    WrittenText Text;
    LineRange Lines;
  } Cases[] = {
      {{"  int y = 2;\n  return y;\n", 0, false, {}}, {3, 4}},
      // A hunk's new side: context, two added lines, context.
      {{"int f() {\n  int y = 2;\n  return y;\n}\n", 2, false, {1, 2}}, {3, 4}},
      // Several occurrences: the one nearest the payload's line.
      {{"int", 6, false, {}}, {6, 6}},
      {{"\nint g() { return 0; }\n", 0, false, {}}, {6, 6}},
  };
  for (const Case &C : Cases) {
    HookEdit Edit{"/p/f.cpp", {C.Text}};
    EXPECT_THAT(linesOf(Edit, Now), ElementsAre(C.Lines)) << C.Text.Text;
    EXPECT_THAT(linesOf(Edit, LoneCr), ElementsAre(C.Lines)) << C.Text.Text;
  }
}

} // namespace
} // namespace aiprov
