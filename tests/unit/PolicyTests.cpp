//===--- PolicyTests.cpp - What .aiprov.yaml decides for a file ----------===//
//
// Each case writes a small repository (policies, ignore files, a `.git`
// marker) to disk and asks the resolver about files in it, comparing one
// line per file that holds everything a user would see: the permission,
// the unknown-paste action, the message, the rule that decided (file:line
// and text), the topmost policy's directory and paste-min-lines. Broken
// policies are compared by their exact error text.
//
//===----------------------------------------------------------------------===//
#include "ScratchDirectory.h"
#include "aiprov/policy/Policy.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <functional>
#include <sys/stat.h>
#include <thread>

namespace aiprov {
namespace {

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
std::string describe(const ScratchTree &Tree, llvm::Expected<Verdict> V) {
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

struct VerdictCase {
  const char *Name;
  std::vector<std::pair<std::string, std::string>> Tree;
  const char *ExplicitPolicy; // relative to the tree, or nullptr
  std::vector<std::pair<std::string, std::string>> Expected; // file, verdict
};

const char *const SpecExample = R"yaml(inherit: false
rules:                       # first match wins
  - paths: ["evals/tasks/**", "containers/**"]
    ai: forbid
    unknown-paste: error
    message: "Eval tasks are human-written (policy EVAL-1)"
  - paths: ["*.cpp"]
    ai: review
)yaml";

const VerdictCase VerdictCases[] = {
    {"no policy: allow everywhere, ignore files unread",
     {{".git/", ""}, {".aiexclude", "*\n"}, {"src/a.cpp", ""}},
     nullptr,
     {{"src/a.cpp", "allow paste=ignore rule=none top=none min=3"}}},
    {"first matching rule wins; no match means allow",
     {{".git/", ""}, {".aiprov.yaml", SpecExample}},
     nullptr,
     {{"evals/tasks/t1/score.cpp",
       "forbid paste=error message='Eval tasks are human-written (policy "
       "EVAL-1)' rule=ROOT/.aiprov.yaml:3 'rules[0]: ai: forbid' top=ROOT "
       "min=3"},
      {"containers/x.h",
       "forbid paste=error message='Eval tasks are human-written (policy "
       "EVAL-1)' rule=ROOT/.aiprov.yaml:3 'rules[0]: ai: forbid' top=ROOT "
       "min=3"},
      {"src/deep/a.cpp", "review paste=ignore rule=ROOT/.aiprov.yaml:7 "
                         "'rules[1]: ai: review' top=ROOT min=3"},
      {"src/a.h", "allow paste=ignore rule=none top=ROOT min=3"}}},
    {"dir/ covers everything below; '!' cannot re-include inside it",
     {{".git/", ""},
      {".aiprov.yaml", "rules:\n"
                       "  - paths: [gen/, '!gen/keep.cpp', 'out/*',\n"
                       "            '!out/keep.cpp']\n"
                       "    ai: forbid\n"}},
     nullptr,
     {{"gen/keep.cpp", "forbid paste=ignore rule=ROOT/.aiprov.yaml:2 "
                       "'rules[0]: ai: forbid' top=ROOT min=3"},
      {"out/keep.cpp", "allow paste=ignore rule=none top=ROOT min=3"},
      {"out/other.cpp", "forbid paste=ignore rule=ROOT/.aiprov.yaml:2 "
                        "'rules[0]: ai: forbid' top=ROOT min=3"}}},
    {"the nearest policy applies alone without inherit",
     {{".git/", ""},
      {".aiprov.yaml", "rules: [{paths: ['*.cpp'], ai: forbid}]\n"},
      {"sub/.aiprov.yaml", "rules: [{paths: [x.cpp], ai: review}]\n"}},
     nullptr,
     {{"a.cpp", "forbid paste=ignore rule=ROOT/.aiprov.yaml:1 'rules[0]: "
                "ai: forbid' top=ROOT min=3"},
      {"sub/x.cpp", "review paste=ignore rule=ROOT/sub/.aiprov.yaml:1 "
                    "'rules[0]: ai: review' top=ROOT/sub min=3"},
      {"sub/y.cpp", "allow paste=ignore rule=none top=ROOT/sub min=3"}}},
    {"inherit: the child's rules first, then the parent's, each relative "
     "to its own directory",
     {{".git/", ""},
      {".aiprov.yaml", "rules:\n"
                       "  - paths: [/sub/only.cpp]\n"
                       "    ai: forbid\n"
                       "    message: anchored at the parent\n"
                       "  - paths: ['*.cpp']\n"
                       "    ai: review\n"},
      {"sub/.aiprov.yaml", "inherit: true\n"
                           "rules:\n"
                           "  - paths: [/x.cpp]\n"
                           "    ai: allow\n"}},
     nullptr,
     {{"sub/x.cpp", "allow paste=ignore rule=ROOT/sub/.aiprov.yaml:3 "
                    "'rules[0]: ai: allow' top=ROOT min=3"},
      {"sub/only.cpp", "forbid paste=ignore message='anchored at the parent' "
                       "rule=ROOT/.aiprov.yaml:2 'rules[0]: ai: forbid' "
                       "top=ROOT min=3"},
      {"sub/y.cpp", "review paste=ignore rule=ROOT/.aiprov.yaml:5 'rules[1]: "
                    "ai: review' top=ROOT min=3"}}},
    {"settings come from the nearest policy in the chain that sets them",
     {{".git/", ""},
      {".aiprov.yaml", "honor-ignore-files: [.aiexclude]\n"
                       "paste-min-lines: 5\n"},
      {"mid/.aiprov.yaml", "inherit: true\npaste-min-lines: 2\n"},
      {"mid/leaf/.aiprov.yaml", "inherit: true\n"},
      {".aiexclude", "mid/leaf/secret.cpp\n"}},
     nullptr,
     {{"mid/leaf/a.cpp", "allow paste=ignore rule=none top=ROOT min=2"},
      {"mid/leaf/secret.cpp",
       "forbid paste=ignore message='listed in .aiexclude' "
       "rule=ROOT/.aiexclude:1 '.aiexclude: mid/leaf/secret.cpp' top=ROOT "
       "min=2"},
      {"b.cpp", "allow paste=ignore rule=none top=ROOT min=5"}}},
    {"discovery stops at the repository root",
     {{".aiprov.yaml", "rules: [{paths: ['**'], ai: forbid}]\n"},
      {"repo/.git", "gitdir: elsewhere\n"}, // a worktree: .git is a file
      {"repo/a.cpp", ""}},
     nullptr,
     {{"repo/a.cpp", "allow paste=ignore rule=none top=none min=3"},
      {"b.cpp", "forbid paste=ignore rule=ROOT/.aiprov.yaml:1 'rules[0]: "
                "ai: forbid' top=ROOT min=3"}}},
    {"inherit from the repository root looks further up",
     {{".aiprov.yaml", "rules: [{paths: ['**'], ai: forbid}]\n"},
      {"repo/.git/", ""},
      {"repo/.aiprov.yaml", "inherit: true\n"}},
     nullptr,
     {{"repo/a.cpp", "forbid paste=ignore rule=ROOT/.aiprov.yaml:1 "
                     "'rules[0]: ai: forbid' top=ROOT min=3"}}},
    {"ignore files: nested, one hierarchy per name, forbidding whatever the "
     "rules say",
     {{".git/", ""},
      {".aiprov.yaml", "honor-ignore-files: [.aiexclude, .cursorignore]\n"
                       "rules:\n"
                       "  - paths: ['**']\n"
                       "    ai: review\n"
                       "    unknown-paste: warn\n"},
      {".aiexclude", "# secrets\nsecrets/\n*.key.cpp\n"},
      {"sub/.aiexclude", "!ok.key.cpp\n"},
      {"sub/.cursorignore", "local.cpp\nok.key.cpp\n"},
      {"sub/.aiignore", "*\n"}}, // not honoured: not listed
     nullptr,
     {{"secrets/deep/a.cpp",
       "forbid paste=warn message='listed in .aiexclude' "
       "rule=ROOT/.aiexclude:2 '.aiexclude: secrets/' top=ROOT min=3"},
      {"x.key.cpp", "forbid paste=warn message='listed in .aiexclude' "
                    "rule=ROOT/.aiexclude:3 '.aiexclude: *.key.cpp' top=ROOT "
                    "min=3"},
      {"sub/local.cpp",
       "forbid paste=warn message='listed in .cursorignore' "
       "rule=ROOT/sub/.cursorignore:1 '.cursorignore: local.cpp' top=ROOT "
       "min=3"},
      {"sub/ok.key.cpp",
       "forbid paste=warn message='listed in .cursorignore' "
       "rule=ROOT/sub/.cursorignore:2 '.cursorignore: ok.key.cpp' top=ROOT "
       "min=3"},
      {"sub/fine.cpp", "review paste=warn rule=ROOT/.aiprov.yaml:3 "
                       "'rules[0]: ai: review' top=ROOT min=3"}}},
    {"ignore files above the topmost policy are not read",
     {{".git/", ""},
      {".aiexclude", "*\n"},
      {"proj/.aiprov.yaml", "honor-ignore-files: [.aiexclude]\n"}},
     nullptr,
     {{"proj/a.cpp", "allow paste=ignore rule=none top=ROOT/proj min=3"}}},
    {"--policy replaces discovery, its globs relative to its directory",
     {{".git/", ""},
      {"ci.yaml", "honor-ignore-files: [.aiexclude]\n"
                  "rules: [{paths: [src/], ai: review}]\n"},
      {"src/.aiprov.yaml", "rules: [{paths: ['**'], ai: forbid}]\n"},
      {"src/.aiexclude", "secret.cpp\n"}},
     "ci.yaml",
     {{"src/a.cpp", "review paste=ignore rule=ROOT/ci.yaml:2 'rules[0]: ai: "
                    "review' top=ROOT min=3"},
      {"src/secret.cpp", "forbid paste=ignore message='listed in .aiexclude' "
                         "rule=ROOT/src/.aiexclude:1 '.aiexclude: secret.cpp' "
                         "top=ROOT min=3"},
      {"lib/b.cpp", "allow paste=ignore rule=none top=ROOT min=3"}}},
    {"--policy: files outside its directory match no rule",
     {{".git/", ""},
      {"conf/p.yaml", "honor-ignore-files: [.aiexclude]\n"
                      "rules: [{paths: ['**'], ai: forbid}]\n"},
      {".aiexclude", "*\n"}},
     "conf/p.yaml",
     {{"src/a.cpp", "allow paste=ignore rule=none top=ROOT/conf min=3"},
      {"conf/x.cpp", "forbid paste=ignore rule=ROOT/conf/p.yaml:2 "
                     "'rules[0]: ai: forbid' top=ROOT/conf min=3"}}},
    {"empty and comment-only policies are valid and empty",
     {{".git/", ""},
      {".aiprov.yaml", ""},
      {"sub/.aiprov.yaml", "# nothing yet\n\n"}},
     nullptr,
     {{"a.cpp", "allow paste=ignore rule=none top=ROOT min=3"},
      {"sub/a.cpp", "allow paste=ignore rule=none top=ROOT/sub min=3"}}},
    {"a broken policy fails only the files under it",
     {{".git/", ""},
      {".aiprov.yaml", "rules: [{paths: ['*.cpp'], ai: review}]\n"},
      {"sub/.aiprov.yaml", "rules: [{paths: ['*.cpp'], ai: maybe}]\n"},
      {"other/.aiprov.yaml", "inherit: true\n"},
      {"child/.aiprov.yaml", "inherit: true\n"},
      {"child/deeper/.aiprov.yaml", "inherit: true\nrules: oops\n"}},
     nullptr,
     {{"a.cpp", "review paste=ignore rule=ROOT/.aiprov.yaml:1 'rules[0]: ai: "
                "review' top=ROOT min=3"},
      {"sub/a.cpp", "ROOT/sub/.aiprov.yaml:1:32: error: invalid value "
                    "'maybe' for 'ai': expected allow, review or forbid"},
      {"other/a.cpp", "review paste=ignore rule=ROOT/.aiprov.yaml:1 "
                      "'rules[0]: ai: review' top=ROOT min=3"},
      {"child/deeper/a.cpp",
       "ROOT/child/deeper/.aiprov.yaml:2:8: error: expected a list, such as "
       "[a, b] or one '- item' per line"}}},
    {"a broken ignore file is an error naming it",
     {{".git/", ""},
      {".aiprov.yaml", "honor-ignore-files: [.aiexclude]\n"},
      {"sub/.aiexclude", "ok\nsrc/[ab\n"}},
     nullptr,
     {{"a.cpp", "allow paste=ignore rule=none top=ROOT min=3"},
      {"sub/a.cpp", "ROOT/sub/.aiexclude:2:5: error: unterminated character "
                    "class: add ']' or write '\\[' for a literal '['"}}},
    {"a missing --policy file is an error",
     {{".git/", ""}},
     "nope.yaml",
     {{"a.cpp", "ROOT/nope.yaml:1:1: error: cannot read policy file: no "
                "such file or directory"}}},
};

TEST(Policy, Verdicts) {
  for (const VerdictCase &C : VerdictCases) {
    ScratchTree Tree(C.Tree);
    PolicyResolver::Options Opts;
    if (C.ExplicitPolicy)
      Opts.ExplicitPolicyFile = Tree.path(C.ExplicitPolicy);
    PolicyResolver Resolver(Opts);
    for (const auto &[File, Expected] : C.Expected)
      EXPECT_EQ(describe(Tree, Resolver.verdictFor(Tree.path(File))), Expected)
          << C.Name << ": " << File;
  }
}

// Every error names the policy and the offending node's line and column.
struct ErrorCase {
  std::string Policy;
  const char *Error; // after "ROOT/.aiprov.yaml:"
};

const ErrorCase ErrorCases[] = {
    {"rulez: []\n",
     "1:1: error: unknown key 'rulez'; expected one of: inherit, rules, "
     "honor-ignore-files, paste-min-lines"},
    {"rules:\n  - paths: [a]\n    ai: forbid\n    colour: red\n",
     "4:5: error: unknown key 'colour'; expected one of: paths, ai, "
     "unknown-paste, message"},
    {"inherit: 5\n",
     "1:10: error: invalid value '5' for 'inherit': expected true or false"},
    {"rules:\n  - paths: [\"a/**\"]\n    ai: maybe\n",
     "3:9: error: invalid value 'maybe' for 'ai': expected allow, review or "
     "forbid"},
    {"rules:\n  - paths: [a]\n    ai: forbid\n    unknown-paste: loud\n",
     "4:20: error: invalid value 'loud' for 'unknown-paste': expected "
     "ignore, warn or error"},
    {"rules:\n  - paths: [\"a/**\"]\n",
     "2:5: error: missing required key 'ai'"},
    {"rules:\n  - ai: forbid\n", "2:5: error: missing required key 'paths'"},
    {"rules:\n  - paths: []\n    ai: forbid\n",
     "2:5: error: 'paths' is empty: the rule would match nothing"},
    {"rules:\n  - paths: \"src/**\"\n    ai: forbid\n",
     "2:12: error: expected a list, such as [a, b] or one '- item' per line"},
    {"rules: [{paths: [a], ai: forbid}, 5]\n",
     "1:35: error: expected a rule: a mapping with the keys paths, ai, "
     "unknown-paste, message"},
    {"- a\n- b\n", "1:1: error: expected a mapping with the keys inherit, "
                   "rules, honor-ignore-files, paste-min-lines"},
    {"rules:\n  - paths: [a]\n    ai: [forbid]\n",
     "3:10: error: expected a single value here, not an empty value, a list "
     "or a mapping"},
    {"rules:\n  - paths: [*.cpp]\n    ai: forbid\n",
     "2:13: error: '*.cpp' is read by YAML as an alias; quote a pattern that "
     "starts with '*', as in \"*.cpp\""},
    {"rules:\n  - paths: [gen/, !gen/keep.cpp]\n    ai: forbid\n",
     "2:19: error: '!gen/keep.cpp' is read by YAML as a tag; quote a pattern "
     "that starts with '!', as in \"!gen/keep.cpp\""},
    {"rules:\n  - paths:\n      - gen/\n      - !gen/keep.cpp\n    ai: "
     "forbid\n",
     "4:9: error: '!gen/keep.cpp' is read by YAML as a tag; quote a pattern "
     "that starts with '!', as in \"!gen/keep.cpp\""},
    {"rules:\n  - paths: [&x a]\n    ai: forbid\n",
     "2:13: error: '&x' is read by YAML as an anchor; quote a pattern that "
     "starts with '&', as in \"&x\""},
    {"paste-min-lines: 0\n",
     "1:18: error: invalid value '0' for 'paste-min-lines': expected a whole "
     "number of lines, at least 1"},
    {"paste-min-lines: many\n",
     "1:18: error: invalid value 'many' for 'paste-min-lines': expected a "
     "whole number of lines, at least 1"},
    {"honor-ignore-files: [.aiexclude, ../x]\n",
     "1:34: error: '../x' in 'honor-ignore-files' is not a file name (such "
     "as .aiexclude)"},
    {"rules: [\n", "1:9: error: Could not find closing ]!"},
    {"rules:\n  - paths:\n      - ok\n      - 'src/*.[ch'\n    ai: forbid\n",
     "4:16: error: unterminated character class: add ']' or write '\\[' for "
     "a literal '['"},
    {"rules:\n  - paths: [\"esc\\\\aped[\"]\n    ai: forbid\n",
     "2:13: error: unterminated character class: add ']' or write '\\[' for "
     "a literal '['"},
    {"rules:\n  - paths: ['#not-a-comment']\n    ai: forbid\n",
     "2:14: error: a pattern starting with '#' is a comment in .gitignore "
     "syntax and matches nothing; write '\\#' for a literal '#'"},
    {"rules:\n  - paths: [/]\n    ai: forbid\n",
     "2:13: error: pattern '/' matches nothing in git; write '*' or '**' to "
     "match everything"},
    {"rules:\n  - paths: [a]\n    ai: forbid\n    ai: allow\n",
     "4:5: error: duplicated mapping key 'ai'"},
    {"inherit: true\n---\ninherit: false\n",
     "3:1: error: a policy file holds one YAML document; found another"},
    // Patterns git compares as written and so would never match: a forbid
    // rule silently switched off, whether by a typo or on purpose.
    {"rules:\n  - paths: [\"./evals/**\"]\n    ai: forbid\n",
     "2:14: error: a '.' path component never matches, as git compares "
     "paths as written: write the path without './' (a leading '/' anchors "
     "a pattern at its own directory)"},
    {"rules:\n  - paths: ['evals/**', \"!evals/./keep.cpp\"]\n    ai: "
     "forbid\n",
     "2:33: error: a '.' path component never matches, as git compares "
     "paths as written: write the path without './' (a leading '/' anchors "
     "a pattern at its own directory)"},
    {"rules:\n  - paths: [\"../repo/evals/**\"]\n    ai: forbid\n",
     "2:14: error: a '..' path component never matches, as git compares "
     "paths as written: a pattern cannot reach above the directory it is "
     "relative to; write the rule in a policy or ignore file there"},
    {"rules:\n  - paths: [\"evals/tasks/..\"]\n    ai: forbid\n",
     "2:26: error: a '..' path component never matches, as git compares "
     "paths as written: a pattern cannot reach above the directory it is "
     "relative to; write the rule in a policy or ignore file there"},
    {"rules:\n  - paths: [\"evals//**\"]\n    ai: forbid\n",
     "2:20: error: an empty path component ('//') never matches, as paths "
     "have none; write a single '/'"},
    {"rules:\n  - paths: [\"//evals\"]\n    ai: forbid\n",
     "2:15: error: an empty path component ('//') never matches, as paths "
     "have none; write a single '/'"},
    {"rules:\n  - paths: [\" evals/**\"]\n    ai: forbid\n",
     "2:14: error: pattern starts with a space, which git keeps as part of "
     "the name; remove it (or write '\\ ' for a name that starts with a "
     "space)"},
    {"rules:\n  - paths: [\"! evals/**\"]\n    ai: forbid\n",
     "2:15: error: pattern starts with a space, which git keeps as part of "
     "the name; remove it (or write '\\ ' for a name that starts with a "
     "space)"},
    {"rules:\n  - paths: ['evals\\tasks\\**']\n    ai: forbid\n",
     "2:19: error: '\\t' is just 't' (a backslash escapes only * ? [ \\ ! # "
     "and space); separate directories with '/', as in 'evals/tasks/**'"},
    {"rules:\n  - paths: [\"evals/**\\t\"]\n    ai: forbid\n",
     "2:13: error: a path pattern cannot contain the control character 0x09; "
     "file names here do not hold them"},
    {"rules:\n  - paths: [\"evals/\\0x\"]\n    ai: forbid\n",
     "2:13: error: a path pattern cannot contain the control character 0x00; "
     "file names here do not hold them"},
    {"rules:\n  - paths: [\"\"]\n    ai: forbid\n",
     "2:14: error: empty path pattern matches nothing"},
    {std::string("rules:\n  - paths: [") + std::string(40000, '[') + "\n",
     "2:73: error: lists and mappings nest more than 64 deep here; a policy "
     "needs 4 (the policy, its rules, a rule, its paths)"},
};

TEST(Policy, ErrorsNameFileLineAndColumn) {
  for (const ErrorCase &C : ErrorCases) {
    ScratchTree Tree({{".git/", ""}, {".aiprov.yaml", C.Policy}});
    PolicyResolver Resolver({});
    EXPECT_EQ(describe(Tree, Resolver.verdictFor(Tree.path("a.cpp"))),
              std::string("ROOT/.aiprov.yaml:") + C.Error)
        << C.Policy;
  }
}

// A policy or honoured ignore file that exists but is not a regular file
// is an error naming it, never "no policy" (which allows everything) and
// never a read that blocks (a FIFO) or grows without end (/dev/zero).
TEST(Policy, NonRegularPolicyAndIgnoreFilesAreErrors) {
  struct Case {
    const char *Name;
    /// Makes ROOT/sub/NAME (the policy or an ignore file) what the case
    /// says; the tree already holds .git/ and sub/.
    std::function<bool(const std::string &Path)> Make;
    const char *Error; // after "ROOT/sub/NAME:1:1: error: cannot read X: "
  };
  auto Link = [](const char *Target) {
    return [Target](const std::string &Path) {
      return !llvm::sys::fs::create_link(Target, Path);
    };
  };
  const Case Cases[] = {
      {"a dangling symbolic link", Link("missing.yaml"),
       "dangling symbolic link"},
      {"a symbolic link loop",
       [](const std::string &Path) {
         return !llvm::sys::fs::create_link(Path, Path);
       },
       "too many levels of symbolic links"},
      {"a directory",
       [](const std::string &Path) {
         return !llvm::sys::fs::create_directory(Path);
       },
       "is a directory"},
      {"a link to /dev/zero", Link("/dev/zero"), "not a regular file"},
      {"a link to /dev/urandom", Link("/dev/urandom"), "not a regular file"},
      {"a FIFO",
       [](const std::string &Path) {
         return ::mkfifo(Path.c_str(), 0600) == 0;
       },
       "not a regular file"},
  };
  for (const Case &C : Cases) {
    for (const char *Name : {".aiprov.yaml", ".aiexclude"}) {
      const bool IsPolicy = llvm::StringRef(Name) == ".aiprov.yaml";
      ScratchTree Tree({{".git/", ""},
                        {".aiprov.yaml", IsPolicy ? "rules: []\n"
                                                  : "honor-ignore-files: "
                                                    "[.aiexclude]\n"},
                        {"sub/", ""}});
      ASSERT_TRUE(C.Make(Tree.path("sub/") + Name)) << C.Name;
      PolicyResolver Resolver({});
      EXPECT_EQ(describe(Tree, Resolver.verdictFor(Tree.path("sub/a.cpp"))),
                std::string("ROOT/sub/") + Name + ":1:1: error: cannot read " +
                    (IsPolicy ? "policy file: " : "ignore file: ") + C.Error)
          << C.Name << " as " << Name;
      // Files elsewhere are judged as before.
      EXPECT_EQ(describe(Tree, Resolver.verdictFor(Tree.path("a.cpp"))),
                "allow paste=ignore rule=none top=ROOT min=3")
          << C.Name << " as " << Name;
    }
  }
}

// The resolver is what the language server asks on didOpen: a policy that
// would overflow the YAML parser's stack must come back as an error for
// the file, not take the process down.
TEST(Policy, DeeplyNestedPolicyIsAnErrorForTheFilesUnderIt) {
  std::string Deep = "rules:\n  - paths: [";
  for (unsigned I = 0; I < 30000; ++I)
    Deep += "{a: ";
  ScratchTree Tree({{".git/", ""}, {"evals/.aiprov.yaml", Deep}});
  PolicyResolver Resolver({});
  EXPECT_EQ(describe(Tree, Resolver.verdictFor(Tree.path("evals/t.cpp"))),
            "ROOT/evals/.aiprov.yaml:2:253: error: lists and mappings nest "
            "more than 64 deep here; a policy needs 4 (the policy, its rules, "
            "a rule, its paths)");
  EXPECT_EQ(describe(Tree, Resolver.verdictFor(Tree.path("src/a.cpp"))),
            "allow paste=ignore rule=none top=none min=3");
}

TEST(Policy, NamesOfPermissionsAndPasteActions) {
  EXPECT_EQ(permissionName(AiPermission::Allow), "allow");
  EXPECT_EQ(permissionName(AiPermission::Review), "review");
  EXPECT_EQ(permissionName(AiPermission::Forbid), "forbid");
  EXPECT_EQ(pasteActionName(PasteAction::Ignore), "ignore");
  EXPECT_EQ(pasteActionName(PasteAction::Warn), "warn");
  EXPECT_EQ(pasteActionName(PasteAction::Error), "error");
}

TEST(Policy, OneResolverServesManyThreads) {
  ScratchTree Tree({{".git/", ""},
                    {".aiprov.yaml", "honor-ignore-files: [.aiexclude]\n"
                                     "rules: [{paths: [a/], ai: forbid}]\n"},
                    {"b/.aiprov.yaml", "inherit: true\n"
                                       "rules: [{paths: ['*'], ai: review}]\n"},
                    {"c/.aiexclude", "x.cpp\n"}});
  PolicyResolver Resolver({});
  const std::pair<const char *, AiPermission> Files[] = {
      {"a/1.cpp", AiPermission::Forbid},
      {"b/2.cpp", AiPermission::Review},
      {"c/x.cpp", AiPermission::Forbid},
      {"c/y.cpp", AiPermission::Allow},
      {"d/e/z.cpp", AiPermission::Allow}};
  std::atomic<unsigned> Wrong{0};
  std::vector<std::thread> Threads;
  Threads.reserve(8);
  for (unsigned T = 0; T < 8; ++T)
    Threads.emplace_back([&, T] {
      for (unsigned I = 0; I < 200; ++I) {
        const auto &[File, Expected] = Files[(I + T) % std::size(Files)];
        llvm::Expected<Verdict> V = Resolver.verdictFor(Tree.path(File));
        if (!V) {
          llvm::consumeError(V.takeError());
          ++Wrong;
        } else if (V->Ai != Expected) {
          ++Wrong;
        }
      }
    });
  for (std::thread &T : Threads)
    T.join();
  EXPECT_EQ(Wrong, 0u);
}

} // namespace
} // namespace aiprov
