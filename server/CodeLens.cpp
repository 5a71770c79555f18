//===--- CodeLens.cpp - A line above each region saying what it is --------===//
//
// The title names the tool rather than the model or origin: it has to fit
// above a line of code; the hover (Hover.h) has the rest.
//
//===----------------------------------------------------------------------===//
#include "CodeLens.h"
#include "aiprov/directives/Region.h"
#include "llvm/Support/FormatVariadic.h"

namespace aiprov::server {

std::vector<RegionLens> regionLenses(const DocumentAnalysis &Doc) {
  std::vector<RegionLens> Lenses;
  for (const Region &R : Doc.Regions.Regions) {
    std::string Title = R.isUnknownPaste() ? "Paste of unknown origin"
                                           : "AI-assisted: " + R.tool().str();
    Title +=
        llvm::formatv(" · {0} line{1} · {2}", R.lineCount(),
                      R.lineCount() == 1 ? "" : "s", reviewStatusName(R.Review))
            .str();
    Lenses.push_back({R.FirstLine, std::move(Title)});
  }
  return Lenses;
}

} // namespace aiprov::server
