//===--- JSONRPC.cpp - Dispatching JSON-RPC messages by method ------------===//
//
// Every rejected message is answered (requests) or logged (notifications);
// none stops the server. Responses from the client go to the handler of the
// request the server sent (call()); others are logged and dropped.
//
//===----------------------------------------------------------------------===//
#include "JSONRPC.h"
#include "Logger.h"
#include "aiprov/support/JsonErrorLocation.h"

namespace aiprov::server {

namespace {

nlohmann::json errorMessage(const nlohmann::json &Id, ErrorCode Code,
                            const std::string &Message) {
  return {{"jsonrpc", "2.0"},
          {"id", Id},
          {"error", {{"code", static_cast<int>(Code)}, {"message", Message}}}};
}

} // namespace

ReplyOnce::ReplyOnce(ReplyOnce &&Other) noexcept
    : Id(std::move(Other.Id)), Method(std::move(Other.Method)),
      Out(std::exchange(Other.Out, nullptr)) {}

ReplyOnce::~ReplyOnce() {
  if (Out)
    error(ErrorCode::InternalError, "server did not reply to " + Method);
}

void ReplyOnce::result(nlohmann::json Result) {
  if (!Out) {
    logError("second reply to " + Method + " dropped");
    return;
  }
  std::exchange(Out, nullptr)
      ->send({{"jsonrpc", "2.0"}, {"id", Id}, {"result", std::move(Result)}});
}

void ReplyOnce::error(ErrorCode Code, const std::string &Message) {
  if (!Out) {
    logError("second reply to " + Method + " dropped");
    return;
  }
  logError(Method + " failed: " + Message);
  std::exchange(Out, nullptr)->send(errorMessage(Id, Code, Message));
}

llvm::Expected<nlohmann::json> parseMessage(llvm::StringRef Payload) {
  // The nesting is counted before parsing, outside strings, so no value
  // deeper than the limit is ever built.
  unsigned Depth = 0;
  bool InString = false;
  for (size_t I = 0; I < Payload.size(); ++I) {
    char C = Payload[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
    } else if (C == '"') {
      InString = true;
    } else if (C == '[' || C == '{') {
      if (++Depth > MaxMessageNesting)
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "Parse error: nested deeper than " +
                                           llvm::Twine(MaxMessageNesting) +
                                           " levels");
    } else if ((C == ']' || C == '}') && Depth > 0) {
      --Depth;
    }
  }
  nlohmann::json Message =
      nlohmann::json::parse(Payload, nullptr, /*allow_exceptions=*/false);
  if (Message.is_discarded())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "Parse error: not JSON (" +
                                       describeJsonError(Payload) + ")");
  return Message;
}

void logInvalidNotification(llvm::StringRef Method, llvm::StringRef Problem) {
  logError("notification " + Method + " ignored: " + Problem);
}

void Dispatcher::onRequest(llvm::StringRef Method, RequestHandler Handler) {
  Requests[Method] = std::move(Handler);
}

void Dispatcher::onNotification(llvm::StringRef Method,
                                NotificationHandler Handler) {
  Notifications[Method] = std::move(Handler);
}

void Dispatcher::sendError(const nlohmann::json &Id, ErrorCode Code,
                           const std::string &Message) {
  logError("error " + std::to_string(static_cast<int>(Code)) + ": " + Message);
  Out.send(errorMessage(Id, Code, Message));
}

void Dispatcher::call(llvm::StringRef Method, nlohmann::json Params,
                      ResponseHandler Handler) {
  int64_t Id = NextCallId++;
  Pending.emplace(Id, std::move(Handler));
  Out.send({{"jsonrpc", "2.0"},
            {"id", Id},
            {"method", Method.str()},
            {"params", std::move(Params)}});
}

void Dispatcher::callThenReply(llvm::StringRef Method, nlohmann::json Params,
                               ReplyOnce Reply, ReplyingHandler Handler) {
  // std::function needs a copyable callable, hence the shared_ptr.
  auto Waiting = std::make_shared<ReplyOnce>(std::move(Reply));
  // Only ids of requests still waiting are kept.
  std::erase_if(AwaitingClient, [](const auto &Entry) {
    auto Request = Entry.second.lock();
    return !Request || Request->replied();
  });
  AwaitingClient[Waiting->id().dump()] = Waiting;
  call(Method, std::move(Params),
       [Waiting,
        Handler = std::move(Handler)](llvm::Expected<nlohmann::json> Result) {
         if (Waiting->replied()) { // Cancelled meanwhile.
           llvm::consumeError(Result.takeError());
           return;
         }
         Handler(*Waiting, std::move(Result));
       });
}

void Dispatcher::cancel(const nlohmann::json &Id) {
  auto It = AwaitingClient.find(Id.dump());
  std::shared_ptr<ReplyOnce> Waiting =
      It == AwaitingClient.end() ? nullptr : It->second.lock();
  if (!Waiting || Waiting->replied()) {
    logInfo("$/cancelRequest " + Id.dump() + ": already answered");
    return;
  }
  Waiting->error(ErrorCode::RequestCancelled, "cancelled by the client");
  AwaitingClient.erase(It);
}

void Dispatcher::handleResponse(const nlohmann::json &Id,
                                const nlohmann::json &Message) {
  auto It =
      Id.is_number_integer() ? Pending.find(Id.get<int64_t>()) : Pending.end();
  if (It == Pending.end()) {
    logError(
        "response to no request of ours ignored: " +
        llvm::StringRef(Message.dump(-1, ' ', false,
                                     nlohmann::json::error_handler_t::replace))
            .take_front(200));
    return;
  }
  ResponseHandler Handler = std::move(It->second);
  Pending.erase(It);
  auto Error = Message.find("error");
  if (Error == Message.end()) {
    Handler(Message.at("result"));
    return;
  }
  std::string Why =
      Error->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
          .substr(0, 200);
  if (Error->is_object() && Error->contains("message") &&
      (*Error)["message"].is_string())
    Why = (*Error)["message"].get<std::string>();
  Handler(llvm::createStringError(Why));
}

bool Dispatcher::handleMessage(const nlohmann::json &Message) {
  if (!Message.is_object()) {
    sendError(nullptr, ErrorCode::InvalidRequest,
              "a message must be a JSON object");
    return true;
  }
  auto Field = [&](const char *Name) -> const nlohmann::json * {
    auto It = Message.find(Name);
    return It == Message.end() ? nullptr : &*It;
  };
  const nlohmann::json *Id = Field("id");
  const nlohmann::json *Method = Field("method");
  const nlohmann::json *Version = Field("jsonrpc");
  bool ValidId = Id && (Id->is_number_integer() || Id->is_string());
  nlohmann::json ReplyId = ValidId ? *Id : nlohmann::json(nullptr);
  if (!Version || *Version != "2.0") {
    sendError(ReplyId, ErrorCode::InvalidRequest, "jsonrpc must be \"2.0\"");
    return true;
  }
  if (!Method) {
    if (Id && (Field("result") || Field("error")))
      handleResponse(*Id, Message);
    else
      sendError(ReplyId, ErrorCode::InvalidRequest, "message has no method");
    return true;
  }
  if (!Method->is_string() || (Id && !ValidId)) {
    sendError(ReplyId, ErrorCode::InvalidRequest,
              "method must be a string and id a number or a string");
    return true;
  }
  const std::string &Name = Method->get_ref<const std::string &>();
  static const nlohmann::json NoParams = nlohmann::json::object();
  const nlohmann::json *Params = Field("params");
  const nlohmann::json &Args = Params ? *Params : NoParams;

  if (!Id) { // A notification.
    if (Name == "exit")
      return false;
    if (State != Lifecycle::Running) {
      logInfo("notification " + Name + " ignored: " +
              (State == Lifecycle::Uninitialized ? "not initialized"
                                                 : "after shutdown"));
      return true;
    }
    auto It = Notifications.find(Name);
    if (It == Notifications.end()) {
      // $/ notifications are optional by the spec; others are worth a note.
      logInfo("notification " + Name + " not handled");
      return true;
    }
    It->second(Args);
    return true;
  }

  if (State == Lifecycle::Uninitialized && Name != "initialize") {
    sendError(ReplyId, ErrorCode::ServerNotInitialized,
              Name + " before initialize");
    return true;
  }
  if (State == Lifecycle::ShutDown) {
    sendError(ReplyId, ErrorCode::InvalidRequest, Name + " after shutdown");
    return true;
  }
  if (State == Lifecycle::Running && Name == "initialize") {
    sendError(ReplyId, ErrorCode::InvalidRequest, "initialize sent twice");
    return true;
  }
  auto It = Requests.find(Name);
  if (It == Requests.end()) {
    sendError(ReplyId, ErrorCode::MethodNotFound, "method not found: " + Name);
    return true;
  }
  It->second(Args, ReplyOnce(ReplyId, Name, Out));
  return true;
}

} // namespace aiprov::server
