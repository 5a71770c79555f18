//===--- LedgerRecord.cpp - Agent Trace JSON to and from LedgerRecord -----===//
//
// Writing is strict and reading is lenient, as Agent Trace intends: toJson()
// emits exactly the schema's shape with aiprov's extras under its vendor
// key, while fromJson() takes any record another tool wrote, asks only for
// what aiprov needs (an id, a timestamp, files with line ranges) and says
// which field was missing. Every value's type is checked before it is
// read, so no record makes nlohmann/json throw.
//
//===----------------------------------------------------------------------===//
#include "aiprov/ledger/LedgerRecord.h"
#include "aiprov/ledger/RecordIdentity.h"
#include "aiprov/support/JsonAccess.h"
#include <cstdint>

namespace aiprov {
namespace {

using Json = nlohmann::json;

constexpr const char *AgentTraceVersion = "0.1";
constexpr const char *VendorKey = "dev.aiprov";
constexpr size_t MaxModelIdLength = 250; // The schema's maxLength.

llvm::Error missing(const llvm::Twine &What) {
  return llvm::createStringError(
      std::make_error_code(std::errc::invalid_argument),
      "missing or invalid " + What);
}

std::string contributorType(const Json *Contributor, llvm::StringRef Default) {
  if (Contributor && Contributor->is_object())
    return stringOr(*Contributor, "type", Default);
  return Default.str();
}

std::string modelOf(const Json *Contributor, llvm::StringRef Default) {
  if (Contributor && Contributor->is_object())
    return stringOr(*Contributor, "model_id", Default);
  return Default.str();
}

} // namespace

bool LedgerRecord::isAIAssisted() const {
  return Contributor == "ai" || Contributor == "mixed";
}

nlohmann::json LedgerRecord::toJson() const {
  Json Contrib = {{"type", Contributor}};
  if (!Model.empty() && Model.size() <= MaxModelIdLength)
    Contrib["model_id"] = Model;
  Json Range = {{"start_line", StartLine}, {"end_line", EndLine}};
  if (!LineFingerprints.empty()) {
    std::string Joined;
    for (const std::string &F : LineFingerprints)
      Joined += F + "\n";
    Range["content_hash"] = "aiprov-fnv1a64:" + fingerprintLine(Joined);
  }
  Json Record = {
      {"version", AgentTraceVersion},
      {"id", Id},
      {"timestamp", Timestamp},
      {"files",
       Json::array({{{"path", File},
                     {"conversations",
                      Json::array({{{"contributor", Contrib},
                                    {"ranges", Json::array({Range})}}})}}})}};
  if (!Tool.empty())
    Record["tool"] = {{"name", Tool}, {"version", ToolVersion}};
  Json Vendor = {{"format", 1},
                 {"origin", Origin},
                 {"who", Who},
                 {"line_fingerprints", LineFingerprints}};
  if (!Model.empty())
    Vendor["model"] = Model;
  Record["metadata"] = {{VendorKey, Vendor}};
  return Record;
}

llvm::Expected<std::vector<LedgerRecord>>
LedgerRecord::fromJson(const nlohmann::json &Record) {
  if (!Record.is_object())
    return llvm::createStringError(std::errc::invalid_argument,
                                   "not a JSON object");
  LedgerRecord Common;
  const Json *Id = member(Record, "id");
  if (!Id || !Id->is_string() || Id->get_ref<const std::string &>().empty())
    return missing("field 'id'");
  Common.Id = Id->get<std::string>();
  const Json *Time = member(Record, "timestamp");
  if (!Time || !Time->is_string())
    return missing("field 'timestamp'");
  Common.Timestamp = Time->get<std::string>();
  if (const Json *Tool = member(Record, "tool"); Tool && Tool->is_object()) {
    Common.Tool = stringOr(*Tool, "name");
    Common.ToolVersion = stringOr(*Tool, "version");
  }
  const Json *Vendor = nullptr;
  if (const Json *Meta = member(Record, "metadata"); Meta && Meta->is_object())
    if (const Json *V = member(*Meta, VendorKey); V && V->is_object())
      Vendor = V;
  if (Vendor) {
    Common.Origin = stringOr(*Vendor, "origin");
    Common.Who = stringOr(*Vendor, "who");
    Common.Model = stringOr(*Vendor, "model");
    if (const Json *Prints = member(*Vendor, "line_fingerprints");
        Prints && Prints->is_array())
      for (const Json &P : *Prints)
        if (P.is_string())
          Common.LineFingerprints.push_back(P.get<std::string>());
  }

  const Json *Files = member(Record, "files");
  if (!Files || !Files->is_array())
    return missing("field 'files'");
  std::vector<LedgerRecord> Result;
  for (const Json &F : *Files) {
    const Json *Path = F.is_object() ? member(F, "path") : nullptr;
    if (!Path || !Path->is_string())
      return missing("field 'files[].path'");
    const Json *Conversations = member(F, "conversations");
    if (!Conversations || !Conversations->is_array())
      return missing("field 'files[].conversations'");
    for (const Json &C : *Conversations) {
      const Json *Ranges = C.is_object() ? member(C, "ranges") : nullptr;
      if (!Ranges || !Ranges->is_array())
        return missing("field 'files[].conversations[].ranges'");
      const Json *ConvContributor = member(C, "contributor");
      std::string ConvType = contributorType(ConvContributor, "unknown");
      std::string ConvModel = modelOf(ConvContributor, Common.Model);
      for (const Json &R : *Ranges) {
        const Json *Start = R.is_object() ? member(R, "start_line") : nullptr;
        const Json *End = R.is_object() ? member(R, "end_line") : nullptr;
        if (!Start || !End || !Start->is_number_unsigned() ||
            !End->is_number_unsigned() || Start->get<uint64_t>() < 1 ||
            End->get<uint64_t>() < Start->get<uint64_t>() ||
            End->get<uint64_t>() > UINT32_MAX)
          return missing("line range (start_line <= end_line, both >= 1)");
        LedgerRecord One = Common;
        One.File = Path->get<std::string>();
        One.StartLine = Start->get<unsigned>();
        One.EndLine = End->get<unsigned>();
        // Placement trusts the fingerprints over the range: a count that
        // disagrees with the range would silently move or stretch it.
        uint64_t Lines = uint64_t(One.EndLine) - One.StartLine + 1;
        if (!One.LineFingerprints.empty() &&
            One.LineFingerprints.size() != Lines)
          return llvm::createStringError(
              std::errc::invalid_argument,
              "line_fingerprints has %zu entries for the %llu lines %u-%u",
              One.LineFingerprints.size(),
              static_cast<unsigned long long>(Lines), One.StartLine,
              One.EndLine);
        const Json *RangeContributor = member(R, "contributor");
        One.Contributor = contributorType(RangeContributor, ConvType);
        One.Model = modelOf(RangeContributor, ConvModel);
        Result.push_back(std::move(One));
      }
    }
  }
  return Result;
}

} // namespace aiprov
