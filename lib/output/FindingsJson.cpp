//===--- JsonOutput.cpp - `aiprov check --format json` --------------------===//
//
// The machine-readable form of a check run for scripts and dashboards. Its
// shape is fixed by docs/schema/check-output.schema.json (which the tests
// validate real output against); change both together and bump "version"
// on an incompatible change. Keys keep a fixed order so output diffs well.
//
//===----------------------------------------------------------------------===//
#include "aiprov/output/FindingsOutput.h"
#include "aiprov/support/Version.h"
#include <nlohmann/json.hpp>

namespace aiprov {
namespace {

using Json = nlohmann::ordered_json;

/// Bumped only when a consumer written for the old shape would misread the
/// new one; adding an optional member is not such a change.
constexpr int FormatVersion = 1;

Json findingToJson(const Finding &F) {
  Json J = {
      {"check", checkInfo(F.Check).Name.str()},
      {"severity", severityName(F.Level).str()},
      {"file", F.File},
      {"line", F.Where.Line},
      {"column", F.Where.Column},
      {"message", F.Message},
  };
  if (!F.EnclosingDecl.empty())
    J["enclosingDeclaration"] = F.EnclosingDecl;
  if (!F.Rule.File.empty()) {
    Json Rule = {{"file", F.Rule.File}};
    if (F.Rule.Line != 0)
      Rule["line"] = F.Rule.Line;
    if (!F.Rule.Text.empty())
      Rule["text"] = F.Rule.Text;
    J["rule"] = std::move(Rule);
  }
  J["fingerprint"] = F.Fingerprint;
  return J;
}

} // namespace

void renderJson(const CheckReport &Report, llvm::raw_ostream &OS) {
  Json Findings = Json::array();
  unsigned ErrorCount = 0, WarningCount = 0;
  for (const Finding &F : Report.Findings) {
    Findings.push_back(findingToJson(F));
    ++(F.Level == Severity::Error ? ErrorCount : WarningCount);
  }
  Json Out = {
      {"version", FormatVersion},
      {"tool", {{"name", "aiprov"}, {"version", Version}}},
      {"findings", std::move(Findings)},
      {"errors", Report.Errors},
      {"summary",
       {{"files", Report.FilesChecked},
        {"errors", ErrorCount},
        {"warnings", WarningCount}}},
  };
  // File names and policy messages need not be UTF-8; replacing bad bytes
  // with U+FFFD keeps the document valid JSON instead of throwing.
  OS << Out.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

} // namespace aiprov
