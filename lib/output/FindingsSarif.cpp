//===--- SarifOutput.cpp - `aiprov check --format sarif` ------------------===//
//
// SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps, VS Code's
// SARIF viewer). It must pass Microsoft's SARIF Multitool `validate` without
// errors, and avoids its best-practice warnings where the data allows:
// PascalCase rule names, messages that end with a period, tool version and
// information URI, paths relative to %SRCROOT% with the base declared in
// originalUriBaseIds; and a `help` per rule, which GitHub code scanning
// requires on upload. Rule metadata comes from the check table, so the
// rules here are the same words as `--help` and docs/checks/. The pieces
// `aiprov export --format sarif` shares (SarifCommon.h) are defined here too.
//
//===----------------------------------------------------------------------===//
#include "SarifCommon.h"
#include "aiprov/output/FindingsOutput.h"
#include "aiprov/support/Paths.h"
#include "aiprov/support/Uri.h"
#include "aiprov/support/Version.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <nlohmann/json.hpp>

namespace aiprov {
namespace {

using sarif::Json;
using namespace sarif;

constexpr const char *SrcRootId = "%SRCROOT%";

/// The base URI of %SRCROOT%: SARIF wants a directory URI ending in '/'.
std::string directoryUri(llvm::StringRef Dir) {
  std::string Uri = fileUri(Dir);
  if (!llvm::StringRef(Uri).ends_with("/"))
    Uri += '/';
  return Uri;
}

Json invocationJson(const std::vector<std::string> &Errors) {
  Json Invocation = {{"executionSuccessful", Errors.empty()}};
  if (!Errors.empty()) {
    Json Notifications = Json::array();
    for (const std::string &Error : Errors)
      Notifications.push_back(
          {{"level", "error"}, {"message", {{"text", sentence(Error)}}}});
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  }
  return Invocation;
}

Json resultJson(const Finding &F, llvm::StringRef WorkingDir) {
  const CheckInfo &Info = checkInfo(F.Check);
  Json Location = {
      {"physicalLocation",
       physicalLocationJson(F.File, F.Where.Line, F.Where.Column, WorkingDir)}};
  if (!F.EnclosingDecl.empty())
    Location["logicalLocations"] =
        Json::array({logicalLocationJson(F.EnclosingDecl)});
  Json Result = {
      {"ruleId", Info.Name.str()},
      {"ruleIndex", &Info - allChecks().data()},
      {"level", severityName(F.Level).str()},
      {"message", {{"text", sentence(F.Message)}}},
      {"locations", Json::array({std::move(Location)})},
  };
  // The policy rule behind the finding, so a dashboard user can see which
  // line of which .aiprov.yaml (or ignore file) to change.
  if (!F.Rule.File.empty()) {
    Json Related = {
        {"id", 0},
        {"physicalLocation",
         physicalLocationJson(F.Rule.File, F.Rule.Line, 0, WorkingDir)},
        {"message",
         {{"text",
           sentence(F.Rule.Text.empty() ? "Policy rule" : F.Rule.Text)}}}};
    Result["relatedLocations"] = Json::array({std::move(Related)});
  }
  if (!F.Fingerprint.empty())
    Result["partialFingerprints"] = {{FingerprintKey, F.Fingerprint}};
  return Result;
}

} // namespace

namespace sarif {

std::string currentDirectory() {
  llvm::SmallString<256> Dir;
  if (llvm::sys::fs::current_path(Dir))
    return "/";
  return std::string(Dir);
}

/// SARIF's TerminateMessagesWithPeriod rule: plain-text messages are
/// sentences. clang-style messages have no final period, so add one here
/// rather than in every check.
std::string sentence(llvm::StringRef Text) {
  std::string Out = Text.rtrim().str();
  if (Out.empty() || !llvm::StringRef(".!?").contains(Out.back()))
    Out += '.';
  return Out;
}

namespace {

/// "aiprov-forbidden-region" -> "ForbiddenRegion": SARIF rule names are
/// PascalCase identifiers, while ids stay the check names users type.
std::string ruleName(llvm::StringRef CheckName) {
  CheckName.consume_front("aiprov-");
  std::string Out;
  bool Upper = true;
  for (char C : CheckName) {
    if (C == '-') {
      Upper = true;
      continue;
    }
    Out += Upper ? llvm::toUpper(C) : C;
    Upper = false;
  }
  return Out;
}

} // namespace

Json ruleJson(llvm::StringRef Id, llvm::StringRef Summary,
              llvm::StringRef Description, llvm::StringRef DocPath,
              llvm::StringRef DefaultLevel) {
  const std::string HelpUri =
      std::string(InformationUri) + "/blob/main/" + DocPath.str();
  const std::string Text = sentence(Description);
  return {
      {"id", Id.str()},
      {"name", ruleName(Id)},
      {"shortDescription", {{"text", sentence(Summary)}}},
      {"fullDescription", {{"text", Text}}},
      {"helpUri", HelpUri},
      // GitHub code scanning requires `help` and shows it next to each
      // alert; the doc page has the examples and the ways to fix.
      {"help",
       {{"text", Text + " See " + HelpUri + " for examples."},
        {"markdown", Text + "\n\nSee [" + Id.str() + "](" + HelpUri +
                         ") for examples and how to fix it."}}},
      {"defaultConfiguration", {{"level", DefaultLevel.str()}}},
  };
}

Json ruleJson(const CheckInfo &Info) {
  return ruleJson(Info.Name, Info.Summary, Info.Description, Info.DocPath,
                  severityName(Info.DefaultSeverity));
}

Json physicalLocationJson(llvm::StringRef Path, unsigned Line, unsigned Column,
                          llvm::StringRef WorkingDir) {
  ArtifactUri Uri = artifactUri(Path, WorkingDir);
  Json Artifact = {{"uri", Uri.Uri}};
  if (!Uri.BaseId.empty())
    Artifact["uriBaseId"] = Uri.BaseId;
  Json Location = {{"artifactLocation", std::move(Artifact)}};
  // SARIF regions are 1-based; zero means the engine did not know.
  if (Line != 0) {
    Json Region = {{"startLine", Line}};
    if (Column != 0)
      Region["startColumn"] = Column;
    Location["region"] = std::move(Region);
  }
  return Location;
}

/// The check code writes the enclosing declaration as "KIND 'NAME'" (e.g.
/// "function 'Task::score'"); SARIF models it as a logical location whose
/// kind, where it has a well-known one, lets viewers group by function.
Json logicalLocationJson(llvm::StringRef EnclosingDecl) {
  auto [Kind, Quoted] = EnclosingDecl.split(" '");
  if (Quoted.empty() || !Quoted.ends_with("'"))
    return {{"fullyQualifiedName", EnclosingDecl.str()}};
  Json Location = {{"fullyQualifiedName", Quoted.drop_back().str()}};
  llvm::StringRef SarifKind =
      llvm::StringSwitch<llvm::StringRef>(Kind)
          .Cases("function", "method", "constructor", "destructor",
                 "function template", "function")
          .Cases("class", "struct", "union", "enum", "class template", "type")
          .Case("namespace", "namespace")
          .Case("variable", "variable")
          .Case("field", "member")
          .Default("");
  if (!SarifKind.empty())
    Location["kind"] = SarifKind.str();
  return Location;
}

Json logJson(Json Rules, Json Results, const std::vector<std::string> &Errors,
             llvm::StringRef WorkingDir) {
  Json Run = {
      {"tool",
       {{"driver",
         {{"name", "aiprov"},
          {"version", Version},
          {"semanticVersion", Version},
          {"informationUri", InformationUri},
          {"rules", std::move(Rules)}}}}},
      {"invocations", Json::array({invocationJson(Errors)})},
      {"originalUriBaseIds",
       {{SrcRootId, {{"uri", directoryUri(WorkingDir)}}}}},
      {"results", std::move(Results)},
  };
  return {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", Json::array({std::move(Run)})},
  };
}

} // namespace sarif

ArtifactUri artifactUri(llvm::StringRef Path,
                        llvm::StringRef WorkingDirectory) {
  const std::string Absolute = absolutePath(Path, WorkingDirectory);
  const std::string Root = absolutePath(WorkingDirectory);
  if (std::optional<llvm::StringRef> Below = pathBelow(Absolute, Root);
      Below && !Below->empty())
    return {percentEncodePath(*Below), SrcRootId};
  return {fileUri(Absolute), ""};
}

void renderSarif(const CheckReport &Report, llvm::raw_ostream &OS) {
  renderSarif(Report, OS, SarifOptions());
}

void renderSarif(const CheckReport &Report, llvm::raw_ostream &OS,
                 const SarifOptions &Options) {
  const std::string WorkingDir = Options.WorkingDirectory.empty()
                                     ? currentDirectory()
                                     : Options.WorkingDirectory;
  Json Rules = Json::array();
  for (const CheckInfo &Info : allChecks())
    Rules.push_back(ruleJson(Info));
  Json Results = Json::array();
  for (const Finding &F : Report.Findings)
    Results.push_back(resultJson(F, WorkingDir));

  Json Log =
      logJson(std::move(Rules), std::move(Results), Report.Errors, WorkingDir);
  // Paths and messages need not be UTF-8; replacing bad bytes with U+FFFD
  // keeps the log valid JSON instead of throwing.
  OS << Log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

} // namespace aiprov
