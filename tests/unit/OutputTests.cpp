//===--- OutputTests.cpp - What `aiprov check` prints, in every format ---===//
//
// Asserts what a user or a consuming tool sees: clang's exact text lines,
// the JSON fields scripts read, the SARIF structure code-scanning services
// need (rules, ruleIndex, %SRCROOT%-relative URIs, fingerprints), and the
// check table behind all three. Schema and Multitool validation of real CLI
// output live in tests/scripts/validators.cmake.
//
//===----------------------------------------------------------------------===//
#include "aiprov/check/Finding.h"
#include "aiprov/output/FindingsOutput.h"
#include "aiprov/support/Uri.h"
#include "aiprov/support/Version.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>

namespace aiprov {
namespace {

using nlohmann::json;

Finding makeFinding(CheckId Check, Severity Level, std::string File,
                    unsigned Line, unsigned Column, std::string Message) {
  Finding F;
  F.Check = Check;
  F.Level = Level;
  F.File = std::move(File);
  F.Where = {Line, Column};
  F.Message = std::move(Message);
  return F;
}

/// A forbidden region with every optional field set.
Finding fullFinding() {
  Finding F = makeFinding(
      CheckId::ForbiddenRegion, Severity::Error, "evals/tasks/score.cpp", 12, 5,
      "AI-assisted region (claude-code) in function 'Task::score' in a path "
      "where AI-assisted code is forbidden: Eval tasks are human-written");
  F.EnclosingDecl = "function 'Task::score'";
  F.Rule = {"/repo/.aiprov.yaml", 3, "rule 1: ai: forbid"};
  F.Fingerprint = "sha256:5e1f";
  return F;
}

std::string renderTextToString(const CheckReport &Report) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  renderText(Report, OS);
  return Out;
}

json renderJsonToValue(const CheckReport &Report) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  renderJson(Report, OS);
  return json::parse(Out);
}

json renderSarifToValue(const CheckReport &Report,
                        std::string WorkingDirectory = "/repo") {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  SarifOptions Options;
  Options.WorkingDirectory = std::move(WorkingDirectory);
  renderSarif(Report, OS, Options);
  return json::parse(Out);
}

//===-- The check table ---------------------------------------------------===//

TEST(CheckTable, NamesSeveritiesAndDocsMatchSpec) {
  struct Expected {
    CheckId Id;
    const char *Name;
    Severity DefaultSeverity;
  } Table[] = {
      {CheckId::ForbiddenRegion, "aiprov-forbidden-region", Severity::Error},
      {CheckId::UnreviewedRegion, "aiprov-unreviewed-region",
       Severity::Warning},
      {CheckId::StaleReview, "aiprov-stale-review", Severity::Warning},
      {CheckId::UnknownPaste, "aiprov-unknown-paste", Severity::Warning},
      {CheckId::MalformedAnnotation, "aiprov-malformed-annotation",
       Severity::Warning},
  };
  ASSERT_EQ(allChecks().size(), std::size(Table));
  for (const Expected &E : Table) {
    SCOPED_TRACE(E.Name);
    const CheckInfo &Info = checkInfo(E.Id);
    EXPECT_EQ(Info.Id, E.Id);
    EXPECT_EQ(Info.Name, E.Name);
    EXPECT_EQ(Info.DefaultSeverity, E.DefaultSeverity);
    EXPECT_FALSE(Info.Summary.empty());
    EXPECT_GT(Info.Description.size(), Info.Summary.size());
    EXPECT_EQ(Info.DocPath, "docs/checks/" + std::string(E.Name) + ".md");
#ifdef AIPROV_SOURCE_DIR
    EXPECT_TRUE(llvm::sys::fs::exists(std::string(AIPROV_SOURCE_DIR) + "/" +
                                      Info.DocPath.str()))
        << "every check needs its doc page";
#endif
  }
}

TEST(SortFindings, OrdersByFileLineColumnCheckThenMessage) {
  std::vector<Finding> Findings = {
      makeFinding(CheckId::StaleReview, Severity::Warning, "b.cpp", 1, 1, "x"),
      makeFinding(CheckId::MalformedAnnotation, Severity::Warning, "a.cpp", 2,
                  1, "unknown key 'z'"),
      makeFinding(CheckId::MalformedAnnotation, Severity::Warning, "a.cpp", 2,
                  1, "unknown key 'a'"),
      makeFinding(CheckId::ForbiddenRegion, Severity::Error, "a.cpp", 2, 1,
                  "x"),
      makeFinding(CheckId::ForbiddenRegion, Severity::Error, "a.cpp", 10, 1,
                  "x"),
      makeFinding(CheckId::ForbiddenRegion, Severity::Error, "a.cpp", 2, 9,
                  "x"),
  };
  sortFindings(Findings);
  std::vector<std::string> Order;
  for (const Finding &F : Findings)
    Order.push_back(F.File + ":" + std::to_string(F.Where.Line) + ":" +
                    std::to_string(F.Where.Column) + " " +
                    checkInfo(F.Check).Name.str() + " " + F.Message);
  EXPECT_EQ(Order, (std::vector<std::string>{
                       "a.cpp:2:1 aiprov-forbidden-region x",
                       "a.cpp:2:1 aiprov-malformed-annotation unknown key 'a'",
                       "a.cpp:2:1 aiprov-malformed-annotation unknown key 'z'",
                       "a.cpp:2:9 aiprov-forbidden-region x",
                       "a.cpp:10:1 aiprov-forbidden-region x",
                       "b.cpp:1:1 aiprov-stale-review x",
                   }));
}

//===-- Text --------------------------------------------------------------===//

TEST(TextOutput, PrintsClangDiagnosticLines) {
  struct Case {
    const char *Name;
    Finding F;
    const char *Expected;
  } Cases[] = {
      {"error with enclosing declaration", fullFinding(),
       "evals/tasks/score.cpp:12:5: error: AI-assisted region (claude-code) in "
       "function 'Task::score' in a path where AI-assisted code is forbidden: "
       "Eval tasks are human-written [aiprov-forbidden-region]\n"},
      {"warning",
       makeFinding(CheckId::MalformedAnnotation, Severity::Warning, "src/a.cpp",
                   3, 1, "unknown key 'tol' in directive"),
       "src/a.cpp:3:1: warning: unknown key 'tol' in directive "
       "[aiprov-malformed-annotation]\n"},
      {"unknown-paste at error severity from policy",
       makeFinding(CheckId::UnknownPaste, Severity::Error, "/abs/x.h", 40, 1,
                   "pasted code of unknown origin (12 lines)"),
       "/abs/x.h:40:1: error: pasted code of unknown origin (12 lines) "
       "[aiprov-unknown-paste]\n"},
      {"multi-line policy message stays on one line",
       makeFinding(CheckId::UnreviewedRegion, Severity::Warning, "a.cpp", 1, 1,
                   "needs review:\nsee EVAL-1\r\n"),
       "a.cpp:1:1: warning: needs review: see EVAL-1   "
       "[aiprov-unreviewed-region]\n"},
  };
  for (const Case &C : Cases) {
    SCOPED_TRACE(C.Name);
    CheckReport Report;
    Report.Findings = {C.F};
    EXPECT_EQ(renderTextToString(Report), C.Expected);
  }
}

TEST(TextOutput, PrintsFindingsInOrderAndNothingElse) {
  CheckReport Report;
  Report.Findings = {
      makeFinding(CheckId::StaleReview, Severity::Warning, "a.cpp", 1, 3, "m1"),
      makeFinding(CheckId::ForbiddenRegion, Severity::Error, "b.cpp", 2, 1,
                  "m2"),
  };
  // Run errors and counts are the CLI's business (on stderr).
  Report.Errors = {"policy.yaml:1:1: bad"};
  Report.FilesChecked = 7;
  EXPECT_EQ(renderTextToString(Report),
            "a.cpp:1:3: warning: m1 [aiprov-stale-review]\n"
            "b.cpp:2:1: error: m2 [aiprov-forbidden-region]\n");
}

TEST(TextOutput, EmptyReportPrintsNothing) {
  EXPECT_EQ(renderTextToString(CheckReport()), "");
}

//===-- JSON --------------------------------------------------------------===//

TEST(JsonOutput, FindingCarriesEveryField) {
  CheckReport Report;
  Report.Findings = {fullFinding()};
  Report.FilesChecked = 4;
  json Out = renderJsonToValue(Report);

  EXPECT_EQ(Out["version"], 1);
  EXPECT_EQ(Out["tool"], json({{"name", "aiprov"}, {"version", Version}}));
  ASSERT_EQ(Out["findings"].size(), 1u);
  EXPECT_EQ(Out["findings"][0],
            json({{"check", "aiprov-forbidden-region"},
                  {"severity", "error"},
                  {"file", "evals/tasks/score.cpp"},
                  {"line", 12},
                  {"column", 5},
                  {"message", fullFinding().Message},
                  {"enclosingDeclaration", "function 'Task::score'"},
                  {"rule",
                   {{"file", "/repo/.aiprov.yaml"},
                    {"line", 3},
                    {"text", "rule 1: ai: forbid"}}},
                  {"fingerprint", "sha256:5e1f"}}));
  EXPECT_EQ(Out["summary"],
            json({{"files", 4}, {"errors", 1}, {"warnings", 0}}));
}

TEST(JsonOutput, OptionalFieldsAreOmittedWhenUnknown) {
  CheckReport Report;
  Report.Findings = {makeFinding(CheckId::MalformedAnnotation,
                                 Severity::Warning, "a.cpp", 1, 1, "bad")};
  json F = renderJsonToValue(Report)["findings"][0];
  EXPECT_FALSE(F.contains("enclosingDeclaration"));
  EXPECT_FALSE(F.contains("rule"));
  // Always present, so consumers can key on it without a check.
  EXPECT_EQ(F["fingerprint"], "");
}

TEST(JsonOutput, SummaryCountsFindingsBySeverityAndListsErrors) {
  CheckReport Report;
  Report.Findings = {
      makeFinding(CheckId::ForbiddenRegion, Severity::Error, "a", 1, 1, "m"),
      makeFinding(CheckId::UnknownPaste, Severity::Error, "a", 2, 1, "m"),
      makeFinding(CheckId::StaleReview, Severity::Warning, "a", 3, 1, "m"),
  };
  Report.Errors = {"x.cpp: cannot read: Permission denied"};
  Report.FilesChecked = 2;
  json Out = renderJsonToValue(Report);
  EXPECT_EQ(Out["summary"],
            json({{"files", 2}, {"errors", 2}, {"warnings", 1}}));
  EXPECT_EQ(Out["errors"], json({"x.cpp: cannot read: Permission denied"}));
}

TEST(JsonOutput, InvalidUtf8IsReplacedNotThrown) {
  CheckReport Report;
  Report.Findings = {makeFinding(CheckId::StaleReview, Severity::Warning,
                                 "caf\xE9.cpp", 1, 1, "bad \xFF byte")};
  json F;
  ASSERT_NO_THROW(F = renderJsonToValue(Report)["findings"][0]);
  EXPECT_EQ(F["file"], "caf\xEF\xBF\xBD.cpp");
  EXPECT_EQ(F["message"], "bad \xEF\xBF\xBD byte");
}

TEST(JsonOutput, EmptyReport) {
  json Out = renderJsonToValue(CheckReport());
  EXPECT_EQ(Out["findings"], json::array());
  EXPECT_EQ(Out["errors"], json::array());
  EXPECT_EQ(Out["summary"],
            json({{"files", 0}, {"errors", 0}, {"warnings", 0}}));
}

//===-- SARIF -------------------------------------------------------------===//

TEST(SarifOutput, DeclaresToolAndAllRules) {
  json Log = renderSarifToValue(CheckReport());
  EXPECT_EQ(Log["version"], "2.1.0");
  EXPECT_TRUE(Log.contains("$schema"));
  ASSERT_EQ(Log["runs"].size(), 1u);
  const json &Driver = Log["runs"][0]["tool"]["driver"];
  EXPECT_EQ(Driver["name"], "aiprov");
  EXPECT_EQ(Driver["version"], Version);
  EXPECT_EQ(Driver["semanticVersion"], Version);
  EXPECT_EQ(Driver["informationUri"], InformationUri);

  struct Expected {
    const char *Id, *Name, *Level;
  } Rules[] = {
      {"aiprov-forbidden-region", "ForbiddenRegion", "error"},
      {"aiprov-unreviewed-region", "UnreviewedRegion", "warning"},
      {"aiprov-stale-review", "StaleReview", "warning"},
      {"aiprov-unknown-paste", "UnknownPaste", "warning"},
      {"aiprov-malformed-annotation", "MalformedAnnotation", "warning"},
  };
  ASSERT_EQ(Driver["rules"].size(), std::size(Rules));
  for (size_t I = 0; I < std::size(Rules); ++I) {
    SCOPED_TRACE(Rules[I].Id);
    const json &Rule = Driver["rules"][I];
    EXPECT_EQ(Rule["id"], Rules[I].Id);
    EXPECT_EQ(Rule["name"], Rules[I].Name);
    EXPECT_EQ(Rule["defaultConfiguration"]["level"], Rules[I].Level);
    EXPECT_EQ(Rule["helpUri"], std::string(InformationUri) +
                                   "/blob/main/docs/checks/" + Rules[I].Id +
                                   ".md");
    for (const char *Text : {"shortDescription", "fullDescription", "help"})
      EXPECT_TRUE(Rule[Text]["text"].get<std::string>().ends_with(".")) << Text;
  }
}

TEST(SarifOutput, ResultPointsAtRuleLocationAndPolicy) {
  CheckReport Report;
  Report.Findings = {fullFinding()};
  json Run = renderSarifToValue(Report)["runs"][0];
  ASSERT_EQ(Run["results"].size(), 1u);
  const json &Result = Run["results"][0];

  EXPECT_EQ(Result["ruleId"], "aiprov-forbidden-region");
  const json &Rule =
      Run["tool"]["driver"]["rules"][Result["ruleIndex"].get<size_t>()];
  EXPECT_EQ(Rule["id"], Result["ruleId"]);
  EXPECT_EQ(Result["level"], "error");
  // SARIF messages are sentences; the text format's message is not.
  EXPECT_EQ(Result["message"]["text"], fullFinding().Message + ".");

  const json &Location = Result["locations"][0];
  EXPECT_EQ(
      Location["physicalLocation"],
      json({{"artifactLocation",
             {{"uri", "evals/tasks/score.cpp"}, {"uriBaseId", "%SRCROOT%"}}},
            {"region", {{"startLine", 12}, {"startColumn", 5}}}}));
  EXPECT_EQ(Location["logicalLocations"],
            json::array({{{"fullyQualifiedName", "Task::score"},
                          {"kind", "function"}}}));

  const json &Related = Result["relatedLocations"][0];
  EXPECT_EQ(Related["physicalLocation"]["artifactLocation"],
            json({{"uri", ".aiprov.yaml"}, {"uriBaseId", "%SRCROOT%"}}));
  EXPECT_EQ(Related["physicalLocation"]["region"], json({{"startLine", 3}}));
  EXPECT_EQ(Related["message"]["text"], "rule 1: ai: forbid.");

  EXPECT_EQ(Result["partialFingerprints"],
            json({{"aiprovRegion/v1", "sha256:5e1f"}}));
  EXPECT_EQ(Run["originalUriBaseIds"],
            json({{"%SRCROOT%", {{"uri", "file:///repo/"}}}}));
}

TEST(SarifOutput, RuleIndexMatchesRuleIdForEveryCheck) {
  CheckReport Report;
  for (const CheckInfo &Info : allChecks())
    Report.Findings.push_back(
        makeFinding(Info.Id, Info.DefaultSeverity, "a.cpp", 1, 1, "m"));
  json Run = renderSarifToValue(Report)["runs"][0];
  ASSERT_EQ(Run["results"].size(), allChecks().size());
  for (const json &Result : Run["results"]) {
    SCOPED_TRACE(Result["ruleId"].get<std::string>());
    EXPECT_EQ(
        Run["tool"]["driver"]["rules"][Result["ruleIndex"].get<size_t>()]["id"],
        Result["ruleId"]);
  }
}

TEST(SarifOutput, OptionalPartsAreOmittedWhenUnknown) {
  CheckReport Report;
  Report.Findings = {makeFinding(CheckId::MalformedAnnotation,
                                 Severity::Warning, "a.cpp", 0, 0, "bad.")};
  json Result = renderSarifToValue(Report)["runs"][0]["results"][0];
  EXPECT_FALSE(Result.contains("partialFingerprints"));
  EXPECT_FALSE(Result.contains("relatedLocations"));
  EXPECT_FALSE(Result["locations"][0].contains("logicalLocations"));
  // SARIF lines are 1-based: an unknown position has no region at all.
  EXPECT_FALSE(Result["locations"][0]["physicalLocation"].contains("region"));
  EXPECT_EQ(Result["message"]["text"], "bad.");
}

TEST(SarifOutput, EnclosingDeclarationBecomesLogicalLocation) {
  struct Case {
    const char *EnclosingDecl;
    json Expected;
  } Cases[] = {
      {"function 'Task::score'",
       {{"fullyQualifiedName", "Task::score"}, {"kind", "function"}}},
      {"method 'S::f'", {{"fullyQualifiedName", "S::f"}, {"kind", "function"}}},
      {"class 'ns::Task'",
       {{"fullyQualifiedName", "ns::Task"}, {"kind", "type"}}},
      {"namespace 'ns'", {{"fullyQualifiedName", "ns"}, {"kind", "namespace"}}},
      {"concept 'C'", {{"fullyQualifiedName", "C"}}},
      {"the global scope", {{"fullyQualifiedName", "the global scope"}}},
  };
  for (const Case &C : Cases) {
    SCOPED_TRACE(C.EnclosingDecl);
    Finding F = fullFinding();
    F.EnclosingDecl = C.EnclosingDecl;
    CheckReport Report;
    Report.Findings = {F};
    EXPECT_EQ(renderSarifToValue(Report)["runs"][0]["results"][0]["locations"]
                                        [0]["logicalLocations"][0],
              C.Expected);
  }
}

TEST(SarifOutput, ErrorsBecomeNotificationsOfAFailedRun) {
  CheckReport Report;
  Report.Errors = {"/repo/.aiprov.yaml:4:3: unknown key 'rule'",
                   "missing.cpp: No such file or directory"};
  json Invocation = renderSarifToValue(Report)["runs"][0]["invocations"][0];
  EXPECT_EQ(Invocation["executionSuccessful"], false);
  EXPECT_EQ(Invocation["toolExecutionNotifications"],
            json::array({{{"level", "error"},
                          {"message",
                           {{"text", "/repo/.aiprov.yaml:4:3: unknown key "
                                     "'rule'."}}}},
                         {{"level", "error"},
                          {"message",
                           {{"text", "missing.cpp: No such file or "
                                     "directory."}}}}}));
}

TEST(SarifOutput, EmptyReportIsASuccessfulRunWithNoResults) {
  json Run = renderSarifToValue(CheckReport())["runs"][0];
  EXPECT_EQ(Run["results"], json::array());
  EXPECT_EQ(Run["invocations"][0], json({{"executionSuccessful", true}}));
}

TEST(SarifOutput, DefaultsToCurrentDirectoryAsSourceRoot) {
  llvm::SmallString<256> Cwd;
  ASSERT_FALSE(llvm::sys::fs::current_path(Cwd));
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  CheckReport Report;
  Report.Findings = {fullFinding()};
  renderSarif(Report, OS);
  json Run = json::parse(Out)["runs"][0];
  std::string Expected = fileUri(Cwd);
  if (!Expected.ends_with("/"))
    Expected += '/';
  EXPECT_EQ(Run["originalUriBaseIds"]["%SRCROOT%"]["uri"], Expected);
  EXPECT_EQ(Run["results"][0]["locations"][0]["physicalLocation"]
               ["artifactLocation"]["uriBaseId"],
            "%SRCROOT%");
}

TEST(SarifOutput, InvalidUtf8IsReplacedNotThrown) {
  CheckReport Report;
  Report.Findings = {makeFinding(CheckId::StaleReview, Severity::Warning,
                                 "caf\xE9.cpp", 1, 1, "bad \xFF byte")};
  json Result;
  ASSERT_NO_THROW(Result = renderSarifToValue(Report)["runs"][0]["results"][0]);
  // The URI keeps the real bytes, percent-encoded; the text is repaired.
  EXPECT_EQ(
      Result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
      "caf%E9.cpp");
  EXPECT_EQ(Result["message"]["text"], "bad \xEF\xBF\xBD byte.");
}

//===-- URIs --------------------------------------------------------------===//

TEST(Uri, ArtifactUriIsRelativeToSourceRootWhenBelowIt) {
  struct Case {
    const char *Path, *WorkingDirectory, *Uri, *BaseId;
  } Cases[] = {
      {"src/a.cpp", "/repo", "src/a.cpp", "%SRCROOT%"},
      {"./src/./a.cpp", "/repo", "src/a.cpp", "%SRCROOT%"},
      {"/repo/src/a.cpp", "/repo", "src/a.cpp", "%SRCROOT%"},
      {"/repo/src/a.cpp", "/repo/", "src/a.cpp", "%SRCROOT%"},
      {"src/../lib/b.cpp", "/repo", "lib/b.cpp", "%SRCROOT%"},
      {"my dir/#x.cpp", "/repo", "my%20dir/%23x.cpp", "%SRCROOT%"},
      // A ':' in a relative reference's first segment would read as a scheme.
      {"c:file.cpp", "/repo", "c%3Afile.cpp", "%SRCROOT%"},
      {"../other/b.cpp", "/repo/sub", "file:///repo/other/b.cpp", ""},
      // Component-wise: /repo2 is not below /repo.
      {"/repo2/a.cpp", "/repo", "file:///repo2/a.cpp", ""},
      {"/tmp/x y/a.h", "/repo", "file:///tmp/x%20y/a.h", ""},
      {"/repo", "/repo", "file:///repo", ""},
      {"/etc/a.h", "/", "etc/a.h", "%SRCROOT%"},
  };
  for (const Case &C : Cases) {
    SCOPED_TRACE(std::string(C.Path) + " in " + C.WorkingDirectory);
    ArtifactUri Uri = artifactUri(C.Path, C.WorkingDirectory);
    EXPECT_EQ(Uri.Uri, C.Uri);
    EXPECT_EQ(Uri.BaseId, C.BaseId);
  }
}

TEST(Uri, SarifLocationsUseTheSameEncoding) {
  CheckReport Report;
  Report.Findings = {makeFinding(CheckId::UnreviewedRegion, Severity::Warning,
                                 "my task #1/\xC3\xBC.cpp", 1, 1, "m"),
                     makeFinding(CheckId::UnreviewedRegion, Severity::Warning,
                                 "/elsewhere/a b.cpp", 1, 1, "m")};
  json Run = renderSarifToValue(Report, "/src/my proj")["runs"][0];
  EXPECT_EQ(Run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
            "file:///src/my%20proj/");
  EXPECT_EQ(
      Run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"],
      json({{"uri", "my%20task%20%231/%C3%BC.cpp"},
            {"uriBaseId", "%SRCROOT%"}}));
  EXPECT_EQ(
      Run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"],
      json({{"uri", "file:///elsewhere/a%20b.cpp"}}));
}

} // namespace
} // namespace aiprov
