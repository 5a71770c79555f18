//===--- ExportAgentTrace.cpp - `aiprov export --format agent-trace` ------===//
//
// The export in the ledger's own language: one Agent Trace 0.1 record per
// region, JSON Lines, so tools that read Agent Trace see annotated and
// recorded code alike. Each record is built by LedgerRecord::toJson, the
// ledger's writer, so the two can never disagree on the format; only what a
// ledger record cannot say (several ranges, aiprov's audit fields) is added
// to its result here. Output is deterministic: ids derive from the region
// and every record carries the one timestamp of the run, which
// SOURCE_DATE_EPOCH pins.
//
//===----------------------------------------------------------------------===//
#include "aiprov/ledger/LedgerRecord.h"
#include "aiprov/output/Export.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/SHA256.h"
#include <array>
#include <cstdlib>

namespace aiprov {
namespace {

using Json = nlohmann::json;

constexpr const char *VendorKey = "dev.aiprov";

/// A UUID (version 8, RFC 9562's custom layout) from SHA-256 of what
/// identifies the region: exporting an unchanged tree again gives the same
/// ids, so consumers can de-duplicate and diffs stay small. Occurrence
/// separates regions that agree on all of it (two identical ledger records
/// of the same lines), counted in output order, which is itself stable.
std::string recordId(const ExportedRegion &R, unsigned Occurrence) {
  llvm::SHA256 Hasher;
  // NUL cannot occur in a path or a hash, so the fields cannot run together.
  for (const std::string &Field :
       {R.File, std::to_string(R.Start.Line), std::to_string(R.Start.Column),
        sourceName(R.Source).str(), R.Hash, std::to_string(Occurrence)}) {
    Hasher.update(Field);
    Hasher.update(llvm::StringRef("\0", 1));
  }
  std::array<uint8_t, 32> Bytes = Hasher.final();
  Bytes[6] = (Bytes[6] & 0x0F) | 0x80; // Version 8.
  Bytes[8] = (Bytes[8] & 0x3F) | 0x80; // RFC 9562 variant.
  std::string Hex = llvm::toHex(llvm::ArrayRef(Bytes).take_front(16),
                                /*LowerCase=*/true);
  return (llvm::StringRef(Hex).substr(0, 8) + "-" + Hex.substr(8, 4) + "-" +
          Hex.substr(12, 4) + "-" + Hex.substr(16, 4) + "-" + Hex.substr(20))
      .str();
}

/// What Agent Trace cannot express, under the vendor key next to what the
/// ledger writer already put there (origin, model), which keeps an exported
/// record readable by LedgerRecord::fromJson.
void addAuditFields(Json &Vendor, const ExportedRegion &R) {
  // What the ledger writer records about the moment of recording, which an
  // export does not know: left out rather than written empty.
  for (const char *Field : {"origin", "who", "line_fingerprints"}) {
    auto It = Vendor.find(Field);
    if (It == Vendor.end())
      continue;
    // json::empty() is false for every string, "" included.
    if (It->is_string() ? It->get_ref<const std::string &>().empty()
                        : It->empty())
      Vendor.erase(It);
  }
  Json Keys = Json::object();
  for (const KeyValue &KV : R.Keys)
    Keys[KV.Key] = KV.Value;
  Vendor["file"] = R.File;
  Vendor["start"] = {{"line", R.Start.Line}, {"column", R.Start.Column}};
  Vendor["end"] = {{"line", R.End.Line}, {"column", R.End.Column}};
  Vendor["enclosing_declaration"] =
      R.EnclosingDecl.empty() ? Json(nullptr) : Json(R.EnclosingDecl);
  Vendor["source"] = sourceName(R.Source).str();
  Vendor["keys"] = std::move(Keys);
  Vendor["lines"] = R.LineCount;
  Vendor["hash"] = R.Hash;
  Vendor["review"] = reviewStatusName(R.Review).str();
  Vendor["verdict"] = permissionName(R.Verdict).str();
  Vendor["checks"] = R.Checks;
}

Json regionRecord(const ExportedRegion &R, const std::string &Id,
                  const std::string &Timestamp) {
  LedgerRecord Record;
  Record.Id = Id;
  Record.Timestamp = Timestamp;
  Record.File = R.File;
  if (!R.LineRuns.empty()) {
    Record.StartLine = R.LineRuns.front().First;
    Record.EndLine = R.LineRuns.back().Last;
  }
  Record.Tool = findKey(R.Keys, "tool").value_or("").str();
  Record.Model = findKey(R.Keys, "model").value_or("").str();
  Record.Origin = findKey(R.Keys, "origin").value_or("").str();
  // Nobody said such a paste came from an AI,
  // and the summary does not count it.
  if (R.UnknownPaste)
    Record.Contributor = "unknown";
  Json Out = Record.toJson();

  // A ledger record holds one range; a region whose middle a human
  // rewrote has several runs, each its own range.
  Json Ranges = Json::array();
  for (auto [First, Last] : R.LineRuns)
    Ranges.push_back({{"start_line", First}, {"end_line", Last}});
  Out["files"][0]["conversations"][0]["ranges"] = std::move(Ranges);
  addAuditFields(Out["metadata"][VendorKey], R);
  return Out;
}

} // namespace

void renderExportAgentTrace(const ExportReport &Report, llvm::raw_ostream &OS,
                            const ExportRunOptions &Options) {
  const std::string Timestamp =
      Options.Timestamp.empty() ? exportTimestamp() : Options.Timestamp;
  llvm::StringMap<unsigned> Seen;
  for (const ExportedRegion &R : Report.Regions) {
    std::string Base = recordId(R, 0);
    unsigned Occurrence = Seen[Base]++;
    std::string Id = Occurrence == 0 ? Base : recordId(R, Occurrence);
    // One line per record; bytes that are not UTF-8 (file names and key
    // values need not be) become U+FFFD instead of breaking the line.
    OS << regionRecord(R, Id, Timestamp)
              .dump(-1, ' ', /*ensure_ascii=*/false,
                    Json::error_handler_t::replace)
       << '\n';
  }
}

} // namespace aiprov
