//===--- PolicyErrorTests.cpp - A broken policy names file, line, column --===//
//
// A policy that cannot be read stops the files under it (SPEC §2); its error
// names the policy and the offending node's line and column, and a policy or
// ignore file that is not a regular file is an error, never a hang.
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

} // namespace
} // namespace aiprov
