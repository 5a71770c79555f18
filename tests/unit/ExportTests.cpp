//===--- ExportTests.cpp - What `aiprov export` lists, in every format ---===//
//
// Each test writes a small tree, runs the real pipeline (analyzeFiles, then
// buildExport) and asserts what a consumer reads: the JSON fields, CSV
// records as a spreadsheet would split them, summary counts and SARIF
// levels. Schema and Multitool validation of real CLI output live in
// tests/scripts/export-validators.cmake.
//
//===----------------------------------------------------------------------===//
#include "ScratchDirectory.h"
#include "aiprov/output/Export.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace aiprov {
namespace {

using nlohmann::json;

/// A scratch directory of (relative path, contents) files, removed after.
class ScratchTree {
  ScratchDirectory Scratch{"aiprov-export"};

public:
  explicit ScratchTree(
      llvm::ArrayRef<std::pair<std::string, std::string>> Files) {
    for (const auto &[Path, Contents] : Files)
      Scratch.write(Path, Contents);
  }
  std::string path(llvm::StringRef Rel) const { return Scratch.path(Rel); }

  /// The export of the whole tree, by-directory names relative to it.
  ExportReport exportAll() const {
    AnalysisOptions Options;
    Options.Paths = {Root};
    Options.Jobs = 1;
    ExportOptions Export;
    Export.WorkingDirectory = Root;
    return buildExport(analyzeFiles(Options), Export);
  }

  /// Symlink-free: policy discovery and by-directory names compare
  /// prefixes.
  const std::string Root = Scratch.root();
};

constexpr const char *ReviewEverything = "rules:\n"
                                         "  - paths: [\"**\"]\n"
                                         "    ai: review\n";

json toJson(const ExportReport &Report) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  renderExportJson(Report, OS);
  return json::parse(Out);
}

TEST(ExportJson, ListsEveryFieldOfEveryRegion) {
  ScratchTree Tree({{".aiprov.yaml", ReviewEverything},
                    {"src/a.cpp", "int x;\n"
                                  "// aiprov: begin tool=claude-code "
                                  "model=opus-4\n"
                                  "int f();\n"
                                  "  // aiprov: end\n"
                                  "int g(); // aiprov: line tool=copilot "
                                  "reviewed-by=ann@example.com\n"}});
  json Out = toJson(Tree.exportAll());
  EXPECT_EQ(Out["version"], 1);
  ASSERT_EQ(Out["regions"].size(), 2u);

  const json &Begin = Out["regions"][0];
  EXPECT_EQ(Begin["file"], Tree.path("src/a.cpp"));
  EXPECT_EQ(Begin["start"], json({{"line", 2}, {"column", 1}}));
  // The `end` directive's own column, not 1.
  EXPECT_EQ(Begin["end"], json({{"line", 4}, {"column", 3}}));
  EXPECT_TRUE(Begin["enclosingDeclaration"].is_null()); // lexer mode
  EXPECT_EQ(Begin["source"], "annotation");
  EXPECT_EQ(Begin["tool"], "claude-code");
  EXPECT_EQ(Begin["keys"],
            json({{"tool", "claude-code"}, {"model", "opus-4"}}));
  EXPECT_EQ(Begin["lines"], 3);
  EXPECT_EQ(Begin["hash"].get<std::string>().rfind("sha256:", 0), 0u);
  EXPECT_EQ(Begin["hash"].get<std::string>().size(), 7u + 64u);
  EXPECT_EQ(Begin["review"], "unreviewed");
  EXPECT_EQ(Begin["verdict"], "review");
  EXPECT_EQ(Begin["checks"], json({"aiprov-unreviewed-region"}));

  const json &Line = Out["regions"][1];
  EXPECT_EQ(Line["start"], json({{"line", 5}, {"column", 10}}));
  EXPECT_EQ(Line["end"], json({{"line", 5}, {"column", 1}}));
  EXPECT_EQ(Line["review"], "reviewed");
  EXPECT_EQ(Line["verdict"], "review");
  // Not a violation, still listed.
  EXPECT_EQ(Line["checks"], json::array());
}

TEST(ExportSummary, CountsOverlappingLinesOnce) {
  ScratchTree Tree({{"sub/a.cpp", "int a;\n"                            // 1
                                  "// aiprov: begin tool=claude-code\n" // 2
                                  "int b;\n"                            // 3
                                  "int c; // aiprov: line tool=claude-code\n"
                                  "int d; // aiprov: line tool=copilot\n"
                                  "// aiprov: end\n" // 6
                                  "int e;\n"
                                  "int f;\n"},
                    {"b.cpp", "int g;\nint h;\n"}});
  ExportReport Report = Tree.exportAll();
  const ExportSummary &S = Report.Summary;
  EXPECT_EQ(S.Files, 2u);
  EXPECT_EQ(S.Regions, 3u);
  EXPECT_EQ(S.TotalLines, 10u);
  EXPECT_EQ(S.AiLines, 5u); // lines 2-6, not 5 + 1 + 1
  ASSERT_EQ(S.ByTool.size(), 2u);
  EXPECT_EQ(S.ByTool[0].Name, "claude-code");
  EXPECT_EQ(S.ByTool[0].AiLines, 5u);
  EXPECT_EQ(S.ByTool[0].TotalLines, 10u);
  EXPECT_EQ(S.ByTool[1].Name, "copilot");
  EXPECT_EQ(S.ByTool[1].AiLines, 1u);
  ASSERT_EQ(S.ByDirectory.size(), 2u);
  EXPECT_EQ(S.ByDirectory[0].Name, ".");
  EXPECT_EQ(S.ByDirectory[0].AiLines, 0u);
  EXPECT_EQ(S.ByDirectory[0].TotalLines, 2u);
  EXPECT_EQ(S.ByDirectory[1].Name, "sub");
  EXPECT_EQ(S.ByDirectory[1].AiLines, 5u);
  EXPECT_EQ(S.ByDirectory[1].TotalLines, 8u);
}

/// Splits RFC 4180 text into records of fields, as a spreadsheet would.
std::vector<std::vector<std::string>> parseCsv(llvm::StringRef Text) {
  std::vector<std::vector<std::string>> Records(1, {""});
  bool Quoted = false;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (Quoted) {
      if (C == '"' && I + 1 < Text.size() && Text[I + 1] == '"')
        Records.back().back() += Text[++I];
      else if (C == '"')
        Quoted = false;
      else
        Records.back().back() += C;
    } else if (C == '"') {
      Quoted = true;
    } else if (C == ',') {
      Records.back().emplace_back();
    } else if (Text.substr(I).starts_with("\r\n")) {
      ++I;
      Records.push_back({""});
    } else {
      Records.back().back() += C;
    }
  }
  Records.pop_back(); // after the last CRLF
  return Records;
}

TEST(ExportCsv, QuotesFieldsWithCommaQuoteAndNewline) {
  // A quoted value in a block comment may span lines.
  ScratchTree Tree({{"a.cpp", "int x; /* aiprov: line tool=codex "
                              "note=\"fix, \\\"edge\\\"\n case\" */\n"}});
  ExportReport Report = Tree.exportAll();
  ASSERT_EQ(Report.Regions.size(), 1u);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  renderExportCsv(Report, OS);

  EXPECT_EQ(llvm::StringRef(Out).substr(0, Out.find('\n') + 1),
            "file,start_line,start_column,end_line,end_column,"
            "enclosing_declaration,source,tool,keys,lines,line_runs,hash,"
            "review,verdict,checks\r\n");
  // Every record ends in CRLF; the only bare LF is inside the quoted note.
  EXPECT_NE(Out.find("note=fix, \"\"edge\"\"\n case\""), std::string::npos)
      << Out;
  auto Records = parseCsv(Out);
  ASSERT_EQ(Records.size(), 2u) << Out;
  ASSERT_EQ(Records[1].size(), Records[0].size());
  EXPECT_EQ(Records[1][0], Tree.path("a.cpp"));
  EXPECT_EQ(Records[1][1], "1");
  EXPECT_EQ(Records[1][2], "8");
  EXPECT_EQ(Records[1][7], "codex");
  EXPECT_EQ(Records[1][8], "tool=codex;note=fix, \"edge\"\n case");
  EXPECT_EQ(Records[1][10], "1-1");
  EXPECT_EQ(Records[1][13], "allow"); // no policy
}

TEST(ExportCsv, EscapesSeparatorsInKeys) {
  EXPECT_EQ(keysText({{"tool", "a;b"}, {"note", "x=y\\z"}}),
            "tool=a\\;b;note=x\\=y\\\\z");
}

ExportedRegion regionWith(AiPermission Verdict, ReviewStatus Review,
                          std::vector<std::string> Checks = {}) {
  ExportedRegion R;
  R.File = "src/a.cpp";
  R.Start = {2, 1};
  R.End = {4, 3};
  R.Keys = {{"tool", "codex"}};
  R.Tool = "codex";
  R.LineCount = 3;
  R.Hash = "sha256:" + std::string(64, '0');
  R.Description = "AI-assisted region (tool: codex, lines 2-4)";
  R.Verdict = Verdict;
  R.Review = Review;
  R.Checks = std::move(Checks);
  return R;
}

TEST(ExportSarif, LevelFollowsTheVerdict) {
  ExportReport Report;
  Report.Regions = {
      regionWith(AiPermission::Forbid, ReviewStatus::Reviewed,
                 {"aiprov-forbidden-region"}),
      regionWith(AiPermission::Review, ReviewStatus::Unreviewed,
                 {"aiprov-unreviewed-region"}),
      regionWith(AiPermission::Review, ReviewStatus::Stale,
                 {"aiprov-stale-review"}),
      regionWith(AiPermission::Review, ReviewStatus::Reviewed),
      regionWith(AiPermission::Allow, ReviewStatus::Unreviewed),
  };
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  SarifOptions Options;
  Options.WorkingDirectory = "/repo";
  renderExportSarif(Report, OS, Options);
  json Run = json::parse(Out)["runs"][0];

  const json &Results = Run["results"];
  ASSERT_EQ(Results.size(), 5u);
  std::vector<std::string> Levels, Rules;
  for (const json &R : Results) {
    Levels.push_back(R["level"]);
    Rules.push_back(R["ruleId"]);
    // ruleIndex must point at the rule named by ruleId.
    EXPECT_EQ(
        Run["tool"]["driver"]["rules"][R["ruleIndex"].get<size_t>()]["id"],
        R["ruleId"]);
  }
  EXPECT_EQ(Levels, (std::vector<std::string>{"error", "warning", "warning",
                                              "note", "note"}));
  EXPECT_EQ(Rules, (std::vector<std::string>{
                       "aiprov-forbidden-region", "aiprov-unreviewed-region",
                       "aiprov-stale-review", "aiprov-ai-assisted-region",
                       "aiprov-ai-assisted-region"}));
  const json &Region = Results[0]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(Region, json({{"startLine", 2},
                          {"startColumn", 1},
                          {"endLine", 4},
                          {"endColumn", 3}}));
  EXPECT_EQ(Results[0]["locations"][0]["physicalLocation"]["artifactLocation"],
            json({{"uri", "src/a.cpp"}, {"uriBaseId", "%SRCROOT%"}}));
  EXPECT_EQ(Results[3]["properties"]["review"], "reviewed");
}

} // namespace
} // namespace aiprov
