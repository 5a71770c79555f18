//===--- ExportJson.cpp - `aiprov export --format json` -------------------===//
//
// The audit export for scripts and dashboards. Its shape is fixed by
// docs/schema/export.schema.json (the validator tests check real output
// against it); change both together and bump "version" on an incompatible
// change. Every region has every member (null when unknown), so consumers
// never test for presence, and keys keep a fixed order so output diffs well.
//
//===----------------------------------------------------------------------===//
#include "aiprov/output/Export.h"
#include "aiprov/support/Version.h"
#include <cmath>
#include <nlohmann/json.hpp>

namespace aiprov {
namespace {

using Json = nlohmann::ordered_json;

/// Bumped only when a consumer written for the old shape would misread the
/// new one; adding an optional member is not such a change.
constexpr int FormatVersion = 1;

Json regionToJson(const ExportedRegion &R) {
  // Keys are unique within a directive (a repeated key is malformed), so
  // an object loses nothing and lets `jq .keys.tool` work.
  Json Keys = Json::object();
  for (const KeyValue &KV : R.Keys)
    Keys[KV.Key] = KV.Value;
  Json Runs = Json::array();
  for (auto [First, Last] : R.LineRuns)
    Runs.push_back({First, Last});
  return {
      {"file", R.File},
      {"start", {{"line", R.Start.Line}, {"column", R.Start.Column}}},
      {"end", {{"line", R.End.Line}, {"column", R.End.Column}}},
      {"enclosingDeclaration",
       R.EnclosingDecl.empty() ? Json(nullptr) : Json(R.EnclosingDecl)},
      {"source", sourceName(R.Source).str()},
      {"tool", R.Tool},
      {"keys", std::move(Keys)},
      {"lines", R.LineCount},
      {"lineRuns", std::move(Runs)},
      {"hash", R.Hash},
      {"review", reviewStatusName(R.Review).str()},
      {"verdict", permissionName(R.Verdict).str()},
      {"checks", R.Checks},
  };
}

Json sharesToJson(llvm::ArrayRef<LineShare> Shares, const char *NameKey) {
  Json Out = Json::array();
  for (const LineShare &S : Shares)
    Out.push_back({{NameKey, S.Name},
                   {"aiLines", S.AiLines},
                   {"totalLines", S.TotalLines},
                   {"aiShare", aiShare(S.AiLines, S.TotalLines)}});
  return Out;
}

Json lostToJson(const LostRecord &L) {
  return {{"file", L.File},
          {"workspace", L.WorkspaceRoot},
          {"record", L.RecordId},
          {"recordedAt", L.Timestamp},
          {"tool", L.Tool},
          {"model", L.Model},
          {"origin", L.Origin},
          {"recordedLines", {L.RecordedFirstLine, L.RecordedLastLine}},
          {"reason", L.Reason}};
}

} // namespace

void renderExportJson(const ExportReport &Report, llvm::raw_ostream &OS) {
  Json Regions = Json::array();
  for (const ExportedRegion &R : Report.Regions)
    Regions.push_back(regionToJson(R));
  Json Lost = Json::array();
  for (const LostRecord &L : Report.Lost)
    Lost.push_back(lostToJson(L));
  const ExportSummary &S = Report.Summary;
  Json Out = {
      {"version", FormatVersion},
      {"tool", {{"name", "aiprov"}, {"version", Version}}},
      {"regions", std::move(Regions)},
      {"lost", std::move(Lost)},
      {"summary",
       {{"files", S.Files},
        {"regions", S.Regions},
        {"aiLines", S.AiLines},
        {"totalLines", S.TotalLines},
        {"aiShare", aiShare(S.AiLines, S.TotalLines)},
        {"byTool", sharesToJson(S.ByTool, "tool")},
        {"byDirectory", sharesToJson(S.ByDirectory, "directory")}}},
      {"errors", Report.Errors},
      {"warnings", Report.Warnings},
  };
  // File names and key values need not be UTF-8; replacing bad bytes with
  // U+FFFD keeps the document valid JSON instead of throwing.
  OS << Out.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

} // namespace aiprov
