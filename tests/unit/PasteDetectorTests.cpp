//===--- PasteDetectorTests.cpp - Origins of inserted text ----------------===//
//
// Tests for server/PasteDetector.h: which insertions are unknown pastes,
// and how a client notice before or after its change sets the origin.
//
//===----------------------------------------------------------------------===//
#include "PasteDetector.h"
#include "gtest/gtest.h"

namespace aiprov::server {
namespace {

PasteNotice notice(PasteNotice::Kind What, unsigned First, unsigned Last) {
  PasteNotice N;
  N.What = What;
  N.Lines = {First, Last};
  if (What == PasteNotice::Kind::Completion) {
    N.Tool = "copilot";
    N.Model = "gpt-4o";
  }
  return N;
}

TEST(PasteDetectorTest, LargeInsertionWithoutNoticeIsPendingThenSettled) {
  PasteDetector D;
  EXPECT_TRUE(D.changed("a", {{{2, 11}, 10}}, 3).empty());
  std::vector<Attribution> Pending = D.pending("a");
  ASSERT_EQ(Pending.size(), 1u);
  EXPECT_EQ(Pending[0].Lines, (LineRange{2, 11}));
  EXPECT_EQ(Pending[0].Origin, "unknown-paste");
  EXPECT_EQ(Pending[0].Contributor, "unknown");

  auto Final = D.settle();
  ASSERT_EQ(Final.count("a"), 1u);
  EXPECT_EQ(Final["a"].size(), 1u);
  EXPECT_TRUE(D.pending("a").empty());
  EXPECT_TRUE(D.settle().empty()); // Settled once only.
}

TEST(PasteDetectorTest, InsertionBelowMinLinesIsNothing) {
  PasteDetector D;
  EXPECT_TRUE(D.changed("a", {{{4, 5}, 2}}, 3).empty());
  EXPECT_TRUE(D.pending("a").empty());
  EXPECT_TRUE(D.settle().empty());
}

TEST(PasteDetectorTest, NoticeAfterChangeReplacesPendingPaste) {
  PasteDetector D;
  D.changed("a", {{{2, 11}, 10}}, 3);
  std::vector<Attribution> Now =
      D.noticed("a", notice(PasteNotice::Kind::Completion, 2, 11));
  ASSERT_EQ(Now.size(), 1u);
  EXPECT_EQ(Now[0].Origin, "completion");
  EXPECT_EQ(Now[0].Contributor, "ai");
  EXPECT_TRUE(D.pending("a").empty());
  EXPECT_TRUE(D.settle().empty());
}

// Text pasted from outside the workspace is of unknown authorship: the
// notice neither clears the unknown paste nor records anything else, and a
// short external paste is no paste at all, as without a notice.
TEST(PasteDetectorTest, ExternalPasteStaysAnUnknownPaste) {
  PasteDetector D;
  D.changed("a", {{{2, 11}, 10}}, 3);
  EXPECT_TRUE(
      D.noticed("a", notice(PasteNotice::Kind::ExternalPaste, 2, 11)).empty());
  auto Final = D.settle();
  ASSERT_EQ(Final.count("a"), 1u);
  ASSERT_EQ(Final["a"].size(), 1u);
  EXPECT_EQ(Final["a"][0].Origin, "unknown-paste");
  EXPECT_EQ(Final["a"][0].Lines, (LineRange{2, 11}));

  D.changed("a", {{{4, 5}, 2}}, 3);
  EXPECT_TRUE(
      D.noticed("a", notice(PasteNotice::Kind::ExternalPaste, 4, 5)).empty());
  EXPECT_TRUE(D.settle().empty());
}

TEST(PasteDetectorTest, NoticeBeforeChangeIsHeldForIt) {
  PasteDetector D;
  EXPECT_TRUE(
      D.noticed("a", notice(PasteNotice::Kind::Completion, 3, 7)).empty());
  std::vector<Attribution> Now = D.changed("a", {{{3, 7}, 5}}, 3);
  ASSERT_EQ(Now.size(), 1u);
  EXPECT_EQ(Now[0].Origin, "completion");
  EXPECT_EQ(Now[0].Tool, "copilot");
  EXPECT_EQ(Now[0].Model, "gpt-4o");
  EXPECT_EQ(Now[0].Contributor, "ai");
  EXPECT_TRUE(D.pending("a").empty()); // The notice claimed the insertion.
}

TEST(PasteDetectorTest, WorkspacePasteRecordsNothing) {
  PasteDetector D;
  D.changed("a", {{{1, 4}, 4}}, 3);
  EXPECT_TRUE(
      D.noticed("a", notice(PasteNotice::Kind::WorkspacePaste, 1, 4)).empty());
  EXPECT_TRUE(D.pending("a").empty());
  EXPECT_TRUE(D.settle().empty());
}

TEST(PasteDetectorTest, SmallCompletionAfterItsChangeIsRecorded) {
  PasteDetector D;
  D.changed("a", {{{5, 5}, 1}}, 3);
  std::vector<Attribution> Now =
      D.noticed("a", notice(PasteNotice::Kind::Completion, 5, 5));
  ASSERT_EQ(Now.size(), 1u);
  EXPECT_EQ(Now[0].Lines, (LineRange{5, 5}));
}

TEST(PasteDetectorTest, NoticeAfterAnotherMessageIsForTheNextChange) {
  PasteDetector D;
  D.changed("a", {{{2, 11}, 10}}, 3);
  D.settle(); // Some other message came between.
  EXPECT_TRUE(
      D.noticed("a", notice(PasteNotice::Kind::Completion, 2, 11)).empty());
  // The next change inserted elsewhere: the notice was not about it.
  EXPECT_TRUE(D.changed("a", {{{20, 29}, 10}}, 3).empty());
  EXPECT_EQ(D.pending("a").size(), 1u);
  // Held notices last one change only.
  D.settle();
  EXPECT_TRUE(D.changed("a", {{{2, 11}, 10}}, 3).empty());
}

TEST(PasteDetectorTest, SettleSparesTheNoticedDocument) {
  PasteDetector D;
  D.changed("a", {{{1, 3}, 3}}, 3);
  D.changed("b", {{{1, 3}, 3}}, 3);
  auto Final = D.settle("a");
  EXPECT_EQ(Final.count("a"), 0u);
  EXPECT_EQ(Final.count("b"), 1u);
  EXPECT_EQ(D.pending("a").size(), 1u);
}

TEST(PasteDetectorTest, NoticeElsewhereLeavesPasteUnknown) {
  PasteDetector D;
  D.changed("a", {{{10, 19}, 10}}, 3);
  // Lines 1-2 are not what the last change inserted: held for the next.
  EXPECT_TRUE(
      D.noticed("a", notice(PasteNotice::Kind::Completion, 1, 2)).empty());
  EXPECT_EQ(D.pending("a").size(), 1u);
}

} // namespace
} // namespace aiprov::server
