//===--- RegionBuilder.cpp - Directives to regions (SPEC §1) --------------===//
//
// Modelled on clang-tidy's NOLINT handling: begin/end markers are matched in
// order, every unmatched marker becomes a diagnostic, and nothing is
// silently dropped. Unlike NOLINTBEGIN, regions don't nest: a `begin` while
// one is open is reported and ignored, because a region is a unit of review.
//
//===----------------------------------------------------------------------===//
#include "aiprov/directives/RegionBuilder.h"
#include "aiprov/directives/RegionHash.h"
#include <optional>

namespace aiprov {

namespace {

std::string lineRange(const Directive &D) {
  return std::to_string(D.Start.Line) + ":" + std::to_string(D.Start.Column);
}

} // namespace

FileRegions buildRegions(llvm::StringRef Buffer, const LineTable &Lines,
                         CollectedDirectives Collected) {
  FileRegions Out;
  Out.TotalLines = Lines.lineCount();
  Out.Problems = std::move(Collected.Problems);
  const unsigned LastLineOfFile = std::max(1u, Lines.lineCount());

  auto Place = [&](const Directive &D, unsigned First, unsigned Last) {
    Region R;
    R.Origin = D;
    R.FirstLine = First;
    R.LastLine = std::max(First, Last);
    Out.Regions.push_back(std::move(R));
  };

  std::optional<size_t> OpenBegin; // Index into Collected.Directives.
  for (size_t I = 0; I < Collected.Directives.size(); ++I) {
    const Directive &D = Collected.Directives[I];
    if (D.Source == RegionSource::Attribute) {
      Place(D, D.Start.Line, D.DeclLastLine);
      continue;
    }
    switch (D.Kind) {
    case DirectiveKind::Begin:
      if (OpenBegin) {
        Out.Problems.push_back(
            {D.Start, "'begin' while the region opened at " +
                          lineRange(Collected.Directives[*OpenBegin]) +
                          " is still open; this 'begin' is ignored"});
        break;
      }
      OpenBegin = I;
      break;
    case DirectiveKind::End:
      if (!OpenBegin) {
        Out.Problems.push_back({D.Start, "'end' without a matching 'begin'"});
        break;
      }
      Place(Collected.Directives[*OpenBegin],
            Collected.Directives[*OpenBegin].Start.Line, D.Start.Line);
      OpenBegin.reset();
      break;
    case DirectiveKind::Line:
      Place(D, D.Start.Line, D.Start.Line);
      break;
    case DirectiveKind::NextLine:
      if (D.LastLine >= Lines.lineCount()) {
        Out.Problems.push_back(
            {D.Start,
             "'next-line' on the last line of the file marks nothing"});
        break;
      }
      Place(D, D.LastLine + 1, D.LastLine + 1);
      break;
    case DirectiveKind::File:
      Place(D, 1, LastLineOfFile);
      break;
    }
  }
  if (OpenBegin) {
    const Directive &D = Collected.Directives[*OpenBegin];
    Out.Problems.push_back(
        {D.Start, "'begin' is never closed; its region runs to the end of "
                  "the file"});
    Place(D, D.Start.Line, LastLineOfFile);
  }

  // Regions in the order of their directives, as users read the file.
  std::stable_sort(Out.Regions.begin(), Out.Regions.end(),
                   [](const Region &A, const Region &B) {
                     return A.Origin.Start < B.Origin.Start;
                   });
  for (Region &R : Out.Regions) {
    R.Hash =
        regionHash(Buffer, Lines, R.FirstLine, R.LastLine, Collected.TextSpans);
    if (R.Origin.get("reviewed-by")) {
      auto Reviewed = R.Origin.get("review");
      R.Review = Reviewed && *Reviewed != R.Hash ? ReviewStatus::Stale
                                                 : ReviewStatus::Reviewed;
    }
  }
  std::stable_sort(Out.Problems.begin(), Out.Problems.end(),
                   [](const DirectiveProblem &A, const DirectiveProblem &B) {
                     return A.Where < B.Where;
                   });
  return Out;
}

FileRegions analyzeBuffer(llvm::StringRef Buffer) {
  if (!mayContainDirective(Buffer)) {
    // The common case: skip the line table and the lexer entirely.
    FileRegions Empty;
    Empty.TotalLines = Buffer.count('\n') +
                       (!Buffer.empty() && !Buffer.ends_with("\n") ? 1 : 0);
    return Empty;
  }
  DirectiveCollector Collector(Buffer);
  Collector.scanAll();
  return buildRegions(Buffer, Collector.lines(), Collector.take());
}

} // namespace aiprov
