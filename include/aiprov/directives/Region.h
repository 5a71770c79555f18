//===--- Region.h - AI-assisted regions and their hashes ------------------===//
//
// SPEC §1: every directive makes its own region (begin…end, line,
// next-line, file, attribute, and later ledger records). A region knows its
// lines, its current content hash and its review state; checks and exports
// only ever look at regions, never at directives.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_DIRECTIVES_REGION_H
#define AIPROV_DIRECTIVES_REGION_H

#include "aiprov/directives/DirectiveCollector.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <utility>
#include <vector>

namespace aiprov {

enum class ReviewStatus { Unreviewed, Reviewed, Stale };
llvm::StringRef reviewStatusName(ReviewStatus S); // "unreviewed", …

struct Region {
  /// The directive that opened the region (for begin…end, the begin).
  Directive Origin;
  unsigned FirstLine = 0, LastLine = 0; // 1-based, inclusive.
  /// "sha256:" + 64 lowercase hex, computed from the current text.
  std::string Hash;
  ReviewStatus Review = ReviewStatus::Unreviewed;

  /// Ledger regions only: the runs of lines (1-based, inclusive, ascending)
  /// that still hold the recorded text; lines a human rewrote in between
  /// are in none. Empty: every line FirstLine..LastLine (all other regions).
  std::vector<LineRange> Runs;

  /// The `tool` key, or "unknown" when missing (SPEC §1).
  llvm::StringRef tool() const;

  /// Runs, or the one run FirstLine..LastLine when Runs is empty.
  std::vector<LineRange> lineRuns() const;
  /// The lines that count as AI-assisted: the sum of lineRuns().
  unsigned lineCount() const;

  /// A ledger record of a paste whose origin nobody declared
  /// (origin=unknown-paste): reported by aiprov-unknown-paste, and not
  /// counted as AI-assisted.
  bool isUnknownPaste() const;
};

struct FileRegions {
  std::vector<Region> Regions;            // In order of their directives.
  std::vector<DirectiveProblem> Problems; // Syntax and structure problems.
  unsigned TotalLines = 0;
};

} // namespace aiprov

#endif
