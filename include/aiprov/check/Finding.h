//===--- Finding.h - What a check reports ---------------------------------===//
//
// The five checks of SPEC §3 and the finding record every output format
// (text, JSON, SARIF, compiler diagnostics, LSP) is rendered from. Findings
// carry everything a renderer needs so no renderer re-derives policy facts.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_CHECK_FINDING_H
#define AIPROV_CHECK_FINDING_H

#include "aiprov/policy/RuleOrigin.h"
#include "aiprov/support/SourceText.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace aiprov {

enum class CheckId {
  ForbiddenRegion,
  UnreviewedRegion,
  StaleReview,
  UnknownPaste,
  MalformedAnnotation,
};

enum class Severity { Warning, Error };

/// "warning" or "error": the word clang prints, and SARIF's result level.
llvm::StringRef severityName(Severity Level);

/// Static facts about a check: its public name and documentation, used by
/// `--help`, SARIF rule metadata and the docs index alike.
struct CheckInfo {
  CheckId Id;
  llvm::StringRef Name;        // "aiprov-forbidden-region"
  Severity DefaultSeverity;    // unknown-paste's real one comes from policy
  llvm::StringRef Summary;     // one line
  llvm::StringRef Description; // a paragraph
  llvm::StringRef DocPath;     // "docs/checks/aiprov-forbidden-region.md"
};

llvm::ArrayRef<CheckInfo> allChecks();
const CheckInfo &checkInfo(CheckId Id);

/// Where the policy decision behind a finding came from, so a user can see
/// which rule to change (the plugin prints it as a note).
struct Finding {
  CheckId Check = CheckId::MalformedAnnotation;
  Severity Level = Severity::Warning;
  /// The path as the user named it (relative paths stay relative).
  std::string File;
  Position Where;
  /// Without the check name; renderers append " [check-name]".
  std::string Message;
  /// "function 'Task::score'" when known (AST mode), else empty.
  std::string EnclosingDecl;
  /// Set when the finding follows from a policy rule.
  RuleOrigin Rule;
  /// Stable across unrelated edits: identifies the region by its check,
  /// file and content hash rather than its line (SARIF partialFingerprints).
  std::string Fingerprint;
};

/// Sorts by file, line, column, check, then message: the order every
/// output uses, independent of the order checks ran in.
void sortFindings(std::vector<Finding> &Findings);

} // namespace aiprov

#endif
