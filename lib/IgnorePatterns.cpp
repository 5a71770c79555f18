//===--- IgnorePatterns.cpp - .gitignore semantics, git for the oracle ----===//
//
// A re-implementation of how git decides that a path is ignored: the line
// rules of dir.c (trailing-space trimming, `!`, `/` anchoring, `dir/`), its
// two ways of matching a pattern (against the basename when the pattern has
// no slash, else against the path below the .gitignore's directory, after a
// literal prefix) and wildmatch's glob semantics. The quirks are kept on
// purpose, including the ones that look like accidents (a `**` right after
// the literal prefix counts as "at the start"), because SPEC §2 defines a
// match as "what git would do" and the tests hold us to `git check-ignore`.
//
// Globs are compiled once into tokens with character classes folded into
// 256-bit sets, so matching a path is a short backtracking walk with no
// parsing; the walker calls it for every directory entry.
//
//===----------------------------------------------------------------------===//
#include "aiprov/IgnorePatterns.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include <bitset>

namespace aiprov {
namespace {

using CharSet = std::bitset<256>;

/// A piece of a compiled glob.
struct GlobToken {
  enum Kind : unsigned char { Literal, AnyChar, Star, Class };
  Kind K = Literal;
  char Char = 0; // Literal
  /// Literal written as `\x`. Git only fast-forwards a `*` to the next
  /// occurrence of an unescaped literal; keeping the distinction keeps its
  /// (otherwise invisible) early-abort decisions identical to ours.
  bool Escaped = false;
  /// Star: a `**` standing alone between slashes; it may span directories.
  bool CrossesSlash = false;
  /// Star: a `**` followed by `/`, which may also match no directory at all.
  bool MayMatchNoDirectory = false;
  unsigned ClassIndex = 0; // Class
};

/// Outcomes of matching a glob suffix, as in wildmatch: the two "abort"
/// results tell enclosing stars that trying longer stretches is pointless.
enum class GlobResult { Match, NoMatch, AbortAll, AbortToDoubleStar };

/// A glob in wildmatch's WM_PATHNAME mode: `*`, `?` and classes never match
/// a slash; a `**` between slashes spans directories.
class CompiledGlob {
public:
  std::vector<GlobToken> Tokens;
  std::vector<CharSet> Classes;

  bool matches(llvm::StringRef Text) const {
    return matchFrom(Text, 0, 0) == GlobResult::Match;
  }

private:
  GlobResult matchFrom(llvm::StringRef Text, size_t TI, size_t XI) const {
    for (; TI < Tokens.size(); ++TI, ++XI) {
      const GlobToken &T = Tokens[TI];
      if (XI == Text.size() && T.K != GlobToken::Star)
        return GlobResult::AbortAll;
      switch (T.K) {
      case GlobToken::Literal:
        if (Text[XI] != T.Char)
          return GlobResult::NoMatch;
        continue;
      case GlobToken::AnyChar:
        if (Text[XI] == '/')
          return GlobResult::NoMatch;
        continue;
      case GlobToken::Class:
        if (!Classes[T.ClassIndex].test((unsigned char)Text[XI]))
          return GlobResult::NoMatch;
        continue;
      case GlobToken::Star:
        break;
      }

      // "a/**/b" also matches "a/b": try skipping the "**/" entirely.
      if (T.MayMatchNoDirectory &&
          matchFrom(Text, TI + 2, XI) == GlobResult::Match)
        return GlobResult::Match;
      if (TI + 1 == Tokens.size()) {
        // A trailing `**` takes everything; a trailing `*` only the rest of
        // the last path component.
        if (!T.CrossesSlash && Text.find('/', XI) != llvm::StringRef::npos)
          return GlobResult::NoMatch;
        return GlobResult::Match;
      }
      const GlobToken &Next = Tokens[TI + 1];
      const bool NextIsPlainLiteral =
          Next.K == GlobToken::Literal && !Next.Escaped;
      if (!T.CrossesSlash && NextIsPlainLiteral && Next.Char == '/') {
        // `*/`: the star takes exactly the rest of this component.
        size_t Slash = Text.find('/', XI);
        if (Slash == llvm::StringRef::npos)
          return GlobResult::NoMatch;
        XI = Slash;
        ++TI; // the loop step consumes the slash on both sides
        continue;
      }
      for (;;) {
        if (XI == Text.size())
          break;
        if (NextIsPlainLiteral) {
          // Skip to the next place the following literal could match.
          while (XI < Text.size() && Text[XI] != Next.Char &&
                 (T.CrossesSlash || Text[XI] != '/'))
            ++XI;
          if (XI == Text.size() || Text[XI] != Next.Char)
            return GlobResult::NoMatch;
        }
        GlobResult R = matchFrom(Text, TI + 1, XI);
        if (R != GlobResult::NoMatch) {
          if (!T.CrossesSlash || R != GlobResult::AbortToDoubleStar)
            return R;
        } else if (!T.CrossesSlash && Text[XI] == '/') {
          return GlobResult::AbortToDoubleStar;
        }
        ++XI;
      }
      return GlobResult::AbortAll;
    }
    return XI == Text.size() ? GlobResult::Match : GlobResult::NoMatch;
  }
};

/// A compile error: the message and the byte offset it points at within the
/// written pattern.
struct PatternError {
  size_t Offset;
  std::string Message;
};

/// Git's character classes are ASCII-only (its own ctype table), so these
/// are spelled out rather than taken from the C library's locale.
std::optional<CharSet> namedClass(llvm::StringRef Name) {
  CharSet Set;
  auto AddRange = [&](unsigned char From, unsigned char To) {
    for (unsigned C = From; C <= To; ++C)
      Set.set(C);
  };
  auto AddChars = [&](llvm::StringRef Chars) {
    for (char C : Chars)
      Set.set((unsigned char)C);
  };
  if (Name == "alnum") {
    AddRange('a', 'z');
    AddRange('A', 'Z');
    AddRange('0', '9');
  } else if (Name == "alpha") {
    AddRange('a', 'z');
    AddRange('A', 'Z');
  } else if (Name == "blank") {
    AddChars(" \t");
  } else if (Name == "cntrl") {
    AddRange(0, 0x1f);
    Set.set(0x7f);
  } else if (Name == "digit") {
    AddRange('0', '9');
  } else if (Name == "graph") {
    AddRange(0x21, 0x7e);
  } else if (Name == "lower") {
    AddRange('a', 'z');
  } else if (Name == "print") {
    AddRange(0x20, 0x7e);
  } else if (Name == "punct") {
    AddRange(0x21, 0x2f);
    AddRange(0x3a, 0x40);
    AddRange(0x5b, 0x60);
    AddRange(0x7b, 0x7e);
  } else if (Name == "space") {
    AddChars(" \t\n\r");
  } else if (Name == "upper") {
    AddRange('A', 'Z');
  } else if (Name == "xdigit") {
    AddRange('0', '9');
    AddRange('a', 'f');
    AddRange('A', 'F');
  } else {
    return std::nullopt;
  }
  return Set;
}

/// Parses the class starting at G[Open] == '[' the way wildmatch reads it
/// (a `]` right after `[`, `[!` or `[^` is a member; `[:name:]` inside;
/// `a-z` ranges; `\` escapes). Returns the set and the offset of the
/// closing `]`.
llvm::Expected<std::pair<CharSet, size_t>>
parseClass(llvm::StringRef G, size_t Open, PatternError &Err) {
  auto Fail = [&](size_t Offset, std::string Message) {
    Err = {Offset, std::move(Message)};
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "class");
  };
  auto At = [&](size_t I) -> char { return I < G.size() ? G[I] : '\0'; };
  const std::string Unterminated =
      "unterminated character class: add ']' or write '\\[' for a literal "
      "'['";
  CharSet Set;
  size_t I = Open + 1;
  bool Negated = At(I) == '!' || At(I) == '^';
  if (Negated)
    ++I;
  unsigned char Prev = 0; // range start candidate; 0 after a range or class
  for (bool First = true; First || At(I) != ']'; First = false) {
    char C = At(I);
    if (I >= G.size())
      return Fail(Open, Unterminated);
    unsigned char Member = (unsigned char)C;
    if (C == '\\') {
      if (++I >= G.size())
        return Fail(Open, Unterminated);
      Member = (unsigned char)G[I];
      Set.set(Member);
    } else if (C == '-' && Prev && I + 1 < G.size() && G[I + 1] != ']') {
      ++I;
      unsigned char To = (unsigned char)G[I];
      if (To == '\\') {
        if (++I >= G.size())
          return Fail(Open, Unterminated);
        To = (unsigned char)G[I];
      }
      for (unsigned Ch = Prev; Ch <= To; ++Ch)
        Set.set(Ch);
      Member = 0;
    } else if (C == '[' && At(I + 1) == ':') {
      size_t NameStart = I + 2;
      size_t Close = G.find(']', NameStart);
      if (Close == llvm::StringRef::npos)
        return Fail(Open, Unterminated);
      if (Close == NameStart || G[Close - 1] != ':') {
        // Not "[:name:]" after all: a literal '['.
        Set.set('[');
      } else {
        llvm::StringRef Name = G.slice(NameStart, Close - 1);
        std::optional<CharSet> Named = namedClass(Name);
        if (!Named)
          return Fail(I, "unknown character class '[:" + Name.str() +
                             ":]'; git knows alnum, alpha, blank, cntrl, "
                             "digit, graph, lower, print, punct, space, "
                             "upper and xdigit");
        Set |= *Named;
        I = Close;
        Member = 0;
      }
    } else {
      Set.set(Member);
    }
    Prev = Member;
    ++I;
  }
  if (Negated)
    Set.flip();
  Set.reset('/'); // never matches a slash (WM_PATHNAME)
  return std::make_pair(Set, I);
}

/// Compiles a glob. Offsets in errors are relative to G plus ErrorBase.
std::optional<CompiledGlob> compileGlob(llvm::StringRef G, size_t ErrorBase,
                                        PatternError &Err) {
  CompiledGlob Out;
  for (size_t I = 0; I < G.size();) {
    GlobToken T;
    switch (G[I]) {
    case '\\':
      if (I + 1 == G.size()) {
        Err = {ErrorBase + I, "pattern ends with an unescaped '\\', which git "
                              "never matches; write '\\\\' for a literal "
                              "backslash"};
        return std::nullopt;
      }
      T.Char = G[I + 1];
      T.Escaped = true;
      I += 2;
      break;
    case '?':
      T.K = GlobToken::AnyChar;
      ++I;
      break;
    case '*': {
      T.K = GlobToken::Star;
      size_t End = I + 1;
      while (End < G.size() && G[End] == '*')
        ++End;
      if (End - I >= 2) {
        bool AfterSlash = I == 0 || G[I - 1] == '/';
        bool BeforeSlash = End == G.size() || G[End] == '/' ||
                           G.substr(End).starts_with("\\/");
        if (AfterSlash && BeforeSlash) {
          T.CrossesSlash = true;
          T.MayMatchNoDirectory = End < G.size() && G[End] == '/';
        }
      }
      I = End;
      break;
    }
    case '[': {
      PatternError ClassErr;
      auto Parsed = parseClass(G, I, ClassErr);
      if (!Parsed) {
        llvm::consumeError(Parsed.takeError());
        Err = {ErrorBase + ClassErr.Offset, ClassErr.Message};
        return std::nullopt;
      }
      T.K = GlobToken::Class;
      T.ClassIndex = Out.Classes.size();
      Out.Classes.push_back(Parsed->first);
      I = Parsed->second + 1;
      break;
    }
    default:
      T.Char = G[I];
      ++I;
      break;
    }
    Out.Tokens.push_back(T);
  }
  return Out;
}

bool isGlobSpecial(char C) {
  return C == '*' || C == '?' || C == '[' || C == '\\';
}

/// Length of the leading part of S without glob characters (git's
/// simple_length).
size_t literalPrefixLength(llvm::StringRef S) {
  size_t I = 0;
  while (I < S.size() && !isGlobSpecial(S[I]))
    ++I;
  return I;
}

/// Git's trim_trailing_spaces: trailing spaces go unless escaped; a line
/// ending in a lone backslash is left alone.
llvm::StringRef trimTrailingSpaces(llvm::StringRef Line) {
  size_t KeepTo = Line.size();
  bool InSpaceRun = false;
  for (size_t I = 0; I < Line.size(); ++I) {
    if (Line[I] == ' ') {
      if (!InSpaceRun)
        KeepTo = I;
      InSpaceRun = true;
      continue;
    }
    if (Line[I] == '\\') {
      if (I + 1 == Line.size())
        return Line;
      ++I; // the escaped character, a space or not, is kept
    }
    InSpaceRun = false;
    KeepTo = Line.size();
  }
  return InSpaceRun ? Line.take_front(KeepTo) : Line;
}

std::string formatError(llvm::StringRef Origin, unsigned Line, unsigned Column,
                        llvm::StringRef Message) {
  return llvm::formatv("{0}:{1}:{2}: error: {3}", Origin, Line, Column, Message)
      .str();
}

} // namespace

struct IgnoreList::Pattern {
  std::string Written; // after trimming, with any leading '!'
  unsigned Line = 0;
  bool Negated = false;
  bool DirectoryOnly = false;
  /// No slash in the pattern: it is matched against the last path
  /// component, at any depth.
  bool BasenameOnly = false;
  enum class Shape { Exact, EndsWith, Glob } BasenameShape = Shape::Glob;
  /// Basename patterns: the whole literal (Exact) or the suffix after `*`
  /// (EndsWith). Path patterns: the literal prefix compared before the glob.
  std::string Literal;
  CompiledGlob Rest;

  bool matches(llvm::StringRef RelPath, bool IsDir) const {
    if (DirectoryOnly && !IsDir)
      return false;
    if (BasenameOnly) {
      llvm::StringRef Base = RelPath.substr(RelPath.rfind('/') + 1);
      switch (BasenameShape) {
      case Shape::Exact:
        return Base == Literal;
      case Shape::EndsWith:
        return Base.ends_with(Literal);
      case Shape::Glob:
        return Rest.matches(Base);
      }
    }
    if (!RelPath.starts_with(Literal))
      return false;
    return Rest.matches(RelPath.drop_front(Literal.size()));
  }

  /// Compiles one trimmed, non-empty line; error offsets are relative to
  /// the start of Text.
  static std::optional<Pattern> compile(llvm::StringRef Text, unsigned Line,
                                        PatternError &Err) {
    Pattern P;
    P.Written = Text.str();
    P.Line = Line;
    llvm::StringRef Body = Text;
    size_t Offset = 0;
    if (Body.consume_front("!")) {
      P.Negated = true;
      Offset = 1;
    }
    if (Body.consume_back("/"))
      P.DirectoryOnly = true;
    P.BasenameOnly = !Body.contains('/');
    if (!P.BasenameOnly && Body.consume_front("/"))
      ++Offset;
    if (Body.empty()) {
      Err = {0, "pattern '" + Text.str() +
                    "' matches nothing in git; write '*' or '**' to match "
                    "everything"};
      return std::nullopt;
    }
    if (P.BasenameOnly) {
      // Validate (and usually keep) the full glob even when a shortcut
      // applies, so errors do not depend on the shape.
      std::optional<CompiledGlob> Glob = compileGlob(Body, Offset, Err);
      if (!Glob)
        return std::nullopt;
      size_t Plain = literalPrefixLength(Body);
      if (Plain == Body.size()) {
        P.BasenameShape = Shape::Exact;
        P.Literal = Body.str();
      } else if (Body[0] == '*' &&
                 literalPrefixLength(Body.drop_front()) == Body.size() - 1) {
        P.BasenameShape = Shape::EndsWith;
        P.Literal = Body.drop_front().str();
      } else {
        P.Rest = std::move(*Glob);
      }
      return P;
    }
    size_t Plain = literalPrefixLength(Body);
    P.Literal = Body.take_front(Plain).str();
    std::optional<CompiledGlob> Glob =
        compileGlob(Body.drop_front(Plain), Offset + Plain, Err);
    if (!Glob)
      return std::nullopt;
    P.Rest = std::move(*Glob);
    return P;
  }
};

IgnoreList::IgnoreList() = default;
IgnoreList::IgnoreList(IgnoreList &&) noexcept = default;
IgnoreList &IgnoreList::operator=(IgnoreList &&) noexcept = default;
IgnoreList::~IgnoreList() = default;

bool IgnoreList::empty() const { return Patterns.empty(); }

namespace {

/// Splits a .gitignore the way git reads it and calls Visit(Text, Line) for
/// each line that holds a pattern.
template <typename Fn>
void forEachPatternLine(llvm::StringRef Contents, Fn Visit) {
  Contents.consume_front("\xEF\xBB\xBF");
  unsigned LineNo = 0;
  while (!Contents.empty()) {
    auto [Line, Rest] = Contents.split('\n');
    Contents = Rest;
    ++LineNo;
    if (Line.empty() || Line.front() == '#')
      continue;
    Line.consume_back("\r");
    Line = trimTrailingSpaces(Line);
    if (!Line.empty())
      Visit(Line, LineNo);
  }
}

std::string normalizedBase(llvm::StringRef BaseDir) {
  if (BaseDir.size() > 1)
    BaseDir.consume_back("/");
  return BaseDir.str();
}

} // namespace

llvm::Expected<IgnoreList> IgnoreList::parse(llvm::StringRef Contents,
                                             llvm::StringRef BaseDir,
                                             llvm::StringRef Origin) {
  IgnoreList List;
  List.BaseDir = normalizedBase(BaseDir);
  List.Origin = Origin.str();
  std::string FirstError;
  forEachPatternLine(Contents, [&](llvm::StringRef Text, unsigned Line) {
    if (!FirstError.empty())
      return;
    PatternError Err;
    if (std::optional<Pattern> P = Pattern::compile(Text, Line, Err))
      List.Patterns.push_back(std::move(*P));
    else
      FirstError = formatError(Origin, Line, Err.Offset + 1, Err.Message);
  });
  if (!FirstError.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(), FirstError);
  return List;
}

IgnoreList IgnoreList::parseLenient(llvm::StringRef Contents,
                                    llvm::StringRef BaseDir,
                                    llvm::StringRef Origin,
                                    std::vector<std::string> *Problems) {
  IgnoreList List;
  List.BaseDir = normalizedBase(BaseDir);
  List.Origin = Origin.str();
  forEachPatternLine(Contents, [&](llvm::StringRef Text, unsigned Line) {
    PatternError Err;
    if (std::optional<Pattern> P = Pattern::compile(Text, Line, Err))
      List.Patterns.push_back(std::move(*P));
    else if (Problems)
      Problems->push_back(
          formatError(Origin, Line, Err.Offset + 1, Err.Message));
  });
  return List;
}

llvm::Expected<IgnoreList>
IgnoreList::fromLines(llvm::ArrayRef<PatternLine> Lines,
                      llvm::StringRef BaseDir, llvm::StringRef Origin) {
  IgnoreList List;
  List.BaseDir = normalizedBase(BaseDir);
  List.Origin = Origin.str();
  for (const PatternLine &L : Lines) {
    auto Fail = [&](size_t Offset, const llvm::Twine &Message) {
      unsigned Column = L.Column + (L.ColumnsAreExact ? Offset : 0);
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          formatError(Origin, L.Line, Column, Message.str()));
    };
    llvm::StringRef Text = L.Text;
    size_t Newline = Text.find_first_of("\r\n");
    if (Newline != llvm::StringRef::npos)
      return Fail(Newline, "a path pattern cannot contain a line break");
    if (Text.starts_with("#"))
      return Fail(0, "a pattern starting with '#' is a comment in .gitignore "
                     "syntax and matches nothing; write '\\#' for a literal "
                     "'#'");
    Text = trimTrailingSpaces(Text);
    if (Text.empty())
      return Fail(0, "empty path pattern matches nothing");
    PatternError Err;
    std::optional<Pattern> P = Pattern::compile(Text, L.Line, Err);
    if (!P)
      return Fail(Err.Offset, Err.Message);
    List.Patterns.push_back(std::move(*P));
  }
  return List;
}

std::optional<llvm::StringRef>
IgnoreList::relativePath(llvm::StringRef Path) const {
  if (BaseDir.empty())
    return Path.empty() ? std::nullopt : std::optional(Path);
  if (BaseDir == "/") {
    if (Path.size() > 1 && Path.front() == '/')
      return Path.drop_front();
    return std::nullopt;
  }
  if (Path.size() > BaseDir.size() + 1 && Path.starts_with(BaseDir) &&
      Path[BaseDir.size()] == '/')
    return Path.drop_front(BaseDir.size() + 1);
  return std::nullopt;
}

std::optional<IgnoreMatch> IgnoreList::lastMatch(llvm::StringRef RelPath,
                                                 bool IsDir) const {
  for (auto It = Patterns.rbegin(), End = Patterns.rend(); It != End; ++It)
    if (It->matches(RelPath, IsDir))
      return IgnoreMatch{It->Negated, It->Written, Origin, It->Line};
  return std::nullopt;
}

std::optional<IgnoreMatch> IgnoreList::match(llvm::StringRef RelPath,
                                             bool IsDir) const {
  // An excluded directory decides for everything below it; git never even
  // looks at patterns that would re-include something inside.
  for (size_t Slash = RelPath.find('/'); Slash != llvm::StringRef::npos;
       Slash = RelPath.find('/', Slash + 1)) {
    std::optional<IgnoreMatch> M = lastMatch(RelPath.take_front(Slash), true);
    if (isIgnored(M))
      return M;
  }
  return lastMatch(RelPath, IsDir);
}

std::optional<IgnoreMatch> IgnoreStack::matchEntry(llvm::StringRef Path,
                                                   bool IsDir) const {
  for (auto It = Lists.rbegin(), End = Lists.rend(); It != End; ++It)
    if (std::optional<llvm::StringRef> Rel = (*It)->relativePath(Path))
      if (std::optional<IgnoreMatch> M = (*It)->lastMatch(*Rel, IsDir))
        return M;
  return std::nullopt;
}

std::optional<IgnoreMatch> IgnoreStack::match(llvm::StringRef Path,
                                              bool IsDir) const {
  if (Lists.empty())
    return std::nullopt;
  std::optional<llvm::StringRef> BelowTop = Lists.front()->relativePath(Path);
  if (!BelowTop)
    return std::nullopt;
  const size_t TopLength = Path.size() - BelowTop->size();
  // Leading directories, outermost first. A list only has a say on paths
  // strictly below its own directory, which matchEntry checks: a
  // directory's own .gitignore does not decide whether it is excluded.
  for (size_t Slash = BelowTop->find('/'); Slash != llvm::StringRef::npos;
       Slash = BelowTop->find('/', Slash + 1)) {
    std::optional<IgnoreMatch> M =
        matchEntry(Path.take_front(TopLength + Slash), true);
    if (isIgnored(M))
      return M;
  }
  return matchEntry(Path, IsDir);
}

} // namespace aiprov
