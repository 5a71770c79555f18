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
// Globs themselves are Wildmatch.cpp's: compiled once, matched without
// backtracking, so no pattern can make a verdict slow.
//
//===----------------------------------------------------------------------===//
#include "aiprov/policy/IgnorePatterns.h"
#include "aiprov/policy/Wildmatch.h"
#include "aiprov/support/Paths.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

namespace aiprov {
namespace {

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

/// Git compares patterns with paths as written, and paths never hold an
/// empty, `.` or `..` component: a pattern that does ("./evals/**",
/// "evals//x", "../repo/x") silently never matches, so it is an error.
/// Body is the pattern after its `!`, anchoring `/` and directory `/`;
/// Offset is where Body starts in the written pattern.
bool checkComponents(llvm::StringRef Body, size_t Offset, PatternError &Err) {
  size_t Start = 0;
  std::string Component; // unescaped: `\.` is a '.' too
  for (size_t I = 0;;) {
    const bool EscapedSlash =
        I + 1 < Body.size() && Body[I] == '\\' && Body[I + 1] == '/';
    if (I < Body.size() && Body[I] != '/' && !EscapedSlash) {
      if (Body[I] == '\\' && I + 1 < Body.size())
        ++I;
      Component.push_back(Body[I++]);
      continue;
    }
    if (Component.empty()) {
      Err = {Offset + Start,
             "an empty path component ('//') never matches, as paths have "
             "none; write a single '/'"};
      return false;
    }
    if (Component == "." || Component == "..") {
      Err = {Offset + Start,
             "a '" + Component +
                 "' path component never matches, as git compares paths "
                 "as written: " +
                 (Component == "."
                      ? "write the path without './' (a leading '/' "
                        "anchors a pattern at its own directory)"
                      : "a pattern cannot reach above the directory it is "
                        "relative to; write the rule in a policy or ignore "
                        "file there")};
      return false;
    }
    if (I >= Body.size())
      return true;
    I += EscapedSlash ? 2 : 1;
    Start = I;
    Component.clear();
  }
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
  Wildmatch Rest;

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

  /// A backslash before a letter or digit escapes nothing (`\t` is `t`),
  /// so in a list of paths it is a Windows-style separator, or an attempt
  /// to hide one: `evals\tasks\**` would silently match nothing. Only
  /// globs hold escapes (a literal prefix stops at the first `\`).
  std::optional<PatternError> findNeedlessEscape() const {
    for (const GlobToken &T : Rest.tokens())
      if (T.K == GlobToken::Literal && T.Escaped && llvm::isAlnum(T.Char))
        return PatternError{T.Offset,
                            "'\\" + std::string(1, T.Char) + "' is just '" +
                                std::string(1, T.Char) +
                                "' (a backslash escapes only * ? [ \\ ! # and "
                                "space); separate directories with '/', as in "
                                "'evals/tasks/**'"};
    return std::nullopt;
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
      std::optional<Wildmatch> Glob = Wildmatch::compile(Body, Offset, Err);
      if (!Glob || !checkComponents(Body, Offset, Err))
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
    std::optional<Wildmatch> Glob =
        Wildmatch::compile(Body.drop_front(Plain), Offset + Plain, Err);
    if (!Glob || !checkComponents(Body, Offset, Err))
      return std::nullopt;
    P.Rest = std::move(*Glob);
    return P;
  }
};

namespace {

/// The code point of the UTF-8 sequence at Text[I] when it is one that
/// renders as nothing or reorders text (C1 controls, zero-width and
/// bidirectional marks, the byte-order mark): in a pattern it only serves
/// to make `evals/**` read as a rule that matches nothing.
std::optional<unsigned> invisibleCodePointAt(llvm::StringRef Text, size_t I) {
  auto Byte = [&](size_t J) {
    return J < Text.size() ? static_cast<unsigned char>(Text[J]) : 0u;
  };
  unsigned Lead = Byte(I);
  if (Lead == 0xC2 && Byte(I + 1) >= 0x80 && Byte(I + 1) <= 0x9F)
    return Byte(I + 1); // U+0080..U+009F
  if (Lead != 0xE2 && Lead != 0xEF)
    return std::nullopt;
  unsigned B1 = Byte(I + 1), B2 = Byte(I + 2);
  if ((B1 & 0xC0) != 0x80 || (B2 & 0xC0) != 0x80)
    return std::nullopt;
  unsigned CodePoint = ((Lead & 0x0F) << 12) | ((B1 & 0x3F) << 6) | (B2 & 0x3F);
  const bool Invisible = (CodePoint >= 0x200B && CodePoint <= 0x200F) ||
                         (CodePoint >= 0x202A && CodePoint <= 0x202E) ||
                         (CodePoint >= 0x2060 && CodePoint <= 0x2069) ||
                         CodePoint == 0xFEFF;
  return Invisible ? std::optional(CodePoint) : std::nullopt;
}

/// What git would match, but only a typo writes in a list of paths (the
/// files aiprov reads on other tools' behalf keep git's reading): a leading
/// space, which git keeps as part of the name, and control or invisible
/// characters, which no file name of a policed tree holds.
std::optional<PatternError> findPolicyOnlyProblem(llvm::StringRef Text) {
  for (size_t I = 0; I < Text.size(); ++I) {
    unsigned char C = static_cast<unsigned char>(Text[I]);
    if (C < 0x20 || C == 0x7f)
      return PatternError{
          I, llvm::formatv("a path pattern cannot contain the control "
                           "character {0:x2}; file names here do not hold "
                           "them",
                           unsigned(C))
                 .str()};
    if (std::optional<unsigned> Hidden = invisibleCodePointAt(Text, I))
      return PatternError{
          I, llvm::formatv("a path pattern cannot contain the invisible "
                           "character U+{0:X-4}, which makes it look like "
                           "a pattern it is not",
                           *Hidden)
                 .str()};
  }
  llvm::StringRef Body = Text;
  size_t Offset = Body.consume_front("!") ? 1 : 0;
  Offset += Body.consume_front("/") ? 1 : 0;
  if (Body.starts_with(" "))
    return PatternError{Offset,
                        "pattern starts with a space, which git keeps as "
                        "part of the name; remove it (or write '\\ ' for a "
                        "name that starts with a space)"};
  return std::nullopt;
}

} // namespace

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
    if (std::optional<PatternError> Odd = findPolicyOnlyProblem(Text))
      return Fail(Odd->Offset, Odd->Message);
    PatternError Err;
    std::optional<Pattern> P = Pattern::compile(Text, L.Line, Err);
    if (!P)
      return Fail(Err.Offset, Err.Message);
    if (std::optional<PatternError> Escape = P->findNeedlessEscape())
      return Fail(Escape->Offset, Escape->Message);
    List.Patterns.push_back(std::move(*P));
  }
  return List;
}

std::optional<llvm::StringRef>
IgnoreList::relativePath(llvm::StringRef Path) const {
  if (BaseDir.empty())
    return Path.empty() ? std::nullopt : std::optional(Path);
  std::optional<llvm::StringRef> Below = pathBelow(Path, BaseDir);
  if (Below && !Below->empty())
    return Below;
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
