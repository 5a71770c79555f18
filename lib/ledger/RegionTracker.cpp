//===--- RegionTracker.cpp - Regions that follow the text as it is edited -===//
//
// An edit only ever affects its own lines Start.Line..End.Line: it turns
// them into the K+1 lines Start.Line..Start.Line+K (K: line breaks in
// NewText) and moves every line below by the difference. So each region is
// rebuilt from three slices of its runs: the lines above the edit as they
// were, at most K+1 lines of the edit worked out one by one from the rules
// in RegionTracker.h, and the lines below shifted. Regions entirely above
// the edit are not touched at all.
//
//===----------------------------------------------------------------------===//
#include "aiprov/ledger/RegionTracker.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <limits>
#include <utility>

namespace aiprov {

namespace {

/// Line breaks in Text, counted as LineTable counts them.
unsigned countLineBreaks(llvm::StringRef Text) {
  unsigned Breaks = 0;
  for (size_t I = 0, E = Text.size(); I < E; ++I) {
    char C = Text[I];
    if (C == '\r' && I + 1 < E && Text[I + 1] == '\n')
      ++I;
    if (C == '\n' || C == '\r')
      ++Breaks;
  }
  return Breaks;
}

bool endsWithLineBreak(llvm::StringRef Text) {
  return Text.ends_with("\n") || Text.ends_with("\r");
}

/// Whether Line is in Runs (ascending, disjoint).
bool holds(llvm::ArrayRef<LineRange> Runs, unsigned Line) {
  auto It = llvm::partition_point(
      Runs, [&](const LineRange &Run) { return Run.Last < Line; });
  return It != Runs.end() && It->First <= Line;
}

/// Appends lines First..Last to Runs, which ends before First, joining it
/// to the last run when they touch.
void appendRun(llvm::SmallVectorImpl<LineRange> &Runs, unsigned First,
               unsigned Last) {
  if (First > Last)
    return;
  if (!Runs.empty() && Runs.back().Last + 1 >= First) {
    Runs.back().Last = std::max(Runs.back().Last, Last);
    return;
  }
  Runs.push_back({First, Last});
}

/// An edit reduced to what line arithmetic needs.
struct LineChange {
  unsigned FirstLine; // The edit's first and last old lines.
  unsigned LastLine;
  unsigned NewLineBreaks; // K: the edit's lines become FirstLine..+K.
  /// Whether FirstLine lives on as new line FirstLine (text before Start
  /// is kept).
  bool HeadSurvives;
  /// Whether LastLine lives on as new line FirstLine + K (text after End is
  /// kept, or End is at column 1 so all of LastLine is).
  bool TailSurvives;

  unsigned lastNewLine() const { return FirstLine + NewLineBreaks; }
  /// New number of an old line below the edit.
  unsigned shifted(unsigned OldLine) const {
    return OldLine - (LastLine - FirstLine) + NewLineBreaks;
  }
};

LineChange describe(const DocumentEdit &Edit) {
  Position Start = Edit.Start, End = Edit.End;
  if (End < Start)
    std::swap(Start, End);
  Start.Line = std::max(Start.Line, 1u);
  End.Line = std::max(End.Line, 1u);
  Start.Column = std::max(Start.Column, 1u);
  End.Column = std::clamp(End.Column, 1u, Edit.EndLineLength + 1);
  if (Start.Line == End.Line)
    Start.Column = std::min(Start.Column, End.Column);
  LineChange Change;
  Change.FirstLine = Start.Line;
  Change.LastLine = End.Line;
  Change.NewLineBreaks = countLineBreaks(Edit.NewText);
  Change.HeadSurvives = Start.Column > 1;
  Change.TailSurvives = End.Column == 1 || End.Column <= Edit.EndLineLength;
  return Change;
}

} // namespace

DocumentEdit DocumentEdit::within(llvm::StringRef Text, const LineTable &Lines,
                                  Position Start, Position End,
                                  llvm::StringRef NewText) {
  // The line after the last one exists only when the text ends with a
  // terminator (or has no lines); anything past it is clamped to it.
  unsigned LineCount = Lines.lineCount();
  unsigned LastAddressable =
      LineCount == 0 || endsWithLineBreak(Text) ? LineCount + 1 : LineCount;
  auto Clamp = [&](Position P) {
    if (P.Line < 1)
      return Position{1, 1};
    if (P.Line > LastAddressable) {
      P.Line = LastAddressable;
      P.Column = std::numeric_limits<unsigned>::max();
    }
    unsigned Length = P.Line > LineCount
                          ? 0
                          : Lines.lineEnd(P.Line) - Lines.lineStart(P.Line);
    P.Column = std::clamp(P.Column, 1u, Length + 1);
    return P;
  };
  DocumentEdit Edit;
  Edit.Start = Clamp(Start);
  Edit.End = Clamp(End);
  if (Edit.End < Edit.Start)
    std::swap(Edit.Start, Edit.End);
  Edit.EndLineLength =
      Edit.End.Line > LineCount
          ? 0
          : Lines.lineEnd(Edit.End.Line) - Lines.lineStart(Edit.End.Line);
  Edit.NewText = NewText;
  return Edit;
}

unsigned insertedLineCount(const DocumentEdit &Edit) {
  if (Edit.NewText.empty())
    return 0;
  unsigned Breaks = countLineBreaks(Edit.NewText);
  return endsWithLineBreak(Edit.NewText) ? Breaks : Breaks + 1;
}

LineRange insertedLines(const DocumentEdit &Edit) {
  unsigned Count = insertedLineCount(Edit);
  if (Count == 0)
    return {0, 0};
  unsigned First = std::max(std::min(Edit.Start, Edit.End).Line, 1u);
  return {First, First + Count - 1};
}

void RegionTracker::track(RegionId Id, llvm::ArrayRef<LineRange> Lines) {
  llvm::SmallVector<LineRange, 4> Sorted;
  for (const LineRange &Run : Lines)
    if (Run.First > 0 && Run.First <= Run.Last)
      Sorted.push_back(Run);
  llvm::sort(Sorted);
  Runs Merged;
  for (const LineRange &Run : Sorted)
    appendRun(Merged, Run.First, Run.Last);
  if (Merged.empty()) {
    untrack(Id);
    return;
  }
  Regions[Id] = std::move(Merged);
}

bool RegionTracker::untrack(RegionId Id) { return Regions.erase(Id) != 0; }

llvm::ArrayRef<LineRange> RegionTracker::linesOf(RegionId Id) const {
  auto It = Regions.find(Id);
  if (It == Regions.end())
    return {};
  return It->second;
}

llvm::SmallVector<RegionTracker::RegionId, 2>
RegionTracker::regionsAt(unsigned Line) const {
  llvm::SmallVector<RegionId, 2> Ids;
  for (const auto &[Id, RegionRuns] : Regions)
    if (holds(RegionRuns, Line))
      Ids.push_back(Id);
  return Ids;
}

llvm::SmallVector<RegionTracker::RegionId, 8> RegionTracker::regionIds() const {
  llvm::SmallVector<RegionId, 8> Ids;
  for (const auto &Entry : Regions)
    Ids.push_back(Entry.first);
  return Ids;
}

namespace {

/// The runs of a region after Change (ascending, merged); empty when none
/// of its lines is left.
llvm::SmallVector<LineRange, 1> moveRuns(llvm::ArrayRef<LineRange> Old,
                                         const LineChange &Change) {
  const unsigned First = Change.FirstLine, Last = Change.LastLine;
  const unsigned LastNew = Change.lastNewLine();
  llvm::SmallVector<LineRange, 1> New;

  // Above the edit: as it was.
  for (const LineRange &Run : Old) {
    if (Run.First >= First)
      break;
    appendRun(New, Run.First, std::min(Run.Last, First - 1));
  }

  // The edit's own new lines. The head (new line First) carries the old
  // first line's identity, the tail (new line LastNew) the old last line's;
  // with no line break they are one line, in the region if either is.
  bool HeadIn = Change.HeadSurvives && holds(Old, First);
  bool TailIn = Change.TailSurvives && holds(Old, Last);
  // New lines made of NewText only: between head and tail, plus the head
  // or tail themselves when they carry no old line. (With no line break
  // and a surviving head or tail, the range is empty.)
  unsigned OnlyNewFirst = Change.HeadSurvives ? First + 1 : First;
  unsigned OnlyNewLast = Change.TailSurvives ? LastNew - 1 : LastNew;
  bool OnlyNewIn = false;
  if (OnlyNewFirst <= OnlyNewLast) {
    // Inside the region iff the lines on both sides of them are in it.
    bool AboveIn =
        OnlyNewFirst == First ? First > 1 && holds(Old, First - 1) : HeadIn;
    bool BelowIn = OnlyNewLast == LastNew ? holds(Old, Last + 1) : TailIn;
    OnlyNewIn = AboveIn && BelowIn;
  }
  if (HeadIn)
    appendRun(New, First, First);
  if (OnlyNewIn)
    appendRun(New, OnlyNewFirst, OnlyNewLast);
  if (TailIn)
    appendRun(New, LastNew, LastNew);

  // Below the edit: shifted.
  auto Below = llvm::partition_point(
      Old, [&](const LineRange &Run) { return Run.Last <= Last; });
  for (const LineRange &Run : llvm::make_range(Below, Old.end()))
    appendRun(New, Change.shifted(std::max(Run.First, Last + 1)),
              Change.shifted(Run.Last));
  return New;
}

} // namespace

llvm::SmallVector<RegionTracker::RegionId, 2>
RegionTracker::applyEdit(const DocumentEdit &Edit) {
  LineChange Change = describe(Edit);
  llvm::SmallVector<RegionId, 2> Emptied;
  for (auto &[Id, RegionRuns] : Regions) {
    // A region wholly above the edit is untouched, even by a growth (which
    // needs a region line below the inserted lines).
    if (RegionRuns.back().Last < Change.FirstLine)
      continue;
    RegionRuns = moveRuns(RegionRuns, Change);
    if (RegionRuns.empty())
      Emptied.push_back(Id);
  }
  if (!Emptied.empty())
    Regions.remove_if([](const std::pair<RegionId, Runs> &Entry) {
      return Entry.second.empty();
    });
  return Emptied;
}

} // namespace aiprov
