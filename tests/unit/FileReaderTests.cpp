//===--- FileReaderTests.cpp - Whole-file reads for lexer mode ------------===//
#include "aiprov/FileReader.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

namespace aiprov {
namespace {

std::string tempFileWith(llvm::StringRef Contents) {
  llvm::SmallString<128> Path;
  EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("aiprov-read", "cpp", Path));
  std::error_code EC;
  llvm::raw_fd_ostream(Path, EC) << Contents;
  return std::string(Path);
}

TEST(FileReader, ReadsContentsNulTerminated) {
  std::string Storage = "previous, longer contents of the buffer";
  llvm::StringRef Contents;
  ASSERT_FALSE(readWholeFile(tempFileWith("int a;\n"), Storage, Contents));
  EXPECT_EQ(Contents, "int a;\n");
  EXPECT_EQ(Contents.data()[Contents.size()], '\0');
}

TEST(FileReader, EmptyFile) {
  std::string Storage;
  llvm::StringRef Contents = "x";
  ASSERT_FALSE(readWholeFile(tempFileWith(""), Storage, Contents));
  EXPECT_TRUE(Contents.empty());
  EXPECT_EQ(Contents.data()[0], '\0');
}

TEST(FileReader, BinaryBytesKept) {
  std::string Data("a\0b\xff", 4);
  std::string Storage;
  llvm::StringRef Contents;
  ASSERT_FALSE(readWholeFile(tempFileWith(Data), Storage, Contents));
  EXPECT_EQ(Contents, llvm::StringRef(Data));
}

TEST(FileReader, MissingFileAndDirectoryAreErrors) {
  std::string Storage;
  llvm::StringRef Contents;
  EXPECT_EQ(readWholeFile("/nonexistent/aiprov.cpp", Storage, Contents),
            std::errc::no_such_file_or_directory);
  EXPECT_EQ(readWholeFile("/", Storage, Contents), std::errc::is_a_directory);
}

} // namespace
} // namespace aiprov
