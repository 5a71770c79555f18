//===--- Diagnostics.cpp - Findings as LSP diagnostics, and back ----------===//
//
// A finding is shown from where it is reported to the end of that line:
// the whole line would hide other diagnostics on it, the position alone is
// too small to see. The client's diagnostics are read without throwing:
// nothing about them is trusted, they are only echoed back.
//
//===----------------------------------------------------------------------===//
#include "Diagnostics.h"
#include "JSONRPC.h"
#include "WirePositions.h"
#include "aiprov/check/Checks.h"
#include "llvm/ADT/STLExtras.h"

namespace aiprov::server {

std::vector<lsp::Diagnostic> diagnosticsOf(const AiprovServer &Core,
                                           const DocumentAnalysis &Doc) {
  std::vector<lsp::Diagnostic> Diagnostics;
  if (!Doc.PolicyError.empty())
    Diagnostics.push_back(
        {toWire(Core.lineSpan(Doc, 1, 1)), lsp::DiagnosticSeverity::Error, "",
         "aiprov",
         "this file is not checked: its policy is broken: " + Doc.PolicyError});
  for (const Finding &F : Doc.Findings)
    Diagnostics.push_back({toWire(Core.findingSpan(Doc, F.Where)),
                           F.Level == Severity::Error
                               ? lsp::DiagnosticSeverity::Error
                               : lsp::DiagnosticSeverity::Warning,
                           checkInfo(F.Check).Name.str(), "aiprov", F.Message});
  return Diagnostics;
}

std::vector<nlohmann::json>
findingsAmong(llvm::ArrayRef<nlohmann::json> Diagnostics,
              llvm::ArrayRef<std::string> Checks, LineRange Lines) {
  std::vector<nlohmann::json> Found;
  for (const nlohmann::json &D : Diagnostics) {
    // value() throws on anything but an object, and nothing here may
    // throw.
    if (!D.is_object())
      continue;
    auto Code = D.find("code");
    std::string Problem;
    auto Range = Dispatcher::decode<lsp::Range>(
        D.value("range", nlohmann::json()), Problem);
    if (Code == D.end() || !Code->is_string() || !Range ||
        !llvm::is_contained(Checks, Code->get<std::string>()))
      continue;
    unsigned Line = Range->start.line + 1;
    if (Lines.First <= Line && Line <= Lines.Last)
      Found.push_back(D);
  }
  return Found;
}

} // namespace aiprov::server
