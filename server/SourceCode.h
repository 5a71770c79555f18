//===--- SourceCode.h - LSP positions over a document's UTF-8 text --------===//
//
// The editor counts columns in UTF-16 code units (or UTF-8 bytes when that
// was negotiated); the engine counts bytes. These functions are the only
// place the two meet, so every feature converts the same way. They know
// nothing of JSON, like clangd's SourceCode.h, and are unit-tested alone.
//
// Lines end at "\n", "\r\n" or a lone "\r", as in LSP and in the engine's
// LineTable. Unlike LineTable, a byte-order mark is an ordinary character
// here: the editor counts it (U+FEFF is one UTF-16 unit) if it sends one.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_SOURCECODE_H
#define AIPROV_SERVER_SOURCECODE_H

#include "aiprov/support/SourceText.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstddef>
#include <optional>
#include <string>

namespace aiprov::server {

/// The unit of DocumentPosition::Character, negotiated at `initialize`.
enum class OffsetEncoding { UTF16, UTF8 };

/// "utf-16" or "utf-8", the LSP 3.17 PositionEncodingKind spellings.
llvm::StringRef encodingName(OffsetEncoding Encoding);

/// A position as the client names it: 0-based line, and a 0-based column
/// in code units of the negotiated encoding (UTF-16 units by default; a
/// character outside the BMP is two of them).
struct DocumentPosition {
  unsigned Line = 0;
  unsigned Character = 0;
  friend bool operator==(const DocumentPosition &,
                         const DocumentPosition &) = default;
};

/// The byte offset of Pos in Text. A position past the end of its line
/// lands on the line's end, one past the last line on the end of the text,
/// and one inside a UTF-16 surrogate pair on its code point's first byte;
/// *Clamped (when given) says whether any of that happened, so the caller
/// can log it. Invalid UTF-8 bytes count as one unit each.
/// Lines, when given, is Text's line table: the line is then found in it
/// rather than by walking the text (the hot paths have one).
size_t offsetOfPosition(llvm::StringRef Text, DocumentPosition Pos,
                        OffsetEncoding Encoding, bool *Clamped = nullptr,
                        const LineTable *Lines = nullptr);

/// offsetOfPosition with the line already found: the byte offset of
/// Character (client units) in the line starting at LineStart, clamped
/// like offsetOfPosition.
size_t offsetInLine(llvm::StringRef Text, size_t LineStart, unsigned Character,
                    OffsetEncoding Encoding, bool *Clamped = nullptr);

/// Client units between byte offsets From and To of one line; a partial
/// UTF-8 sequence at To does not count.
unsigned unitsBetween(llvm::StringRef Text, size_t From, size_t To,
                      OffsetEncoding Encoding);

/// The position of byte Offset (clamped to Text.size()) in Text. An offset
/// inside a UTF-8 sequence counts as that code point's start.
DocumentPosition positionOfOffset(llvm::StringRef Text, size_t Offset,
                                  OffsetEncoding Encoding);

/// The byte offset where the line ending at or after Offset ends (before
/// its terminator), or Text.size().
size_t endOfLine(llvm::StringRef Text, size_t Offset);

/// A replacement of bytes [Begin, End) of a text by NewText.
struct ByteEdit {
  size_t Begin = 0, End = 0;
  llvm::StringRef NewText;
};

/// The part of replacing Text[Begin, End) by NewText that changes anything:
/// bytes both sides share at the front, then at the back, are dropped.
/// Clients resend text around an edit (Neovim inserts lines by replacing
/// the newline before them with itself plus the lines), and what was
/// inserted, and on which line, must not depend on how a client spells it.
ByteEdit trimUnchanged(llvm::StringRef Text, size_t Begin, size_t End,
                       llvm::StringRef NewText);

/// A range of client positions, Start to End (exclusive).
struct DocumentSpan {
  DocumentPosition Start, End;
};

/// The 1-based lines Span covers: a span ending at column 0 of a later
/// line does not take that line.
LineRange linesOf(DocumentSpan Span);

/// One change of textDocument/didChange as the client sent it, in client
/// positions: a replacement of Range, or of the whole text when Range is
/// absent. (The engine's DocumentEdit is the same change in engine lines
/// and byte columns, for its RegionTracker.)
struct ContentChange {
  std::optional<DocumentSpan> Range;
  std::string NewText;
};

/// Where Edit applies in Text, in bytes: its range ([0, size) for a
/// full-text edit) and its new text. A range whose end precedes its start,
/// or with a line past Text's last (editor) line, is an error; a character
/// past its line's end is clamped (LSP), and Clamped (when given) counts
/// clamped positions. Lines as for offsetOfPosition.
llvm::Expected<ByteEdit> resolveEdit(llvm::StringRef Text,
                                     const ContentChange &Edit,
                                     OffsetEncoding Encoding,
                                     unsigned *Clamped = nullptr,
                                     const LineTable *Lines = nullptr);

/// Applies Edits to Text in order, each against the text the previous one
/// left (LSP semantics). An edit resolveEdit refuses is an error and leaves
/// Text unchanged; Clamped counts positions that had to be clamped.
llvm::Error applyEdits(std::string &Text, llvm::ArrayRef<ContentChange> Edits,
                       OffsetEncoding Encoding, unsigned *Clamped = nullptr);

} // namespace aiprov::server

#endif
