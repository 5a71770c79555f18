//===--- Transport.cpp - JSON-RPC over stdio with Boost.Asio --------------===//
//
// Reading is asynchronous on an io_context that runs on the calling thread:
// every message is handled right there, and the AST parse worker posts its
// results to the same io_context, so the server core only ever runs on
// this thread and the reader never blocks on analysis. Boost.Asio serves pipes,
// regular files and /dev/null alike (epoll refuses regular files; Asio then
// reads them directly), and reports end of input as error::eof, which is a
// clean exit.
//
// Writes go straight to the descriptor under a lock: a response must be out
// before the next request is read, and whole messages must never
// interleave, whichever thread sends them.
//
//===----------------------------------------------------------------------===//
#include "Transport.h"
#include "JSONRPC.h"
#include "Logger.h"
#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <cerrno>
#include <functional>
#include <mutex>
#include <unistd.h>

namespace aiprov::server {

namespace {

class StdioTransport : public Transport {
public:
  explicit StdioTransport(StdioTransportOptions Options)
      : Options(Options),
        Framer(MessageFramer::Options{Options.InputStyle, size_t(256) << 20}) {}

  void send(const nlohmann::json &Message) override {
    std::string Body = Message.dump(Options.PrettyOutput ? 2 : -1, ' ', false,
                                    nlohmann::json::error_handler_t::replace);
    std::string Frame =
        "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
    if (Options.PrettyOutput)
      Frame += "\n"; // Keeps the next header on its own line for FileCheck.
    std::lock_guard<std::mutex> Guard(WriteLock);
    size_t Written = 0;
    while (Written < Frame.size()) {
      ssize_t N = ::write(Options.OutputFd, Frame.data() + Written,
                          Frame.size() - Written);
      if (N < 0 && errno == EINTR)
        continue;
      if (N <= 0) {
        logError("cannot write to the client; message dropped");
        return;
      }
      Written += static_cast<size_t>(N);
    }
  }

  void post(std::function<void()> Task) override {
    boost::asio::post(Context, std::move(Task));
  }

  Ended loop(MessageHandler &Handler) override {
    int Fd = ::dup(Options.InputFd);
    if (Fd < 0) {
      logError("cannot duplicate the input descriptor");
      return Ended::ReadError;
    }
    boost::asio::posix::stream_descriptor Input(Context, Fd);
    Ended Result = Ended::EndOfInput;
    std::array<char, 64 * 1024> Chunk;
    std::vector<std::string> Problems;

    // Hands out every whole message; false once the handler says stop.
    auto Deliver = [&](std::optional<std::string> Payload) {
      for (const std::string &Problem : Problems)
        logError("framing: " + Problem);
      Problems.clear();
      if (!Payload)
        return true;
      llvm::Expected<nlohmann::json> Message = parseMessage(*Payload);
      if (!Message) {
        std::string Why = llvm::toString(Message.takeError());
        logError(Why + ": " + llvm::StringRef(*Payload).take_front(200));
        send({{"jsonrpc", "2.0"},
              {"id", nullptr},
              {"error", {{"code", -32700}, {"message", Why}}}});
        return true;
      }
      return Handler.onMessage(std::move(*Message));
    };

    std::function<void()> ReadMore = [&] {
      Input.async_read_some(
          boost::asio::buffer(Chunk),
          [&](const boost::system::error_code &Error, size_t Bytes) {
            Framer.feed(llvm::StringRef(Chunk.data(), Bytes));
            while (std::optional<std::string> Payload = Framer.next(Problems))
              if (!Deliver(std::move(Payload))) {
                Result = Ended::HandlerStopped;
                return;
              }
            Deliver(std::nullopt); // Logs problems found in a partial read.
            if (Error == boost::asio::error::eof) {
              if (!Deliver(Framer.finish(Problems)))
                Result = Ended::HandlerStopped;
              return;
            }
            if (Error) {
              logError("cannot read from the client: " + Error.message());
              Result = Ended::ReadError;
              return;
            }
            ReadMore();
          });
    };
    ReadMore();
    Context.run();
    return Result;
  }

private:
  StdioTransportOptions Options;
  MessageFramer Framer;
  boost::asio::io_context Context;
  std::mutex WriteLock;
};

} // namespace

std::unique_ptr<Transport> newStdioTransport(StdioTransportOptions Options) {
  return std::make_unique<StdioTransport>(Options);
}

} // namespace aiprov::server
