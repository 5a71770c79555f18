//===--- RegionTracker.h - Regions that follow the text as it is edited ---===//
//
// The language server keeps the ledger regions and recorded pastes of an
// open document on the right lines while the user types (SPEC §6). Content
// re-anchoring (Reanchor.h) is too slow to run on every keystroke and is
// not needed for it: an edit says exactly which lines it touched, so line
// numbers can be carried through it. This tracker does that and nothing
// else: it knows no LSP, no ledger and no text, only sets of lines, so that
// it can be checked against a brute-force oracle (RegionTrackerTests.cpp).
// Whether a partly edited line still holds the recorded code is the content
// check's business, later.
//
// What an edit does to a region's lines (docs/ledger.md, "Regions that
// follow edits"): an edit replaces the text from Start to End with NewText.
// Every old line keeps its identity in each new line that holds one of its
// content bytes (not counting line terminators); an empty line lives on
// where its terminator goes if the edit deleted nothing of it. So:
//   - lines above the edit stay, lines below it move by the lines it added
//     or removed, and lines wholly inside it are gone;
//   - the edit's first line lives on if text before Start is kept
//     (Start.Column > 1), and its last line lives on if text after End is
//     kept or End is at column 1; a line that is partly edited stays in its
//     regions, and a line split in two leaves both halves in them;
//   - the lines made only of NewText join a region when the line just above
//     them and the line just below them are both in it (the insertion is
//     inside the region); never otherwise, so typing above or below a
//     region never grows it;
//   - a region left with no lines is removed, and applyEdit() says which.
//     It is not kept for an undo: undo is an edit that puts the text back,
//     and re-anchoring the ledger by content finds the region in it again.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_LEDGER_REGIONTRACKER_H
#define AIPROV_LEDGER_REGIONTRACKER_H

#include "aiprov/support/SourceText.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>

namespace aiprov {

/// One text change as LSP sends it, in 1-based lines and 1-based byte
/// columns of the text *before* the change.
struct DocumentEdit {
  /// The replaced text is [Start, End). Start <= End; columns are at most
  /// one past the end of their line's text. Start may be on the line after
  /// the last one when the text ends with a line terminator (an append).
  Position Start, End;
  /// Bytes of line End.Line before the change, without its terminator:
  /// whether the end of that line survives depends on it.
  unsigned EndLineLength = 0;
  /// The replacement. Line terminators are "\n", "\r\n" or a lone "\r".
  llvm::StringRef NewText;

  /// The edit replacing [Start, End) of Text (whose lines are Lines) with
  /// NewText, with positions past the end of a line or of the file clamped
  /// and End.Line's length filled in.
  static DocumentEdit within(llvm::StringRef Text, const LineTable &Lines,
                             Position Start, Position End,
                             llvm::StringRef NewText);
};

/// Lines of text NewText holds, counted as LineTable counts them: a final
/// terminator ends the last line and starts no new one, so "a\nb",
/// "a\nb\n" and a 2-line paste all count 2, and "" counts 0. What was
/// replaced does not matter: pasting over a selection is still a paste.
unsigned insertedLineCount(const DocumentEdit &Edit);

/// The lines of the document after Edit that hold its NewText (the first
/// and last perhaps only partly), or {0, 0} when it inserted nothing.
LineRange insertedLines(const DocumentEdit &Edit);

/// Tracks the lines of the regions of one open document through its edits.
/// Each region is a set of lines, kept as ascending, disjoint,
/// non-adjacent runs (like Region::Runs), under an id the caller chooses.
///
/// Not thread-safe: one tracker per document, used on that document's
/// thread only.
///
/// applyEdit() costs O(runs of all regions + NewText size).
class RegionTracker {
public:
  using RegionId = uint64_t;

  /// Starts tracking Lines (any order, overlaps allowed; runs with
  /// First == 0 or First > Last are ignored) as region Id, replacing what
  /// Id had. A region with no lines is not tracked.
  void track(RegionId Id, llvm::ArrayRef<LineRange> Lines);
  /// Stops tracking Id; false if it was not tracked.
  bool untrack(RegionId Id);
  bool isTracked(RegionId Id) const { return Regions.count(Id) != 0; }
  /// The runs of Id now; empty if it is not tracked.
  llvm::ArrayRef<LineRange> linesOf(RegionId Id) const;
  /// The ids of the regions that hold Line, in the order they were tracked.
  llvm::SmallVector<RegionId, 2> regionsAt(unsigned Line) const;
  /// Every tracked id, in the order they were tracked.
  llvm::SmallVector<RegionId, 8> regionIds() const;
  size_t size() const { return Regions.size(); }

  /// Moves, shrinks and grows every region for Edit, as the file comment
  /// says. Returns the ids of the regions it left with no lines, which are
  /// no longer tracked.
  llvm::SmallVector<RegionId, 2> applyEdit(const DocumentEdit &Edit);

private:
  using Runs = llvm::SmallVector<LineRange, 1>;
  llvm::MapVector<RegionId, Runs> Regions;
};

} // namespace aiprov

#endif
