//===--- RegionTrackerTests.cpp - Regions that follow the text -----------===//
//
// Hand-written cases name the edits people make around a region; the
// oracle test then checks the same rules on thousands of random edit
// sequences against a model that knows nothing about line arithmetic: it
// applies each edit to the real text, remembers which old line every byte
// came from, and derives the regions' lines from that, as RegionTracker.h
// states the rules.
//
//===----------------------------------------------------------------------===//
#include "aiprov/ledger/RegionTracker.h"
#include "llvm/ADT/STLExtras.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace aiprov {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

/// "line1\n" … "line8\n": every line 5 bytes long.
std::string eightLines(llvm::StringRef Terminator = "\n") {
  std::string Text;
  for (int I = 1; I <= 8; ++I)
    Text += "line" + std::to_string(I) + Terminator.str();
  return Text;
}

/// Runs as "3-5 7-7", or "gone" for none.
std::string printRuns(llvm::ArrayRef<LineRange> Runs) {
  std::string Out;
  for (const LineRange &Run : Runs)
    Out += (Out.empty() ? "" : " ") + std::to_string(Run.First) + "-" +
           std::to_string(Run.Last);
  return Out.empty() ? "gone" : Out;
}

/// One edit of Text, which has the single region Region (by default: lines
/// 3-5 of eightLines()), and the region's runs after it.
struct EditCase {
  const char *Name;
  Position Start, End;
  std::string NewText;
  std::string Expected; // As printRuns() prints it.
  std::string Text = eightLines();
  std::vector<LineRange> Region = {{3, 5}};

  EditCase in(std::string OtherText) && {
    Text = std::move(OtherText);
    return std::move(*this);
  }
  EditCase around(std::vector<LineRange> OtherRegion) && {
    Region = std::move(OtherRegion);
    return std::move(*this);
  }
};

void PrintTo(const EditCase &C, std::ostream *OS) { // NOLINT: gtest's name.
  *OS << C.Name;
}

EditCase edit(const char *Name, Position Start, Position End,
              std::string NewText, std::string Expected) {
  return {Name, Start, End, std::move(NewText), std::move(Expected)};
}

class RegionTrackerEdit : public ::testing::TestWithParam<EditCase> {};

TEST_P(RegionTrackerEdit, MovesTheRegion) {
  const EditCase &C = GetParam();
  LineTable Lines(C.Text);
  RegionTracker Tracker;
  Tracker.track(7, C.Region);
  auto Gone = Tracker.applyEdit(
      DocumentEdit::within(C.Text, Lines, C.Start, C.End, C.NewText));
  EXPECT_EQ(printRuns(Tracker.linesOf(7)), C.Expected);
  if (C.Expected == "gone") {
    EXPECT_THAT(Gone, ElementsAre(7u));
    EXPECT_FALSE(Tracker.isTracked(7));
  } else {
    EXPECT_THAT(Gone, IsEmpty());
  }
}

// Lines are "line1".."line8", 5 bytes each: column 6 is the end of a line.
INSTANTIATE_TEST_SUITE_P(
    Cases, RegionTrackerEdit,
    ::testing::Values(
        edit("InsertLinesAbove", {1, 1}, {1, 1}, "a\nb\n", "5-7"),
        edit("SplitLineAbove", {2, 3}, {2, 3}, "a\nb", "4-6"),
        edit("DeleteLineAbove", {1, 1}, {2, 1}, "", "2-4"),
        edit("InsertLinesInside", {4, 1}, {4, 1}, "a\nb\n", "3-7"),
        edit("SplitLineInside", {4, 3}, {4, 3}, "a\nb", "3-6"),
        edit("DeleteLineInside", {4, 1}, {5, 1}, "", "3-4"),
        edit("DeleteAcrossStart", {2, 1}, {4, 1}, "", "2-3"),
        // Line 2 becomes "li" + "ne4": part of old line 4, so it stays.
        edit("DeleteAcrossStartMidLine", {2, 3}, {4, 3}, "", "2-3"),
        // Nothing of line 3 but its terminator is left: it is gone.
        edit("DeleteAcrossStartToEndOfLine", {2, 1}, {3, 6}, "", "3-4"),
        edit("DeleteAcrossEnd", {5, 1}, {7, 1}, "", "3-4"),
        edit("DeleteAcrossEndMidLine", {4, 3}, {6, 3}, "", "3-4"),
        edit("DeleteWholeRegion", {3, 1}, {6, 1}, "", "gone"),
        edit("DeleteWholeRegionFromEndOfLineAbove", {2, 6}, {5, 6}, "", "gone"),
        edit("ReplaceRegionLines", {3, 1}, {5, 6}, "x\ny\nz", "gone"),
        edit("ReplaceRegionLinesWithTerminator", {3, 1}, {6, 1}, "x\ny\nz\n",
             "gone"),
        edit("ReplaceOneLineInside", {4, 1}, {4, 6}, "other", "3-5"),
        // Emptied but not deleted, with region lines on both sides.
        edit("EmptyOneLineInside", {4, 1}, {4, 6}, "", "3-5"),
        edit("EmptyTheFirstLine", {3, 1}, {3, 6}, "", "4-5"),
        edit("EditInsideOneLine", {4, 2}, {4, 4}, "zz", "3-5"),
        edit("FirstLineColumnOne", {3, 1}, {3, 1}, "a\n", "4-6"),
        // Typing before the region's text on its first line edits that line.
        edit("FirstLineColumnOneNoBreak", {3, 1}, {3, 1}, "int ", "3-5"),
        edit("FirstLineMidLine", {3, 3}, {3, 3}, "a\n", "3-6"),
        edit("LastLineColumnOne", {5, 1}, {5, 1}, "a\n", "3-6"),
        edit("LastLineMidLine", {5, 3}, {5, 3}, "a\nb", "3-6"),
        edit("LastLineEnd", {5, 6}, {5, 6}, "\na\nb", "3-5"),
        edit("LineAfterColumnOne", {6, 1}, {6, 1}, "a\n", "3-5"),
        edit("JoinLineAboveWithFirst", {2, 6}, {3, 1}, "", "2-4"),
        edit("JoinLastWithLineBelow", {5, 6}, {6, 1}, "", "3-5"),
        edit("CrlfInsertAbove", {1, 1}, {1, 1}, "a\r\nb\r\n", "5-7")
            .in(eightLines("\r\n")),
        edit("CrlfDeleteInside", {3, 6}, {4, 6}, "", "3-4")
            .in(eightLines("\r\n")),
        edit("CrlfMixedInsertInside", {4, 1}, {4, 1}, "a\r\nb\nc\r\n", "3-8")
            .in(eightLines("\r\n")),
        edit("AppendLinesAtEndOfFile", {9, 1}, {9, 1}, "a\nb\n", "6-8")
            .around({{6, 8}}),
        edit("AppendLinesAfterLastLine", {3, 3}, {3, 3}, "\na\nb", "2-3")
            .in("l1\nl2\nl3")
            .around({{2, 3}}),
        edit("PositionsPastTheEndAreClamped", {4, 99}, {99, 99}, "", "3-4"),
        edit("DeleteEverything", {1, 1}, {9, 1}, "", "gone"),
        edit("DeleteGapBetweenRuns", {4, 1}, {6, 1}, "", "2-5")
            .around({{2, 3}, {6, 7}}),
        edit("InsertIntoGapBetweenRuns", {4, 1}, {4, 1}, "a\n", "2-3 6-7")
            .around({{2, 3}, {5, 6}}),
        // The gap line is replaced: the new line has region lines on both
        // sides, so it joins them (the content check has the last word).
        edit("ReplaceTheGapBetweenRuns", {4, 1}, {5, 1}, "a\n", "2-6")
            .around({{2, 3}, {5, 6}})),
    [](const auto &Info) { return Info.param.Name; });

TEST(RegionTracker, EmptyDocument) {
  RegionTracker Tracker;
  LineTable Empty("");
  EXPECT_THAT(Tracker.applyEdit(
                  DocumentEdit::within("", Empty, {1, 1}, {1, 1}, "a\nb\n")),
              IsEmpty());
  EXPECT_EQ(Tracker.size(), 0u);
  Tracker.track(1, {});
  EXPECT_FALSE(Tracker.isTracked(1));
}

TEST(RegionTracker, RegionsAtAndTracking) {
  RegionTracker Tracker;
  Tracker.track(1, {{5, 6}, {1, 2}, {2, 3}});
  Tracker.track(2, {{3, 4}});
  EXPECT_THAT(Tracker.linesOf(1),
              ElementsAre(LineRange{1, 3}, LineRange{5, 6}));
  EXPECT_THAT(Tracker.regionsAt(3), ElementsAre(1u, 2u));
  EXPECT_THAT(Tracker.regionsAt(4), ElementsAre(2u));
  EXPECT_THAT(Tracker.regionsAt(7), IsEmpty());
  EXPECT_THAT(Tracker.regionIds(), ElementsAre(1u, 2u));
  EXPECT_TRUE(Tracker.untrack(1));
  EXPECT_FALSE(Tracker.untrack(1));
  EXPECT_THAT(Tracker.linesOf(1), IsEmpty());
}

TEST(RegionTracker, OnlyTheEmptiedRegionIsReported) {
  std::string Text = eightLines();
  LineTable Lines(Text);
  RegionTracker Tracker;
  Tracker.track(1, {{2, 2}});
  Tracker.track(2, {{2, 4}});
  auto Gone =
      Tracker.applyEdit(DocumentEdit::within(Text, Lines, {2, 1}, {3, 1}, ""));
  EXPECT_THAT(Gone, ElementsAre(1u));
  EXPECT_THAT(Tracker.regionIds(), ElementsAre(2u));
  EXPECT_EQ(printRuns(Tracker.linesOf(2)), "2-3");
}

TEST(RegionTracker, InsertedLines) {
  auto Insert = [](const char *NewText) {
    DocumentEdit Edit;
    Edit.Start = Edit.End = {4, 2};
    Edit.EndLineLength = 5;
    Edit.NewText = NewText;
    return Edit;
  };
  EXPECT_EQ(insertedLineCount(Insert("")), 0u);
  EXPECT_EQ(insertedLineCount(Insert("abc")), 1u);
  EXPECT_EQ(insertedLineCount(Insert("\n")), 1u);
  EXPECT_EQ(insertedLineCount(Insert("a\nb")), 2u);
  EXPECT_EQ(insertedLineCount(Insert("a\r\nb\r\n")), 2u);
  EXPECT_EQ(insertedLineCount(Insert("a\rb\rc")), 3u);
  EXPECT_EQ(insertedLines(Insert("")), (LineRange{0, 0}));
  EXPECT_EQ(insertedLines(Insert("a\nb\nc\n")), (LineRange{4, 6}));
}

//===----------------------------------------------------------------------===//
// The oracle.
//===----------------------------------------------------------------------===//

constexpr unsigned RegionCount = 3;
constexpr int NewByte = -1;

/// A document as the oracle sees it: its text, and for each line the set
/// of regions (a bit per region) it belongs to.
struct OracleDocument {
  std::string Text;
  std::vector<unsigned> Membership;
};

/// The edit [StartOffset, EndOffset) -> NewText applied to Doc by the rules
/// of RegionTracker.h, worked out on bytes: each byte remembers the old
/// line it came from.
OracleDocument applyToOracle(const OracleDocument &Doc, size_t StartOffset,
                             size_t EndOffset, const std::string &NewText) {
  LineTable Old(Doc.Text);
  unsigned OldCount = Old.lineCount();
  // Owner and whether the byte is part of a line terminator.
  std::vector<int> Owner(Doc.Text.size());
  std::vector<bool> IsTerminator(Doc.Text.size());
  for (unsigned L = 1; L <= OldCount; ++L) {
    size_t Next = L < OldCount ? Old.lineStart(L + 1) : Doc.Text.size();
    for (size_t I = Old.lineStart(L); I < Next; ++I) {
      Owner[I] = static_cast<int>(L - 1);
      IsTerminator[I] = I >= Old.lineEnd(L);
    }
  }
  std::vector<int> NewOwner(Owner.begin(), Owner.begin() + StartOffset);
  std::vector<bool> NewIsTerminator(IsTerminator.begin(),
                                    IsTerminator.begin() + StartOffset);
  NewOwner.insert(NewOwner.end(), NewText.size(), NewByte);
  NewIsTerminator.insert(NewIsTerminator.end(), NewText.size(), false);
  NewOwner.insert(NewOwner.end(), Owner.begin() + EndOffset, Owner.end());
  NewIsTerminator.insert(NewIsTerminator.end(),
                         IsTerminator.begin() + EndOffset, IsTerminator.end());

  // An empty old line lives on where its terminator goes, if kept whole.
  std::vector<size_t> Kept(OldCount), Total(OldCount), Content(OldCount);
  for (size_t I = 0; I < Owner.size(); ++I) {
    ++Total[Owner[I]];
    if (!IsTerminator[I])
      ++Content[Owner[I]];
  }
  for (int O : NewOwner)
    if (O != NewByte)
      ++Kept[O];

  OracleDocument Result;
  Result.Text =
      Doc.Text.substr(0, StartOffset) + NewText + Doc.Text.substr(EndOffset);
  LineTable New(Result.Text);
  unsigned NewCount = New.lineCount();
  Result.Membership.assign(NewCount, 0);
  std::vector<bool> HasAncestor(NewCount);
  for (unsigned L = 1; L <= NewCount; ++L) {
    size_t Next = L < NewCount ? New.lineStart(L + 1) : Result.Text.size();
    for (size_t I = New.lineStart(L); I < Next; ++I) {
      int O = NewOwner[I];
      if (O == NewByte ||
          (NewIsTerminator[I] && (Content[O] != 0 || Kept[O] != Total[O])))
        continue;
      HasAncestor[L - 1] = true;
      Result.Membership[L - 1] |= Doc.Membership[O];
    }
  }
  // Lines of new text only join what both their neighbours are in.
  for (unsigned L = 0; L < NewCount;) {
    if (HasAncestor[L]) {
      ++L;
      continue;
    }
    unsigned BlockEnd = L;
    while (BlockEnd < NewCount && !HasAncestor[BlockEnd])
      ++BlockEnd;
    unsigned Above = L > 0 ? Result.Membership[L - 1] : 0;
    unsigned Below = BlockEnd < NewCount ? Result.Membership[BlockEnd] : 0;
    for (unsigned I = L; I < BlockEnd; ++I)
      Result.Membership[I] = Above & Below;
    L = BlockEnd;
  }
  return Result;
}

std::vector<unsigned> oracleLines(const OracleDocument &Doc, unsigned Region) {
  std::vector<unsigned> Lines;
  for (unsigned L = 0; L < Doc.Membership.size(); ++L)
    if (Doc.Membership[L] & (1u << Region))
      Lines.push_back(L + 1);
  return Lines;
}

std::vector<unsigned> trackerLines(const RegionTracker &Tracker,
                                   unsigned Region) {
  std::vector<unsigned> Lines;
  for (const LineRange &Run : Tracker.linesOf(Region))
    for (unsigned L = Run.First; L <= Run.Last; ++L)
      Lines.push_back(L);
  return Lines;
}

std::string printLines(const std::vector<unsigned> &Lines) {
  std::string Out = "{";
  for (unsigned L : Lines)
    Out += " " + std::to_string(L);
  return Out + " }";
}

std::string escaped(llvm::StringRef Text) {
  std::string Out = "\"";
  for (char C : Text)
    Out += C == '\n' ? "\\n" : C == '\r' ? "\\r" : std::string(1, C);
  return Out + "\"";
}

/// Checks one random document and edit sequence; on the first difference
/// returns a description of it (seed, text, regions, edits), else "".
std::string checkRandomSequence(uint32_t Seed) {
  std::mt19937 Random(Seed);
  auto Below = [&](unsigned N) {
    return std::uniform_int_distribution<unsigned>(0, N - 1)(Random);
  };

  OracleDocument Doc;
  unsigned LineCount = Below(9);
  for (unsigned L = 0; L < LineCount; ++L) {
    // A unique tag per line makes failures readable; some lines are empty.
    if (Below(5) != 0)
      Doc.Text += "t" + std::to_string(L + 1) + std::string(Below(3), 'x');
    bool Last = L + 1 == LineCount;
    if (!Last || Below(2) == 0)
      Doc.Text += Below(3) == 0 ? "\r\n" : "\n";
  }
  Doc.Membership.assign(LineTable(Doc.Text).lineCount(), 0);

  RegionTracker Tracker;
  std::string Log = "seed " + std::to_string(Seed) +
                    "\ntext: " + escaped(Doc.Text) + "\nregions:";
  std::vector<bool> Alive(RegionCount);
  for (unsigned R = 0; R < RegionCount; ++R) {
    std::vector<LineRange> Lines;
    for (unsigned L = 1; L <= Doc.Membership.size(); ++L)
      if (Below(5) < 2) {
        Lines.push_back({L, L});
        Doc.Membership[L - 1] |= 1u << R;
      }
    Alive[R] = !Lines.empty();
    Tracker.track(R, Lines);
    Log += " " + std::to_string(R) + "=" + printLines(oracleLines(Doc, R));
  }
  Log += "\n";

  static const char *const Pieces[] = {"x", "yz", "\n", "\r\n", "n\n", ""};
  unsigned EditCount = 1 + Below(8);
  for (unsigned Step = 0; Step < EditCount; ++Step) {
    LineTable Lines(Doc.Text);
    unsigned Count = Lines.lineCount();
    bool EndsWithBreak =
        Count == 0 || llvm::StringRef(Doc.Text).ends_with("\n");
    unsigned LastAddressable = EndsWithBreak ? Count + 1 : Count;
    auto Length = [&](unsigned Line) -> unsigned {
      return Line > Count ? 0 : Lines.lineEnd(Line) - Lines.lineStart(Line);
    };
    auto Offset = [&](Position P) -> size_t {
      return P.Line > Count ? Doc.Text.size()
                            : Lines.lineStart(P.Line) + P.Column - 1;
    };
    auto RandomColumn = [&](unsigned Line, unsigned From) {
      unsigned Max = Length(Line) + 1;
      switch (Below(4)) {
      case 0:
        return From;
      case 1:
        return Max;
      default:
        return From + Below(Max - From + 1);
      }
    };
    Position Start;
    Start.Line = 1 + Below(LastAddressable);
    Start.Column = RandomColumn(Start.Line, 1);
    Position End = Start;
    if (Below(3) != 0) {
      End.Line =
          Start.Line + Below(std::min(4u, LastAddressable - Start.Line + 1));
      End.Column =
          RandomColumn(End.Line, End.Line == Start.Line ? Start.Column : 1);
    }
    std::string NewText;
    for (unsigned P = Below(4); P > 0; --P)
      NewText += Pieces[Below(std::size(Pieces))];

    Log += "edit " + std::to_string(Step + 1) + ": (" +
           std::to_string(Start.Line) + "," + std::to_string(Start.Column) +
           ")-(" + std::to_string(End.Line) + "," + std::to_string(End.Column) +
           ") -> " + escaped(NewText) + "\n";

    auto Gone = Tracker.applyEdit(
        DocumentEdit::within(Doc.Text, Lines, Start, End, NewText));
    Doc = applyToOracle(Doc, Offset(Start), Offset(End), NewText);
    Log += "  text now: " + escaped(Doc.Text) + "\n";

    for (unsigned R = 0; R < RegionCount; ++R) {
      std::vector<unsigned> Expected = oracleLines(Doc, R);
      std::vector<unsigned> Actual = trackerLines(Tracker, R);
      bool ExpectGone = Alive[R] && Expected.empty();
      bool ReportedGone = llvm::is_contained(Gone, R);
      if (Expected != Actual || ExpectGone != ReportedGone)
        return Log + "region " + std::to_string(R) + ": expected " +
               printLines(Expected) + (ExpectGone ? " (gone)" : "") +
               ", tracker has " + printLines(Actual) +
               (ReportedGone ? " (reported gone)" : "");
      Alive[R] = !Expected.empty();
    }
  }
  return "";
}

TEST(RegionTrackerOracle, RandomEditSequencesMatchTheOracle) {
  for (uint32_t Seed = 1; Seed <= 5000; ++Seed) {
    std::string Failure = checkRandomSequence(Seed);
    if (!Failure.empty()) {
      ADD_FAILURE() << Failure;
      return; // One readable failure is enough.
    }
  }
}

} // namespace
} // namespace aiprov
