//===--- CodeLensTests.cpp - A line above each region saying what it is ---===//
//
// tests/lit/lsp/codelens.test shows lenses on the wire; this pins the
// titles: tool, line count (singular for one), review state, one lens per
// region on its first line.
//
//===----------------------------------------------------------------------===//
#include "AiprovServer.h"
#include "CodeLens.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aiprov::server {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::Field;

TEST(CodeLens, OneLensPerRegionOnItsFirstLine) {
  AiprovServer Server({});
  auto Doc = Server.openDocument(
      "untitled:Untitled-1", "",
      "int a;\n"
      "// aiprov: begin tool=claude-code\n"
      "int b;\n"
      "// aiprov: end\n"
      "int c; // aiprov: line tool=copilot reviewed-by=ann\n",
      1);
  auto Lens = [](unsigned Line, const char *Title) {
    return AllOf(Field(&RegionLens::Line, Line),
                 Field(&RegionLens::Title, Title));
  };
  EXPECT_THAT(regionLenses(*Doc),
              ElementsAre(Lens(2, "AI-assisted: claude-code · 3 lines · "
                                  "unreviewed"),
                          Lens(5, "AI-assisted: copilot · 1 line · reviewed")));
}

} // namespace
} // namespace aiprov::server
