//===--- RegionAnnotation.cpp - Write a begin…end annotation around lines -===//
//
// `//` comments are valid C (C99 and later) and C++, and a line of its own
// cannot change how the neighbouring code lexes, unlike a directive glued
// to the code's line. The new lines are analysed like any other: the
// caller re-reads the result (signOffRegion does) rather than trusting it.
//
//===----------------------------------------------------------------------===//
#include "aiprov/directives/RegionAnnotation.h"
#include "aiprov/directives/Directive.h"
#include "aiprov/support/SourceText.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Twine.h"

namespace aiprov {

llvm::Expected<std::string> annotateLines(llvm::StringRef Buffer,
                                          llvm::StringRef FileName,
                                          unsigned First, unsigned Last,
                                          llvm::ArrayRef<KeyValue> Keys) {
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(
        (FileName + ":" + llvm::Twine(First) + ": " + Why).str());
  };
  LineTable Lines(Buffer);
  if (First < 1 || First > Last || Last > Lines.lineCount())
    return Fail("lines " + llvm::Twine(First) + "-" + llvm::Twine(Last) +
                " are not in the file (it has " +
                llvm::Twine(Lines.lineCount()) + " lines)");

  std::string Begin = "// aiprov: begin";
  for (const KeyValue &KV : Keys) {
    if (llvm::any_of(KV.Value, [](char C) { return C == '\n' || C == '\r'; }))
      return Fail("the value of '" + KV.Key + "' holds a line break");
    Begin += " " + KV.Key + "=" + formatDirectiveValue(KV.Value);
  }

  const size_t FirstStart = Lines.lineStart(First);
  llvm::StringRef FirstLine = Buffer.slice(FirstStart, Lines.lineEnd(First));
  llvm::StringRef Indent =
      FirstLine.take_while([](char C) { return C == ' ' || C == '\t'; });
  const size_t FirstEnd = Lines.lineEnd(1);
  llvm::StringRef Newline =
      Buffer.substr(FirstEnd).starts_with("\r\n") ? "\r\n" : "\n";

  // Past line Last and its terminator; a last line without one gets one,
  // so the `end` directive starts a line of its own.
  const size_t AfterLast =
      Last < Lines.lineCount() ? Lines.lineStart(Last + 1) : Buffer.size();
  const llvm::StringRef EndPrefix =
      Lines.lineEnd(Last) == Buffer.size() ? Newline : "";

  std::string Out;
  Out.reserve(Buffer.size() + Begin.size() + 64);
  Out += Buffer.take_front(FirstStart);
  Out += Indent;
  Out += Begin;
  Out += Newline;
  Out += Buffer.slice(FirstStart, AfterLast);
  Out += EndPrefix;
  Out += Indent;
  Out += "// aiprov: end";
  Out += Newline;
  Out += Buffer.drop_front(AfterLast);
  return Out;
}

std::vector<KeyValue> annotationKeysOf(const Region &R) {
  std::vector<KeyValue> Keys;
  for (const KeyValue &KV : R.Origin.Keys)
    if (KV.Key == "tool" || KV.Key == "model" || KV.Key == "origin")
      Keys.push_back(KV);
  for (KeyValue &KV : Keys)
    if (KV.Key == "origin" && KV.Value == "unknown-paste")
      KV.Value = "paste";
  return Keys;
}

llvm::Expected<std::string> annotateRegion(llvm::StringRef Buffer,
                                           llvm::StringRef FileName,
                                           const Region &R) {
  return annotateLines(Buffer, FileName, R.FirstLine, R.LastLine,
                       annotationKeysOf(R));
}

} // namespace aiprov
