//===--- Diagnostics.h - Findings as LSP diagnostics, and back ------------===//
//
// Like clangd's toLSPDiags: what a snapshot's findings look like in the
// editor (published, or pulled by textDocument/diagnostic, the same list
// both ways), and which of the diagnostics a client sends back with a
// codeAction request are findings an action settles.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_DIAGNOSTICS_H
#define AIPROV_SERVER_DIAGNOSTICS_H

#include "AiprovServer.h"
#include "Protocol.h"
#include "aiprov/support/SourceText.h"
#include "llvm/ADT/ArrayRef.h"
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace aiprov::server {

/// Doc's findings as diagnostics, in their order, after one on line 1
/// when Doc's policy is broken (the file is then not checked). Positions
/// in Core's encoding.
std::vector<lsp::Diagnostic> diagnosticsOf(const AiprovServer &Core,
                                           const DocumentAnalysis &Doc);

/// Those of the client's Diagnostics (a codeAction request's context,
/// echoed back untouched) whose code is one of Checks and which start on
/// one of Lines (1-based). Entries of any other shape are skipped.
std::vector<nlohmann::json>
findingsAmong(llvm::ArrayRef<nlohmann::json> Diagnostics,
              llvm::ArrayRef<std::string> Checks, LineRange Lines);

} // namespace aiprov::server

#endif
