//===--- SourceCode.cpp - LSP positions over a document's UTF-8 text ------===//
//
// Linear scans: a conversion walks the text up to its line. That is cheap
// next to lexing the document on every change, which the server does anyway;
// a per-document line index can come when a profile asks for it.
//
//===----------------------------------------------------------------------===//
#include "SourceCode.h"
#include "llvm/Support/FormatVariadic.h"
#include <algorithm>

namespace aiprov::server {

namespace {

/// Bytes of the UTF-8 sequence starting at Text[I]; 1 for a byte that does
/// not start a valid sequence, so invalid input still makes progress.
unsigned sequenceLength(llvm::StringRef Text, size_t I) {
  auto Lead = static_cast<unsigned char>(Text[I]);
  unsigned Length = 1;
  if ((Lead & 0xE0) == 0xC0)
    Length = 2;
  else if ((Lead & 0xF0) == 0xE0)
    Length = 3;
  else if ((Lead & 0xF8) == 0xF0)
    Length = 4;
  if (I + Length > Text.size())
    return 1;
  for (unsigned K = 1; K < Length; ++K)
    if ((static_cast<unsigned char>(Text[I + K]) & 0xC0) != 0x80)
      return 1;
  return Length;
}

/// Code units one code point of SequenceLength bytes takes: four-byte
/// sequences are the characters outside the BMP, a surrogate pair in UTF-16.
unsigned unitsOf(unsigned SequenceLength, OffsetEncoding Encoding) {
  if (Encoding == OffsetEncoding::UTF8)
    return SequenceLength;
  return SequenceLength == 4 ? 2 : 1;
}

/// Offset just past the line break starting at Break ("\r\n" is one).
size_t afterBreak(llvm::StringRef Text, size_t Break) {
  if (Text[Break] == '\r' && Break + 1 < Text.size() && Text[Break + 1] == '\n')
    return Break + 2;
  return Break + 1;
}

bool before(DocumentPosition A, DocumentPosition B) {
  return A.Line < B.Line || (A.Line == B.Line && A.Character < B.Character);
}

} // namespace

llvm::StringRef encodingName(OffsetEncoding Encoding) {
  return Encoding == OffsetEncoding::UTF8 ? "utf-8" : "utf-16";
}

size_t offsetOfPosition(llvm::StringRef Text, DocumentPosition Pos,
                        OffsetEncoding Encoding, bool *Clamped) {
  auto Clamp = [&] {
    if (Clamped)
      *Clamped = true;
  };
  size_t LineStart = 0;
  for (unsigned Line = 0; Line < Pos.Line; ++Line) {
    size_t Break = Text.find_first_of("\r\n", LineStart);
    if (Break == llvm::StringRef::npos) {
      Clamp();
      return Text.size();
    }
    LineStart = afterBreak(Text, Break);
  }
  size_t LineEnd = endOfLine(Text, LineStart);
  size_t I = LineStart;
  unsigned Units = 0;
  while (I < LineEnd && Units < Pos.Character) {
    unsigned Length = sequenceLength(Text, I);
    unsigned Width = unitsOf(Length, Encoding);
    if (Units + Width > Pos.Character) {
      Clamp(); // Inside a surrogate pair (or a UTF-8 sequence).
      return I;
    }
    Units += Width;
    I += Length;
  }
  if (Units < Pos.Character)
    Clamp();
  return I;
}

DocumentPosition positionOfOffset(llvm::StringRef Text, size_t Offset,
                                  OffsetEncoding Encoding) {
  Offset = std::min(Offset, Text.size());
  DocumentPosition Pos;
  size_t LineStart = 0;
  while (true) {
    size_t Break = Text.find_first_of("\r\n", LineStart);
    if (Break == llvm::StringRef::npos || Break >= Offset)
      break;
    size_t Next = afterBreak(Text, Break);
    if (Next > Offset) {
      Offset = Break; // Between "\r" and "\n": the line's end.
      break;
    }
    LineStart = Next;
    ++Pos.Line;
  }
  for (size_t I = LineStart; I < Offset;) {
    unsigned Length = sequenceLength(Text, I);
    if (I + Length > Offset)
      break;
    Pos.Character += unitsOf(Length, Encoding);
    I += Length;
  }
  return Pos;
}

size_t endOfLine(llvm::StringRef Text, size_t Offset) {
  size_t Break = Text.find_first_of("\r\n", std::min(Offset, Text.size()));
  return Break == llvm::StringRef::npos ? Text.size() : Break;
}

ByteEdit trimUnchanged(llvm::StringRef Text, size_t Begin, size_t End,
                       llvm::StringRef NewText) {
  while (Begin < End && !NewText.empty() && Text[Begin] == NewText.front()) {
    ++Begin;
    NewText = NewText.drop_front();
  }
  while (Begin < End && !NewText.empty() && Text[End - 1] == NewText.back()) {
    --End;
    NewText = NewText.drop_back();
  }
  return {Begin, End, NewText};
}

llvm::Error applyEdits(std::string &Text, llvm::ArrayRef<DocumentEdit> Edits,
                       OffsetEncoding Encoding, unsigned *Clamped) {
  std::string Result = Text;
  for (const DocumentEdit &Edit : Edits) {
    if (!Edit.Range) {
      Result = Edit.NewText;
      continue;
    }
    const DocumentEdit::Span &Range = *Edit.Range;
    if (before(Range.End, Range.Start))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          llvm::formatv("edit range ends at {0}:{1}, before its start {2}:{3}",
                        Range.End.Line, Range.End.Character, Range.Start.Line,
                        Range.Start.Character));
    bool StartClamped = false, EndClamped = false;
    size_t Begin =
        offsetOfPosition(Result, Range.Start, Encoding, &StartClamped);
    size_t End = offsetOfPosition(Result, Range.End, Encoding, &EndClamped);
    if (Clamped)
      *Clamped += unsigned(StartClamped) + unsigned(EndClamped);
    Result.replace(Begin, End - Begin, Edit.NewText);
  }
  Text = std::move(Result);
  return llvm::Error::success();
}

} // namespace aiprov::server
