//===--- WildmatchTests.cpp - Git's answers, without git's running time --===//
//
// Wildmatch backtracks as git does (the git-oracle test in
// IgnoreStackTests pins those answers) until a budget runs out, then lets
// an NFA decide. Two things are checked here:
//  - the two engines agree: both run on many random patterns and texts over
//    a small alphabet, where stars, slashes, classes and `**/` interact;
//  - the work is bounded: the patterns that took git (and aiprov's matcher
//    before) longer than any timeout are counted in steps, not timed.
//
//===----------------------------------------------------------------------===//
#include "aiprov/policy/Wildmatch.h"
#include "gtest/gtest.h"
#include <random>
#include <string>

namespace aiprov {
namespace {

Wildmatch compiled(llvm::StringRef Glob) {
  PatternError Err;
  std::optional<Wildmatch> G = Wildmatch::compile(Glob, 0, Err);
  EXPECT_TRUE(G.has_value()) << Glob.str() << ": " << Err.Message;
  return G ? std::move(*G) : Wildmatch();
}

TEST(Wildmatch, BothEnginesGiveTheSameAnswersOnRandomInput) {
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
    for (unsigned T = 0; T < 25; ++T) {
      std::string Text;
      for (unsigned I = 0, N = Random() % 7; I < N; ++I)
        Text += TextPieces[Random() % std::size(TextPieces)];
      const bool Expected =
          G->matches(Text, nullptr, Wildmatch::Engine::Backtracking);
      ASSERT_EQ(G->matches(Text, nullptr, Wildmatch::Engine::Automaton),
                Expected)
          << "glob '" << Glob << "' text '" << Text << "'";
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
/// 4 × (tokens + 1) × (characters + 1).
uint64_t stepsFor(const Wildmatch &G, llvm::StringRef Text, bool &Matched) {
  uint64_t Steps = 0;
  Matched = G.matches(Text, &Steps);
  return Steps;
}

uint64_t bound(const Wildmatch &G, llvm::StringRef Text) {
  return 4 * (G.tokens().size() + 1) * (Text.size() + 1);
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
