//===--- JSONRPC.h - Dispatching JSON-RPC messages by method --------------===//
//
// Turns one incoming message into a call of the handler registered for its
// method, and every way that can fail into the JSON-RPC error the LSP spec
// asks for. It also enforces the LSP lifecycle, because that decides which
// error a request gets: nothing but `initialize` before initialization
// (ServerNotInitialized), nothing after `shutdown` (InvalidRequest), and
// `exit` always. Handlers never see malformed messages or params.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_JSONRPC_H
#define AIPROV_SERVER_JSONRPC_H

#include "Transport.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <type_traits>

namespace aiprov::server {

enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestCancelled = -32800,
  ContentModified = -32801,
  RequestFailed = -32803,
};

/// The reply to one request, to be sent exactly once. A ReplyOnce dropped
/// unanswered sends InternalError, so a client never waits forever.
/// Movable, so a handler may hand it to a worker later.
class ReplyOnce {
public:
  ReplyOnce(nlohmann::json Id, std::string Method, Transport &Out)
      : Id(std::move(Id)), Method(std::move(Method)), Out(&Out) {}
  ReplyOnce(ReplyOnce &&Other) noexcept;
  ReplyOnce &operator=(ReplyOnce &&) = delete;
  ReplyOnce(const ReplyOnce &) = delete;
  ~ReplyOnce();

  void result(nlohmann::json Result);
  void error(ErrorCode Code, const std::string &Message);
  /// Whether the reply was sent (it may not be sent again).
  bool replied() const { return Out == nullptr; }
  /// The request's id, as the client sent it.
  const nlohmann::json &id() const { return Id; }

private:
  nlohmann::json Id;
  std::string Method;
  Transport *Out; // nullptr once replied (or moved from).
};

enum class Lifecycle {
  Uninitialized, // before `initialize`
  Running,       // after `initialize` was answered
  ShutDown,      // after `shutdown`: only `exit` is accepted
};

/// Not thread-safe: call from the transport's reader thread.
class Dispatcher {
public:
  using RequestHandler =
      std::function<void(const nlohmann::json &Params, ReplyOnce Reply)>;
  using NotificationHandler = std::function<void(const nlohmann::json &Params)>;

  explicit Dispatcher(Transport &Out) : Out(Out) {}

  void onRequest(llvm::StringRef Method, RequestHandler Handler);
  void onNotification(llvm::StringRef Method, NotificationHandler Handler);

  /// Registers a request whose params decode to P; params that do not are
  /// answered with InvalidParams and Handler is not called.
  template <typename P>
  void bindRequest(llvm::StringRef Method,
                   std::function<void(const P &, ReplyOnce)> Handler) {
    onRequest(Method, [Handler = std::move(Handler)](const nlohmann::json &Raw,
                                                     ReplyOnce Reply) {
      std::string Problem;
      if (std::optional<P> Params = decode<P>(Raw, Problem))
        Handler(*Params, std::move(Reply));
      else
        Reply.error(ErrorCode::InvalidParams, Problem);
    });
  }

  /// Registers a notification whose params decode to P; others are logged.
  template <typename P>
  void bindNotification(llvm::StringRef Method,
                        std::function<void(const P &)> Handler);

  /// Binds request Method to the member function Handler of This, as
  /// clangd's `Bind.method`: `method("textDocument/hover", this,
  /// &LSPServer::onHover)`. Params decode to P as for bindRequest; a
  /// handler taking the raw JSON gets it as it came.
  template <typename P, typename T>
  void method(llvm::StringRef Method, T *This,
              void (T::*Handler)(const P &, ReplyOnce)) {
    auto Call = [This, Handler](const P &Params, ReplyOnce Reply) {
      (This->*Handler)(Params, std::move(Reply));
    };
    if constexpr (std::is_same_v<P, nlohmann::json>)
      onRequest(Method, std::move(Call));
    else
      bindRequest<P>(Method, std::move(Call));
  }

  /// Binds notification Method to the member function Handler of This,
  /// as method() does requests.
  template <typename P, typename T>
  void notification(llvm::StringRef Method, T *This,
                    void (T::*Handler)(const P &)) {
    auto Call = [This, Handler](const P &Params) { (This->*Handler)(Params); };
    if constexpr (std::is_same_v<P, nlohmann::json>)
      onNotification(Method, std::move(Call));
    else
      bindNotification<P>(Method, std::move(Call));
  }

  /// The client's answer to a request this server sent: its result, or an
  /// error carrying the client's message.
  using ResponseHandler =
      std::function<void(llvm::Expected<nlohmann::json> Result)>;
  /// Sends a request to the client (workspace/applyEdit); Handler runs on
  /// this thread when the response is read. A response that never comes
  /// leaves Handler pending until the server exits.
  void call(llvm::StringRef Method, nlohmann::json Params,
            ResponseHandler Handler);

  /// Answers a waiting request from the client's response to a request of
  /// ours: Reply is the waiting request's.
  using ReplyingHandler = std::function<void(
      ReplyOnce &Reply, llvm::Expected<nlohmann::json> Result)>;
  /// Answers Reply only once the client has answered Method (the
  /// workspace/applyEdit of a workspace/executeCommand): call()s Method,
  /// and Handler answers Reply from the response. A cancel() of Reply's
  /// request meanwhile answers it at once, and Handler is then not called.
  void callThenReply(llvm::StringRef Method, nlohmann::json Params,
                     ReplyOnce Reply, ReplyingHandler Handler);
  /// The client's $/cancelRequest for request Id: answers it with
  /// RequestCancelled when it waits in callThenReply. Any other request
  /// was answered already (they are answered in the order they come),
  /// which is logged.
  void cancel(const nlohmann::json &Id);

  Lifecycle lifecycle() const { return State; }
  void setLifecycle(Lifecycle S) { State = S; }

  /// Handles one message; false once `exit` was received.
  bool handleMessage(const nlohmann::json &Message);

  /// Decodes params into P, or nothing with Problem saying why.
  template <typename P>
  static std::optional<P> decode(const nlohmann::json &Raw,
                                 std::string &Problem) {
    try {
      return Raw.get<P>();
    } catch (const nlohmann::json::exception &E) {
      // The one place exceptions are caught: nlohmann's from_json reports
      // a missing or mistyped field only by throwing.
      Problem = std::string("invalid params: ") + E.what();
      return std::nullopt;
    }
  }

private:
  /// Routes a response (a message with an id and a result or an error but
  /// no method) to the handler of the call it answers.
  void handleResponse(const nlohmann::json &Id, const nlohmann::json &Message);
  void sendError(const nlohmann::json &Id, ErrorCode Code,
                 const std::string &Message);

  Transport &Out;
  Lifecycle State = Lifecycle::Uninitialized;
  llvm::StringMap<RequestHandler> Requests;
  llvm::StringMap<NotificationHandler> Notifications;
  /// Calls awaiting their response, by the id they were sent with.
  std::map<int64_t, ResponseHandler> Pending;
  /// Requests waiting for the client's answer (callThenReply), by their
  /// id's JSON text; each is owned by its call's handler in Pending.
  std::map<std::string, std::weak_ptr<ReplyOnce>> AwaitingClient;
  int64_t NextCallId = 0;
};

void logInvalidNotification(llvm::StringRef Method, llvm::StringRef Problem);

/// Deepest nesting of arrays and objects a message may have. LSP messages
/// nest a few levels; nlohmann's parser is iterative, but copying and
/// dumping a value recurse once per level, so a client sending 100 000
/// '[' would overflow the stack there.
constexpr unsigned MaxMessageNesting = 256;

/// One framed payload as JSON, or why it is not a message: not JSON, or
/// nested deeper than MaxMessageNesting. The error is the message of the
/// ParseError reply (id null).
llvm::Expected<nlohmann::json> parseMessage(llvm::StringRef Payload);

template <typename P>
void Dispatcher::bindNotification(llvm::StringRef Method,
                                  std::function<void(const P &)> Handler) {
  onNotification(Method, [Method = Method.str(), Handler = std::move(Handler)](
                             const nlohmann::json &Raw) {
    std::string Problem;
    if (std::optional<P> Params = decode<P>(Raw, Problem))
      Handler(*Params);
    else
      logInvalidNotification(Method, Problem);
  });
}

} // namespace aiprov::server

#endif
