//===--- RegionHash.h - SPEC §1's content hash of a region ----------------===//
#ifndef AIPROV_DIRECTIVES_REGIONHASH_H
#define AIPROV_DIRECTIVES_REGIONHASH_H

#include "aiprov/support/SourceText.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <utility>

namespace aiprov {

/// The SPEC §1 region hash of lines [FirstLine, LastLine] of Buffer, with
/// the directive text in DirectiveSpans (sorted byte spans) deleted.
std::string
regionHash(llvm::StringRef Buffer, const LineTable &Lines, unsigned FirstLine,
           unsigned LastLine,
           llvm::ArrayRef<std::pair<size_t, size_t>> DirectiveSpans);

} // namespace aiprov

#endif
