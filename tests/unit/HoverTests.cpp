//===--- HoverTests.cpp - What hovering over a region shows ---------------===//
//
// tests/lit/lsp/hover.test shows one region's hover on the wire; these pin
// what needs a snapshot to see: nested regions stack innermost first, the
// range is the innermost region's, and a line in no region shows nothing.
//
//===----------------------------------------------------------------------===//
#include "AiprovServer.h"
#include "Hover.h"
#include "ScratchDirectory.h"
#include "gtest/gtest.h"

namespace aiprov::server {
namespace {

TEST(Hover, NestedRegionsStackInnermostFirst) {
  ScratchDirectory Scratch;
  Scratch.write(".aiprov.yaml",
                "rules:\n  - paths: [\"**\"]\n    ai: review\n");
  AiprovServer::Options Opts;
  Opts.PolicyFile = Scratch.path(".aiprov.yaml");
  Opts.WriteLedger = false;
  AiprovServer Server(Opts);
  std::string Path = Scratch.path("a.cpp");
  auto Doc = Server.openDocument(
      "file://" + Path, Path,
      "// aiprov: begin tool=claude-code origin=agent\n"
      "int a;\n"
      "int b; // aiprov: line tool=copilot model=gpt-4o reviewed-by=ann\n"
      "// aiprov: end\n"
      "int c;\n",
      1);

  std::optional<HoverInfo> Info = hoverAt(*Doc, {2, 3});
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Markdown,
            "**AI-assisted region** (annotation, lines 3-3)\n\n"
            "- tool: copilot\n- model: gpt-4o\n- reviewed-by: ann\n"
            "- review: reviewed\n- policy: review\n"
            "\n\n---\n\n"
            "**AI-assisted region** (annotation, lines 1-4)\n\n"
            "- tool: claude-code\n- origin: agent\n"
            "- review: unreviewed\n- policy: review\n"
            "- finding: aiprov-unreviewed-region\n");
  EXPECT_EQ(Info->Lines, (LineRange{3, 3}));

  Info = hoverAt(*Doc, {1, 0});
  ASSERT_TRUE(Info);
  EXPECT_EQ(Info->Lines, (LineRange{1, 4}));
  EXPECT_EQ(Info->Markdown.find("---"), std::string::npos);

  EXPECT_FALSE(hoverAt(*Doc, {4, 0}));
}

} // namespace
} // namespace aiprov::server
