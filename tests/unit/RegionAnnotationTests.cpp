//===--- RegionAnnotationTests.cpp - begin…end written around lines -------===//
#include "aiprov/directives/Region.h"
#include "aiprov/directives/RegionAnnotation.h"
#include "aiprov/directives/RegionBuilder.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aiprov {
namespace {

std::string annotated(llvm::StringRef Buffer, unsigned First, unsigned Last,
                      std::vector<KeyValue> Keys = {{"tool", "codex"}}) {
  llvm::Expected<std::string> Out =
      annotateLines(Buffer, "f.cpp", First, Last, Keys);
  if (!Out)
    return "error: " + llvm::toString(Out.takeError());
  return *Out;
}

TEST(AnnotateLines, WrapsTheLinesIndentedLikeTheFirst) {
  EXPECT_EQ(
      annotated("int a;\n\tint f() {\n\t  return 1;\n\t}\nint b;\n", 2, 4),
      "int a;\n\t// aiprov: begin tool=codex\n\tint f() {\n\t  return "
      "1;\n\t}\n\t// aiprov: end\nint b;\n");
}

TEST(AnnotateLines, KeepsCrlfAndAddsAFinalLineEnd) {
  EXPECT_EQ(annotated("int a;\r\nint b;", 2, 2),
            "int a;\r\n// aiprov: begin tool=codex\r\nint b;\r\n// aiprov: "
            "end\r\n");
}

TEST(AnnotateLines, QuotesValuesAndReadsBackAsOneRegion) {
  std::string Out = annotated("int a;\nint b;\n", 1, 2,
                              {{"tool", "claude-code"}, {"note", "a \"b\""}});
  EXPECT_EQ(Out, "// aiprov: begin tool=claude-code note=\"a \\\"b\\\"\"\n"
                 "int a;\nint b;\n// aiprov: end\n");
  FileRegions Regions = analyzeBuffer(Out);
  EXPECT_THAT(Regions.Problems, ::testing::IsEmpty());
  ASSERT_EQ(Regions.Regions.size(), 1U);
  EXPECT_EQ(Regions.Regions[0].Origin.get("note"), "a \"b\"");
}

TEST(AnnotateLines, RejectsLinesOutsideTheFile) {
  EXPECT_EQ(annotated("int a;\n", 1, 2),
            "error: f.cpp:1: lines 1-2 are not in the file (it has 1 lines)");
  EXPECT_EQ(annotated("int a;\n", 0, 1),
            "error: f.cpp:0: lines 0-1 are not in the file (it has 1 lines)");
}

TEST(AnnotateLines, RejectsValuesWithLineBreaks) {
  EXPECT_EQ(annotated("int a;\n", 1, 1, {{"note", "two\nlines"}}),
            "error: f.cpp:1: the value of 'note' holds a line break");
}

} // namespace
} // namespace aiprov
