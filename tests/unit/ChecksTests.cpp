//===--- ChecksTests.cpp - Which regions violate which policy -------------===//
#include "aiprov/check/Checks.h"
#include "aiprov/directives/RegionBuilder.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aiprov {
namespace {

using ::testing::HasSubstr;

Verdict verdict(AiPermission Ai, std::string Message = "") {
  Verdict V;
  V.Ai = Ai;
  V.Message = std::move(Message);
  V.Rule = {"/repo/.aiprov.yaml", 3, "rules[0]: ai: forbid"};
  return V;
}

std::vector<std::string> checksFired(const std::string &Code, AiPermission Ai) {
  std::vector<std::string> Names;
  for (const Finding &F :
       checkRegions("t.cpp", analyzeBuffer(Code), verdict(Ai)))
    Names.push_back(checkInfo(F.Check).Name.str());
  return Names;
}

const std::string ZeroHash = "sha256:" + std::string(64, '0');

struct Case {
  const char *Name;
  std::string Code;
  AiPermission Ai;
  std::vector<std::string> Expected;
};

class ChecksTest : public ::testing::TestWithParam<Case> {};

TEST_P(ChecksTest, FiresExactlyTheseChecks) {
  EXPECT_EQ(checksFired(GetParam().Code, GetParam().Ai), GetParam().Expected);
}

INSTANTIATE_TEST_SUITE_P(
    Matrix, ChecksTest,
    ::testing::Values(
        Case{"AllowNothing", "x; // aiprov: line\n", AiPermission::Allow, {}},
        Case{"AllowIgnoresStale",
             "x; // aiprov: line reviewed-by=a review=" + ZeroHash + "\n",
             AiPermission::Allow,
             {}},
        Case{"ReviewUnreviewed",
             "x; // aiprov: line\n",
             AiPermission::Review,
             {"aiprov-unreviewed-region"}},
        Case{"ReviewReviewed",
             "x; // aiprov: line reviewed-by=a\n",
             AiPermission::Review,
             {}},
        Case{"ReviewStale",
             "x; // aiprov: line reviewed-by=a review=" + ZeroHash + "\n",
             AiPermission::Review,
             {"aiprov-stale-review"}},
        Case{"ReviewHashWithoutReviewer",
             "x; // aiprov: line review=" + ZeroHash + "\n",
             AiPermission::Review,
             {"aiprov-unreviewed-region"}},
        Case{"ForbidEvenIfReviewed",
             "x; // aiprov: line reviewed-by=a\n",
             AiPermission::Forbid,
             {"aiprov-forbidden-region"}},
        Case{"ForbidAndStale",
             "x; // aiprov: line reviewed-by=a review=" + ZeroHash + "\n",
             AiPermission::Forbid,
             {"aiprov-forbidden-region", "aiprov-stale-review"}},
        Case{"MalformedEverywhere",
             "x; // aiprov: line tool=\n",
             AiPermission::Allow,
             {"aiprov-malformed-annotation"}},
        Case{"NoDirectivesNoFindings", "int x;\n", AiPermission::Forbid, {}}),
    [](const auto &Info) { return Info.param.Name; });

TEST(Checks, ForbiddenFindingCarriesPolicyMessageAndRule) {
  std::vector<Finding> F = checkRegions(
      "evals/t.cpp", analyzeBuffer("int a; // aiprov: line tool=codex\n"),
      verdict(AiPermission::Forbid, "Eval tasks are human-written"));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Level, Severity::Error);
  EXPECT_EQ(F[0].File, "evals/t.cpp");
  EXPECT_EQ(F[0].Where, (Position{1, 8}));
  EXPECT_EQ(F[0].Message,
            "AI-assisted region (tool: codex, line 1) is in a path where "
            "AI-assisted code is forbidden: Eval tasks are human-written");
  EXPECT_EQ(F[0].Rule.Line, 3u);
  EXPECT_EQ(F[0].Fingerprint.size(), 32u);
}

TEST(Checks, FingerprintSurvivesLinesMovingAbove) {
  auto Print = [](const std::string &Code) {
    return checkRegions("t.cpp", analyzeBuffer(Code),
                        verdict(AiPermission::Forbid))[0]
        .Fingerprint;
  };
  EXPECT_EQ(Print("x; // aiprov: line\n"), Print("\n\nx; // aiprov: line\n"));
  EXPECT_NE(Print("x; // aiprov: line\n"), Print("y; // aiprov: line\n"));
}

TEST(Checks, EachRegionReportedOnce) {
  std::string Code = "// aiprov: begin\na;\nb;\n// aiprov: end\n";
  EXPECT_EQ(checksFired(Code, AiPermission::Forbid).size(), 1u);
}

} // namespace
} // namespace aiprov
