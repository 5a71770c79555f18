//===--- SarifCommon.h - SARIF pieces shared by `check` and `export` ------===//
//
// Private to the engine. `aiprov check --format sarif` and `aiprov export
// --format sarif` describe the same files, rules and declarations; building
// them in one place (SarifOutput.cpp) keeps the two logs identical where
// they overlap and both passing the SARIF Multitool.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_OUTPUT_SARIFCOMMON_H
#define AIPROV_OUTPUT_SARIFCOMMON_H

#include "aiprov/check/Finding.h"
#include "llvm/ADT/StringRef.h"
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace aiprov::sarif {

using Json = nlohmann::ordered_json;

/// Versioned so that a change in how the engine computes fingerprints can
/// move to a new key instead of silently re-identifying every result.
inline constexpr const char *FingerprintKey = "aiprovRegion/v1";

/// The process's current directory ("/" if it cannot be read).
std::string currentDirectory();

/// Text as a sentence ending in '.', '!' or '?' (SARIF's
/// TerminateMessagesWithPeriod rule).
std::string sentence(llvm::StringRef Text);

/// A reportingDescriptor for one rule. DocPath is relative to the
/// repository ("docs/checks/….md"); the rule name is PascalCase of Id.
Json ruleJson(llvm::StringRef Id, llvm::StringRef Summary,
              llvm::StringRef Description, llvm::StringRef DocPath,
              llvm::StringRef DefaultLevel);
/// The rule of one check, from the check table.
Json ruleJson(const CheckInfo &Info);

/// A physicalLocation naming Path (see artifactUri). Zero Line: no region;
/// zero Column: no startColumn.
Json physicalLocationJson(llvm::StringRef Path, unsigned Line, unsigned Column,
                          llvm::StringRef WorkingDir);

/// A logicalLocation for an enclosing declaration written "KIND 'NAME'".
Json logicalLocationJson(llvm::StringRef EnclosingDecl);

/// The whole log: one run of aiprov with these rules and results, its
/// %SRCROOT% at WorkingDir, and Errors as tool execution notifications.
Json logJson(Json Rules, Json Results, const std::vector<std::string> &Errors,
             llvm::StringRef WorkingDir);

} // namespace aiprov::sarif

#endif
