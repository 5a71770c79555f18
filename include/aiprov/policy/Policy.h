//===--- Policy.h - .aiprov.yaml: where AI-assisted code may land ---------===//
//
// SPEC §2. A policy file is found like .clang-tidy (nearest in the file's
// directory or its ancestors, stopping at the directory holding .git), may
// inherit its parent's rules, and matches paths with .gitignore semantics.
// Parsing uses LLVM's YAML I/O, the same machinery .clang-tidy uses, so
// every error carries the policy's file, line and column.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_POLICY_POLICY_H
#define AIPROV_POLICY_POLICY_H

#include "aiprov/policy/RuleOrigin.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace aiprov {

enum class AiPermission { Allow, Review, Forbid };
enum class PasteAction { Ignore, Warn, Error };

llvm::StringRef permissionName(AiPermission P); // "allow" | "review" | "forbid"
llvm::StringRef pasteActionName(PasteAction A); // "ignore" | "warn" | "error"

/// What the policy says about one file.
struct Verdict {
  AiPermission Ai = AiPermission::Allow;
  PasteAction UnknownPaste = PasteAction::Ignore;
  /// The matching rule's `message`, or a sentence naming the ignore file.
  std::string Message;
  /// The rule (or ignore-file line) that decided; empty File when the
  /// default applied (no policy, or no rule matched).
  RuleOrigin Rule;
  /// SPEC §2 `paste-min-lines` from the nearest policy that sets it.
  unsigned PasteMinLines = 3;
  /// The directory of the topmost policy in the chain, "" without policy:
  /// the workspace root when there is no git root.
  std::string TopPolicyDir;
};

/// Resolves verdicts for files, caching parsed policies and ignore files per
/// directory. Thread-safe: `aiprov check -j N` shares one resolver.
class PolicyResolver {
public:
  struct Options {
    /// `--policy FILE`: this one file applies to every checked path, its
    /// globs relative to its directory; discovery is off. Empty: discover.
    std::string ExplicitPolicyFile;
  };

  explicit PolicyResolver(Options Opts);
  ~PolicyResolver();

  /// The verdict for a file, by absolute, normalized path. On a broken
  /// policy in its chain, an error whose message starts with
  /// "FILE:LINE:COL: " (the policy's path and the error's position).
  llvm::Expected<Verdict> verdictFor(llvm::StringRef AbsoluteFilePath);

private:
  struct Impl;
  std::unique_ptr<Impl> TheImpl;
};

} // namespace aiprov

#endif
