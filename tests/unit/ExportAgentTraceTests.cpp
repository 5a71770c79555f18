//===--- ExportAgentTraceTests.cpp - `aiprov export --format agent-trace` -===//
//
// Renders hand-built ExportReports and reads each JSON Lines record back as
// an Agent Trace consumer would: ranges from line runs, contributor and
// model, aiprov's fields under metadata["dev.aiprov"], stable ids, the pinned
// timestamp, and lines that stay single valid JSON whatever bytes a file
// name holds. ajv validation of real CLI output against the schema lives in
// tests/scripts/export-format-validators.cmake.
//
//===----------------------------------------------------------------------===//
#include "ScopedEnvironment.h"
#include "aiprov/ledger/Ledger.h"
#include "aiprov/output/Export.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <nlohmann/json.hpp>
#include <set>

namespace aiprov {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::MatchesRegex;

constexpr const char *Pinned = "2026-11-29T02:24:38Z";

ExportedRegion annotated() {
  ExportedRegion R;
  R.File = "src/scoring.cpp";
  R.Start = {16, 1};
  R.End = {18, 1};
  R.Keys = {{"tool", "claude-code"},
            {"model", "anthropic/claude-opus-4-5"},
            {"origin", "agent"},
            {"reviewed-by", "bob@example.com"}};
  R.Tool = "claude-code";
  R.Source = RegionSource::Annotation;
  R.LineRuns = {{17, 18}};
  R.LineCount = 2;
  R.Hash = "sha256:" + std::string(64, 'a');
  R.Review = ReviewStatus::Stale;
  R.Verdict = AiPermission::Review;
  R.Checks = {"aiprov-stale-review"};
  return R;
}

/// A ledger region part of which a human rewrote: two runs.
ExportedRegion ledgerWithHole() {
  ExportedRegion R;
  R.File = "src/parser.cpp";
  R.Start = {3, 1};
  R.End = {9, 1};
  R.Keys = {{"tool", "cursor"}, {"origin", "completion"}};
  R.Tool = "cursor";
  R.Source = RegionSource::Ledger;
  R.LineRuns = {{3, 5}, {8, 9}};
  R.LineCount = 5;
  R.Hash = "sha256:" + std::string(64, 'b');
  return R;
}

std::vector<json> render(const ExportReport &Report,
                         const std::string &Timestamp = Pinned) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  renderExportAgentTrace(Report, OS, {Timestamp});
  OS.flush();
  std::vector<json> Records;
  llvm::StringRef Rest(Text);
  EXPECT_TRUE(Text.empty() || Rest.ends_with("\n")) << Text;
  while (!Rest.empty()) {
    auto [Line, Tail] = Rest.split('\n');
    json Value = json::parse(Line.begin(), Line.end(), nullptr, false);
    EXPECT_FALSE(Value.is_discarded()) << "not one JSON value: " << Line.str();
    Records.push_back(std::move(Value));
    Rest = Tail;
  }
  return Records;
}

ExportReport reportOf(std::vector<ExportedRegion> Regions) {
  ExportReport Report;
  Report.Regions = std::move(Regions);
  Report.Summary.Regions = Report.Regions.size();
  return Report;
}

TEST(ExportAgentTrace, OneRecordPerRegionInAgentTraceShape) {
  std::vector<json> Records = render(reportOf({annotated(), ledgerWithHole()}));
  ASSERT_EQ(Records.size(), 2U);
  const json &R = Records[0];
  EXPECT_EQ(R["version"], "0.1");
  EXPECT_EQ(R["timestamp"], Pinned);
  EXPECT_EQ(R["tool"], json({{"name", "claude-code"}, {"version", ""}}));
  ASSERT_EQ(R["files"].size(), 1U);
  EXPECT_EQ(R["files"][0]["path"], "src/scoring.cpp");
  const json &Conversation = R["files"][0]["conversations"][0];
  EXPECT_EQ(Conversation["contributor"],
            json({{"type", "ai"}, {"model_id", "anthropic/claude-opus-4-5"}}));
  // The region's lines, not the directive's: a next-line directive on 16.
  EXPECT_EQ(Conversation["ranges"],
            json::parse(R"([{"start_line": 17, "end_line": 18}])"));
}

TEST(ExportAgentTrace, OneRangePerLineRun) {
  std::vector<json> Records = render(reportOf({ledgerWithHole()}));
  ASSERT_EQ(Records.size(), 1U);
  EXPECT_EQ(Records[0]["files"][0]["conversations"][0]["ranges"],
            json::parse(R"([{"start_line": 3, "end_line": 5},
                            {"start_line": 8, "end_line": 9}])"));
}

TEST(ExportAgentTrace, UnknownPasteHasUnknownContributor) {
  ExportedRegion Paste = ledgerWithHole();
  Paste.Keys = {{"origin", "unknown-paste"}};
  Paste.Tool = "unknown";
  Paste.UnknownPaste = true; // As buildExport sets it for such a record.
  // Only a ledger record says "unknown-paste"; an annotation's origin key is
  // what its author wrote and still marks AI-assisted code.
  ExportedRegion Annotation = annotated();
  Annotation.Keys = {{"origin", "unknown-paste"}};
  std::vector<json> Records = render(reportOf({Paste, Annotation}));
  ASSERT_EQ(Records.size(), 2U);
  EXPECT_EQ(Records[0]["files"][0]["conversations"][0]["contributor"],
            json({{"type", "unknown"}}));
  EXPECT_EQ(Records[1]["files"][0]["conversations"][0]["contributor"],
            json({{"type", "ai"}}));
}

TEST(ExportAgentTrace, NoToolKeyMeansNoToolObject) {
  ExportedRegion R = annotated();
  R.Keys = {{"reviewed-by", "bob"}};
  R.Tool = "unknown"; // What buildExport says; not a tool's name.
  std::vector<json> Records = render(reportOf({R}));
  ASSERT_EQ(Records.size(), 1U);
  EXPECT_FALSE(Records[0].contains("tool"));
  EXPECT_FALSE(Records[0]["metadata"]["dev.aiprov"].contains("origin"));
  EXPECT_EQ(Records[0]["files"][0]["conversations"][0]["contributor"],
            json({{"type", "ai"}}));
}

TEST(ExportAgentTrace, AiprovFieldsUnderVendorKey) {
  ExportedRegion R = annotated();
  R.EnclosingDecl = "function 'score'";
  std::vector<json> Records = render(reportOf({R}));
  ASSERT_EQ(Records.size(), 1U);
  ASSERT_TRUE(Records[0]["metadata"].contains("dev.aiprov"));
  const json &V = Records[0]["metadata"]["dev.aiprov"];
  EXPECT_EQ(V["file"], "src/scoring.cpp");
  EXPECT_EQ(V["start"], json({{"line", 16}, {"column", 1}}));
  EXPECT_EQ(V["end"], json({{"line", 18}, {"column", 1}}));
  EXPECT_EQ(V["enclosing_declaration"], "function 'score'");
  EXPECT_EQ(V["source"], "annotation");
  EXPECT_EQ(V["hash"], R.Hash);
  EXPECT_EQ(V["lines"], 2);
  EXPECT_EQ(V["review"], "stale");
  EXPECT_EQ(V["verdict"], "review");
  EXPECT_EQ(V["checks"], json({"aiprov-stale-review"}));
  EXPECT_EQ(V["keys"], json({{"tool", "claude-code"},
                             {"model", "anthropic/claude-opus-4-5"},
                             {"origin", "agent"},
                             {"reviewed-by", "bob@example.com"}}));
  EXPECT_EQ(V["origin"], "agent");
  EXPECT_EQ(Records[0]["metadata"].size(), 1U) << "only our own vendor key";
  // Nobody at the keyboard is known, and no fingerprints were taken.
  EXPECT_FALSE(V.contains("who"));
  EXPECT_FALSE(V.contains("line_fingerprints"));

  R.EnclosingDecl.clear();
  EXPECT_TRUE(render(reportOf(
      {R}))[0]["metadata"]["dev.aiprov"]["enclosing_declaration"]
                  .is_null());
}

TEST(ExportAgentTrace, IdsAreStableUuidsDistinctPerRegion) {
  ExportedRegion Moved = annotated();
  Moved.Start = {40, 1};
  ExportedRegion Edited = annotated();
  Edited.Hash = "sha256:" + std::string(64, 'c');
  // Two ledger records of the same lines and text: identical regions.
  ExportReport Report = reportOf(
      {annotated(), Moved, Edited, ledgerWithHole(), ledgerWithHole()});
  std::vector<json> First = render(Report);
  std::vector<json> Again = render(Report, "2027-01-01T00:00:00Z");
  ASSERT_EQ(First.size(), 5U);
  std::set<std::string> Ids;
  for (size_t I = 0; I < First.size(); ++I) {
    std::string Id = First[I]["id"];
    // The schema's pattern: version 1-8, RFC variant.
    EXPECT_THAT(Id, MatchesRegex("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-"
                                 "[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    EXPECT_EQ(Again[I]["id"], Id) << "the id must not depend on the run";
    Ids.insert(Id);
  }
  EXPECT_EQ(Ids.size(), 5U) << "every record needs its own id";
  // Derived from the region, not from its place in the report.
  EXPECT_EQ(render(reportOf({Edited}))[0]["id"], First[2]["id"]);
}

TEST(ExportAgentTrace, TimestampIsTheRunsOrSourceDateEpoch) {
  EXPECT_EQ(
      render(reportOf({annotated()}), "2030-01-02T03:04:05Z")[0]["timestamp"],
      "2030-01-02T03:04:05Z");

  ScopedEnvironment Epoch("SOURCE_DATE_EPOCH", "1790000000");
  EXPECT_EQ(exportTimestamp(), "2026-09-21T14:13:20Z");
  // Empty options: the renderer asks exportTimestamp() itself.
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  renderExportAgentTrace(reportOf({annotated()}), OS);
  EXPECT_EQ(json::parse(OS.str())["timestamp"], "2026-09-21T14:13:20Z");
  Epoch.set("0");
  EXPECT_EQ(exportTimestamp(), "1970-01-01T00:00:00Z");
  // Not a number: ignored, so the time is now.
  Epoch.set("yesterday");
  EXPECT_THAT(exportTimestamp(),
              MatchesRegex("20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:"
                           "[0-9]{2}Z"));
}

TEST(ExportAgentTrace, UntrustedBytesStayOneValidLine) {
  ExportedRegion R = annotated();
  R.File = "src/na\xFFme\n{\"x\":1}.cpp";
  R.Keys = {{"tool", "to\"ol\n"}, {"note", "line1\nline2\x80"}};
  std::vector<json> Records = render(reportOf({R}));
  ASSERT_EQ(Records.size(), 1U);
  EXPECT_EQ(Records[0]["files"][0]["path"],
            "src/na\xEF\xBF\xBDme\n{\"x\":1}.cpp");
  EXPECT_EQ(Records[0]["tool"]["name"], "to\"ol\n");
  EXPECT_EQ(Records[0]["metadata"]["dev.aiprov"]["keys"]["note"],
            "line1\nline2\xEF\xBF\xBD");
}

TEST(ExportAgentTrace, OverlongModelIsLeftOutOfTheContributor) {
  ExportedRegion R = annotated();
  R.Keys = {{"tool", "x"}, {"model", std::string(300, 'm')}};
  json Contributor =
      render(reportOf({R}))[0]["files"][0]["conversations"][0]["contributor"];
  EXPECT_EQ(Contributor, json({{"type", "ai"}})) << "the schema's maxLength";
}

TEST(ExportAgentTrace, LedgerReaderReadsItBack) {
  std::vector<json> Records = render(reportOf({annotated(), ledgerWithHole()}));
  ASSERT_EQ(Records.size(), 2U);
  llvm::Expected<std::vector<LedgerRecord>> Annotated =
      LedgerRecord::fromJson(Records[0]);
  ASSERT_TRUE(static_cast<bool>(Annotated))
      << llvm::toString(Annotated.takeError());
  ASSERT_EQ(Annotated->size(), 1U);
  EXPECT_EQ((*Annotated)[0].Tool, "claude-code");
  EXPECT_EQ((*Annotated)[0].Model, "anthropic/claude-opus-4-5");
  EXPECT_EQ((*Annotated)[0].Origin, "agent");
  EXPECT_TRUE((*Annotated)[0].isAIAssisted());

  llvm::Expected<std::vector<LedgerRecord>> Ledger =
      LedgerRecord::fromJson(Records[1]);
  ASSERT_TRUE(static_cast<bool>(Ledger)) << llvm::toString(Ledger.takeError());
  std::vector<std::pair<unsigned, unsigned>> Ranges;
  for (const LedgerRecord &L : *Ledger)
    Ranges.emplace_back(L.StartLine, L.EndLine);
  EXPECT_THAT(Ranges, ElementsAre(std::pair(3U, 5U), std::pair(8U, 9U)));
}

TEST(ExportAgentTrace, EmptyReportWritesNothing) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  renderExportAgentTrace(ExportReport(), OS, {Pinned});
  EXPECT_EQ(OS.str(), "");
}

} // namespace
} // namespace aiprov
