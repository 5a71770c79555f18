//===--- RegionHash.cpp - SPEC §1's content hash of a region --------------===//
//
// The hash identifies what a reviewer saw. Directive text is deleted first
// so that signing a region off (adding review keys to its directive) never
// changes its hash; trailing blanks and "\r" are stripped so an editor's
// whitespace trimming or a CRLF checkout does not make a review stale.
//
//===----------------------------------------------------------------------===//
#include "aiprov/directives/RegionHash.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"
#include <algorithm>

namespace aiprov {

std::string
regionHash(llvm::StringRef Buffer, const LineTable &Lines, unsigned FirstLine,
           unsigned LastLine,
           llvm::ArrayRef<std::pair<size_t, size_t>> DirectiveSpans) {
  llvm::SHA256 Hasher;
  // SPEC §1: the kept lines joined with "\n", plus one final "\n" (so a
  // region whose every line was a directive hashes "\n").
  if (FirstLine >= 1 && FirstLine <= LastLine && Lines.lineCount() > 0) {
    const size_t RangeBegin = Lines.lineStart(FirstLine);
    const size_t RangeEnd =
        Lines.lineEnd(std::min(LastLine, Lines.lineCount()));
    // The first span that could touch the range.
    auto Span = std::lower_bound(
        DirectiveSpans.begin(), DirectiveSpans.end(), RangeBegin,
        [](const std::pair<size_t, size_t> &S, size_t Offset) {
          return S.second <= Offset;
        });
    std::string Line;
    bool KeptAny = false;
    // SPEC §1 splits on "\n" only, whatever the file's line terminators.
    for (size_t Begin = RangeBegin; Begin <= RangeEnd;) {
      size_t End = Buffer.find('\n', Begin);
      if (End == llvm::StringRef::npos || End > RangeEnd)
        End = RangeEnd;
      Line.clear();
      bool HeldDirective = false;
      for (size_t I = Begin; I < End;) {
        while (Span != DirectiveSpans.end() && Span->second <= I)
          ++Span;
        if (Span != DirectiveSpans.end() && Span->first <= I) {
          HeldDirective = true;
          I = std::min(End, Span->second);
          continue;
        }
        size_t Stop =
            Span != DirectiveSpans.end() ? std::min(End, Span->first) : End;
        Line.append(Buffer.data() + I, Stop - I);
        I = Stop;
      }
      llvm::StringRef Kept = llvm::StringRef(Line).rtrim(" \t\r");
      if (!(Kept.empty() && HeldDirective)) {
        if (KeptAny)
          Hasher.update("\n");
        Hasher.update(Kept);
        KeptAny = true;
      }
      Begin = End + 1;
    }
  }
  Hasher.update("\n");
  std::array<uint8_t, 32> Digest = Hasher.final();
  return "sha256:" + llvm::toHex(Digest, /*LowerCase=*/true);
}

} // namespace aiprov
