//===--- PolicyTesting.h - Scratch repositories for policy tests ----------===//
//
// PolicyTests.cpp and PolicyErrorTests.cpp write small repositories to disk
// and compare one line per verdict; both need the same tree and the same
// line, so a verdict is described one way everywhere.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_TESTS_UNIT_POLICYTESTING_H
#define AIPROV_TESTS_UNIT_POLICYTESTING_H

#include "ScratchDirectory.h"
#include "aiprov/policy/Policy.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <string>

namespace aiprov {

/// A scratch directory built from (path, contents) pairs; a path ending in
/// '/' makes a directory.
class ScratchTree {
  // The resolver works on absolute, normalized paths: ScratchDirectory's
  // root has no symlinks.
  ScratchDirectory Scratch{"aiprov-policy"};
  const std::string Root = Scratch.root();

public:
  explicit ScratchTree(
      llvm::ArrayRef<std::pair<std::string, std::string>> Files) {
    for (const auto &[Path, Contents] : Files) {
      if (llvm::StringRef(Path).ends_with("/"))
        EXPECT_FALSE(llvm::sys::fs::create_directories(path(Path)));
      else
        Scratch.write(Path, Contents);
    }
  }

  std::string path(llvm::StringRef Rel) const {
    return Rel.empty() ? Root : Root + "/" + Rel.str();
  }
  /// Text with this tree's root replaced by "ROOT".
  std::string relative(std::string Text) const {
    for (size_t I; (I = Text.find(Root)) != std::string::npos;)
      Text.replace(I, Root.size(), "ROOT");
    return Text;
  }
};

/// One line with everything the verdict tells a user.
inline std::string describe(const ScratchTree &Tree,
                            llvm::Expected<Verdict> V) {
  if (!V)
    return Tree.relative(llvm::toString(V.takeError()));
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << permissionName(V->Ai) << " paste=" << pasteActionName(V->UnknownPaste);
  if (!V->Message.empty())
    OS << " message='" << V->Message << "'";
  if (V->Rule.File.empty())
    OS << " rule=none";
  else
    OS << " rule=" << V->Rule.File << ":" << V->Rule.Line << " '"
       << V->Rule.Text << "'";
  OS << " top=" << (V->TopPolicyDir.empty() ? "none" : V->TopPolicyDir)
     << " min=" << V->PasteMinLines;
  return Tree.relative(OS.str());
}

} // namespace aiprov

#endif
