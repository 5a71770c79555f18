//===--- Hover.h - What hovering over a region shows ----------------------===//
//
// Like clangd's Hover.h: what a position in a document shows, computed
// from one snapshot with no JSON in sight; LSPServer only puts it on the
// wire. A hover says where a region came from and what is decided about
// it (review, policy, findings), so a user need not open the ledger or
// the policy file to know why a line is flagged.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_HOVER_H
#define AIPROV_SERVER_HOVER_H

#include "AiprovServer.h"
#include "SourceCode.h"
#include "aiprov/support/SourceText.h"
#include <optional>
#include <string>

namespace aiprov::server {

struct HoverInfo {
  /// One section per region at the position, innermost first, separated
  /// by horizontal rules.
  std::string Markdown;
  /// The innermost region's first and last line (1-based): what the hover
  /// is about.
  LineRange Lines;
};

/// What hovering at Pos in Doc shows; nullopt when no region counts Pos's
/// line.
std::optional<HoverInfo> hoverAt(const DocumentAnalysis &Doc,
                                 DocumentPosition Pos);

} // namespace aiprov::server

#endif
