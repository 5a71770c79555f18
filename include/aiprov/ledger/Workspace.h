//===--- Workspace.h - Where a file's ledger lives ------------------------===//
//
// SPEC §5: the ledger is kept at the workspace root, which is the git root,
// else the directory of the topmost policy file. Every writer (`record`, the
// language server) and every reader (`check`, `export`, the plugin) asks
// this one function, so they always agree on which ledger a file belongs to.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_LEDGER_WORKSPACE_H
#define AIPROV_LEDGER_WORKSPACE_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace aiprov {

/// The nearest directory at or above AbsoluteDir that holds `.git` (a
/// directory, or a file as in worktrees and submodules); "" when none.
/// With Memo, answers are remembered for AbsoluteDir and every parent
/// visited, so the files of one tree pay for the walk up to `/` once.
std::string findGitRoot(llvm::StringRef AbsoluteDir,
                        llvm::StringMap<std::string> *Memo = nullptr);

/// The workspace root of a file whose git root is GitRoot ("" when none):
/// GitRoot, else TopPolicyDir. The one place that makes this choice.
std::string chooseWorkspaceRoot(llvm::StringRef GitRoot,
                                llvm::StringRef TopPolicyDir);

/// The workspace root for a file in AbsoluteDir: its git root, else
/// TopPolicyDir (Verdict::TopPolicyDir, "" without a policy). "" means the
/// file belongs to no workspace and has no ledger.
std::string workspaceRootFor(llvm::StringRef AbsoluteDir,
                             llvm::StringRef TopPolicyDir);

/// Path relative to Root with '/' separators, as ledger records name files;
/// "" when AbsolutePath is not under Root.
std::string workspaceRelativePath(llvm::StringRef Root,
                                  llvm::StringRef AbsolutePath);

/// A ledger record's path in its normal form (SPEC §5): `./x`, `a//b`,
/// `a/../b` and an absolute path under Root name the same file as the
/// plain repository-relative path. std::nullopt when the path is empty or
/// leaves the workspace (`../x`, an absolute path elsewhere): a record
/// naming it is skipped with a warning, never matched by accident.
std::optional<std::string> normalizeRecordPath(llvm::StringRef Root,
                                               llvm::StringRef Path);

} // namespace aiprov

#endif
