//===--- Wildmatch.h - git's glob language, matched in polynomial time ----===//
//
// The glob half of .gitignore semantics (IgnorePattern.h does the line
// rules, IgnoreStack.h the nesting): git's wildmatch in WM_PATHNAME mode,
// where `*`, `?` and character classes never match a '/', and a `**`
// standing alone between slashes spans directories.
//
// Git matches by backtracking, which a committed pattern can make take
// hours (`*a*a*a*a*a*a*b` against a 200-character name, or ten `**/` in a
// row). A glob is a regular language, so it can also run as an NFA: the set
// of "tokens matched so far" advances one character at a time, in
// O(tokens × characters) steps for any input. Backtracking is 10-30 times
// faster on the patterns people write, so matching backtracks on a budget
// of that order and hands over to the NFA when it runs out: ordinary
// patterns cost what they did, hostile ones stay polynomial. Git's early
// aborts only ever prune matches that cannot succeed, so both give git's
// answers; the unit tests hold them to `git check-ignore` and to each other
// on random patterns.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_POLICY_WILDMATCH_H
#define AIPROV_POLICY_WILDMATCH_H

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

  /// How matches() works. Auto is what callers want; the other two exist
  /// so the tests can hold each to the other.
  enum class Engine {
    /// Git's backtracking, which is fastest on ordinary patterns, given a
    /// budget of 2 x (tokens + 1) x (characters + 1) steps; past it, the
    /// automaton decides. At most twice the automaton's work in all.
    Auto,
    /// Git's backtracking alone, without a budget: exponential at worst.
    Backtracking,
    /// The automaton alone: at most 2 x (tokens + 1) x (characters + 1)
    /// steps.
    Automaton,
  };

  /// True when the whole of Text matches. When Steps is given, the steps
  /// taken are added to it (the tests bound them): for Auto, at most
  /// 4 x (tokens().size() + 1) x (Text.size() + 1).
  bool matches(llvm::StringRef Text, uint64_t *Steps = nullptr,
               Engine How = Engine::Auto) const;

  llvm::ArrayRef<GlobToken> tokens() const { return Tokens; }
  const GlobCharSet &charClass(unsigned Index) const { return Classes[Index]; }

private:
  enum class Backtrack { Match, NoMatch, AbortAll, AbortToDoubleStar, Spent };
  Backtrack backtrack(llvm::StringRef Text, size_t TI, size_t XI,
                      uint64_t &Budget) const;
  bool runAutomaton(llvm::StringRef Text, uint64_t &Steps) const;

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
