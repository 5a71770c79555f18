//===--- TranslationUnitParserTests.cpp - AST mode against lexer mode ----===//
//
// AST mode must find every comment and pragma directive lexer mode finds
// (including in inactive #if branches), plus `_Pragma` and attributes, and
// name enclosing declarations. Each case parses a real file with clang.
//
//===----------------------------------------------------------------------===//
#include "MarkedCode.h"
#include "aiprov/directives/RegionBuilder.h"
#include "aiprov/directives/TranslationUnitParser.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aiprov {
namespace {

using test::MarkedCode;
using ::testing::HasSubstr;

/// Writes Code to a fresh temporary .cpp file and parses it in AST mode.
class AstModeTest : public ::testing::Test {
protected:
  ParsedTranslationUnit parse(const std::string &Code,
                              std::vector<std::string> Flags = {"-std=c++20"}) {
    llvm::SmallString<128> Dir;
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("aiprov-ast", Dir));
    Path = std::string(Dir) + "/input.cpp";
    std::error_code EC;
    llvm::raw_fd_ostream(Path, EC) << Code;
    EXPECT_FALSE(EC);
    clang::tooling::FixedCompilationDatabase Database(std::string(Dir), Flags);
    return parseTranslationUnit(Database, Path);
  }
  std::string Path;
};

std::vector<Position> starts(const FileRegions &R) {
  std::vector<Position> Out;
  for (const Region &Reg : R.Regions)
    Out.push_back(Reg.Origin.Start);
  return Out;
}

TEST_F(AstModeTest, SameDirectivesAsLexerMode) {
  std::string Code = R"cpp(
// aiprov: begin tool=claude-code
int a = 1;
// aiprov: end
#pragma aiprov line tool=codex
int b = 2;
#if 0
// aiprov: line tool=cursor
#pragma aiprov line tool=copilot
#endif
/* aiprov: next-line tool=gemini */
int c = 3;
const char *s = "// aiprov: line";
)cpp";
  ParsedTranslationUnit TU = parse(Code);
  ASSERT_TRUE(TU.FirstError.empty()) << TU.FirstError;
  ASSERT_TRUE(TU.Regions);
  FileRegions Lexed = analyzeBuffer(Code);
  EXPECT_EQ(starts(*TU.Regions), starts(Lexed));
  ASSERT_EQ(TU.Regions->Regions.size(), Lexed.Regions.size());
  for (size_t I = 0; I < Lexed.Regions.size(); ++I)
    EXPECT_EQ(TU.Regions->Regions[I].Hash, Lexed.Regions[I].Hash) << I;
}

TEST_F(AstModeTest, PragmaOperatorAndAttributes) {
  MarkedCode M(R"cpp(#include "aiprov/annotate.h"
^_Pragma("aiprov line tool=codex") int a = 1;
#define MARK _Pragma("aiprov line tool=cursor")
^MARK int b = 2;
^[[clang::annotate("aiprov", "tool=claude-code origin=agent")]]
int helper(int x) {
  return x + 1;
}
^AIPROV_ANNOTATE("tool=copilot")
int other();
)cpp");
  std::string Include = std::string("-I") + AIPROV_SOURCE_DIR + "/include";
  ParsedTranslationUnit TU = parse(M.Code, {"-std=c++20", Include});
  ASSERT_TRUE(TU.FirstError.empty()) << TU.FirstError;
  ASSERT_TRUE(TU.Regions);
  EXPECT_EQ(starts(*TU.Regions), M.Points);
  const std::vector<Region> &R = TU.Regions->Regions;
  ASSERT_EQ(R.size(), 4u);
  EXPECT_EQ(R[0].tool(), "codex");
  EXPECT_EQ(R[1].tool(), "cursor");
  EXPECT_EQ(R[2].Origin.Source, RegionSource::Attribute);
  EXPECT_EQ(R[2].FirstLine, 5u);
  EXPECT_EQ(R[2].LastLine, 8u); // The declaration's whole source range.
  EXPECT_EQ(R[2].Origin.EnclosingDecl, "function 'helper'");
  EXPECT_EQ(R[3].tool(), "copilot");
}

TEST_F(AstModeTest, AttributeKeyProblemsAtExactColumn) {
  MarkedCode M(
      R"cpp([[clang::annotate("aiprov", "tool=x ^colour=red")]] int f();
)cpp");
  ParsedTranslationUnit TU = parse(M.Code);
  ASSERT_TRUE(TU.Regions);
  ASSERT_EQ(TU.Regions->Problems.size(), 1u);
  EXPECT_EQ(TU.Regions->Problems[0].Where, M.Points[0]);
  EXPECT_THAT(TU.Regions->Problems[0].Message, HasSubstr("unknown key"));
}

TEST_F(AstModeTest, AttributeReportedAtDeclarationStart) {
  MarkedCode M(R"cpp(^template <class T>
[[clang::annotate("aiprov", "tool=codex")]] T twice(T x) { return x + x; }
^int g [[clang::annotate("aiprov", "tool=cursor")]] = 1;
constexpr char kKeys[] = "tool=gemini";
^[[clang::annotate("aiprov", kKeys)]] int h();
[[clang::annotate("aiprov", ^42)]] int k();
)cpp");
  ParsedTranslationUnit TU = parse(M.Code);
  ASSERT_TRUE(TU.Regions);
  const std::vector<Region> &R = TU.Regions->Regions;
  ASSERT_TRUE(TU.FirstError.empty()) << TU.FirstError;
  ASSERT_EQ(R.size(), 4u);
  EXPECT_EQ(R[0].Origin.Start, M.Points[0]);
  EXPECT_EQ(R[0].FirstLine, 1u); // The template header is part of it.
  EXPECT_EQ(R[0].LastLine, 2u);
  EXPECT_EQ(R[1].Origin.Start, M.Points[1]);
  EXPECT_EQ(R[2].Origin.Start, M.Points[2]);
  EXPECT_EQ(R[2].tool(), "gemini");
  ASSERT_EQ(TU.Regions->Problems.size(), 1u);
  EXPECT_EQ(TU.Regions->Problems[0].Where, M.Points[3]);
  EXPECT_THAT(TU.Regions->Problems[0].Message, HasSubstr("constant string"));
}

TEST_F(AstModeTest, NamesEnclosingDeclarations) {
  std::string Code = R"cpp(
struct Task {
  double score(int answer) const;
};
double Task::score(int answer) const {
  // aiprov: begin tool=claude-code
  return answer == 391;
  // aiprov: end
}
namespace evals {
// aiprov: next-line tool=copilot
int hint() { return 1; }
}
)cpp";
  ParsedTranslationUnit TU = parse(Code);
  ASSERT_TRUE(TU.Regions);
  ASSERT_EQ(TU.Regions->Regions.size(), 2u);
  EXPECT_EQ(TU.Regions->Regions[0].Origin.EnclosingDecl,
            "function 'Task::score'");
  EXPECT_EQ(TU.Regions->Regions[1].Origin.EnclosingDecl,
            "function 'evals::hint'");
}

TEST_F(AstModeTest, BadFlagIsAnErrorNamingIt) {
  ParsedTranslationUnit TU =
      parse("int a;\n", {"-std=c++20", "-fno-such-flag"});
  EXPECT_THAT(TU.FirstError, HasSubstr("-fno-such-flag"));
}

TEST_F(AstModeTest, SyntaxErrorNamesFileLineAndColumn) {
  ParsedTranslationUnit TU = parse("int a = ;\n");
  EXPECT_THAT(TU.FirstError, HasSubstr("input.cpp:1:9: error:"));
}

} // namespace
} // namespace aiprov
