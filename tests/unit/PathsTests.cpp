#include "aiprov/support/Paths.h"
#include "gtest/gtest.h"

namespace aiprov {
namespace {

TEST(Paths, AbsolutePathJoinsTheBaseAndRemovesDots) {
  EXPECT_EQ(absolutePath("src/../lib/./a.cpp", "/repo"), "/repo/lib/a.cpp");
  EXPECT_EQ(absolutePath("/x/./y/../z", "/ignored"), "/x/z");
}

TEST(Paths, RelativeWithoutBaseResolvesAgainstTheCurrentDirectory) {
  std::string Abs = absolutePath("a/../b");
  EXPECT_TRUE(llvm::StringRef(Abs).starts_with("/")) << Abs;
  EXPECT_TRUE(llvm::StringRef(Abs).ends_with("/b")) << Abs;
}

TEST(Paths, BelowComparesWholeComponents) {
  EXPECT_EQ(pathBelow("/src/a/x.cpp", "/src/a"), "x.cpp");
  EXPECT_EQ(pathBelow("/src/a2/x.cpp", "/src/a"), std::nullopt);
  EXPECT_EQ(pathBelow("/src/a", "/src/a"), "");
  EXPECT_EQ(pathBelow("/src/a/", "/src/a"), "");
  EXPECT_EQ(pathBelow("/src", "/src/a"), std::nullopt);
}

TEST(Paths, DirectoryWithATrailingSlashOrTheRoot) {
  EXPECT_EQ(pathBelow("/src/a/x.cpp", "/src/a/"), "x.cpp");
  EXPECT_EQ(pathBelow("/etc/passwd", "/"), "etc/passwd");
  EXPECT_EQ(pathBelow("/", "/"), "");
}

TEST(Paths, AnEmptyDirectoryContainsNothing) {
  EXPECT_EQ(pathBelow("/a", ""), std::nullopt);
  EXPECT_FALSE(isAtOrBelow("/a", ""));
  EXPECT_TRUE(isAtOrBelow("/a/b", "/a"));
}

} // namespace
} // namespace aiprov
