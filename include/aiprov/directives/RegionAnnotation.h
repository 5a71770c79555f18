//===--- RegionAnnotation.h - Write a begin…end annotation around lines ---===//
//
// A region known only from the ledger has no directive to sign off. Both
// `aiprov review` on a ledger region and the language server's "convert
// recorded paste to annotation" action first put the region into the
// source as a `// aiprov: begin …` / `// aiprov: end` pair; from then on
// the annotation, not the record, is what counts (LedgerRegions.h).
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_DIRECTIVES_REGIONANNOTATION_H
#define AIPROV_DIRECTIVES_REGIONANNOTATION_H

#include "aiprov/directives/Directive.h"
#include "aiprov/directives/Region.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace aiprov {

/// Buffer with `// aiprov: begin KEYS` inserted as a line of its own before
/// line First and `// aiprov: end` after line Last (1-based, inclusive),
/// both indented like line First and ended like the file's first line
/// (CRLF files stay CRLF). Values are quoted as needed. Every other byte is
/// kept. Errors name FileName:First when the lines are out of range or a
/// key cannot be written on one line.
llvm::Expected<std::string> annotateLines(llvm::StringRef Buffer,
                                          llvm::StringRef FileName,
                                          unsigned First, unsigned Last,
                                          llvm::ArrayRef<KeyValue> Keys);

/// The keys an annotation of R carries: its tool, model and origin. A
/// paste nobody declared (origin unknown-paste, which SPEC §1 has no
/// value for) becomes origin=paste: writing the annotation is the
/// declaration.
std::vector<KeyValue> annotationKeysOf(const Region &R);

/// annotateLines around R (usually a ledger region) with
/// annotationKeysOf(R). A ledger region a human partly rewrote is
/// annotated from its first to its last line.
llvm::Expected<std::string> annotateRegion(llvm::StringRef Buffer,
                                           llvm::StringRef FileName,
                                           const Region &R);

} // namespace aiprov

#endif
