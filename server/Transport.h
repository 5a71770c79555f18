//===--- Transport.h - Moving JSON-RPC messages in and out ----------------===//
//
// Like clangd's Transport: the server sees whole JSON messages and never a
// byte stream, so the framing (Framing.h) and the I/O (Boost.Asio over
// stdin) can change without touching dispatch. The stdio implementation is
// behind a factory.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_TRANSPORT_H
#define AIPROV_SERVER_TRANSPORT_H

#include "Framing.h"
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>

namespace aiprov::server {

class Transport {
public:
  /// Receives each incoming message on the thread running loop().
  class MessageHandler {
  public:
    virtual ~MessageHandler() = default;
    /// False stops the loop (the `exit` notification).
    virtual bool onMessage(nlohmann::json Message) = 0;
  };

  /// Why loop() returned.
  enum class Ended { HandlerStopped, EndOfInput, ReadError };

  virtual ~Transport() = default;

  /// Sends one message. Thread-safe: whole messages never interleave.
  virtual void send(const nlohmann::json &Message) = 0;

  /// Runs Task on the thread running loop(), between two messages: how a
  /// worker thread hands results to the single-threaded server core.
  /// Thread-safe. Tasks posted once loop() has returned never run.
  virtual void post(std::function<void()> Task) = 0;

  /// Reads messages and hands each to Handler until it returns false or
  /// input ends. A payload that is not JSON is logged and answered with a
  /// ParseError response (id null); reading goes on.
  virtual Ended loop(MessageHandler &Handler) = 0;
};

struct StdioTransportOptions {
  /// Read from this descriptor (duplicated; the original stays open).
  int InputFd = 0;
  /// Write to this descriptor (not closed).
  int OutputFd = 1;
  /// Delimited for --lit-test input; output is always framed.
  FramingStyle InputStyle = FramingStyle::ContentLength;
  /// Indent output JSON (--lit-test), so FileCheck can match line by line.
  bool PrettyOutput = false;
};

/// The stdio transport: Boost.Asio reads a dup of InputFd; writes are
/// blocking and serialized.
std::unique_ptr<Transport> newStdioTransport(StdioTransportOptions Options);

} // namespace aiprov::server

#endif
