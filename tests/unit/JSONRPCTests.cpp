//===--- JSONRPCTests.cpp - Payloads and messages that are not requests ---===//
//
// Tests for server/JSONRPC.h: parseMessage's refusals (not JSON, nested
// too deep to copy or dump safely) and the Dispatcher's JSON-RPC errors for
// messages of the wrong shape, each followed by a request that is still
// served.
//
//===----------------------------------------------------------------------===//
#include "JSONRPC.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <string>
#include <vector>

namespace aiprov::server {
namespace {

/// Records what the dispatcher sends.
class RecordingTransport : public Transport {
public:
  void send(const nlohmann::json &Message) override { Sent.push_back(Message); }
  void post(std::function<void()> Task) override { Task(); }
  Ended loop(MessageHandler &) override { return Ended::EndOfInput; }
  std::vector<nlohmann::json> Sent;
};

std::string errorOf(llvm::StringRef Payload) {
  llvm::Expected<nlohmann::json> M = parseMessage(Payload);
  if (M)
    return "";
  return llvm::toString(M.takeError());
}

TEST(JSONRPCTest, DeepNestingIsRefusedBeforeParsing) {
  // Copying or dumping a value recurses per level: 100 000 levels would
  // overflow the stack in any handler that copies its params.
  std::string Deep =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":" +
      std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_EQ(errorOf(Deep), "Parse error: nested deeper than 256 levels");
  std::string Objects;
  for (int I = 0; I < 300; ++I)
    Objects += "{\"a\":";
  EXPECT_EQ(errorOf(Objects + "1" + std::string(300, '}')),
            "Parse error: nested deeper than 256 levels");
  // Exactly the limit is fine, and brackets in strings are only text.
  EXPECT_EQ(errorOf(std::string(MaxMessageNesting, '[') +
                    std::string(MaxMessageNesting, ']')),
            "");
  EXPECT_EQ(errorOf("{\"text\":\"" + std::string(5000, '[') + "\\\"[\"}"), "");
  // A broken message says where it broke, as a compiler would.
  EXPECT_THAT(
      errorOf("{\"id\":"),
      ::testing::StartsWith("Parse error: not JSON (line 1, column 7: "));
  EXPECT_THAT(
      errorOf("{\"id\":1,\n \"method\": x}"),
      ::testing::StartsWith("Parse error: not JSON (line 2, column 12: "));
  EXPECT_THAT(errorOf(""), ::testing::StartsWith(
                               "Parse error: not JSON (line 1, column 1: "));
}

TEST(JSONRPCTest, MalformedMessagesGetErrorsAndServingGoesOn) {
  RecordingTransport Out;
  Dispatcher D(Out);
  D.setLifecycle(Lifecycle::Running);
  int Served = 0;
  D.onRequest("ping", [&](const nlohmann::json &, ReplyOnce Reply) {
    ++Served;
    Reply.result("pong");
  });
  D.bindRequest<int>(
      "typed", [&](const int &, ReplyOnce Reply) { Reply.result(nullptr); });
  struct Case {
    const char *Message;
    int Code;
    nlohmann::json Id;
  };
  const Case Cases[] = {
      {R"([{"jsonrpc":"2.0","id":1,"method":"ping"}])", -32600, nullptr},
      {R"("ping")", -32600, nullptr},
      {R"({"jsonrpc":2,"id":1,"method":"ping"})", -32600, 1},
      {R"({"id":1,"method":"ping"})", -32600, 1},
      {R"({"jsonrpc":"2.0","id":1.5,"method":"ping"})", -32600, nullptr},
      {R"({"jsonrpc":"2.0","id":true,"method":"ping"})", -32600, nullptr},
      {R"({"jsonrpc":"2.0","id":{"a":1},"method":"ping"})", -32600, nullptr},
      {R"({"jsonrpc":"2.0","id":2,"method":7})", -32600, 2},
      {R"({"jsonrpc":"2.0","id":3})", -32600, 3},
      {R"({"jsonrpc":"2.0","id":4,"method":"nope"})", -32601, 4},
      {R"({"jsonrpc":"2.0","id":5,"method":"typed","params":"x"})", -32602, 5},
  };
  for (const Case &C : Cases) {
    Out.Sent.clear();
    EXPECT_TRUE(D.handleMessage(nlohmann::json::parse(C.Message)));
    ASSERT_EQ(Out.Sent.size(), 1u) << C.Message;
    EXPECT_EQ(Out.Sent[0]["error"]["code"], C.Code) << C.Message;
    EXPECT_EQ(Out.Sent[0]["id"], C.Id) << C.Message;
    Out.Sent.clear();
    EXPECT_TRUE(D.handleMessage(
        nlohmann::json::parse(R"({"jsonrpc":"2.0","id":9,"method":"ping"})")));
    ASSERT_EQ(Out.Sent.size(), 1u);
    EXPECT_EQ(Out.Sent[0]["result"], "pong");
  }
  EXPECT_EQ(Served, static_cast<int>(std::size(Cases)));
  // A response to nothing we asked, and a notification with bad params,
  // are dropped without a reply.
  Out.Sent.clear();
  D.handleMessage(nlohmann::json::parse(
      R"({"jsonrpc":"2.0","id":77,"result":)" + std::string(200, '[') +
      std::string(200, ']') + "}"));
  EXPECT_TRUE(Out.Sent.empty());
}

TEST(JSONRPCTest, MemberFunctionsAreBoundByMethod) {
  struct Server {
    void onTyped(const int &Value, ReplyOnce Reply) { Reply.result(Value); }
    void onRaw(const nlohmann::json &Params, ReplyOnce Reply) {
      Reply.result(Params);
    }
    void onNotice(const int &Value) { Noticed.push_back(Value); }
    std::vector<int> Noticed;
  } S;
  RecordingTransport Out;
  Dispatcher D(Out);
  D.setLifecycle(Lifecycle::Running);
  D.method("typed", &S, &Server::onTyped);
  D.method("raw", &S, &Server::onRaw);
  D.notification("notice", &S, &Server::onNotice);
  for (const char *Message : {
           R"({"jsonrpc":"2.0","id":1,"method":"typed","params":7})",
           R"({"jsonrpc":"2.0","id":2,"method":"typed","params":"x"})",
           R"({"jsonrpc":"2.0","id":3,"method":"raw","params":{"a":[1]}})",
           R"({"jsonrpc":"2.0","method":"notice","params":5})",
           R"({"jsonrpc":"2.0","method":"notice","params":"x"})",
       })
    EXPECT_TRUE(D.handleMessage(nlohmann::json::parse(Message)));
  ASSERT_EQ(Out.Sent.size(), 3u);
  EXPECT_EQ(Out.Sent[0]["result"], 7);
  EXPECT_EQ(Out.Sent[1]["error"]["code"], -32602);
  EXPECT_EQ(Out.Sent[2]["result"], nlohmann::json::parse(R"({"a":[1]})"));
  EXPECT_EQ(S.Noticed, std::vector<int>{5});
}

TEST(JSONRPCTest, ARequestWaitingOnTheClientIsAnsweredOrCancelled) {
  // Answers "wait" with whatever the client answers to "ask".
  struct Relay {
    Dispatcher &D;
    int Answered = 0;
    void onWait(const nlohmann::json &, ReplyOnce Reply) {
      D.callThenReply(
          "ask", nlohmann::json::object(), std::move(Reply),
          [this](ReplyOnce &Waiting, llvm::Expected<nlohmann::json> Result) {
            ++Answered;
            Waiting.result(*Result);
          });
    }
  };
  RecordingTransport Out;
  Dispatcher D(Out);
  Relay R{D};
  D.setLifecycle(Lifecycle::Running);
  D.method("wait", &R, &Relay::onWait);
  auto Handle = [&](const char *Message) {
    Out.Sent.clear();
    D.handleMessage(nlohmann::json::parse(Message));
    return Out.Sent;
  };
  // Answered from the client's response.
  auto Sent = Handle(R"({"jsonrpc":"2.0","id":5,"method":"wait"})");
  ASSERT_EQ(Sent.size(), 1u);
  EXPECT_EQ(Sent[0]["method"], "ask");
  nlohmann::json AskId = Sent[0]["id"];
  Sent = Handle(
      ("{\"jsonrpc\":\"2.0\",\"id\":" + AskId.dump() + ",\"result\":\"yes\"}")
          .c_str());
  ASSERT_EQ(Sent.size(), 1u);
  EXPECT_EQ(Sent[0]["id"], 5);
  EXPECT_EQ(Sent[0]["result"], "yes");

  // Cancelled while waiting: answered at once, the late response dropped.
  Sent = Handle(R"({"jsonrpc":"2.0","id":"six","method":"wait"})");
  ASSERT_EQ(Sent.size(), 1u);
  AskId = Sent[0]["id"];
  Out.Sent.clear();
  D.cancel("six");
  ASSERT_EQ(Out.Sent.size(), 1u);
  EXPECT_EQ(Out.Sent[0]["id"], "six");
  EXPECT_EQ(Out.Sent[0]["error"]["code"], -32800);
  Sent = Handle(
      ("{\"jsonrpc\":\"2.0\",\"id\":" + AskId.dump() + ",\"result\":\"late\"}")
          .c_str());
  EXPECT_TRUE(Sent.empty());
  // Answered already, or never asked: nothing to send.
  Out.Sent.clear();
  D.cancel("six");
  D.cancel(5);
  EXPECT_TRUE(Out.Sent.empty());
  EXPECT_EQ(R.Answered, 1);
}

} // namespace
} // namespace aiprov::server
