//===--- FileReaderTests.cpp - Whole-file reads for lexer mode ------------===//
#include "ScratchDirectory.h"
#include "aiprov/support/FileReader.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <chrono>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

TEST(FileReader, DevicesAndFifosAreRefusedWithoutBlocking) {
  ScratchDirectory Dir;
  std::string Fifo = Dir.path("pipe");
  ASSERT_EQ(::mkfifo(Fifo.c_str(), 0600), 0);
  std::string Link = Dir.path("zero-link");
  ASSERT_EQ(::symlink("/dev/zero", Link.c_str()), 0);
  std::string Storage;
  llvm::StringRef Contents;
  // Each would block (the FIFO, on open) or never end (/dev/zero).
  for (const std::string &Path :
       {Fifo, Link, std::string("/dev/zero"), std::string("/dev/urandom")}) {
    EXPECT_EQ(readWholeFile(Path, Storage, Contents),
              FileReadError::NotRegularFile)
        << Path;
    std::string Tail;
    EXPECT_EQ(readFileTail(Path, Tail, 100), FileReadError::NotRegularFile)
        << Path;
  }
}

TEST(FileReader, SymlinkToRegularFileIsRead) {
  ScratchDirectory Dir;
  Dir.write("real.txt", "hello\n");
  std::string Link = Dir.path("link.txt");
  ASSERT_EQ(::symlink(Dir.path("real.txt").c_str(), Link.c_str()), 0);
  std::string Text;
  ASSERT_FALSE(readWholeFile(Link, Text, 100));
  EXPECT_EQ(Text, "hello\n");
}

TEST(FileReader, SizeLimitIsAnErrorNotATruncation) {
  ScratchDirectory Dir;
  Dir.write("big.txt", std::string(1000, 'x'));
  std::string Text;
  EXPECT_EQ(readWholeFile(Dir.path("big.txt"), Text, 999),
            FileReadError::TooLarge);
  EXPECT_FALSE(readWholeFile(Dir.path("big.txt"), Text, 1000));
  EXPECT_EQ(Text.size(), 1000U);
  EXPECT_EQ(describeReadError(make_error_code(FileReadError::TooLarge),
                              4 * file_limits::MiB, "a policy file"),
            "larger than the 4 MiB limit for a policy file");
  EXPECT_EQ(describeReadError(make_error_code(FileReadError::TooLarge), 999,
                              "a policy file"),
            "larger than the 999-byte limit for a policy file");
  EXPECT_EQ(
      describeReadError(make_error_code(FileReadError::NotRegularFile), 1, "x"),
      "not a regular file");
}

TEST(FileReader, TailIsTheLastBytes) {
  ScratchDirectory Dir;
  Dir.write("t.jsonl", "first\nsecond\nthird\n");
  std::string Tail;
  ASSERT_FALSE(readFileTail(Dir.path("t.jsonl"), Tail, 6));
  EXPECT_EQ(Tail, "third\n");
  ASSERT_FALSE(readFileTail(Dir.path("t.jsonl"), Tail, 1000));
  EXPECT_EQ(Tail, "first\nsecond\nthird\n");
}

/// A pipe whose write end stays open: readDescriptorBounded must give up
/// at its deadline, and refuse more than its limit from a fast writer.
TEST(FileReader, DescriptorReadIsBoundedInTimeAndSize) {
  int Pipe[2];
  ASSERT_EQ(::pipe(Pipe), 0);
  ASSERT_EQ(::write(Pipe[1], "abc", 3), 3);
  std::string Text;
  auto Start = std::chrono::steady_clock::now();
  EXPECT_EQ(readDescriptorBounded(Pipe[0], Text, 100, 200),
            std::errc::timed_out);
  EXPECT_LT(std::chrono::steady_clock::now() - Start, std::chrono::seconds(5));
  ::close(Pipe[1]);
  ::close(Pipe[0]);

  int Zero = ::open("/dev/zero", O_RDONLY);
  ASSERT_GE(Zero, 0);
  EXPECT_EQ(readDescriptorBounded(Zero, Text, 1 << 20, 60000),
            FileReadError::TooLarge);
  EXPECT_LE(Text.size(), 1U << 20);
  ::close(Zero);

  ASSERT_EQ(::pipe(Pipe), 0);
  ASSERT_EQ(::write(Pipe[1], "{}", 2), 2);
  ::close(Pipe[1]);
  EXPECT_FALSE(readDescriptorBounded(Pipe[0], Text, 100, 60000));
  EXPECT_EQ(Text, "{}");
  ::close(Pipe[0]);
}

} // namespace
} // namespace aiprov
