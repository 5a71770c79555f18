//===--- MarkedCode.h - Test snippets with inline position markers ------===//
//
// Like clangd's Annotations, reduced to what our tests need: a `^` in a
// snippet marks a position (where a directive or a problem starts) and is
// removed from the code. `[[…]]` ranges are deliberately not supported:
// that is C++ attribute syntax, which our snippets use.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_TESTS_MARKEDCODE_H
#define AIPROV_TESTS_MARKEDCODE_H

#include "aiprov/support/SourceText.h"
#include "llvm/ADT/StringRef.h"
#include <ostream>
#include <string>
#include <vector>

namespace aiprov {
/// Lets gtest print positions as "line:col" in failure messages.
inline void PrintTo(const Position &P, std::ostream *OS) {
  *OS << P.Line << ":" << P.Column;
}
} // namespace aiprov

namespace aiprov::test {

struct MarkedCode {
  std::string Code;
  std::vector<Position> Points; // In order of appearance.

  explicit MarkedCode(llvm::StringRef Marked) {
    std::vector<size_t> Offsets;
    for (char C : Marked) {
      if (C == '^')
        Offsets.push_back(Code.size());
      else
        Code += C;
    }
    LineTable Lines(Code);
    for (size_t O : Offsets)
      Points.push_back(Lines.positionOf(O));
  }
};

/// Where each problem is reported, in order; the tests compare these with
/// the `^` marks of a snippet.
template <typename ProblemList>
std::vector<Position> problemPositions(const ProblemList &Problems) {
  std::vector<Position> Where;
  for (const auto &P : Problems)
    Where.push_back(P.Where);
  return Where;
}

} // namespace aiprov::test

#endif
