//===--- DirectiveParser.cpp - The KEY=VALUE language of directives -------===//
//
// One parser for every directive form (comment, pragma, _Pragma, attribute),
// so a quoting rule or a key check can never differ between them. It never
// fails: each syntax problem is returned with its offset and the valid parts
// still take effect, as SPEC §1 requires for aiprov-malformed-annotation.
//
//===----------------------------------------------------------------------===//
#include "aiprov/directives/Directive.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include <algorithm>
#include <array>
#include <cstring>

namespace aiprov {

llvm::StringRef kindName(DirectiveKind K) {
  switch (K) {
  case DirectiveKind::Begin:
    return "begin";
  case DirectiveKind::End:
    return "end";
  case DirectiveKind::Line:
    return "line";
  case DirectiveKind::NextLine:
    return "next-line";
  case DirectiveKind::File:
    return "file";
  }
  return "?";
}

llvm::StringRef sourceName(RegionSource S) {
  switch (S) {
  case RegionSource::Annotation:
    return "annotation";
  case RegionSource::Pragma:
    return "pragma";
  case RegionSource::Attribute:
    return "attribute";
  case RegionSource::Ledger:
    return "ledger";
  }
  return "?";
}

std::optional<llvm::StringRef> findKey(llvm::ArrayRef<KeyValue> Keys,
                                       llvm::StringRef Key) {
  for (const KeyValue &KV : Keys)
    if (KV.Key == Key)
      return llvm::StringRef(KV.Value);
  return std::nullopt;
}

std::optional<llvm::StringRef> Directive::get(llvm::StringRef Key) const {
  return findKey(Keys, Key);
}

bool isDirectiveSpace(char C) {
  return C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\v' ||
         C == '\f';
}

namespace {

constexpr std::array<llvm::StringLiteral, 8> KnownKeys = {
    "tool",        "model",  "origin", "reviewed-by",
    "reviewed-at", "review", "note",   "ticket"};

bool isLeapYear(unsigned Y) {
  return (Y % 4 == 0 && Y % 100 != 0) || Y % 400 == 0;
}

/// `YYYY-MM-DD` naming a real calendar date.
bool isCalendarDate(llvm::StringRef S) {
  if (S.size() != 10 || S[4] != '-' || S[7] != '-')
    return false;
  for (size_t I : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!llvm::isDigit(S[I]))
      return false;
  unsigned Y, M, D;
  if (S.substr(0, 4).getAsInteger(10, Y) ||
      S.substr(5, 2).getAsInteger(10, M) || S.substr(8, 2).getAsInteger(10, D))
    return false;
  static constexpr unsigned DaysIn[] = {31, 28, 31, 30, 31, 30,
                                        31, 31, 30, 31, 30, 31};
  if (M < 1 || M > 12 || D < 1)
    return false;
  unsigned Max = DaysIn[M - 1] + (M == 2 && isLeapYear(Y) ? 1 : 0);
  return D <= Max;
}

bool isRegionHash(llvm::StringRef S) {
  return S.consume_front("sha256:") && S.size() == 64 &&
         llvm::all_of(S, [](char C) {
           return (C >= '0' && C <= '9') || (C >= 'a' && C <= 'f');
         });
}

/// Why Value is not acceptable for Key, or "" when it is.
std::string checkValue(llvm::StringRef Key, llvm::StringRef Value) {
  if (Key == "origin" &&
      !llvm::is_contained(std::array<llvm::StringRef, 5>{"agent", "completion",
                                                         "chat", "paste",
                                                         "generated"},
                          Value))
    return "bad value '" + Value.str() +
           "' for key 'origin' (expected agent, completion, chat, paste or "
           "generated)";
  if (Key == "reviewed-at" && !isCalendarDate(Value))
    return "bad value '" + Value.str() +
           "' for key 'reviewed-at' (expected a date written YYYY-MM-DD)";
  if (Key == "review" && !isRegionHash(Value))
    return "bad value '" + Value.str() +
           "' for key 'review' (expected 'sha256:' and 64 lowercase hex "
           "digits)";
  return "";
}

/// Reads KEY=VALUE pairs from Text starting at Pos, appending to Out.
void parseKeys(llvm::StringRef Text, size_t Pos, ParsedBody &Out) {
  auto Problem = [&](size_t At, std::string Message) {
    Out.Problems.emplace_back(At, std::move(Message));
  };
  const size_t N = Text.size();
  while (true) {
    while (Pos < N && isDirectiveSpace(Text[Pos]))
      ++Pos;
    if (Pos >= N)
      return;
    const size_t KeyStart = Pos;
    while (Pos < N && !isDirectiveSpace(Text[Pos]) && Text[Pos] != '=')
      ++Pos;
    llvm::StringRef Key = Text.slice(KeyStart, Pos);
    if (Pos >= N || Text[Pos] != '=') {
      Problem(KeyStart, "expected KEY=VALUE, found '" + Key.str() + "'");
      continue;
    }
    ++Pos; // '='
    const size_t ValueStart = Pos;
    std::string Value;
    bool Bad = false;
    if (Pos < N && Text[Pos] == '"') {
      ++Pos;
      bool Closed = false;
      while (Pos < N) {
        char C = Text[Pos++];
        if (C == '"') {
          Closed = true;
          break;
        }
        if (C == '\\') {
          if (Pos < N && (Text[Pos] == '"' || Text[Pos] == '\\')) {
            Value += Text[Pos++];
            continue;
          }
          if (!Bad)
            Problem(Pos - 1, "bad escape in quoted value for key '" +
                                 Key.str() +
                                 "' (only \\\" and \\\\ are allowed)");
          Bad = true;
          continue;
        }
        Value += C;
      }
      if (!Closed) {
        Problem(ValueStart,
                "unterminated quoted value for key '" + Key.str() + "'");
        Bad = true;
      } else if (Pos < N && !isDirectiveSpace(Text[Pos])) {
        Problem(Pos, "expected whitespace after the quoted value of key '" +
                         Key.str() + "'");
        Bad = true;
        while (Pos < N && !isDirectiveSpace(Text[Pos]))
          ++Pos;
      }
    } else {
      while (Pos < N && !isDirectiveSpace(Text[Pos])) {
        if (Text[Pos] == '"' && !Bad) {
          Problem(Pos, "unexpected '\"' in the value of key '" + Key.str() +
                           "' (quote the whole value)");
          Bad = true;
        }
        Value += Text[Pos++];
      }
    }
    if (Bad)
      continue;
    if (!llvm::is_contained(KnownKeys, Key)) {
      Problem(KeyStart, "unknown key '" + Key.str() + "'");
      continue;
    }
    if (Value.empty()) {
      Problem(ValueStart, "empty value for key '" + Key.str() + "'");
      continue;
    }
    if (llvm::any_of(Out.Keys,
                     [&](const KeyValue &KV) { return KV.Key == Key; })) {
      Problem(KeyStart, "repeated key '" + Key.str() + "'");
      continue;
    }
    if (std::string Why = checkValue(Key, Value); !Why.empty()) {
      Problem(ValueStart, std::move(Why));
      continue;
    }
    Out.Keys.push_back({Key.str(), std::move(Value)});
  }
}

} // namespace

ParsedBody parseDirectiveKeys(llvm::StringRef Text) {
  ParsedBody Result;
  parseKeys(Text, 0, Result);
  return Result;
}

ParsedBody parseDirectiveBody(llvm::StringRef Body) {
  ParsedBody Result;
  size_t Pos = 0;
  while (Pos < Body.size() && isDirectiveSpace(Body[Pos]))
    ++Pos;
  const size_t KindStart = Pos;
  while (Pos < Body.size() && !isDirectiveSpace(Body[Pos]))
    ++Pos;
  llvm::StringRef Word = Body.slice(KindStart, Pos);
  Result.Kind = llvm::StringSwitch<std::optional<DirectiveKind>>(Word)
                    .Case("begin", DirectiveKind::Begin)
                    .Case("end", DirectiveKind::End)
                    .Case("line", DirectiveKind::Line)
                    .Case("next-line", DirectiveKind::NextLine)
                    .Case("file", DirectiveKind::File)
                    .Default(std::nullopt);
  if (!Result.Kind) {
    Result.Problems.emplace_back(
        KindStart, Word.empty()
                       ? std::string("missing directive kind (expected begin, "
                                     "end, line, next-line or file)")
                       : "unknown directive kind '" + Word.str() +
                             "' (expected begin, end, line, next-line or "
                             "file); the directive has no effect");
    return Result;
  }
  parseKeys(Body, Pos, Result);
  if (*Result.Kind == DirectiveKind::End && !Result.Keys.empty()) {
    while (Pos < Body.size() && isDirectiveSpace(Body[Pos]))
      ++Pos;
    Result.Problems.emplace_back(Pos, "'end' takes no keys");
    Result.Keys.clear();
  }
  std::stable_sort(
      Result.Problems.begin(), Result.Problems.end(),
      [](const auto &A, const auto &B) { return A.first < B.first; });
  return Result;
}

SplicedText removeLineSplices(llvm::StringRef Raw) {
  SplicedText Out;
  Out.Text.reserve(Raw.size());
  Out.OriginalOffset.reserve(Raw.size() + 1);
  for (size_t I = 0, N = Raw.size(); I < N;) {
    if (Raw[I] == '\\') {
      // Clang accepts horizontal whitespace between the backslash and the
      // newline (with a warning); so do we, to find the same comments.
      size_t J = I + 1;
      while (J < N && (Raw[J] == ' ' || Raw[J] == '\t'))
        ++J;
      if (J < N && (Raw[J] == '\n' || Raw[J] == '\r')) {
        J += (Raw[J] == '\r' && J + 1 < N && Raw[J + 1] == '\n') ? 2 : 1;
        I = J;
        continue;
      }
    }
    Out.Text += Raw[I];
    Out.OriginalOffset.push_back(I);
    ++I;
  }
  Out.OriginalOffset.push_back(Raw.size());
  return Out;
}

std::optional<CommentDirective> asCommentDirective(llvm::StringRef Comment) {
  // Cheap reject first: almost every comment in real code is not ours.
  if (Comment.find("aiprov") == llvm::StringRef::npos &&
      Comment.find('\\') == llvm::StringRef::npos)
    return std::nullopt;
  CommentDirective Result;
  Result.Spliced = removeLineSplices(Comment);
  llvm::StringRef Text = Result.Spliced.Text;
  bool Block = Text.starts_with("/*");
  if (!Block && !Text.starts_with("//"))
    return std::nullopt;
  if (Block && Text.size() >= 4 && Text.ends_with("*/")) {
    Result.Spliced.Text.resize(Text.size() - 2);
    Result.Spliced.OriginalOffset.resize(Result.Spliced.Text.size() + 1);
    Text = Result.Spliced.Text;
  }
  llvm::StringRef Rest = Text.drop_front(2);
  if (Rest.starts_with(Block ? "*" : "/") || Rest.starts_with("!"))
    return std::nullopt; // A doc comment.
  Rest = Rest.ltrim(" \t");
  if (!Rest.starts_with("aiprov:"))
    return std::nullopt;
  Result.BodyOffset = Text.size() - Rest.size() + 7;
  return Result;
}

bool mayContainDirective(llvm::StringRef Buffer) {
  // glibc's memmem is vectorised; this scan is most of lexer mode's time.
  if (::memmem(Buffer.data(), Buffer.size(), "aiprov", 6))
    return true;
  // A line splice may cut the word in two. Only a splice right after a
  // prefix of it ("a", "ai", … "aipro") can, so multi-line macros (common
  // in headers) cost a glance, not a copy of the file.
  for (size_t I = Buffer.find('\\'); I != llvm::StringRef::npos;
       I = Buffer.find('\\', I + 1)) {
    size_t J = I + 1;
    while (J < Buffer.size() && (Buffer[J] == ' ' || Buffer[J] == '\t'))
      ++J;
    if (J >= Buffer.size() || (Buffer[J] != '\n' && Buffer[J] != '\r'))
      continue;
    if (I > 0 && llvm::StringRef("aipro").contains(Buffer[I - 1]))
      return llvm::StringRef(removeLineSplices(Buffer).Text).contains("aiprov");
  }
  return false;
}

std::string formatDirectiveValue(llvm::StringRef Value) {
  if (!Value.empty() && llvm::none_of(Value, [](char C) {
        return isDirectiveSpace(C) || C == '"';
      }))
    return Value.str();
  std::string Out = "\"";
  for (char C : Value) {
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out + "\"";
}

} // namespace aiprov
