//===--- SourceText.h - Line and column arithmetic over a file buffer -----===//
//
// Every front end reports positions as 1-based lines and 1-based byte
// columns, the way clang does. A UTF-8 byte-order mark is not counted in
// columns (SPEC §3), and lines end at "\n", "\r\n" or a lone "\r" exactly as
// in clang's SourceManager, so the CLI, the plugin and the server agree.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SUPPORT_SOURCETEXT_H
#define AIPROV_SUPPORT_SOURCETEXT_H

#include "llvm/ADT/StringRef.h"
#include <cstddef>
#include <vector>

namespace aiprov {

/// A 1-based line and 1-based byte column. Zero means "unknown".
struct Position {
  unsigned Line = 0;
  unsigned Column = 0;
  friend bool operator==(const Position &, const Position &) = default;
  friend auto operator<=>(const Position &, const Position &) = default;
};

/// Lines First..Last of a file, 1-based and inclusive.
struct LineRange {
  unsigned First = 0;
  unsigned Last = 0;
  friend bool operator==(const LineRange &, const LineRange &) = default;
  friend auto operator<=>(const LineRange &, const LineRange &) = default;
};

/// Length of the UTF-8 byte-order mark at the start of Text, 0 or 3.
size_t byteOrderMarkLength(llvm::StringRef Text);

/// Maps byte offsets in one buffer to lines and columns and back.
/// Built once per buffer in O(size); lookups are O(log lines).
class LineTable {
public:
  explicit LineTable(llvm::StringRef Text);

  /// Number of lines. A final line terminator ends the last line and starts
  /// no new one; an empty buffer has zero lines.
  unsigned lineCount() const { return LineCount; }
  /// Lines as an editor counts them: after a final terminator comes one
  /// more, empty line (LSP positions may name it).
  unsigned editorLineCount() const { return Starts.size(); }

  /// The position of byte Offset (Offset may equal the buffer size).
  Position positionOf(size_t Offset) const;

  /// Byte offset where 1-based Line starts (after the BOM on line 1).
  size_t lineStart(unsigned Line) const;
  /// Byte offset of Line's terminator (or the buffer end), 1-based Line.
  size_t lineEnd(unsigned Line) const;

private:
  llvm::StringRef Text;
  size_t BomLength;
  std::vector<size_t> Starts; // Starts[I] is where line I+1 begins.
  unsigned LineCount;
};

} // namespace aiprov

#endif
