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
#include "PolicyTesting.h"
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
