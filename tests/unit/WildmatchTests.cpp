//===--- WildmatchTests.cpp - Git's answers, without git's running time --===//
//
// Wildmatch replaced a transcription of git's backtracking wildmatch (whose
// answers the git-oracle test in IgnorePatternsTests pinned) by an NFA. Two
// things are checked here:
//  - the answers are the same: the old backtracking matcher is kept below
//    as the reference and both run on many random patterns and texts over
//    a small alphabet, where stars, slashes, classes and `**/` interact;
//  - the work is bounded: the patterns that took git (and the old matcher)
//    longer than any timeout are counted in steps, not timed.
//
//===----------------------------------------------------------------------===//
#include "aiprov/Wildmatch.h"
#include "gtest/gtest.h"
#include <random>
#include <string>

namespace aiprov {
namespace {

/// The matcher aiprov used before, transcribed from git's dowild() with its
/// early aborts: exponential in the worst case, but git's answers.
class BacktrackingReference {
public:
  explicit BacktrackingReference(const Wildmatch &G) : G(G) {}
  bool matches(llvm::StringRef Text) const {
    return matchFrom(Text, 0, 0) == Result::Match;
  }

private:
  enum class Result { Match, NoMatch, AbortAll, AbortToDoubleStar };
  const Wildmatch &G;

  Result matchFrom(llvm::StringRef Text, size_t TI, size_t XI) const {
    llvm::ArrayRef<GlobToken> Tokens = G.tokens();
    for (; TI < Tokens.size(); ++TI, ++XI) {
      const GlobToken &T = Tokens[TI];
      if (XI == Text.size() && T.K != GlobToken::Star)
        return Result::AbortAll;
      switch (T.K) {
      case GlobToken::Literal:
        if (Text[XI] != T.Char)
          return Result::NoMatch;
        continue;
      case GlobToken::AnyChar:
        if (Text[XI] == '/')
          return Result::NoMatch;
        continue;
      case GlobToken::Class:
        if (!G.charClass(T.ClassIndex).test((unsigned char)Text[XI]))
          return Result::NoMatch;
        continue;
      case GlobToken::Star:
        break;
      }
      if (T.MayMatchNoDirectory && matchFrom(Text, TI + 2, XI) == Result::Match)
        return Result::Match;
      if (TI + 1 == Tokens.size()) {
        if (!T.CrossesSlash && Text.find('/', XI) != llvm::StringRef::npos)
          return Result::NoMatch;
        return Result::Match;
      }
      const GlobToken &Next = Tokens[TI + 1];
      const bool NextIsPlainLiteral =
          Next.K == GlobToken::Literal && !Next.Escaped;
      if (!T.CrossesSlash && NextIsPlainLiteral && Next.Char == '/') {
        size_t Slash = Text.find('/', XI);
        if (Slash == llvm::StringRef::npos)
          return Result::NoMatch;
        XI = Slash;
        ++TI;
        continue;
      }
      for (;;) {
        if (XI == Text.size())
          break;
        if (NextIsPlainLiteral) {
          while (XI < Text.size() && Text[XI] != Next.Char &&
                 (T.CrossesSlash || Text[XI] != '/'))
            ++XI;
          if (XI == Text.size() || Text[XI] != Next.Char)
            return Result::NoMatch;
        }
        Result R = matchFrom(Text, TI + 1, XI);
        if (R != Result::NoMatch) {
          if (!T.CrossesSlash || R != Result::AbortToDoubleStar)
            return R;
        } else if (!T.CrossesSlash && Text[XI] == '/') {
          return Result::AbortToDoubleStar;
        }
        ++XI;
      }
      return Result::AbortAll;
    }
    return XI == Text.size() ? Result::Match : Result::NoMatch;
  }
};

Wildmatch compiled(llvm::StringRef Glob) {
  PatternError Err;
  std::optional<Wildmatch> G = Wildmatch::compile(Glob, 0, Err);
  EXPECT_TRUE(G.has_value()) << Glob.str() << ": " << Err.Message;
  return G ? std::move(*G) : Wildmatch();
}

TEST(Wildmatch, SameAnswersAsGitsBacktrackingOnRandomInput) {
  // Pieces chosen so that random concatenations hit every interaction:
  // `**` between slashes or not, `*/`, escaped slashes, classes with and
  // without '/', a literal star.
  const char *const PatternPieces[] = {
      "a",    "b",   "/",   "*",   "**",  "**/", "/**", "?", "[ab]",
      "[!a]", "\\*", "\\/", "\\a", "[/]", "*a",  "a*",  "."};
  const char *const TextPieces[] = {"a", "b", "/", "*", ".", "ab", "ba"};
  std::mt19937 Random(20261203); // fixed: a failure must reproduce
  unsigned Compared = 0, Matched = 0;
  for (unsigned Case = 0; Case < 4000; ++Case) {
    std::string Glob;
    for (unsigned I = 0, N = 1 + Random() % 6; I < N; ++I)
      Glob += PatternPieces[Random() % std::size(PatternPieces)];
    PatternError Err;
    std::optional<Wildmatch> G = Wildmatch::compile(Glob, 0, Err);
    if (!G)
      continue;
    BacktrackingReference Reference(*G);
    for (unsigned T = 0; T < 25; ++T) {
      std::string Text;
      for (unsigned I = 0, N = Random() % 7; I < N; ++I)
        Text += TextPieces[Random() % std::size(TextPieces)];
      const bool Expected = Reference.matches(Text);
      ASSERT_EQ(G->matches(Text), Expected)
          << "glob '" << Glob << "' text '" << Text << "'";
      ++Compared;
      Matched += Expected;
    }
  }
  // The generator must exercise both answers, not only one.
  EXPECT_GT(Compared, 50000u);
  EXPECT_GT(Matched, 2000u);
}

/// Steps matches() takes for Text, which the header bounds by
/// 2 × (tokens + 1) × (characters + 1).
uint64_t stepsFor(const Wildmatch &G, llvm::StringRef Text, bool &Matched) {
  uint64_t Steps = 0;
  Matched = G.matches(Text, &Steps);
  return Steps;
}

uint64_t bound(const Wildmatch &G, llvm::StringRef Text) {
  return 2 * (G.tokens().size() + 1) * (Text.size() + 1);
}

// Git's own matcher needs longer than any timeout for these (over 20 s for
// the first, with a 200-character name); the old matcher did too. Counting
// steps rather than timing keeps the test exact on a loaded machine.
TEST(Wildmatch, HostilePatternsTakePolynomialWork) {
  const std::string Name(200, 'a');
  Wildmatch Stars = compiled("*a*a*a*a*a*a*b");
  bool Matched = true;
  uint64_t Steps = stepsFor(Stars, Name, Matched);
  EXPECT_FALSE(Matched);
  EXPECT_LE(Steps, bound(Stars, Name));
  EXPECT_TRUE(Stars.matches(Name + "b"));

  std::string Deep;
  for (unsigned I = 0; I < 100; ++I)
    Deep += "a/";
  Deep += "c";
  Wildmatch DoubleStars = compiled("**/**/**/**/**/**/**/**/**/**/b");
  Steps = stepsFor(DoubleStars, Deep, Matched);
  EXPECT_FALSE(Matched);
  EXPECT_LE(Steps, bound(DoubleStars, Deep));
  Deep.back() = 'b';
  EXPECT_TRUE(DoubleStars.matches(Deep));
  EXPECT_TRUE(DoubleStars.matches("b"));

  // Many more tokens than one machine word of states.
  std::string Long;
  for (unsigned I = 0; I < 100; ++I)
    Long += "*a";
  Wildmatch Wide = compiled(Long + "*b");
  Steps = stepsFor(Wide, Name, Matched);
  EXPECT_FALSE(Matched);
  EXPECT_LE(Steps, bound(Wide, Name));
  EXPECT_TRUE(Wide.matches(Name + "b"));
  EXPECT_FALSE(Wide.matches(std::string(99, 'a') + "b"));
}

} // namespace
} // namespace aiprov
