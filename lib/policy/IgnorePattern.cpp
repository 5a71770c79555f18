//===--- IgnorePattern.cpp - git's line rules, compiled for Wildmatch -----===//
//
// A re-implementation of how git reads one .gitignore pattern: the line
// rules of dir.c (trailing-space trimming, `!`, `/` anchoring, `dir/`) and
// its two ways of matching a pattern (against the basename when the pattern
// has no slash, else against the path below the .gitignore's directory,
// after a literal prefix). The quirks are kept on purpose, including the
// ones that look like accidents (a `**` right after the literal prefix
// counts as "at the start"), because SPEC §2 defines a match as "what git
// would do" and the tests hold us to `git check-ignore`.
//
// Globs themselves are Wildmatch.cpp's: compiled once, matched without
// backtracking, so no pattern can make a verdict slow.
//
//===----------------------------------------------------------------------===//
#include "aiprov/policy/IgnorePattern.h"
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

bool IgnorePattern::matches(llvm::StringRef RelPath, bool IsDir) const {
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

/// A backslash before a letter or digit escapes nothing (`\t` is `t`), so
/// in a list of paths it is a Windows-style separator, or an attempt to
/// hide one: `evals\tasks\**` would silently match nothing. Only globs hold
/// escapes (a literal prefix stops at the first `\`).
std::optional<PatternError> IgnorePattern::findNeedlessEscape() const {
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

std::optional<IgnorePattern>
IgnorePattern::compile(llvm::StringRef Text, unsigned Line, PatternError &Err) {
  IgnorePattern P;
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

std::optional<IgnorePattern>
IgnorePattern::compilePathEntry(llvm::StringRef Text, unsigned Line,
                                PatternError &Err) {
  auto Fail = [&](size_t Offset, std::string Message) {
    Err = {Offset, std::move(Message)};
    return std::nullopt;
  };
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
    return Fail(Odd->Offset, std::move(Odd->Message));
  std::optional<IgnorePattern> P = compile(Text, Line, Err);
  if (!P)
    return std::nullopt;
  if (std::optional<PatternError> Escape = P->findNeedlessEscape())
    return Fail(Escape->Offset, std::move(Escape->Message));
  return P;
}

} // namespace aiprov
