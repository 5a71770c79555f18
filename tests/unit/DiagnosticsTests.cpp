//===--- DiagnosticsTests.cpp - Findings as LSP diagnostics, and back -----===//
//
// tests/lit/lsp/code-actions.test shows an action carrying the diagnostics
// it settles; this pins which of the client's diagnostics those are when
// the client sends back anything at all.
//
//===----------------------------------------------------------------------===//
#include "Diagnostics.h"
#include "gtest/gtest.h"

namespace aiprov::server {
namespace {

nlohmann::json diagnostic(const char *Code, unsigned Line) {
  return {{"code", Code},
          {"range",
           {{"start", {{"line", Line}, {"character", 0}}},
            {"end", {{"line", Line}, {"character", 4}}}}},
          {"message", "m"}};
}

TEST(Diagnostics, FindingsAmongTheClientsAreThoseOfTheChecksOnTheLines) {
  std::vector<nlohmann::json> Client = {
      diagnostic("aiprov-forbidden-region", 2), // Line 3: taken.
      diagnostic("aiprov-forbidden-region", 5), // Line 6: not the lines.
      diagnostic("aiprov-stale-review", 3),     // Not a check asked for.
      diagnostic("aiprov-unreviewed-region", 4),
      nlohmann::json("not an object"),
      {{"code", 7}, {"range", diagnostic("x", 2)["range"]}},
      {{"code", "aiprov-forbidden-region"}, {"range", "nowhere"}},
      {{"code", "aiprov-forbidden-region"}},
  };
  std::vector<nlohmann::json> Found = findingsAmong(
      Client, {"aiprov-forbidden-region", "aiprov-unreviewed-region"}, {3, 5});
  EXPECT_EQ(Found, (std::vector<nlohmann::json>{Client[0], Client[3]}));
}

} // namespace
} // namespace aiprov::server
