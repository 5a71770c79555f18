//===--- IgnorePattern.h - One .gitignore pattern, compiled for Wildmatch -===//
//
// The line half of .gitignore semantics: how git's dir.c reads one pattern
// (`!` negates, a trailing `/` means directories only, a pattern without a
// slash matches the basename at any depth, else it is anchored at its
// file's directory), compiled into a literal shortcut or a Wildmatch glob.
// Which patterns take part for a path, and which one wins, is
// IgnoreStack.h's business.
//
// Patterns git would silently never match (an unterminated `[`, an unknown
// `[:class:]`, a trailing unescaped `\`, a pattern that is only `/` or `!`,
// a `.`, `..` or empty path component) are compile errors, so a typo cannot
// quietly switch a rule off. A list of paths, such as a policy rule's, is
// held to more: what git would match but only a typo writes is an error too.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_POLICY_IGNOREPATTERN_H
#define AIPROV_POLICY_IGNOREPATTERN_H

#include "aiprov/policy/Wildmatch.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace aiprov {

/// Git's trim_trailing_spaces: trailing spaces go unless escaped; a line
/// ending in a lone backslash is left alone.
llvm::StringRef trimTrailingSpaces(llvm::StringRef Line);

/// One compiled pattern. Immutable, safe to share between threads.
class IgnorePattern {
public:
  /// Compiles one line of a .gitignore-like file as git reads it: Text is
  /// already trimmed (trimTrailingSpaces) and not empty. Line is where it
  /// was written. Error offsets are relative to the start of Text.
  static std::optional<IgnorePattern> compile(llvm::StringRef Text,
                                              unsigned Line, PatternError &Err);

  /// Compiles one entry of a list of paths, such as a policy rule's
  /// `paths`: one .gitignore line, except that an entry that would be a
  /// blank line or a `#` comment is an error, and so are line breaks, a
  /// leading space, control and invisible characters, and a backslash that
  /// escapes a letter or digit. Error offsets are relative to the start of
  /// Text as given, before trimming.
  static std::optional<IgnorePattern>
  compilePathEntry(llvm::StringRef Text, unsigned Line, PatternError &Err);

  /// Whether RelPath (relative to the pattern's base directory) matches.
  /// IsDir says whether RelPath names a directory (for `dir/` patterns).
  bool matches(llvm::StringRef RelPath, bool IsDir) const;

  /// The pattern as written, after git's trimming, with any leading `!`.
  llvm::StringRef written() const { return Written; }
  /// The 1-based line it was written on.
  unsigned line() const { return Line; }
  /// True for a `!pattern`, which re-includes what it matches.
  bool negated() const { return Negated; }

private:
  std::optional<PatternError> findNeedlessEscape() const;

  std::string Written;
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
};

} // namespace aiprov

#endif
