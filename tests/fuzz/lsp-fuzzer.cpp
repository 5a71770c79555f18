//===--- lsp-fuzzer.cpp - libFuzzer over `aiprov lsp`'s framing and dispatch
//===//
//
// Any byte stream is a possible client: the framer must split it without
// crashing, and every payload that parses as JSON goes through the real
// dispatcher and LSP handlers (lifecycle, documents, diagnostics, hover,
// code lens, regions, paste notices). Output is serialized and discarded.
// Ledger writes are off (WriteLedger): fuzz input names arbitrary files,
// and a fuzzer must not append to a real workspace's ledger.
//
//===----------------------------------------------------------------------===//
#include "Framing.h"
#include "JSONRPC.h"
#include "LSPServer.h"
#include "Transport.h"
#include <cstdint>
#include <string>
#include <vector>

namespace {

using aiprov::server::FramingStyle;
using aiprov::server::MessageFramer;
using aiprov::server::Transport;

/// A transport whose input is the fuzzer's bytes, framed with
/// Content-Length headers, and whose output goes nowhere.
class FuzzTransport : public Transport {
public:
  explicit FuzzTransport(llvm::StringRef Input) : Input(Input) {}

  void send(const nlohmann::json &Message) override {
    // What the stdio transport would write; invalid UTF-8 must not throw.
    Sink =
        Message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }

  void post(std::function<void()> Task) override {
    // The fuzzed server parses nothing in the background; run it anyway.
    Task();
  }

  Ended loop(MessageHandler &Handler) override {
    MessageFramer Framer({FramingStyle::ContentLength});
    Framer.feed(Input);
    std::vector<std::string> Problems;
    while (std::optional<std::string> Payload = Framer.next(Problems)) {
      // What the stdio transport does: too deep or not JSON is a
      // ParseError reply, never a handler call.
      llvm::Expected<nlohmann::json> Message =
          aiprov::server::parseMessage(*Payload);
      if (!Message) {
        llvm::consumeError(Message.takeError());
        continue;
      }
      if (!Handler.onMessage(std::move(*Message)))
        return Ended::HandlerStopped;
    }
    (void)Framer.finish(Problems);
    return Ended::EndOfInput;
  }

private:
  llvm::StringRef Input;
  std::string Sink;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  FuzzTransport Transport(
      llvm::StringRef(reinterpret_cast<const char *>(Data), Size));
  aiprov::server::AiprovServer::Options Options;
  Options.WriteLedger = false;
  // A fuzzed URI may name a real file of a real build (this checkout's):
  // a whole clang parse per input would drown the fuzzing.
  Options.AstParse = false;
  aiprov::server::LSPServer Server(Transport, Options);
  (void)Server.run();
  return 0;
}
