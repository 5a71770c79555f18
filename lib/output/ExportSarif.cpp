//===--- ExportSarif.cpp - `aiprov export --format sarif` -----------------===//
//
// The export as SARIF 2.1.0, so code-scanning dashboards can show every
// AI-assisted region, not only violations. Each region is one result: under
// the rule of the most important check that fires for it (the check table's
// order), else under an informational `aiprov-ai-assisted-region` rule. The
// level follows the policy verdict, so a dashboard's default filter (errors
// and warnings) shows what needs action and notes show the rest. Rules,
// locations and the log itself come from SarifCommon.h, shared with
// `check --format sarif`.
//
//===----------------------------------------------------------------------===//
#include "SarifCommon.h"
#include "aiprov/output/Export.h"
#include "llvm/ADT/StringExtras.h"

namespace aiprov {
namespace {

using sarif::Json;

constexpr llvm::StringLiteral RegionRuleId = "aiprov-ai-assisted-region";

/// SARIF result level of a region: the policy verdict decides.
llvm::StringRef levelOf(const ExportedRegion &R) {
  if (R.Verdict == AiPermission::Forbid)
    return "error";
  if (R.Verdict == AiPermission::Review && R.Review != ReviewStatus::Reviewed)
    return "warning";
  return "note";
}

/// Index in the rules array: the checks first, in table order, then the
/// region rule.
size_t ruleIndexOf(llvm::StringRef RuleId) {
  llvm::ArrayRef<CheckInfo> Checks = allChecks();
  for (size_t I = 0; I < Checks.size(); ++I)
    if (Checks[I].Name == RuleId)
      return I;
  return Checks.size();
}

Json resultJson(const ExportedRegion &R, llvm::StringRef WorkingDir) {
  Json Physical = sarif::physicalLocationJson(R.File, R.Start.Line,
                                              R.Start.Column, WorkingDir);
  Json &Region = Physical["region"];
  Region["endLine"] = R.End.Line;
  // SARIF's endColumn is exclusive and its absence means "to the end of the
  // line": give it only for an `end` directive, which ends the region where
  // it starts; other regions include their whole last line.
  if (R.End.Column > 1 && R.End.Line > R.Start.Line)
    Region["endColumn"] = R.End.Column;
  Json Location = {{"physicalLocation", std::move(Physical)}};
  if (!R.EnclosingDecl.empty())
    Location["logicalLocations"] =
        Json::array({sarif::logicalLocationJson(R.EnclosingDecl)});

  const std::string RuleId =
      R.Checks.empty() ? RegionRuleId.str() : R.Checks.front();
  std::string Message = R.Description + ": review status " +
                        reviewStatusName(R.Review).str() + ", policy " +
                        permissionName(R.Verdict).str();
  if (!R.Checks.empty())
    Message += ", fails " + llvm::join(R.Checks, ", ");
  Json Keys = Json::object();
  for (const KeyValue &KV : R.Keys)
    Keys[KV.Key] = KV.Value;
  Json Result = {
      {"ruleId", RuleId},
      {"ruleIndex", ruleIndexOf(RuleId)},
      {"level", levelOf(R).str()},
      {"message", {{"text", sarif::sentence(Message)}}},
      {"locations", Json::array({std::move(Location)})},
  };
  if (!R.Fingerprint.empty())
    Result["partialFingerprints"] = {{sarif::FingerprintKey, R.Fingerprint}};
  // The export's own fields, named as in the JSON format.
  Result["properties"] = {
      {"source", sourceName(R.Source).str()},
      {"tool", R.Tool},
      {"keys", std::move(Keys)},
      {"lines", R.LineCount},
      {"hash", R.Hash},
      {"review", reviewStatusName(R.Review).str()},
      {"verdict", permissionName(R.Verdict).str()},
      {"checks", R.Checks},
  };
  return Result;
}

} // namespace

void renderExportSarif(const ExportReport &Report, llvm::raw_ostream &OS,
                       const SarifOptions &Options) {
  const std::string WorkingDir = Options.WorkingDirectory.empty()
                                     ? sarif::currentDirectory()
                                     : Options.WorkingDirectory;
  Json Rules = Json::array();
  for (const CheckInfo &Info : allChecks())
    Rules.push_back(sarif::ruleJson(Info));
  Rules.push_back(sarif::ruleJson(
      RegionRuleId, "An AI-assisted region",
      "An AI-assisted region, listed by aiprov export whether or not it "
      "breaks the policy; its properties give its provenance, review status "
      "and policy verdict",
      "docs/export.md", "note"));
  Json Results = Json::array();
  for (const ExportedRegion &R : Report.Regions)
    Results.push_back(resultJson(R, WorkingDir));
  Json Log = sarif::logJson(std::move(Rules), std::move(Results), Report.Errors,
                            WorkingDir);
  // Paths and key values need not be UTF-8; replacing bad bytes with U+FFFD
  // keeps the log valid JSON instead of throwing.
  OS << Log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

} // namespace aiprov
