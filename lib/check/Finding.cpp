//===--- Finding.cpp - The check table and the order of findings ----------===//
//
// The five checks of SPEC §3 live in one table so `--help`, SARIF rule
// metadata, compiler diagnostics and docs/checks/ all describe a check with
// the same words. Every output sorts findings the same way, so a diff of two
// runs shows only what changed.
//
//===----------------------------------------------------------------------===//
#include "aiprov/check/Finding.h"
#include <algorithm>
#include <tuple>

namespace aiprov {
namespace {

// Indexed by CheckId: checkInfo() relies on the order matching the enum, and
// SARIF's ruleIndex is the position in this table.
constexpr CheckInfo Checks[] = {
    {CheckId::ForbiddenRegion, "aiprov-forbidden-region", Severity::Error,
     "AI-assisted code in a path where policy forbids it",
     "Reports every AI-assisted region (from an annotation, a pragma, an "
     "attribute or the provenance ledger) in a file whose policy rule says "
     "'ai: forbid', or that an honoured ignore file such as .aiexclude "
     "lists. Such paths hold code that must be written by people, such as "
     "eval task definitions or sources shipped into a container that a model "
     "under test can read. Remove the region or move it elsewhere; a review "
     "does not make it acceptable.",
     "docs/checks/aiprov-forbidden-region.md"},
    {CheckId::UnreviewedRegion, "aiprov-unreviewed-region", Severity::Warning,
     "AI-assisted code without a human reviewer in an 'ai: review' path",
     "Reports an AI-assisted region that has no 'reviewed-by' key in a file "
     "whose policy rule says 'ai: review'. A 'review=' hash alone does not "
     "count as a review. Read the code, then sign it off with "
     "'aiprov review FILE:LINE', which records the reviewer, the date and "
     "the region's hash.",
     "docs/checks/aiprov-unreviewed-region.md"},
    {CheckId::StaleReview, "aiprov-stale-review", Severity::Warning,
     "AI-assisted code changed after it was reviewed",
     "Reports a region whose current content hash differs from the "
     "'review=sha256:...' hash recorded when it was signed off, in any path "
     "that policy does not mark 'ai: allow'. The code changed after its "
     "review; review it again and refresh the hash with "
     "'aiprov review FILE:LINE'.",
     "docs/checks/aiprov-stale-review.md"},
    {CheckId::UnknownPaste, "aiprov-unknown-paste", Severity::Warning,
     "Pasted code of unknown origin",
     "Reports a paste that the provenance ledger recorded without knowing "
     "where it came from (an insertion of at least 'paste-min-lines' lines "
     "with no notice from the editor about its source), in a file whose "
     "policy rule sets 'unknown-paste: warn' or 'unknown-paste: error'; the "
     "finding's severity follows that setting. Annotate the region with its "
     "real origin, or remove it.",
     "docs/checks/aiprov-unknown-paste.md"},
    {CheckId::MalformedAnnotation, "aiprov-malformed-annotation",
     Severity::Warning, "An aiprov directive that cannot be read as written",
     "Reports a syntax or structure error in an aiprov directive: an unknown "
     "kind, an unknown or repeated key, an empty or invalid value, keys on "
     "'end', a 'begin' while a region is open, an 'end' without 'begin', a "
     "'begin' never closed, or a 'next-line' on the last line. A malformed "
     "directive is never silently ignored, because the region it meant to "
     "mark might otherwise escape policy.",
     "docs/checks/aiprov-malformed-annotation.md"},
};

static_assert(std::size(Checks) ==
                  static_cast<size_t>(CheckId::MalformedAnnotation) + 1,
              "every CheckId needs a row in the check table");

constexpr bool tableMatchesEnum() {
  for (size_t I = 0; I < std::size(Checks); ++I)
    if (static_cast<size_t>(Checks[I].Id) != I)
      return false;
  return true;
}
static_assert(tableMatchesEnum(), "check table rows must follow CheckId order");

} // namespace

llvm::ArrayRef<CheckInfo> allChecks() { return Checks; }

const CheckInfo &checkInfo(CheckId Id) {
  return Checks[static_cast<size_t>(Id)];
}

llvm::StringRef severityName(Severity Level) {
  return Level == Severity::Error ? "error" : "warning";
}

void sortFindings(std::vector<Finding> &Findings) {
  // The message breaks the remaining ties (two bad keys in one directive), so
  // the order never depends on the order checks or worker threads ran in.
  std::sort(Findings.begin(), Findings.end(),
            [](const Finding &A, const Finding &B) {
              return std::tie(A.File, A.Where, A.Check, A.Message) <
                     std::tie(B.File, B.Where, B.Check, B.Message);
            });
}

} // namespace aiprov
