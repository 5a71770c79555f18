//===--- CodeLens.h - A line above each region saying what it is ----------===//
//
// The one-glance view of a document's provenance: above each region, its
// tool (or that it is a paste of unknown origin), its size and its review
// state. Computed from one snapshot with no JSON; LSPServer turns each
// lens into an LSP CodeLens with no command (it informs, nothing runs).
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_CODELENS_H
#define AIPROV_SERVER_CODELENS_H

#include "AiprovServer.h"
#include <string>
#include <vector>

namespace aiprov::server {

struct RegionLens {
  /// The region's first line (1-based), where the lens is shown.
  unsigned Line = 0;
  /// "AI-assisted: copilot · 3 lines · unreviewed".
  std::string Title;
};

/// One lens per region of Doc, in the order of Doc's regions.
std::vector<RegionLens> regionLenses(const DocumentAnalysis &Doc);

} // namespace aiprov::server

#endif
