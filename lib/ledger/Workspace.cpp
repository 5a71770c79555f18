//===--- Workspace.cpp - Where a file's ledger lives ----------------------===//
#include "aiprov/ledger/Workspace.h"
#include "aiprov/support/Paths.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace aiprov {

std::string findGitRoot(llvm::StringRef AbsoluteDir,
                        llvm::StringMap<std::string> *Memo) {
  if (Memo) {
    auto It = Memo->find(AbsoluteDir);
    if (It != Memo->end())
      return It->second;
  }
  llvm::SmallString<256> Git(AbsoluteDir);
  llvm::sys::path::append(Git, ".git");
  llvm::StringRef Parent = llvm::sys::path::parent_path(AbsoluteDir);
  std::string Root;
  if (llvm::sys::fs::exists(Git))
    Root = AbsoluteDir.str();
  else if (!Parent.empty() && Parent != AbsoluteDir)
    Root = findGitRoot(Parent, Memo);
  if (Memo)
    (*Memo)[AbsoluteDir] = Root;
  return Root;
}

std::string chooseWorkspaceRoot(llvm::StringRef GitRoot,
                                llvm::StringRef TopPolicyDir) {
  return GitRoot.empty() ? TopPolicyDir.str() : GitRoot.str();
}

std::string workspaceRootFor(llvm::StringRef AbsoluteDir,
                             llvm::StringRef TopPolicyDir) {
  return chooseWorkspaceRoot(findGitRoot(AbsoluteDir), TopPolicyDir);
}

std::string workspaceRelativePath(llvm::StringRef Root,
                                  llvm::StringRef AbsolutePath) {
  std::optional<llvm::StringRef> Below = pathBelow(AbsolutePath, Root);
  if (!Below)
    return "";
  return llvm::sys::path::convert_to_slash(*Below);
}

std::optional<std::string> normalizeRecordPath(llvm::StringRef Root,
                                               llvm::StringRef Path) {
  std::string Relative;
  if (llvm::sys::path::is_absolute(Path, llvm::sys::path::Style::posix)) {
    llvm::SmallString<256> Absolute(Path);
    llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true,
                                 llvm::sys::path::Style::posix);
    llvm::SmallString<256> Base(Root);
    llvm::sys::path::remove_dots(Base, /*remove_dot_dot=*/true,
                                 llvm::sys::path::Style::posix);
    Relative = workspaceRelativePath(Base, Absolute);
    if (Relative.empty())
      return std::nullopt;
    return Relative;
  }
  // Component by component, so `..` can never climb above the root.
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  llvm::SmallVector<llvm::StringRef, 16> Kept;
  Path.split(Parts, '/');
  for (llvm::StringRef Part : Parts) {
    if (Part.empty() || Part == ".")
      continue;
    if (Part == "..") {
      if (Kept.empty())
        return std::nullopt;
      Kept.pop_back();
      continue;
    }
    Kept.push_back(Part);
  }
  if (Kept.empty())
    return std::nullopt;
  return llvm::join(Kept, "/");
}

} // namespace aiprov
