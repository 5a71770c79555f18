//===--- IgnoreStackTests.cpp - The matcher against git itself ------------===//
//
// SPEC §2 defines policy globs as "what git would ignore", so the main test
// here is an oracle test: every case is written out as real .gitignore files
// in a scratch repository, `git check-ignore -v -n` says what git decides
// for each path, and the matcher (IgnorePattern and IgnoreStack together)
// must agree on the verdict and on which file, line and pattern decided.
// What git cannot judge for us, the errors aiprov raises where git silently
// never matches, is IgnorePatternTests.cpp's.
//
//===----------------------------------------------------------------------===//
#include "aiprov/policy/IgnoreStack.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <cstdlib>
#include <map>

namespace aiprov {
namespace {

struct OracleCase {
  const char *Name;
  /// Ignore files, outermost first: directory within the case ("" for the
  /// case's own root) and contents.
  std::vector<std::pair<std::string, std::string>> IgnoreFiles;
  /// Paths to ask about; a trailing '/' makes a directory, else a file.
  std::vector<std::string> Paths;
};

const OracleCase OracleCases[] = {
    {"basename glob matches at any depth",
     {{"", "*.o\n"}},
     {"a.o", "dir/b.o", "a.c", "dir/a.oo", ".o", "deep/er/c.o"}},
    {"leading slash anchors to the .gitignore's directory",
     {{"", "/build\n"}},
     {"build/", "build/x.c", "src/build/", "src/build/y.c", "buildx"}},
    {"trailing slash matches directories only",
     {{"", "out/\n"}},
     {"out/", "out/f.c", "sub/out/", "sub/out/g.c", "x/out"}},
    {"a slash in the middle anchors",
     {{"", "doc/frotz/\n"}},
     {"doc/frotz/", "doc/frotz/x.c", "a/doc/frotz/", "a/doc/frotz/y.c"}},
    {"leading **/ matches in every directory",
     {{"", "**/foo\n"}},
     {"foo", "a/foo", "a/b/foo", "a/foox", "bar/foo/", "bar/foo/inside.c"}},
    {"trailing /** matches everything inside, not the directory",
     {{"", "abc/**\n"}},
     {"abc/", "abc/x", "abc/d/e", "xabc/y", "sub/abc/z"}},
    {"/**/ in the middle matches zero or more directories",
     {{"", "a/**/b\n"}},
     {"a/b", "a/x/b", "a/x/y/b", "a/xb", "c/a/b"}},
    {"** not between slashes is a plain star",
     {{"", "d/a**b\n"}},
     {"d/axb", "d/ab", "d/a/x/b", "d/axxb"}},
    {"** right after the literal prefix spans directories (git quirk)",
     {{"", "a/foo**\n"}},
     {"a/foobar/baz", "a/foob", "a/fo", "a/foo"}},
    {"negation re-includes",
     {{"", "*.log\n!keep.log\n"}},
     {"x.log", "keep.log", "d/keep.log", "d/x.log"}},
    {"nothing inside an excluded directory can be re-included",
     {{"", "logs/\n!logs/keep.txt\n"}},
     {"logs/keep.txt", "logs/a.txt", "logs/"}},
    {"re-including a file below dir/* works",
     {{"", "logs/*\n!logs/keep.txt\n"}},
     {"logs/keep.txt", "logs/a.txt", "logs/"}},
    {"last matching pattern wins",
     {{"", "!*.c\n*.c\nkeep.h\n!keep.h\n"}},
     {"a.c", "keep.h", "other.h"}},
    {"single star never matches a slash",
     {{"", "src/*.c\n"}},
     {"src/a.c", "src/sub/b.c", "x/src/a.c"}},
    {"question mark matches one character but not a slash",
     {{"", "?.txt\ndir/a?c\n"}},
     {"a.txt", "ab.txt", "d/a.txt", "dir/abc", "dir/a/c", "dir/ac"}},
    {"character classes and ranges",
     {{"", "[abc].c\nfile[0-9].h\nx[!a-c].c\ny[^a].c\nr[a-c-e]\n[]]z.c\n"}},
     {"a.c", "d.c", "file3.h", "fileA.h", "xa.c", "xd.c", "ya.c", "yb.c", "rb",
      "rd", "r-", "re", "]z.c"}},
    {"named character classes",
     {{"", "[[:alpha:]]1.c\n[[:digit:]][[:upper:]].c\n[[:space:]]s\n"
           "[[:punct:]]p\n[[:xdigit:]]x\n[[:alnum:][:blank:]]n\n"}},
     {"q1.c", "11.c", "1A.c", "1a.c", " s", "ts", "-p", "ap", "fx", "gx", " n",
      "zn", "-n"}},
    {"escapes: \\#, \\!, \\*, \\[ and an escaped trailing space",
     {{"", "\\#hash\n\\!bang\nstar\\*\nbr\\[x\ntrail\\ \n"}},
     {"#hash", "!bang", "star*", "starx", "br[x", "trail ", "trail"}},
    {"unescaped trailing spaces are stripped, inner ones kept",
     {{"", "plain   \nhello world.c\n"}},
     {"plain", "hello world.c", "hello"}},
    {"comments, blank lines and CRLF line ends",
     {{"", "# a comment\n\n   \ncrlf.o\r\n#notpattern\n"}},
     {"crlf.o", "# a comment", "#notpattern"}},
    {"**/ alone matches every directory", {{"", "**/\n"}}, {"d/", "d/f", "f"}},
    {"foo/**/ matches directories below foo",
     {{"", "foo/**/\n"}},
     {"foo/bar/", "foo/bar/f", "foo/f"}},
    {"anchored negation", {{"", "*.c\n!/top.c\n"}}, {"top.c", "d/top.c"}},
    {"nested .gitignore: a deeper list overrides a shallower one",
     {{"", "*.tmp\n"}, {"sub", "!keep.tmp\nlocal/\n"}},
     {"a.tmp", "sub/keep.tmp", "sub/x.tmp", "keep.tmp", "sub/local/",
      "sub/local/f", "local/"}},
    {"nested .gitignore: anchoring is relative to its own directory",
     {{"sub", "/only-here\nsub/twice\n"}},
     {"sub/only-here", "sub/deeper/only-here", "only-here", "sub/sub/twice",
      "sub/twice"}},
    {"nested .gitignore: three levels",
     {{"", "*.gen.c\n"}, {"a/b", "!*.gen.c\n"}},
     {"a/b/x.gen.c", "a/x.gen.c", "a/b/c/y.gen.c"}},
    {"a directory excluded by a parent list hides its own list",
     {{"", "vendor/\n"}, {"vendor", "!*.c\n"}},
     {"vendor/a.c", "vendor/"}},
    {"a class or an escape that holds a slash",
     {{"", "x[!/]y\nq/**\\/z\nw[/]v\nd/a[!x]b\n"}},
     {"xay", "d/xay", "x/y", "q/z", "q/a/z", "q/a/b/z", "wav", "d/a/b",
      "d/acb"}},
    {"a trailing star stays within one directory",
     {{"", "src/**\n!src/k*\n"}},
     {"src/kx/y", "src/kx/", "src/k", "src/m"}},
    // Git's backtracking takes exponential time on these with long names
    // (the Wildmatch tests count our steps there); short ones keep git
    // quick enough to be the judge of the answers.
    {"many stars before a missing letter",
     {{"", "*a*a*a*a*a*a*b\nd/*x*x*x*x*y/z\n"}},
     {"aaaaaab", "aaaaab", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "xaxaxaxaxaxaxb",
      "q/aaaaaaab", "aaaaaa/b", "d/xxxxxy/z", "d/xxxx/y/z", "d/xxxxy/z"}},
    {"many **/ in a row",
     {{"", "**/**/**/**/**/**/**/**/**/**/b\nq/**/**/**/r\n"}},
     {"b", "a/b", "a/a/a/a/a/a/a/a/a/a/a/a/b", "a/a/a/c", "a/a/a/a/a/a/bb",
      "q/r", "q/x/r", "q/x/y/z/w/r", "q/rr", "x/q/r"}},
    {"a `**/` matches nothing only before it takes a character",
     {{"", "m/**/n\n**/o\np**/q\n"}},
     {"m/n", "m/xn", "m/x/n", "xo", "x/o", "o", "pq", "p/q", "pxq", "px/q"}},
    {"patterns with '.', '..' or empty components never match in git",
     {{"", "./a\nb//c\n../d\ne/./f\n/./g\nh/..\n"}},
     {"a", "b/c", "d", "e/f", "g", "h/"}},
    {"patterns git never matches (dropped in lenient mode)",
     {{"", "[abc\n[[:foo:]]\ntrail\\\n/\n!\n*.x\n"}},
     {"[abc", "a", "f", "trail", "trail\\", "a.x"}},
};

/// Runs git with a clean environment, so no user or system excludes file
/// takes part.
bool runGit(llvm::StringRef Git, llvm::ArrayRef<llvm::StringRef> Args,
            llvm::StringRef Home, std::optional<llvm::StringRef> Stdin,
            llvm::StringRef Stdout, std::string &Error) {
  std::vector<llvm::StringRef> Argv = {Git};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::string HomeVar = ("HOME=" + Home).str();
  std::string XdgVar = ("XDG_CONFIG_HOME=" + Home).str();
  const char *Path = std::getenv("PATH");
  std::string PathVar = std::string("PATH=") + (Path ? Path : "/usr/bin");
  std::vector<llvm::StringRef> Env = {HomeVar, XdgVar, PathVar,
                                      "GIT_CONFIG_NOSYSTEM=1", "LC_ALL=C"};
  std::optional<llvm::StringRef> Redirects[] = {Stdin, Stdout, std::nullopt};
  int RC = llvm::sys::ExecuteAndWait(Git, Argv, Env, Redirects,
                                     /*SecondsToWait=*/60, 0, &Error);
  if (RC != 0 && RC != 1) // check-ignore exits 1 when nothing is ignored
    Error += " (exit status " + std::to_string(RC) + ")";
  return RC == 0 || RC == 1;
}

void writeFile(llvm::StringRef Path, llvm::StringRef Contents) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  ASSERT_FALSE(EC) << Path.str() << ": " << EC.message();
  OS << Contents;
}

std::string describe(const std::optional<IgnoreMatch> &M) {
  if (!M)
    return "no pattern matches";
  return (M->Origin + ":" + llvm::Twine(M->Line) + ": " + M->Pattern).str();
}

TEST(IgnoreStackOracle, AgreesWithGitCheckIgnore) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    GTEST_SKIP() << "git is not on PATH";

  llvm::SmallString<128> Root;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("aiprov-ignore", Root));
  // Removed on every exit, including a failed ASSERT.
  auto Cleanup = llvm::make_scope_exit([&] {
    [[maybe_unused]] std::error_code EC =
        llvm::sys::fs::remove_directories(Root);
  });
  std::string Error;
  ASSERT_TRUE(runGit(*Git, {"init", "-q", Root}, Root, std::nullopt, "", Error))
      << Error;

  struct Query {
    const OracleCase *Case;
    std::string RepoPath; // relative to Root, as git sees it
    bool IsDir;
  };
  std::vector<Query> Queries;
  std::string Stdin;
  for (size_t I = 0; I < std::size(OracleCases); ++I) {
    const OracleCase &C = OracleCases[I];
    std::string CaseDir = "case" + std::to_string(I);
    for (const auto &[Dir, Contents] : C.IgnoreFiles) {
      llvm::SmallString<128> D(Root);
      llvm::sys::path::append(D, CaseDir, Dir);
      ASSERT_FALSE(llvm::sys::fs::create_directories(D));
      llvm::sys::path::append(D, ".gitignore");
      writeFile(D, Contents);
    }
    for (llvm::StringRef P : C.Paths) {
      bool IsDir = P.consume_back("/");
      std::string RepoPath = CaseDir + "/" + P.str();
      llvm::SmallString<128> Abs(Root);
      llvm::sys::path::append(Abs, RepoPath);
      if (IsDir) {
        ASSERT_FALSE(llvm::sys::fs::create_directories(Abs)) << RepoPath;
      } else {
        ASSERT_FALSE(llvm::sys::fs::create_directories(
            llvm::sys::path::parent_path(Abs)))
            << RepoPath;
        writeFile(Abs, "");
      }
      Queries.push_back({&C, RepoPath, IsDir});
      Stdin += RepoPath;
      Stdin.push_back('\0');
    }
  }
  ASSERT_GE(Queries.size(), 60u);

  llvm::SmallString<128> StdinFile(Root), StdoutFile(Root);
  llvm::sys::path::append(StdinFile, ".git", "oracle-in");
  llvm::sys::path::append(StdoutFile, ".git", "oracle-out");
  writeFile(StdinFile, Stdin);
  ASSERT_TRUE(runGit(
      *Git,
      {"-C", Root, "check-ignore", "--no-index", "-v", "-n", "-z", "--stdin"},
      Root, llvm::StringRef(StdinFile), StdoutFile, Error))
      << Error;
  auto Out = llvm::MemoryBuffer::getFile(StdoutFile);
  ASSERT_TRUE(Out);
  llvm::SmallVector<llvm::StringRef> Fields;
  (*Out)->getBuffer().split(Fields, '\0');
  ASSERT_EQ(Fields.size(), Queries.size() * 4 + 1) << "unexpected git output";

  for (size_t Q = 0; Q < Queries.size(); ++Q) {
    const Query &Query = Queries[Q];
    llvm::StringRef GitSource = Fields[Q * 4], GitLine = Fields[Q * 4 + 1],
                    GitPattern = Fields[Q * 4 + 2], GitPath = Fields[Q * 4 + 3];
    ASSERT_EQ(GitPath, Query.RepoPath);
    std::string Expected =
        GitSource.empty()
            ? "no pattern matches"
            : (GitSource + ":" + GitLine + ": " + GitPattern).str();

    // The same files, as the matcher sees them: nested lists whose bases
    // are repository-relative directories, outermost first.
    std::string CaseDir =
        "case" + std::to_string(Query.Case - std::begin(OracleCases));
    IgnoreStack Stack;
    std::vector<std::string> Problems;
    for (const auto &[Dir, Contents] : Query.Case->IgnoreFiles) {
      std::string Base = CaseDir;
      if (!Dir.empty())
        Base.append("/").append(Dir);
      std::string Origin = Base + "/.gitignore";
      Stack.push(std::make_shared<IgnoreList>(
          IgnoreList::parseLenient(Contents, Base, Origin, &Problems)));
    }
    EXPECT_EQ(describe(Stack.match(Query.RepoPath, Query.IsDir)), Expected)
        << "case '" << Query.Case->Name << "', path " << Query.RepoPath
        << (Query.IsDir ? " (directory)" : "");
  }
}

TEST(IgnoreList, LenientParsingKeepsGoodPatternsAndReportsBadOnes) {
  std::vector<std::string> Problems;
  IgnoreList List = IgnoreList::parseLenient("[x\n*.o\n", "/repo",
                                             "/repo/.gitignore", &Problems);
  ASSERT_EQ(Problems.size(), 1u);
  EXPECT_TRUE(
      llvm::StringRef(Problems[0])
          .starts_with(
              "/repo/.gitignore:1:1: error: unterminated character class"));
  EXPECT_TRUE(isIgnored(List.match("a/b.o", false)));
}

TEST(IgnoreList, MatchReportsTheDecidingLine) {
  llvm::Expected<IgnoreList> List = IgnoreList::parse(
      "# secrets\nsecret/\n*.key\n!public.key\n", "/repo", "/repo/.aiexclude");
  ASSERT_TRUE(bool(List));
  struct {
    const char *Path;
    bool Ignored;
    unsigned Line;
  } Cases[] = {
      {"secret/a/b.cpp", true, 2}, // the directory decides
      {"x/private.key", true, 3},
      {"x/public.key", false, 4}, // re-included: a `!` match
      {"secret/public.key", true, 2},
      {"src/main.cpp", false, 0},
  };
  for (const auto &C : Cases) {
    std::optional<IgnoreMatch> M = List->match(C.Path, false);
    EXPECT_EQ(isIgnored(M), C.Ignored) << C.Path;
    EXPECT_EQ(M ? M->Line : 0u, C.Line) << C.Path;
    if (M)
      EXPECT_EQ(M->Origin, "/repo/.aiexclude");
  }
}

TEST(IgnoreList, RelativePathOnlyBelowTheBase) {
  llvm::Expected<IgnoreList> List = IgnoreList::parse("*", "/repo/sub", "x");
  ASSERT_TRUE(bool(List));
  EXPECT_EQ(List->relativePath("/repo/sub/a/b.c"), "a/b.c");
  EXPECT_EQ(List->relativePath("/repo/sub"), std::nullopt);
  EXPECT_EQ(List->relativePath("/repo/subway/a.c"), std::nullopt);
  llvm::Expected<IgnoreList> AtRoot = IgnoreList::parse("*", "/", "x");
  ASSERT_TRUE(bool(AtRoot));
  EXPECT_EQ(AtRoot->relativePath("/etc/x.c"), "etc/x.c");
}

} // namespace
} // namespace aiprov
