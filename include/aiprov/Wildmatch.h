//===--- Wildmatch.h - git's glob language, matched in polynomial time ----===//
//
// The glob half of .gitignore semantics (IgnorePatterns.h does the line
// rules and the nesting): git's wildmatch in WM_PATHNAME mode, where `*`,
// `?` and character classes never match a '/', and a `**` standing alone
// between slashes spans directories.
//
// Git matches by backtracking, which a committed pattern can make take
// hours (`*a*a*a*a*a*a*b` against a 200-character name, or ten `**/` in a
// row). A glob is a regular language, so here it is compiled into tokens and
// run as an NFA: the set of "tokens matched so far" advances one character
// at a time, in O(tokens × characters) steps for any input.
// Git's early aborts only ever prune matches that cannot succeed, so the
// answers are git's; the unit tests hold both to `git check-ignore` and to
// a transcription of git's backtracking on random patterns.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_WILDMATCH_H
#define AIPROV_WILDMATCH_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aiprov {

/// A compile error: the message and the byte offset it points at within the
/// written pattern.
struct PatternError {
  size_t Offset = 0;
  std::string Message;
};

/// A piece of a compiled glob.
struct GlobToken {
  enum Kind : unsigned char { Literal, AnyChar, Star, Class };
  Kind K = Literal;
  char Char = 0; // Literal
  /// Literal written as `\x`.
  bool Escaped = false;
  /// Star: a `**` standing alone between slashes; it may span directories.
  bool CrossesSlash = false;
  /// Star: a `**` followed by `/`, which may also match no directory at all
  /// (the next token is that '/').
  bool MayMatchNoDirectory = false;
  unsigned ClassIndex = 0; // Class
  /// Where the token was written: its offset in the glob plus the
  /// ErrorBase given to compile().
  size_t Offset = 0;
};

using GlobCharSet = std::bitset<256>;

/// One compiled glob. Immutable, safe to share between threads.
class Wildmatch {
public:
  /// Compiles G as git's wildmatch reads it. A `**` counts as "at the
  /// start" when it starts G, as git's quirk has it for the text after a
  /// pattern's literal prefix. Error offsets are relative to G plus
  /// ErrorBase.
  static std::optional<Wildmatch> compile(llvm::StringRef G, size_t ErrorBase,
                                          PatternError &Err);

  /// True when the whole of Text matches. Work is at most
  /// 2 × (tokens().size() + 1) × (Text.size() + 1) state steps; when Steps
  /// is given, the steps taken are added to it (the tests bound them).
  bool matches(llvm::StringRef Text, uint64_t *Steps = nullptr) const;

  llvm::ArrayRef<GlobToken> tokens() const { return Tokens; }
  const GlobCharSet &charClass(unsigned Index) const { return Classes[Index]; }

private:
  std::vector<GlobToken> Tokens;
  std::vector<GlobCharSet> Classes;
};

/// True for the characters that make a pattern a glob (git's
/// is_glob_special).
inline bool isGlobSpecial(char C) {
  return C == '*' || C == '?' || C == '[' || C == '\\';
}

} // namespace aiprov

#endif
