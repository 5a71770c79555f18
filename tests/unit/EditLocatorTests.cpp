//===--- EditLocatorTests.cpp - Finding an agent's text in the file now ---===//
//
// locateEdit() on edits written by hand, for what does not depend on the
// agent: the file's line ends and newlines around the text.
//
//===----------------------------------------------------------------------===//
#include "HookPayloadTesting.h"

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

} // namespace
} // namespace aiprov
