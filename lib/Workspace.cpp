//===--- Workspace.cpp - Where a file's ledger lives ----------------------===//
#include "aiprov/Workspace.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace aiprov {

std::string findGitRoot(llvm::StringRef AbsoluteDir) {
  for (llvm::StringRef Dir = AbsoluteDir; !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::SmallString<256> Git(Dir);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return Dir.str();
  }
  return "";
}

std::string workspaceRootFor(llvm::StringRef AbsoluteDir,
                             llvm::StringRef TopPolicyDir) {
  std::string Git = findGitRoot(AbsoluteDir);
  return Git.empty() ? TopPolicyDir.str() : Git;
}

std::string workspaceRelativePath(llvm::StringRef Root,
                                  llvm::StringRef AbsolutePath) {
  llvm::SmallString<256> Path(AbsolutePath);
  if (Root.empty() || !llvm::sys::path::replace_path_prefix(Path, Root, "") ||
      Path.empty())
    return "";
  llvm::StringRef Rel = Path;
  // replace_path_prefix matches whole components only when Root ends at one.
  if (!llvm::sys::path::is_separator(Rel.front()) && !Root.ends_with("/"))
    return "";
  Rel = Rel.ltrim('/');
  return llvm::sys::path::convert_to_slash(Rel);
}

} // namespace aiprov
