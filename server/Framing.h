//===--- Framing.h - Splitting a byte stream into JSON-RPC messages -------===//
//
// The LSP base protocol frames each message with headers ("Content-Length:
// N", optionally "Content-Type: …") and a blank line; the lit-test form
// (like clangd's -lit-test) separates messages with lines of "---" and skips
// lines starting with '#'. A framer is fed bytes as they arrive and hands
// out whole payloads; it never blocks and never sees a file descriptor, so
// unit tests and a fuzzer can drive it with any bytes.
//
// A header block without a usable Content-Length is reported and skipped,
// and the framer resynchronizes at the next "Content-Length:" in the stream,
// so one broken message costs only itself.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_FRAMING_H
#define AIPROV_SERVER_FRAMING_H

#include "llvm/ADT/StringRef.h"
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace aiprov::server {

enum class FramingStyle {
  /// LSP base protocol: headers, "\r\n\r\n", then Content-Length bytes.
  ContentLength,
  /// Lit tests: messages separated by lines of "---"; '#' lines ignored.
  Delimited,
};

/// Not thread-safe: one reader feeds it.
class MessageFramer {
public:
  struct Options {
    FramingStyle Style = FramingStyle::ContentLength;
    /// Larger Content-Length values are rejected as corrupt (bytes). A
    /// 20 MB document is an expected, supported size.
    size_t MaxMessageBytes = size_t(256) << 20;
  };

  explicit MessageFramer(Options Opts) : Opts(Opts) {}

  /// Appends bytes read from the stream.
  void feed(llvm::StringRef Bytes);

  /// The next whole payload, or nothing until more bytes arrive. Problems
  /// found on the way (a bad header block) are appended to Problems.
  std::optional<std::string> next(std::vector<std::string> &Problems);

  /// At end of input: the last Delimited message, which needs no closing
  /// "---"; in ContentLength style, a problem if a message was cut short.
  std::optional<std::string> finish(std::vector<std::string> &Problems);

private:
  std::optional<std::string> nextFramed(std::vector<std::string> &Problems);
  std::optional<std::string> nextDelimited(bool AtEnd);
  /// Moves to the next "Content-Length:" (ending Resyncing); false when
  /// none has arrived yet.
  bool skipToLengthHeader();
  /// Drops consumed bytes once they are most of the buffer.
  void compact();

  Options Opts;
  std::string Buffer;
  size_t Consumed = 0; // Bytes of Buffer already handed out or skipped.
  /// After a bad header block: discarding input up to the next header.
  bool Resyncing = false;
  /// Delimited style: the message being collected, line by line.
  std::string Pending;
};

} // namespace aiprov::server

#endif
