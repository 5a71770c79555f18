//===--- SourceText.cpp - Line and column arithmetic ----------------------===//
//
// Line starts are computed once with the same terminators clang's
// SourceManager recognises ("\n", "\r\n", lone "\r"), so a position printed
// by `aiprov check` is the one clang++ prints for the same byte.
//
//===----------------------------------------------------------------------===//
#include "aiprov/support/SourceText.h"
#include <algorithm>
#include <cassert>
#include <cstring>

namespace aiprov {

size_t byteOrderMarkLength(llvm::StringRef Text) {
  return Text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
}

LineTable::LineTable(llvm::StringRef Text)
    : Text(Text), BomLength(byteOrderMarkLength(Text)) {
  Starts.push_back(BomLength);
  // memchr finds the next '\n' and the next '\r' many bytes at a time; the
  // language server builds a table on every keystroke, over files of tens
  // of thousands of lines.
  const char *Begin = Text.data(), *End = Begin + Text.size();
  auto Next = [End](const char *From, char C) {
    const void *Hit = From < End ? std::memchr(From, C, End - From) : nullptr;
    return Hit ? static_cast<const char *>(Hit) : End;
  };
  const char *NextLF = Next(Begin + BomLength, '\n');
  const char *NextCR = Next(Begin + BomLength, '\r');
  while (NextLF != End || NextCR != End) {
    const char *Break = std::min(NextLF, NextCR);
    // "\r\n" is one terminator.
    const char *After = Break + 1;
    if (Break == NextCR && After < End && *After == '\n')
      ++After;
    Starts.push_back(After - Begin);
    if (NextLF < After)
      NextLF = Next(After, '\n');
    if (NextCR < After)
      NextCR = Next(After, '\r');
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
