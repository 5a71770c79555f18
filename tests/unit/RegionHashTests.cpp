//===--- RegionHashTests.cpp - SPEC §1's region hash, pinned -------------===//
//
// Each case states the canonical text the hash must be taken over (written
// out by hand from the SPEC's rules) and, for a few, the SHA-256 computed
// independently with `printf … | sha256sum`, so a change in either the
// canonicalisation or the digest encoding fails.
//
//===----------------------------------------------------------------------===//
#include "aiprov/directives/Region.h"
#include "aiprov/directives/RegionBuilder.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"
#include "gtest/gtest.h"

namespace aiprov {
namespace {

std::string sha(llvm::StringRef Canonical) {
  llvm::SHA256 H;
  H.update(Canonical);
  return "sha256:" + llvm::toHex(H.final(), /*LowerCase=*/true);
}

/// The hash of the first region in Code.
std::string firstRegionHash(const std::string &Code) {
  FileRegions R = analyzeBuffer(Code);
  EXPECT_FALSE(R.Regions.empty());
  return R.Regions.empty() ? "" : R.Regions.front().Hash;
}

struct HashCase {
  const char *Name;
  std::string Code;
  std::string Canonical;
};

class RegionHashTest : public ::testing::TestWithParam<HashCase> {};

TEST_P(RegionHashTest, HashesTheCanonicalText) {
  EXPECT_EQ(firstRegionHash(GetParam().Code), sha(GetParam().Canonical));
}

INSTANTIATE_TEST_SUITE_P(
    Canonical, RegionHashTest,
    ::testing::Values(
        HashCase{"DirectiveLinesDropped",
                 "// aiprov: begin tool=x\nint a;\n// aiprov: end\n",
                 "int a;\n"},
        HashCase{"DirectiveOnCodeLine", "int a; // aiprov: line tool=x\n",
                 "int a;\n"},
        HashCase{"TrailingBlanksStripped", "int a;  \t// aiprov: line\n",
                 "int a;\n"},
        HashCase{"CRLF",
                 "// aiprov: begin\r\nint a;\r\n  b();\r\n// aiprov: end\r\n",
                 "int a;\n  b();\n"},
        HashCase{"BomNotPartOfLine",
                 "\xEF\xBB\xBF// aiprov: begin\nint a;\n// aiprov: end\n",
                 "int a;\n"},
        HashCase{"EmptyLinesWithoutDirectiveKept",
                 "// aiprov: begin\nint a;\n\nint b;\n// aiprov: end\n",
                 "int a;\n\nint b;\n"},
        HashCase{"PragmaLinesDropped",
                 "#pragma aiprov begin tool=x\nint a;\n  #pragma aiprov end\n",
                 "int a;\n"},
        HashCase{"LeadingBlanksKept", "    x(); /* aiprov: line */ y();\n",
                 "    x();  y();\n"},
        HashCase{
            "OtherDirectivesOnLinesDeleted",
            "// aiprov: begin\nx(); // aiprov: line tool=y\n// aiprov: end\n",
            "x();\n"},
        HashCase{"MultiLineBlockDirective",
                 "/* aiprov: begin\n   tool=x */\nint a;\n// aiprov: end\n",
                 "int a;\n"},
        HashCase{"OnlyDirectiveLinesHashANewline", "// aiprov: line\n", "\n"},
        HashCase{"FileWithoutFinalNewline", "// aiprov: file\nint a;",
                 "int a;\n"},
        HashCase{
            "NonUtf8BytesHashedAsIs",
            "// aiprov: begin\nconst char *s = \"\xff\xfe\";\n// aiprov: end\n",
            "const char *s = \"\xff\xfe\";\n"}),
    [](const auto &Info) { return Info.param.Name; });

TEST(RegionHash, PinnedDigests) {
  // printf 'int a;\n' | sha256sum
  EXPECT_EQ(firstRegionHash("// aiprov: begin\nint a;\n// aiprov: end\n"),
            "sha256:"
            "386593f1475dc210d45a5f3d4b6bb11c065fc6fe2e08ebdd00ab4cf3a0848744");
}

TEST(RegionHash, ReviewKeysNeverChangeTheHash) {
  std::string Before =
      firstRegionHash("// aiprov: begin tool=x\nint a;\n// aiprov: end\n");
  std::string After = firstRegionHash(
      "// aiprov: begin tool=x reviewed-by=ann reviewed-at=2026-01-01 "
      "review=" +
      Before + "\nint a;\n// aiprov: end\n");
  EXPECT_EQ(Before, After);
}

TEST(RegionHash, CodeChangeChangesTheHash) {
  EXPECT_NE(firstRegionHash("x; // aiprov: line\n"),
            firstRegionHash("y; // aiprov: line\n"));
}

} // namespace
} // namespace aiprov
