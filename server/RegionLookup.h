//===--- RegionLookup.h - Which regions a line is in, what reports each ---===//
//
// The two questions every feature asks of a snapshot: hover, code actions
// and aiprov/regions all start from the regions at a line and the checks
// that report a region, so they answer them one way. Both read only the
// snapshot, so they are free functions, not the core's.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_REGIONLOOKUP_H
#define AIPROV_SERVER_REGIONLOOKUP_H

#include "AiprovServer.h"
#include "SourceCode.h"
#include "aiprov/directives/Region.h"
#include <string>
#include <vector>

namespace aiprov::server {

/// Regions with a counted line at Pos's line, innermost (fewest lines)
/// first.
std::vector<const Region *> regionsAt(const DocumentAnalysis &Doc,
                                      DocumentPosition Pos);

/// Names of the checks that report R (not malformed-annotation, which is
/// about directives), in check-table order.
std::vector<std::string> checksOf(const DocumentAnalysis &Doc, const Region &R);

} // namespace aiprov::server

#endif
