//===--- DirectiveCollector.cpp - Comment and pragma text to Directives ---===//
//
// Lexer mode and AST mode both end up here. scanRange runs Clang's raw lexer
// (C++23, comments retained) so that text inside string literals, raw
// strings, character literals and other comments is never mistaken for a
// directive, and line splices are honoured exactly as clang honours them.
//
//===----------------------------------------------------------------------===//
#include "aiprov/directives/DirectiveCollector.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/LangStandard.h"
#include "clang/Lex/Lexer.h"
#include "llvm/TargetParser/Triple.h"
#include <algorithm>
#include <cassert>
#include <functional>
#include <tuple>

namespace aiprov {

namespace {

const clang::LangOptions &cxx23Options() {
  static const clang::LangOptions Options = [] {
    clang::LangOptions LO;
    std::vector<std::string> Includes;
    clang::LangOptions::setLangDefaults(LO, clang::Language::CXX,
                                        llvm::Triple(), Includes,
                                        clang::LangStandard::lang_cxx23);
    return LO;
  }();
  return Options;
}

// Raw-lexer tokens carry locations that are FileLoc plus the byte offset,
// so any valid file location works as a base; no SourceManager is needed.
const clang::SourceLocation LexBase =
    clang::SourceLocation::getFromRawEncoding(1);

size_t offsetOf(const clang::Token &Tok) {
  return Tok.getLocation().getRawEncoding() - LexBase.getRawEncoding();
}

bool isRawIdentifier(const clang::Token &Tok, llvm::StringRef Name) {
  return Tok.is(clang::tok::raw_identifier) && Tok.getRawIdentifier() == Name;
}

/// Replaces each comment in Text with spaces, keeping every offset: a
/// comment between a pragma's words is whitespace to the preprocessor, so
/// it must be to the directive parser too.
void blankOutComments(std::string &Text) {
  if (Text.find('/') == std::string::npos)
    return;
  clang::Lexer Lex(LexBase, cxx23Options(), Text.data(), Text.data(),
                   Text.data() + Text.size());
  Lex.SetCommentRetentionState(true);
  clang::Token Tok;
  for (Lex.LexFromRawLexer(Tok); Tok.isNot(clang::tok::eof);
       Lex.LexFromRawLexer(Tok))
    if (Tok.is(clang::tok::comment))
      std::fill_n(Text.begin() + offsetOf(Tok), Tok.getLength(), ' ');
}

} // namespace

DirectiveCollector::DirectiveCollector(llvm::StringRef Buffer)
    : Buffer(Buffer), Lines(Buffer) {}

void DirectiveCollector::addProblem(size_t Offset, std::string Message) {
  Result.Problems.push_back({Lines.positionOf(Offset), std::move(Message)});
}

void DirectiveCollector::addParsedBody(
    Directive D, const ParsedBody &Body,
    llvm::function_ref<size_t(size_t)> ToBuffer) {
  for (const auto &[Offset, Message] : Body.Problems)
    addProblem(ToBuffer(Offset), Message);
  if (!Body.Kind)
    return; // An unknown kind has no effect (SPEC §1).
  D.Kind = *Body.Kind;
  D.Keys = Body.Keys;
  Result.Directives.push_back(std::move(D));
}

void DirectiveCollector::addComment(size_t Begin, size_t End) {
  llvm::StringRef Comment = Buffer.slice(Begin, End);
  std::optional<CommentDirective> CD = asCommentDirective(Comment);
  if (!CD)
    return;
  Result.TextSpans.emplace_back(Begin, End);
  Directive D;
  D.Source = RegionSource::Annotation;
  D.Start = Lines.positionOf(Begin);
  D.LastLine = Lines.positionOf(End > Begin ? End - 1 : Begin).Line;
  D.TextBegin = Begin;
  D.TextEnd = End;
  const std::vector<size_t> &Map = CD->Spliced.OriginalOffset;
  const size_t BodyOffset = CD->BodyOffset;
  addParsedBody(
      std::move(D), parseDirectiveBody(CD->body()),
      [&](size_t Offset) { return Begin + Map[BodyOffset + Offset]; });
}

void DirectiveCollector::addPragmaLine(size_t HashOffset, size_t BodyBegin,
                                       size_t BodyEnd) {
  // The whole line is the directive's text: the hash drops it entirely.
  const unsigned FirstLine = Lines.positionOf(HashOffset).Line;
  const unsigned LastLine =
      Lines.positionOf(BodyEnd > BodyBegin ? BodyEnd - 1 : BodyBegin).Line;
  Result.TextSpans.emplace_back(Lines.lineStart(FirstLine),
                                Lines.lineEnd(LastLine));
  Directive D;
  D.Source = RegionSource::Pragma;
  D.Start = Lines.positionOf(HashOffset);
  D.LastLine = LastLine;
  D.TextBegin = Result.TextSpans.back().first;
  D.TextEnd = Result.TextSpans.back().second;
  SplicedText Body = removeLineSplices(Buffer.slice(BodyBegin, BodyEnd));
  blankOutComments(Body.Text);
  addParsedBody(
      std::move(D), parseDirectiveBody(Body.Text),
      [&](size_t Offset) { return BodyBegin + Body.OriginalOffset[Offset]; });
}

void DirectiveCollector::addPragmaOperator(size_t Offset,
                                           llvm::StringRef Body) {
  // `_Pragma` text stays part of the code it sits in (it is not a comment or
  // a pragma line), so it has no TextSpan; problems point at `_Pragma`.
  Directive D;
  D.Source = RegionSource::Pragma;
  D.Start = Lines.positionOf(Offset);
  D.LastLine = D.Start.Line;
  addParsedBody(std::move(D), parseDirectiveBody(Body),
                [&](size_t) { return Offset; });
}

void DirectiveCollector::addAttribute(size_t AttrOffset, unsigned DeclLastLine,
                                      llvm::StringRef Keys,
                                      std::optional<size_t> KeysOffset,
                                      std::string EnclosingDecl) {
  Directive D;
  D.Source = RegionSource::Attribute;
  D.Kind = DirectiveKind::Begin;
  D.Start = Lines.positionOf(AttrOffset);
  D.LastLine = D.Start.Line;
  D.DeclLastLine = std::max(DeclLastLine, D.Start.Line);
  D.EnclosingDecl = std::move(EnclosingDecl);
  ParsedBody Body = parseDirectiveKeys(Keys);
  for (const auto &[Offset, Message] : Body.Problems)
    addProblem(KeysOffset ? *KeysOffset + Offset : AttrOffset, Message);
  D.Keys = std::move(Body.Keys);
  Result.Directives.push_back(std::move(D));
}

void DirectiveCollector::scanRange(size_t Begin, size_t End) {
  assert(End <= Buffer.size() && Buffer.data()[Buffer.size()] == '\0' &&
         "the lexer needs a NUL-terminated buffer");
  const char *Start = Buffer.data();
  // The lexer always runs to the buffer's end (it needs the NUL there); we
  // stop reading tokens once they pass End.
  clang::Lexer Lex(LexBase, cxx23Options(), Start, Start + Begin,
                   Start + Buffer.size());
  Lex.SetCommentRetentionState(true);

  clang::Token Tok;
  bool HavePending = false; // Tok was read ahead by the pragma scan.
  size_t LastTokenEnd = Begin;
  while (true) {
    if (!HavePending)
      Lex.LexFromRawLexer(Tok);
    HavePending = false;
    if (Tok.is(clang::tok::eof) || offsetOf(Tok) >= End)
      break;
    const size_t Offset = offsetOf(Tok);
    LastTokenEnd = Offset + Tok.getLength();

    if (Tok.is(clang::tok::comment)) {
      addComment(Offset, LastTokenEnd);
      continue;
    }
    if (Tok.is(clang::tok::unknown)) {
      // An unterminated raw string swallows the rest of the file: say so if
      // it hides what looks like a directive rather than miss it silently.
      if (Buffer.slice(Offset, LastTokenEnd).contains("aiprov"))
        addProblem(Offset, "unterminated literal hides text containing "
                           "'aiprov'; clang ignores it, so no directive in it "
                           "takes effect");
      continue;
    }
    if (!Tok.is(clang::tok::hash) || !Tok.isAtStartOfLine())
      continue;

    // `#pragma aiprov …`: read the rest of the directive line.
    Lex.LexFromRawLexer(Tok);
    if (Tok.isAtStartOfLine() || !isRawIdentifier(Tok, "pragma")) {
      HavePending = true;
      continue;
    }
    Lex.LexFromRawLexer(Tok);
    if (Tok.isAtStartOfLine() || !isRawIdentifier(Tok, "aiprov")) {
      HavePending = true;
      continue;
    }
    const size_t BodyBegin = offsetOf(Tok) + Tok.getLength();
    size_t BodyEnd = BodyBegin;
    std::vector<std::pair<size_t, size_t>> TrailingComments;
    while (true) {
      Lex.LexFromRawLexer(Tok);
      if (Tok.is(clang::tok::eof) || Tok.isAtStartOfLine())
        break;
      if (Tok.is(clang::tok::comment)) {
        TrailingComments.emplace_back(offsetOf(Tok),
                                      offsetOf(Tok) + Tok.getLength());
        continue;
      }
      BodyEnd = offsetOf(Tok) + Tok.getLength();
    }
    HavePending = true;
    addPragmaLine(Offset, BodyBegin, BodyEnd);
    for (auto [B, E] : TrailingComments)
      addComment(B, E);
    LastTokenEnd = TrailingComments.empty()
                       ? BodyEnd
                       : std::max(BodyEnd, TrailingComments.back().second);
  }

  // The raw lexer skips an unterminated block comment at the end of the
  // buffer without a token; find it so a directive in it is not lost
  // silently.
  llvm::StringRef Tail = Buffer.slice(LastTokenEnd, End);
  if (size_t Open = Tail.find("/*");
      Open != llvm::StringRef::npos && Tail.substr(Open).contains("aiprov"))
    addProblem(LastTokenEnd + Open,
               "unterminated block comment holds text containing 'aiprov'; "
               "clang ignores it, so no directive in it takes effect");
}

namespace {

/// Sorts V by Less and drops neighbours that Same calls duplicates: AST mode
/// can see one directive twice (its handler, then a re-lex of a skipped
/// range), and each must count once.
template <typename T, typename LessFn, typename SameFn>
void sortUnique(std::vector<T> &V, LessFn Less, SameFn Same) {
  std::stable_sort(V.begin(), V.end(), Less);
  V.erase(std::unique(V.begin(), V.end(), Same), V.end());
}

} // namespace

CollectedDirectives DirectiveCollector::take() {
  sortUnique(
      Result.Directives,
      [](const Directive &A, const Directive &B) { return A.Start < B.Start; },
      [](const Directive &A, const Directive &B) {
        return A.Start == B.Start && A.Source == B.Source;
      });
  sortUnique(
      Result.Problems,
      [](const DirectiveProblem &A, const DirectiveProblem &B) {
        return std::tie(A.Where, A.Message) < std::tie(B.Where, B.Message);
      },
      [](const DirectiveProblem &A, const DirectiveProblem &B) {
        return A.Where == B.Where && A.Message == B.Message;
      });
  sortUnique(Result.TextSpans, std::less<>(), std::equal_to<>());
  return std::move(Result);
}

} // namespace aiprov
