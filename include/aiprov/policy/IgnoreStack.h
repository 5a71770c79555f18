//===--- IgnoreStack.h - .gitignore semantics, git for the oracle ---------===//
//
// SPEC §2 defines a policy rule's `paths` by what git would do with them as
// a .gitignore, and the ignore files a policy honours (.aiexclude, …) and the
// file walker's .gitignore handling are .gitignore files outright. One
// matcher serves all three so they cannot drift apart, and it follows git's
// own algorithm (dir.c + wildmatch) closely enough that the unit tests use
// `git check-ignore` as the oracle.
//
// Two layers, as in git, over the patterns IgnorePattern.h compiles:
//  - IgnoreList: the patterns of one file (or one rule) anchored at a base
//    directory; the last matching pattern wins.
//  - IgnoreStack: nested lists, like nested .gitignore files; a deeper list
//    that has any opinion on a path overrides the shallower ones.
// Both apply git's directory rule: once a directory is excluded, nothing
// below it can be re-included.
//
// A pattern that cannot compile is reported as "ORIGIN:LINE:COL: error: …"
// so a typo in a policy cannot quietly switch a rule off.
//
// Paths are '/'-separated. Compiled lists are immutable and safe to share
// between threads.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_POLICY_IGNORESTACK_H
#define AIPROV_POLICY_IGNORESTACK_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace aiprov {

// Only declared here (hence IgnoreList's out-of-line special members), so
// that the policy's users do not all compile Wildmatch.h.
class IgnorePattern;

/// One pattern line handed to IgnoreList::fromLines, with where it was
/// written so errors can point at it.
struct PatternLine {
  std::string Text;
  unsigned Line = 0;   // 1-based line in the origin file
  unsigned Column = 1; // 1-based byte column where Text starts on that line
  /// False when Text was unescaped from a quoted string, so offsets into it
  /// are not columns: errors then point at Column itself.
  bool ColumnsAreExact = true;
};

/// The pattern that decided a match. The StringRefs point into the list that
/// produced the match and live as long as it does.
struct IgnoreMatch {
  /// True for a `!pattern`: the path is explicitly *not* ignored.
  bool Negated = false;
  /// The pattern as written, after git's trimming (keeps a leading `!`).
  llvm::StringRef Pattern;
  /// The file (or policy) the pattern came from, as given to the list.
  llvm::StringRef Origin;
  unsigned Line = 0; // 1-based
};

/// True when M says the path is ignored (matched, and not by a `!` pattern).
inline bool isIgnored(const std::optional<IgnoreMatch> &M) {
  return M && !M->Negated;
}

/// The compiled patterns of one .gitignore-like file, anchored at BaseDir.
class IgnoreList {
public:
  IgnoreList();
  IgnoreList(IgnoreList &&) noexcept;
  IgnoreList &operator=(IgnoreList &&) noexcept;
  ~IgnoreList();

  /// Compiles the contents of a .gitignore-like file: blank lines and `#`
  /// comments skipped, `\r\n` accepted, a UTF-8 byte-order mark ignored.
  /// BaseDir is the directory the patterns are relative to ('/'-separated,
  /// no trailing slash; "" when paths are given relative to it already).
  /// Origin names the file in errors: "ORIGIN:LINE:COL: error: …" for the
  /// first pattern that cannot be compiled.
  static llvm::Expected<IgnoreList> parse(llvm::StringRef Contents,
                                          llvm::StringRef BaseDir,
                                          llvm::StringRef Origin);

  /// Like parse(), but a broken pattern is dropped (it never matches, as in
  /// git) and its error appended to Problems when given. For files aiprov
  /// only honours on git's behalf, such as .gitignore while walking.
  static IgnoreList parseLenient(llvm::StringRef Contents,
                                 llvm::StringRef BaseDir,
                                 llvm::StringRef Origin,
                                 std::vector<std::string> *Problems = nullptr);

  /// Compiles patterns given one per entry, such as a policy rule's `paths`.
  /// Each entry is one .gitignore line, held to IgnorePattern's stricter
  /// reading of a path entry (compilePathEntry): an entry that would be a
  /// blank line or a `#` comment is an error, as in a list of paths it can
  /// only be a mistake.
  static llvm::Expected<IgnoreList> fromLines(llvm::ArrayRef<PatternLine> Lines,
                                              llvm::StringRef BaseDir,
                                              llvm::StringRef Origin);

  llvm::StringRef baseDir() const { return BaseDir; }
  llvm::StringRef origin() const { return Origin; }
  bool empty() const;

  /// Git's verdict for RelPath (relative to baseDir()) with this list alone:
  /// each leading directory is tried first and an excluded one decides for
  /// everything below it; then the last pattern matching RelPath itself.
  /// IsDir says whether RelPath names a directory (for `dir/` patterns).
  std::optional<IgnoreMatch> match(llvm::StringRef RelPath, bool IsDir) const;

  /// The last pattern matching RelPath itself, leading directories not
  /// considered. For walkers, which never descend into excluded directories.
  std::optional<IgnoreMatch> lastMatch(llvm::StringRef RelPath,
                                       bool IsDir) const;

  /// RelPath of Path under baseDir(), or nullopt when Path is not strictly
  /// below it.
  std::optional<llvm::StringRef> relativePath(llvm::StringRef Path) const;

private:
  std::string BaseDir;
  std::string Origin;
  std::vector<IgnorePattern> Patterns;
};

/// Nested lists, outermost first, like the .gitignore files from a
/// repository's root down to a file's directory. Every list's base must be
/// the outermost list's base or below it. Cheap to copy.
class IgnoreStack {
public:
  void push(std::shared_ptr<const IgnoreList> List) {
    Lists.push_back(std::move(List));
  }
  void pop() { Lists.pop_back(); }
  bool empty() const { return Lists.empty(); }
  size_t size() const { return Lists.size(); }

  /// Git's verdict for Path (in the lists' coordinates, usually absolute):
  /// each leading directory below the outermost base is tried against the
  /// lists above it, and an excluded one decides; then Path itself. For each
  /// candidate the deepest list with a matching pattern decides.
  std::optional<IgnoreMatch> match(llvm::StringRef Path, bool IsDir) const;

  /// Path itself against all lists, deepest first; leading directories not
  /// considered (a walker has already skipped excluded directories).
  std::optional<IgnoreMatch> matchEntry(llvm::StringRef Path, bool IsDir) const;

private:
  std::vector<std::shared_ptr<const IgnoreList>> Lists;
};

} // namespace aiprov

#endif
