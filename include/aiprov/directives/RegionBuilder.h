//===--- RegionBuilder.h - Directives to regions (SPEC §1) ----------------===//
#ifndef AIPROV_DIRECTIVES_REGIONBUILDER_H
#define AIPROV_DIRECTIVES_REGIONBUILDER_H

#include "aiprov/directives/Region.h"
#include "llvm/ADT/StringRef.h"

namespace aiprov {

/// Pairs begin/end (comment and pragma forms share one pairing), places
/// line/next-line/file/attribute regions, reports structure problems (SPEC
/// §1), and hashes and review-checks each region.
FileRegions buildRegions(llvm::StringRef Buffer, const LineTable &Lines,
                         CollectedDirectives Collected);

/// Lexer mode end to end: collect with the raw lexer, then build regions.
/// Buffer must be NUL-terminated just past its end.
FileRegions analyzeBuffer(llvm::StringRef Buffer);

} // namespace aiprov

#endif
