//===--- FileWalkerTests.cpp - What `aiprov check PATH…` would look at ---===//
//
// Each case builds a small tree on disk (files, directories, symlinks, a
// `.git` marker), names some paths as a user would on the command line and
// expects exactly the files SPEC §4 says get checked, and the errors.
//
//===----------------------------------------------------------------------===//
#include "aiprov/policy/FileWalker.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <unistd.h>

namespace aiprov {
namespace {

/// A scratch directory built from lines: "dir/" makes a directory,
/// "link -> target" a symlink, "file = text" a file holding text, anything
/// else an empty file.
class ScratchTree {
public:
  explicit ScratchTree(llvm::ArrayRef<std::string> Entries) {
    llvm::SmallString<128> Dir;
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("aiprov-walk", Dir));
    Root = std::string(Dir);
    for (llvm::StringRef E : Entries)
      add(E);
  }
  ~ScratchTree() {
    // Best effort: a leftover scratch directory must not fail a test.
    [[maybe_unused]] std::error_code EC =
        llvm::sys::fs::remove_directories(Root);
  }

  std::string path(llvm::StringRef Rel) const {
    return Rel.empty() ? Root : Root + "/" + Rel.str();
  }
  /// Path with this tree's root prefix removed, as the test table writes it.
  std::string relative(llvm::StringRef Path) const {
    llvm::StringRef P = Path;
    if (P.consume_front(Root))
      P.consume_front("/");
    return P.str();
  }

private:
  std::string Root;

  void add(llvm::StringRef E) {
    if (auto [Link, Target] = E.split(" -> "); !Target.empty()) {
      makeParent(Link);
      EXPECT_FALSE(llvm::sys::fs::create_link(Target, path(Link))) << E.str();
      return;
    }
    auto [File, Text] = E.split(" = ");
    if (Text.empty() && E.ends_with("/")) {
      EXPECT_FALSE(llvm::sys::fs::create_directories(path(E)));
      return;
    }
    makeParent(File);
    std::error_code EC;
    llvm::raw_fd_ostream OS(path(File), EC);
    EXPECT_FALSE(EC) << E.str();
    std::string Contents = Text.str();
    for (size_t I; (I = Contents.find("\\n")) != std::string::npos;)
      Contents.replace(I, 2, "\n");
    OS << Contents;
  }
  void makeParent(llvm::StringRef Rel) {
    EXPECT_FALSE(llvm::sys::fs::create_directories(
        llvm::sys::path::parent_path(path(Rel))));
  }
};

struct WalkCase {
  const char *Name;
  std::vector<std::string> Tree;
  std::vector<std::string> Named; // relative to the tree; "" is its root
  std::vector<std::string> Files;
  std::vector<std::string> Errors;
};

const WalkCase WalkCases[] = {
    {"only C and C++ files, by extension",
     {"a.c",        "b.cc",   "c.cpp",     "d.cxx",    "e.c++", "f.h",
      "g.hh",       "h.hpp",  "i.hxx",     "j.h++",    "k.inl", "l.ipp",
      "m.tcc",      "n.tpp",  "o.cu",      "p.cuh",    "q.m",   "r.mm",
      "s.ixx",      "t.cppm", "README.md", "Makefile", "u.py",  "v.C",
      "w.cpp.orig", "noext"},
     {""},
     {"a.c",   "b.cc",  "c.cpp", "d.cxx", "e.c++", "f.h",   "g.hh",
      "h.hpp", "i.hxx", "j.h++", "k.inl", "l.ipp", "m.tcc", "n.tpp",
      "o.cu",  "p.cuh", "q.m",   "r.mm",  "s.ixx", "t.cppm"},
     {}},
    {"a named file is always taken",
     {"notes.txt", "src/a.cpp"},
     {"notes.txt"},
     {"notes.txt"},
     {}},
    {"hidden entries are skipped",
     {".hidden/a.cpp", ".b.cpp", "src/.c.cpp", "src/d.cpp", ".aiprov/x.h"},
     {""},
     {"src/d.cpp"},
     {}},
    {"a named hidden directory is walked",
     {".hidden/a.cpp", ".hidden/.deeper/b.cpp"},
     {".hidden"},
     {".hidden/a.cpp"},
     {}},
    {".gitignore is honoured inside a git repository",
     {".git/", ".gitignore = build-out/\\n*.gen.cpp\\n", "src/a.cpp",
      "src/b.gen.cpp", "build-out/c.cpp"},
     {""},
     {"src/a.cpp"},
     {}},
    {".gitignore is not honoured outside a git repository",
     {".gitignore = build-out/\\n*.gen.cpp\\n", "src/a.cpp", "src/b.gen.cpp",
      "build-out/c.cpp"},
     {""},
     {"build-out/c.cpp", "src/a.cpp", "src/b.gen.cpp"},
     {}},
    {"nested .gitignore files: the deeper one wins",
     {".git/", ".gitignore = *.gen.cpp", "x.gen.cpp",
      "sub/.gitignore = !keep.gen.cpp\\n/local/", "sub/keep.gen.cpp",
      "sub/x.gen.cpp", "sub/local/a.cpp", "local/b.cpp"},
     {""},
     {"local/b.cpp", "sub/keep.gen.cpp"},
     {}},
    {"nothing inside an ignored directory comes back",
     {".git/", ".gitignore = vendor/\\n!vendor/keep.cpp", "vendor/keep.cpp",
      "vendor/x.cpp", "a.cpp"},
     {""},
     {"a.cpp"},
     {}},
    {"a parent's .gitignore applies when a subdirectory is named",
     {".git/", ".gitignore = gen/\\n", "src/gen/x.cpp", "src/a.cpp"},
     {"src"},
     {"src/a.cpp"},
     {}},
    {"$GIT_DIR/info/exclude is honoured",
     {".git/info/exclude = secret.cpp", "secret.cpp", "open.cpp"},
     {""},
     {"open.cpp"},
     {}},
    {"a nested repository does not inherit the outer .gitignore",
     {".git/", ".gitignore = *.cpp", "a.cpp", "sub/.git/", "sub/b.cpp"},
     {""},
     {"sub/b.cpp"},
     {}},
    {"directories holding CMakeCache.txt are skipped, unless named",
     {"build/CMakeCache.txt", "build/gen.cpp", "src/a.cpp",
      "other/CMakeCache.txt", "other/x.cpp"},
     {"", "other"},
     {"other/x.cpp", "src/a.cpp"},
     {}},
    {"symlinks are not followed while walking",
     {"real/a.cpp", "linkdir -> real", "link.cpp -> real/a.cpp"},
     {""},
     {"real/a.cpp"},
     {}},
    {"a named symlink is taken",
     {"real/a.cpp", "link.cpp -> real/a.cpp", "linkdir -> real"},
     {"link.cpp", "linkdir"},
     {"link.cpp", "linkdir/a.cpp"},
     {}},
    {"missing paths and dangling symlinks are errors; the walk goes on",
     {"a.cpp", "dangling.cpp -> nowhere.cpp"},
     {"missing.cpp", "dangling.cpp", "a.cpp"},
     {"a.cpp"},
     {"missing.cpp: error: no such file or directory",
      "dangling.cpp: error: dangling symbolic link"}},
    {"files are sorted and listed once, joined onto the named directory",
     {"src/b.cpp", "src/a.cpp", "src/z/c.h"},
     {"src/", "src/a.cpp", "src"},
     {"src/a.cpp", "src/b.cpp", "src/z/c.h"},
     {}},
};

TEST(FileWalker, WalksLikeRipgrep) {
  for (const WalkCase &C : WalkCases) {
    ScratchTree Tree(C.Tree);
    std::vector<std::string> Named;
    Named.reserve(C.Named.size());
    for (const std::string &N : C.Named)
      Named.push_back(N.empty() || N.back() != '/'
                          ? Tree.path(N)
                          : Tree.path(N.substr(0, N.size() - 1)) + "/");
    WalkResult R = walkPaths(Named);
    std::vector<std::string> Files, Errors;
    for (const std::string &F : R.Files)
      Files.push_back(Tree.relative(F));
    for (const std::string &E : R.Errors)
      Errors.push_back(Tree.relative(E));
    EXPECT_EQ(Files, C.Files) << C.Name;
    EXPECT_EQ(Errors, C.Errors) << C.Name;
  }
}

TEST(FileWalker, PathsKeepTheSpellingTheUserGave) {
  ScratchTree Tree({"src/a.cpp"});
  WalkResult R = walkPaths({Tree.path("src") + "/./"});
  ASSERT_EQ(R.Files.size(), 1u);
  EXPECT_EQ(R.Files[0], Tree.path("src") + "/./a.cpp");
}

TEST(FileWalker, UnreadableDirectoryIsAnErrorAndTheWalkGoesOn) {
  if (::geteuid() == 0)
    GTEST_SKIP() << "root can read any directory";
  ScratchTree Tree({"locked/a.cpp", "open/b.cpp"});
  ASSERT_FALSE(llvm::sys::fs::setPermissions(Tree.path("locked"),
                                             llvm::sys::fs::perms(0)));
  WalkResult R = walkPaths({Tree.path("")});
  [[maybe_unused]] std::error_code Restored = llvm::sys::fs::setPermissions(
      Tree.path("locked"), llvm::sys::fs::all_all);
  EXPECT_EQ(R.Files, std::vector<std::string>{Tree.path("open/b.cpp")});
  ASSERT_EQ(R.Errors.size(), 1u);
  EXPECT_EQ(Tree.relative(R.Errors[0]), "locked: error: permission denied");
}

TEST(FileWalker, SourceExtensions) {
  struct {
    const char *Path;
    bool IsSource;
  } Cases[] = {
      {"a.cpp", true},           {"dir/x.h", true},
      {"x.c++", true},           {"mod.cppm", true},
      {"kernel.cu", true},       {"a.hpp.orig", false},
      {"Makefile", false},       {"a.C", false},
      {"dir.cpp/readme", false}, {"cpp", false},
      {"archive.tar.gz", false},
  };
  for (const auto &C : Cases)
    EXPECT_EQ(hasSourceExtension(C.Path), C.IsSource) << C.Path;
}

} // namespace
} // namespace aiprov
