//===--- PolicyFile.h - One .aiprov.yaml, parsed --------------------------===//
//
// SPEC §2. The parsed form of a single policy file, with no knowledge of
// where it sits in a tree: discovery, `inherit` chains, ignore files and
// verdicts are PolicyResolver's job (Policy.h). Kept apart so the parser can
// be tested and fuzzed on bytes alone, without touching the file system.
//
// Parsing uses LLVM's YAML I/O, the same machinery .clang-tidy uses. Every
// problem, from a YAML syntax error to a rule glob git would never match,
// is one error "PATH:LINE:COL: error: …" pointing at where it was written;
// nothing is guessed or silently dropped.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_POLICY_POLICYFILE_H
#define AIPROV_POLICY_POLICYFILE_H

#include "aiprov/policy/IgnoreStack.h"
#include "aiprov/policy/Policy.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace aiprov {

/// SPEC §2: `paste-min-lines` when no policy in the chain sets it.
constexpr unsigned DefaultPasteMinLines = 3;

/// Lists and mappings may nest this deep in a policy file (a policy needs
/// 4); deeper is an error at the first node too deep, found before the YAML
/// parser's recursive consumers could overflow the stack on it.
constexpr unsigned MaxPolicyNesting = 64;

/// One entry of `rules`.
struct Rule {
  /// `paths`, compiled as a .gitignore in the policy's directory; never
  /// empty (a rule without paths is a parse error).
  IgnoreList Paths;
  AiPermission Ai = AiPermission::Allow;
  /// `unknown-paste`; Ignore when the rule does not say.
  PasteAction UnknownPaste = PasteAction::Ignore;
  /// `message`; empty when the rule has none.
  std::string Message;
  /// Position in `rules`, 0-based.
  unsigned Index = 0;
  /// 1-based line where the rule's mapping starts in the policy file.
  unsigned Line = 0;
};

/// Everything one .aiprov.yaml says. Move-only (it owns compiled globs) and
/// immutable once parsed, so the resolver shares it between threads.
struct PolicyFile {
  /// As given to parsePolicyFile; the resolver passes absolute paths.
  std::string Path;
  /// The directory of Path: the base of the rules' globs.
  std::string Dir;
  /// `inherit`; false when absent.
  bool Inherit = false;
  /// `rules`, in file order: the first match wins.
  std::vector<Rule> Rules;
  /// `honor-ignore-files`: bare file names (no '/'). Unset when the key is
  /// absent, so a nearer policy's `[]` can switch off a parent's list.
  std::optional<std::vector<std::string>> HonorIgnoreFiles;
  /// `paste-min-lines`, at least 1; unset when absent.
  std::optional<unsigned> PasteMinLines;
};

/// Parses the text of a policy file. Path names the file in errors and its
/// directory anchors the rules' globs; nothing is read from disk. A leading
/// UTF-8 byte-order mark is skipped. Safe on any bytes: nesting deeper than
/// MaxPolicyNesting is refused before it is parsed, and the work is linear
/// in the text and in the rules (matching is Wildmatch's, polynomial). On
/// failure the error's message is "PATH:LINE:COL: error: …" (1-based line, byte
/// column) for the first problem in the file.
llvm::Expected<PolicyFile> parsePolicyFile(llvm::StringRef Text,
                                           llvm::StringRef Path);

} // namespace aiprov

#endif
