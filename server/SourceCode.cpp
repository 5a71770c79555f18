//===--- SourceCode.cpp - LSP positions over a document's UTF-8 text ------===//
//
// offsetOfPosition and positionOfOffset walk the text up to their line; the
// server avoids them on hot paths (every finding of every publish, every
// edit) by finding the line in the document's LineTable and converting
// only within it (offsetInLine, unitsBetween). bench/lsp found the walk
// costing 150 ms an edit on a 13 000-line file with 200 findings.
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

size_t offsetInLine(llvm::StringRef Text, size_t LineStart, unsigned Character,
                    OffsetEncoding Encoding, bool *Clamped) {
  size_t LineEnd = endOfLine(Text, LineStart);
  size_t I = LineStart;
  unsigned Units = 0;
  while (I < LineEnd && Units < Character) {
    unsigned Length = sequenceLength(Text, I);
    unsigned Width = unitsOf(Length, Encoding);
    if (Units + Width > Character) {
      if (Clamped) // Inside a surrogate pair (or a UTF-8 sequence).
        *Clamped = true;
      return I;
    }
    Units += Width;
    I += Length;
  }
  if (Units < Character && Clamped)
    *Clamped = true;
  return I;
}

unsigned unitsBetween(llvm::StringRef Text, size_t From, size_t To,
                      OffsetEncoding Encoding) {
  unsigned Units = 0;
  To = std::min(To, Text.size());
  for (size_t I = From; I < To;) {
    unsigned Length = sequenceLength(Text, I);
    if (I + Length > To)
      break;
    Units += unitsOf(Length, Encoding);
    I += Length;
  }
  return Units;
}

size_t offsetOfPosition(llvm::StringRef Text, DocumentPosition Pos,
                        OffsetEncoding Encoding, bool *Clamped,
                        const LineTable *Lines) {
  if (Lines) {
    // Line 0 starts at 0: a byte-order mark is a character to the client.
    if (Pos.Line >= Lines->editorLineCount()) {
      if (Clamped)
        *Clamped = true;
      return Text.size();
    }
    size_t LineStart = Pos.Line == 0 ? 0 : Lines->lineStart(Pos.Line + 1);
    return offsetInLine(Text, LineStart, Pos.Character, Encoding, Clamped);
  }
  size_t LineStart = 0;
  for (unsigned Line = 0; Line < Pos.Line; ++Line) {
    size_t Break = Text.find_first_of("\r\n", LineStart);
    if (Break == llvm::StringRef::npos) {
      if (Clamped)
        *Clamped = true;
      return Text.size();
    }
    LineStart = afterBreak(Text, Break);
  }
  return offsetInLine(Text, LineStart, Pos.Character, Encoding, Clamped);
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
  Pos.Character = unitsBetween(Text, LineStart, Offset, Encoding);
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

LineRange linesOf(DocumentSpan Span) {
  unsigned Last = Span.End.Line;
  if (Span.End.Character == 0 && Span.End.Line > Span.Start.Line)
    --Last;
  return {Span.Start.Line + 1, std::max(Last, Span.Start.Line) + 1};
}

llvm::Expected<ByteEdit> resolveEdit(llvm::StringRef Text,
                                     const ContentChange &Edit,
                                     OffsetEncoding Encoding, unsigned *Clamped,
                                     const LineTable *Lines) {
  if (!Edit.Range)
    return ByteEdit{0, Text.size(), Edit.NewText};
  const DocumentSpan &Range = *Edit.Range;
  if (before(Range.End, Range.Start))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("edit range ends at {0}:{1}, before its start {2}:{3}",
                      Range.End.Line, Range.End.Character, Range.Start.Line,
                      Range.Start.Character));
  // A line past the last is not a position in this text: the client and
  // the server disagree about the document, and clamping would apply the
  // edit somewhere the user never put it (LSP allows clamping only a
  // character past its line's end).
  unsigned Last =
      Lines ? Lines->editorLineCount() - 1
            : static_cast<unsigned>(Text.count('\n') + Text.count('\r') -
                                    Text.count("\r\n"));
  for (const DocumentPosition &P : {Range.Start, Range.End})
    if (P.Line > Last)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          llvm::formatv("edit range line {0} is past the document's last "
                        "line ({1})",
                        P.Line, Last));
  bool StartClamped = false, EndClamped = false;
  size_t Begin =
      offsetOfPosition(Text, Range.Start, Encoding, &StartClamped, Lines);
  size_t End = offsetOfPosition(Text, Range.End, Encoding, &EndClamped, Lines);
  if (Clamped)
    *Clamped += unsigned(StartClamped) + unsigned(EndClamped);
  return ByteEdit{Begin, std::max(Begin, End), Edit.NewText};
}

llvm::Error applyEdits(std::string &Text, llvm::ArrayRef<ContentChange> Edits,
                       OffsetEncoding Encoding, unsigned *Clamped) {
  std::string Result = Text;
  for (const ContentChange &Edit : Edits) {
    llvm::Expected<ByteEdit> Bytes =
        resolveEdit(Result, Edit, Encoding, Clamped);
    if (!Bytes)
      return Bytes.takeError();
    Result.replace(Bytes->Begin, Bytes->End - Bytes->Begin, Bytes->NewText);
  }
  Text = std::move(Result);
  return llvm::Error::success();
}

} // namespace aiprov::server
