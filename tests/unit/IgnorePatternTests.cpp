//===--- IgnorePatternTests.cpp - Patterns git would never match ----------===//
//
// Where git silently never matches a pattern, aiprov refuses it, so a typo
// cannot switch a rule off; these are the errors git's oracle (in
// IgnoreStackTests.cpp) cannot judge for us. Each must say where the
// pattern was written: line and column in a file, or in a policy's list of
// paths.
//
//===----------------------------------------------------------------------===//
#include "aiprov/policy/IgnoreStack.h"
#include "gtest/gtest.h"

namespace aiprov {
namespace {

// Where git silently never matches, aiprov refuses the pattern and says
// where it is.
struct ErrorCase {
  const char *Contents;
  const char *Message;
};

const ErrorCase ErrorCases[] = {
    {"ok\n[abc\n",
     ".aiexclude:2:1: error: unterminated character class: add ']' or write "
     "'\\[' for a literal '['"},
    {"src/*.[ch\n",
     ".aiexclude:1:7: error: unterminated character class: add ']' or write "
     "'\\[' for a literal '['"},
    {"x[[:alpha:]\n",
     ".aiexclude:1:2: error: unterminated character class: add ']' or write "
     "'\\[' for a literal '['"},
    {"# comment\n!a[[:letter:]]\n",
     ".aiexclude:2:4: error: unknown character class '[:letter:]'; git knows "
     "alnum, alpha, blank, cntrl, digit, graph, lower, print, punct, space, "
     "upper and xdigit"},
    {"foo\\\n",
     ".aiexclude:1:4: error: pattern ends with an unescaped '\\', which git "
     "never matches; write '\\\\' for a literal backslash"},
    {"\n\n/\n",
     ".aiexclude:3:1: error: pattern '/' matches nothing in git; write '*' "
     "or '**' to match everything"},
    {"!\n", ".aiexclude:1:1: error: pattern '!' matches nothing in git; "
            "write '*' or '**' to match everything"},
    {"ok\n./secret/\n",
     ".aiexclude:2:1: error: a '.' path component never matches, as git "
     "compares paths as written: write the path without './' (a leading '/' "
     "anchors a pattern at its own directory)"},
    {"!keys//*.pem\n",
     ".aiexclude:1:7: error: an empty path component ('//') never matches, "
     "as paths have none; write a single '/'"},
    {"/../x\n",
     ".aiexclude:1:2: error: a '..' path component never matches, as git "
     "compares paths as written: a pattern cannot reach above the directory "
     "it is relative to; write the rule in a policy or ignore file there"},
};

TEST(IgnorePattern, BrokenPatternsAreErrorsWithLineAndColumn) {
  for (const ErrorCase &C : ErrorCases) {
    llvm::Expected<IgnoreList> List =
        IgnoreList::parse(C.Contents, "/repo", ".aiexclude");
    ASSERT_FALSE(List) << C.Contents;
    EXPECT_EQ(llvm::toString(List.takeError()), C.Message) << C.Contents;
  }
}

TEST(IgnorePattern, PolicyPathsAreLinesWithTheirOwnPositions) {
  struct Case {
    std::vector<PatternLine> Lines;
    const char *Error; // nullptr: compiles
  } Cases[] = {
      {{{"evals/**", 4, 12}, {"!evals/keep.cpp", 4, 24}}, nullptr},
      {{{"src/[ab", 7, 14}},
       "p.yaml:7:18: error: unterminated character class: add ']' or write "
       "'\\[' for a literal '['"},
      {{{"ok", 2, 5}, {"#x", 3, 9}},
       "p.yaml:3:9: error: a pattern starting with '#' is a comment in "
       ".gitignore syntax and matches nothing; write '\\#' for a literal '#'"},
      {{{"  ", 2, 5}}, "p.yaml:2:5: error: empty path pattern matches nothing"},
      {{{"a\nb", 2, 5}},
       "p.yaml:2:6: error: a path pattern cannot contain a line break"},
      // Git would match these, but in a list of paths only a slip (or an
      // attacker) writes them: a forbid rule that silently matches nothing.
      {{{"!/ evals/**", 2, 5}},
       "p.yaml:2:7: error: pattern starts with a space, which git keeps as "
       "part of the name; remove it (or write '\\ ' for a name that starts "
       "with a space)"},
      {{{"\\ evals", 2, 5}}, nullptr},
      {{{"evals\\tasks\\*", 2, 5}},
       "p.yaml:2:10: error: '\\t' is just 't' (a backslash escapes only * ? "
       "[ \\ ! # and space); separate directories with '/', as in "
       "'evals/tasks/**'"},
      {{{"a\\*b\\?\\[\\]\\\\\\!\\#\\/c", 2, 5}}, nullptr},
      {{{"evals/**\x7f", 2, 5}},
       "p.yaml:2:13: error: a path pattern cannot contain the control "
       "character 0x7f; file names here do not hold them"},
      {{{"evals/**   ", 2, 5}}, nullptr}, // git drops trailing spaces
      {{{"evals\xE2\x80\x8B/**", 2, 5}},
       "p.yaml:2:10: error: a path pattern cannot contain the invisible "
       "character U+200B, which makes it look like a pattern it is not"},
      {{{"!\xE2\x80\xAE"
         "evals/**",
         2, 5}},
       "p.yaml:2:6: error: a path pattern cannot contain the invisible "
       "character U+202E, which makes it look like a pattern it is not"},
      {{{"x\xC2\x85y", 2, 5}},
       "p.yaml:2:6: error: a path pattern cannot contain the invisible "
       "character U+0085, which makes it look like a pattern it is not"},
      {{{"caf\xC3\xA9/\xE2\x82\xAC/**", 2, 5}}, nullptr}, // é, €
  };
  for (const Case &C : Cases) {
    llvm::Expected<IgnoreList> List =
        IgnoreList::fromLines(C.Lines, "/repo", "p.yaml");
    if (!C.Error) {
      EXPECT_TRUE(bool(List)) << llvm::toString(List.takeError());
      continue;
    }
    ASSERT_FALSE(List);
    EXPECT_EQ(llvm::toString(List.takeError()), C.Error);
  }
}

} // namespace
} // namespace aiprov
