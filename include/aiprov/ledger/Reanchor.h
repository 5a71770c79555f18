//===--- Reanchor.h - Finding recorded lines again after edits ------------===//
//
// A ledger record names lines by number and by content (one fingerprint per
// line, fingerprintLine()). Files change outside the editor: lines are
// inserted or deleted above, a function moves, a human rewrites half of it,
// a formatter re-indents it. Line numbers alone would then point at the
// wrong code, so a record is re-anchored by content: its fingerprints are
// aligned against the file as it is now, and only the lines that still
// match count as AI-assisted. Lines a human rewrote stop counting; a record
// none of whose informative lines can be found is lost (and `export` says
// so). bench/attribution measures the precision and recall of this.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_LEDGER_REANCHOR_H
#define AIPROV_LEDGER_REANCHOR_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace aiprov {

/// The lines of one file as it is now, fingerprinted once so that every
/// record of the file can be located against them.
class LineIndex {
public:
  /// Text is the whole file; lines split as fingerprintLines() splits them.
  explicit LineIndex(llvm::StringRef Text);

  unsigned lineCount() const { return Fingerprints.size(); }

  /// The current 1-based line numbers, ascending, that hold the recorded
  /// lines (Recorded: fingerprints of the lines as written, in order, first
  /// one at RecordedStartLine). Lines a human rewrote or inserted are not
  /// among them. Empty when the record is lost: none of its informative
  /// lines (more than punctuation or blanks) is found, or what is found is
  /// too little to tell from coincidence (a lone `return 0;`, or a short
  /// line amid rewritten ones). Blank and punctuation-only lines only count
  /// next to matched informative ones, so a lone `}` is never attributed.
  /// Of equally good places (duplicated code), the one nearest
  /// RecordedStartLine wins. A fingerprint that is not 16 hex digits
  /// matches nothing. See docs/ledger.md, "Re-anchoring".
  std::vector<unsigned> locate(llvm::ArrayRef<std::string> Recorded,
                               unsigned RecordedStartLine) const;

private:
  /// The 0-based lines with this fingerprint, as (fingerprint, line).
  llvm::ArrayRef<std::pair<uint64_t, unsigned>>
  linesWith(uint64_t Fingerprint) const;

  std::vector<uint64_t> Fingerprints;
  /// Per line: how much a match of it says, 0 to 1. Its letters, digits
  /// and non-ASCII bytes (16 or more count as 1) divided by the number of
  /// lines in the file with its fingerprint; 0 for blank and
  /// punctuation-only lines.
  std::vector<float> Weight;
  /// Per line: what matching it scores in the alignment, from Weight.
  std::vector<uint8_t> MatchScore;
  /// (fingerprint, 0-based line) of every line, sorted: the anchors.
  std::vector<std::pair<uint64_t, unsigned>> ByFingerprint;
};

} // namespace aiprov

#endif
