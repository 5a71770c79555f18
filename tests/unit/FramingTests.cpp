//===--- FramingTests.cpp - Splitting bytes into JSON-RPC messages --------===//
//
// Tests for server/Framing.h: Content-Length framing fed in pieces, tolerated
// headers, resynchronization after a bad header block, and the lit-test
// '---' form.
//
//===----------------------------------------------------------------------===//
#include "Framing.h"
#include "gtest/gtest.h"

namespace aiprov::server {
namespace {

std::vector<std::string> frameAll(llvm::StringRef Input, FramingStyle Style,
                                  std::vector<std::string> &Problems,
                                  size_t ChunkSize = 1) {
  MessageFramer Framer({Style});
  std::vector<std::string> Out;
  for (size_t I = 0; I < Input.size(); I += ChunkSize) {
    Framer.feed(Input.substr(I, ChunkSize));
    while (std::optional<std::string> M = Framer.next(Problems))
      Out.push_back(*M);
  }
  if (std::optional<std::string> M = Framer.finish(Problems))
    Out.push_back(*M);
  return Out;
}

TEST(FramingTest, ContentLengthMessagesByteByByte) {
  std::vector<std::string> Problems;
  auto Out = frameAll("Content-Length: 2\r\n\r\n{}"
                      "content-length: 3\r\nContent-Type: application/"
                      "vscode-jsonrpc; charset=utf-8\r\n\r\n[1]",
                      FramingStyle::ContentLength, Problems);
  EXPECT_EQ(Out, (std::vector<std::string>{"{}", "[1]"}));
  EXPECT_TRUE(Problems.empty());
}

TEST(FramingTest, MissingOrBadLengthResyncsAtTheNextHeader) {
  // However the bytes are split into reads: one problem per broken message.
  for (size_t Chunk : {1, 7, 1000}) {
    std::vector<std::string> Problems;
    auto Out = frameAll("{\"no\":\"headers\"}\r\n\r\n"
                        "Content-Length: x\r\n\r\n{}"
                        "Content-Length: 2\r\n\r\nok",
                        FramingStyle::ContentLength, Problems, Chunk);
    EXPECT_EQ(Out, (std::vector<std::string>{"ok"})) << "chunk " << Chunk;
    EXPECT_EQ(Problems.size(), 2U) << "chunk " << Chunk;
  }
}

TEST(FramingTest, HugeOrNegativeLengthsAreSkipped) {
  // None may make the framer wait for (or allocate) that many bytes: each
  // is one problem, and the next message is read.
  for (const char *Length :
       {"268435457", "18446744073709551615", "18446744073709551616",
        "99999999999999999999999999", "-1", "+2", "0x10", "2 2", ""}) {
    std::vector<std::string> Problems;
    auto Out = frameAll(std::string("Content-Length: ") + Length +
                            "\r\n\r\n{}Content-Length: 2\r\n\r\nok",
                        FramingStyle::ContentLength, Problems, 1000);
    EXPECT_EQ(Out, (std::vector<std::string>{"ok"})) << Length;
    EXPECT_EQ(Problems.size(), 1U) << Length;
  }
}

TEST(FramingTest, TruncatedInputIsReported) {
  std::vector<std::string> Problems;
  auto Out = frameAll("Content-Length: 10\r\n\r\n{}",
                      FramingStyle::ContentLength, Problems);
  EXPECT_TRUE(Out.empty());
  EXPECT_EQ(Problems.size(), 1U);
}

TEST(FramingTest, DelimitedSkipsCommentsAndTakesTheLastMessage) {
  std::vector<std::string> Problems;
  auto Out = frameAll("# RUN: x\n{\"a\":\n1}\n---\n# CHECK: y\n---\n{}\n",
                      FramingStyle::Delimited, Problems);
  EXPECT_EQ(Out, (std::vector<std::string>{"{\"a\":\n1}\n", "{}\n"}));
}

} // namespace
} // namespace aiprov::server
