//===--- ReviewSignOff.h - Sign off one region in a file's text -----------===//
//
// `aiprov review FILE:LINE` (SPEC §4) and the language server's "mark
// reviewed" code action share this: given a file's bytes, it rewrites the
// one directive that opens the region starting on LINE so that it carries
// reviewed-by, reviewed-at and review=sha256:…. It is a pure function over
// bytes, so front ends own the I/O (atomic writes, change detection) and
// tests need no files. Only the directive's key list changes; every other
// byte (line endings, tabs, byte-order mark, encoding) is kept.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_DIRECTIVES_REVIEWSIGNOFF_H
#define AIPROV_DIRECTIVES_REVIEWSIGNOFF_H

#include "aiprov/directives/Region.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace aiprov {

struct SignOffRequest {
  /// Used only in error messages ("FILE:LINE: …").
  std::string FileName;
  /// 1-based line where the region's directive starts (the `//`, `/*` or
  /// `#` of the directive, as `aiprov check` reports it).
  unsigned Line = 0;
  /// Who reviewed; written bare, or quoted when it holds whitespace or `"`.
  std::string Reviewer;
  /// The review date, YYYY-MM-DD (the CLI passes today's date in UTC).
  std::string Date;
};

struct SignOffResult {
  /// The whole file with the directive rewritten.
  std::string NewText;
  /// signOffKnownRegion only: a begin/end annotation was written around a
  /// ledger region first.
  bool Annotated = false;
  /// The region as re-analysed from NewText: Review is Reviewed and
  /// Hash is the value written to `review=`.
  Region Signed;
};

/// Signs off the region whose directive starts on Request.Line of Buffer
/// (lexer mode, as `aiprov check` without -p). If several directives start
/// on that line, the first one's region is signed off. Errors name
/// FILE:LINE: line out of range, no region starting there (listing the
/// lines where regions do start, nearest first), an `end` directive, the
/// attribute form (not rewritten yet), a reviewer or date that cannot be
/// written, or a rewrite that would not read back as reviewed.
/// Buffer must be NUL-terminated just past its end.
llvm::Expected<SignOffResult> signOffRegion(llvm::StringRef Buffer,
                                            const SignOffRequest &Request);

/// `aiprov review` and the language server's "mark reviewed" action: signs
/// off R, a region of Buffer as analyzed together with its ledger. A region
/// with a directive is signed off there (Request.Line is taken from R). A
/// region known only from the ledger first gets a begin/end annotation
/// around it (annotateRegion), and that is signed off in the same rewrite,
/// so the sign-off follows the code from then on. A paste of unknown
/// origin is refused: nobody said an AI assistant wrote it.
llvm::Expected<SignOffResult> signOffKnownRegion(llvm::StringRef Buffer,
                                                 const Region &R,
                                                 SignOffRequest Request);

/// Today's date in UTC as YYYY-MM-DD, the `reviewed-at` of a sign-off.
std::string todayInUtc();

} // namespace aiprov

#endif
