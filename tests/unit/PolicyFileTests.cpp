//===--- PolicyFileTests.cpp - Parsing one .aiprov.yaml from bytes -------===//
//
// parsePolicyFile on its own, with no file system: what each key becomes,
// the defaults when keys are absent, and that errors point where the
// problem was written. Positions are marked with `^` in the snippets
// (MarkedCode.h). How parsed policies combine along a tree is
// PolicyTests.cpp's subject; its error table pins the full wording.
//
//===----------------------------------------------------------------------===//
#include "MarkedCode.h"
#include "aiprov/policy/PolicyFile.h"
#include "llvm/Support/FormatVariadic.h"
#include "gtest/gtest.h"

namespace aiprov {
namespace {

using test::MarkedCode;

constexpr llvm::StringLiteral PolicyPath = "/repo/sub/.aiprov.yaml";

/// Whether Rule R's paths match File (absolute), as the resolver asks.
bool ruleMatches(const Rule &R, llvm::StringRef File) {
  std::optional<llvm::StringRef> Rel = R.Paths.relativePath(File);
  return Rel && isIgnored(R.Paths.match(*Rel, /*IsDir=*/false));
}

TEST(PolicyFile, EveryKey) {
  // `^` marks where each rule starts: Rule::Line must be that line.
  MarkedCode Policy(R"yaml(# leading comment
inherit: true
rules:
  - ^paths: ["gen/", "!gen/keep.cpp", "*.inc"]
    ai: forbid
    unknown-paste: error
    message: "Generated code is not edited (GEN-1)"
  - ^paths:
      - /top.cpp
    ai: review
    unknown-paste: warn
  - {^paths: ["**"], ai: allow}
honor-ignore-files: [.aiexclude, .cursorignore]
paste-min-lines: 7
)yaml");
  llvm::Expected<PolicyFile> P = parsePolicyFile(Policy.Code, PolicyPath);
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());

  EXPECT_EQ(P->Path, PolicyPath);
  EXPECT_EQ(P->Dir, "/repo/sub");
  EXPECT_TRUE(P->Inherit);
  EXPECT_EQ(P->HonorIgnoreFiles, std::optional(std::vector<std::string>{
                                     ".aiexclude", ".cursorignore"}));
  EXPECT_EQ(P->PasteMinLines, std::optional<unsigned>(7));

  ASSERT_EQ(P->Rules.size(), 3u);
  ASSERT_EQ(Policy.Points.size(), 3u);
  for (unsigned I = 0; I < 3; ++I) {
    EXPECT_EQ(P->Rules[I].Index, I);
    EXPECT_EQ(P->Rules[I].Line, Policy.Points[I].Line) << "rules[" << I << "]";
  }
  const Rule &Gen = P->Rules[0], &Top = P->Rules[1], &All = P->Rules[2];
  EXPECT_EQ(Gen.Ai, AiPermission::Forbid);
  EXPECT_EQ(Gen.UnknownPaste, PasteAction::Error);
  EXPECT_EQ(Gen.Message, "Generated code is not edited (GEN-1)");
  EXPECT_EQ(Top.Ai, AiPermission::Review);
  EXPECT_EQ(Top.UnknownPaste, PasteAction::Warn);
  EXPECT_EQ(Top.Message, "");
  EXPECT_EQ(All.Ai, AiPermission::Allow);
  EXPECT_EQ(All.UnknownPaste, PasteAction::Ignore);

  // Globs are anchored at the policy's directory, with .gitignore meaning.
  EXPECT_TRUE(ruleMatches(Gen, "/repo/sub/gen/keep.cpp")); // dir/ wins
  EXPECT_TRUE(ruleMatches(Gen, "/repo/sub/a/b/x.inc"));
  EXPECT_FALSE(ruleMatches(Gen, "/repo/gen/a.cpp")); // above the policy
  EXPECT_TRUE(ruleMatches(Top, "/repo/sub/top.cpp"));
  EXPECT_FALSE(ruleMatches(Top, "/repo/sub/d/top.cpp"));
  EXPECT_TRUE(ruleMatches(All, "/repo/sub/any/thing.h"));
}

TEST(PolicyFile, AbsentKeysLeaveDefaults) {
  for (llvm::StringRef Text : {"", "# nothing here\n", "---\n", "{}\n",
                               "\xEF\xBB\xBFinherit: false\n"}) {
    llvm::Expected<PolicyFile> P = parsePolicyFile(Text, PolicyPath);
    ASSERT_TRUE(bool(P)) << Text.str() << llvm::toString(P.takeError());
    EXPECT_FALSE(P->Inherit) << Text.str();
    EXPECT_TRUE(P->Rules.empty()) << Text.str();
    EXPECT_FALSE(P->HonorIgnoreFiles.has_value()) << Text.str();
    EXPECT_FALSE(P->PasteMinLines.has_value()) << Text.str();
  }
  // An explicit empty list is set, so it can switch off a parent's list.
  llvm::Expected<PolicyFile> P =
      parsePolicyFile("honor-ignore-files: []\n", PolicyPath);
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  EXPECT_EQ(P->HonorIgnoreFiles, std::optional(std::vector<std::string>{}));
}

// One case per layer that can fail: the YAML scanner, YAML I/O's mapping,
// a value's own traits, the second pass, and glob compilation. The `^` is
// where the error must point; a byte-order mark does not shift columns.
struct ErrorCase {
  const char *Policy;
  const char *Message; // after "PATH:LINE:COL: error: "
};

const ErrorCase ErrorCases[] = {
    {"rules: [^\n", "Could not find closing ]!"},
    {"rules:\n  - paths: [a]\n    ai: forbid\n    ^colour: red\n",
     "unknown key 'colour'; expected one of: paths, ai, unknown-paste, "
     "message"},
    {"\xEF\xBB\xBFpaste-min-lines: ^0\n",
     "invalid value '0' for 'paste-min-lines': expected a whole number of "
     "lines, at least 1"},
    {"rules:\n  - paths: [^*.cpp]\n    ai: forbid\n",
     "'*.cpp' is read by YAML as an alias; quote a pattern that starts with "
     "'*', as in \"*.cpp\""},
    {"rules:\n  - paths: ['src/*.^[ch']\n    ai: forbid\n",
     "unterminated character class: add ']' or write '\\[' for a literal "
     "'['"},
};

TEST(PolicyFile, ErrorsPointWhereTheProblemIs) {
  for (const ErrorCase &C : ErrorCases) {
    MarkedCode Policy(C.Policy);
    ASSERT_EQ(Policy.Points.size(), 1u) << C.Policy;
    llvm::Expected<PolicyFile> P = parsePolicyFile(Policy.Code, PolicyPath);
    ASSERT_FALSE(bool(P)) << C.Policy;
    EXPECT_EQ(llvm::toString(P.takeError()),
              llvm::formatv("{0}:{1}:{2}: error: {3}", PolicyPath,
                            Policy.Points[0].Line, Policy.Points[0].Column,
                            C.Message)
                  .str())
        << C.Policy;
  }
}

// LLVM's YAML consumers recurse once per level, so 40,000 `[` used to
// overflow the stack (SIGSEGV). The first collection deeper than
// MaxPolicyNesting is an error at its own line and column, whatever the
// style of nesting; quoted brackets and comments are not nesting.
TEST(PolicyFile, DeepNestingIsAnErrorWhereItGoesTooDeep) {
  const std::string Message =
      "lists and mappings nest more than 64 deep here; a policy needs 4 (the "
      "policy, its rules, a rule, its paths)";
  struct Case {
    const char *Name;
    std::string Text;
    unsigned Line, Column;
  };
  std::string Indented;
  for (unsigned I = 0; I < 70; ++I)
    Indented += std::string(I, ' ') + "k" + std::to_string(I) + ":\n";
  std::string Quoted = "rules:\n  - paths: [";
  for (unsigned I = 0; I < 200; ++I)
    Quoted += "'[[[[ # ]]]]\"', \"[[[ ' \\\" ]\", ";
  Quoted += "x] # [[[[[[[[[[[[[[[[[[[[[[\n    ai: forbid\n";
  const Case Cases[] = {
      // Under the root mapping, the 64th `[` is level 65.
      {"flow lists", "paths:\n" + std::string(40000, '['), 2, 64},
      // Each `{a: ` is 4 bytes; the root mapping is level 1.
      {"flow mappings",
       [] {
         std::string S = "x: ";
         for (unsigned I = 0; I < 30000; ++I)
           S += "{a: ";
         return S;
       }(),
       1, 4 + 63 * 4},
      {"block lists on one line",
       [] {
         std::string S;
         for (unsigned I = 0; I < 100000; ++I)
           S += "- ";
         return S + "x\n";
       }(),
       1, 129},
      {"indented mappings", Indented, 65, 65},
      {"after a first document",
       "inherit: true\n---\n" + std::string(1000, '[') + "\n", 3, 65},
  };
  for (const Case &C : Cases) {
    llvm::Expected<PolicyFile> P = parsePolicyFile(C.Text, PolicyPath);
    ASSERT_FALSE(bool(P)) << C.Name;
    EXPECT_EQ(llvm::toString(P.takeError()),
              llvm::formatv("{0}:{1}:{2}: error: {3}", PolicyPath, C.Line,
                            C.Column, Message)
                  .str())
        << C.Name;
  }

  // Brackets in quotes and comments are text, and 64 levels are allowed
  // (the error is then about what the policy means, not its depth).
  llvm::Expected<PolicyFile> P = parsePolicyFile(Quoted, PolicyPath);
  EXPECT_TRUE(bool(P)) << llvm::toString(P.takeError());
  std::string Deepest = "x: " + std::string(63, '[') + std::string(63, ']');
  P = parsePolicyFile(Deepest, PolicyPath);
  ASSERT_FALSE(bool(P));
  EXPECT_EQ(llvm::toString(P.takeError()),
            std::string(PolicyPath) +
                ":1:1: error: unknown key 'x'; expected one of: inherit, "
                "rules, honor-ignore-files, paste-min-lines");
}

} // namespace
} // namespace aiprov
