//===--- SourceText.cpp - Line and column arithmetic ----------------------===//
//
// Line starts are computed once with the same terminators clang's
// SourceManager recognises ("\n", "\r\n", lone "\r"), so a position printed
// by `aiprov check` is the one clang++ prints for the same byte.
//
//===----------------------------------------------------------------------===//
#include "aiprov/SourceText.h"
#include <algorithm>
#include <cassert>

namespace aiprov {

size_t byteOrderMarkLength(llvm::StringRef Text) {
  return Text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
}

LineTable::LineTable(llvm::StringRef Text)
    : Text(Text), BomLength(byteOrderMarkLength(Text)) {
  Starts.push_back(BomLength);
  for (size_t I = BomLength, E = Text.size(); I < E; ++I) {
    char C = Text[I];
    if (C == '\r' && I + 1 < E && Text[I + 1] == '\n')
      ++I;
    if (C == '\n' || C == '\r')
      Starts.push_back(I + 1);
  }
  // A final terminator ends the last line; it does not start a new one.
  LineCount = Starts.back() == Text.size() ? Starts.size() - 1 : Starts.size();
}

Position LineTable::positionOf(size_t Offset) const {
  assert(Offset <= Text.size() && "offset past the end of the buffer");
  Offset = std::max(Offset, BomLength);
  auto It = std::upper_bound(Starts.begin(), Starts.end(), Offset);
  unsigned Line = It - Starts.begin(); // 1-based: It is one past the line.
  return {Line, static_cast<unsigned>(Offset - Starts[Line - 1] + 1)};
}

size_t LineTable::lineStart(unsigned Line) const {
  assert(Line >= 1 && "lines are 1-based");
  return Line - 1 < Starts.size() ? Starts[Line - 1] : Text.size();
}

size_t LineTable::lineEnd(unsigned Line) const {
  if (Line >= Starts.size())
    return Text.size();
  size_t End = Starts[Line]; // Start of the next line; back off its terminator.
  if (End > 0 && Text[End - 1] == '\n')
    --End;
  if (End > 0 && Text[End - 1] == '\r')
    --End;
  return End;
}

} // namespace aiprov
