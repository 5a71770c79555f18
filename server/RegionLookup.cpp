//===--- RegionLookup.cpp - Which regions a line is in, what reports each -===//
//
// A finding reports a region at the region's start (its directive, or a
// ledger region's first line), so that position is what ties the two.
//
//===----------------------------------------------------------------------===//
#include "RegionLookup.h"
#include "aiprov/check/Checks.h"
#include <algorithm>

namespace aiprov::server {

std::vector<const Region *> regionsAt(const DocumentAnalysis &Doc,
                                      DocumentPosition Pos) {
  unsigned Line = Pos.Line + 1;
  std::vector<const Region *> Found;
  for (const Region &R : Doc.Regions.Regions)
    for (const LineRange &Run : R.lineRuns())
      if (Run.First <= Line && Line <= Run.Last) {
        Found.push_back(&R);
        break;
      }
  std::stable_sort(Found.begin(), Found.end(),
                   [](const Region *A, const Region *B) {
                     return A->lineCount() < B->lineCount();
                   });
  return Found;
}

std::vector<std::string> checksOf(const DocumentAnalysis &Doc,
                                  const Region &R) {
  std::vector<CheckId> Ids;
  for (const Finding &F : Doc.Findings)
    if (F.Where == R.Origin.Start && F.Check != CheckId::MalformedAnnotation)
      Ids.push_back(F.Check);
  std::sort(Ids.begin(), Ids.end());
  Ids.erase(std::unique(Ids.begin(), Ids.end()), Ids.end());
  std::vector<std::string> Names;
  Names.reserve(Ids.size());
  for (CheckId Id : Ids)
    Names.push_back(checkInfo(Id).Name.str());
  return Names;
}

} // namespace aiprov::server
