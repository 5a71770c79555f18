//===--- ParseScheduler.cpp - Debounced AST parses off the reader thread --===//
//
// The worker sleeps until the earliest request is due (or it is woken by a
// new request or by shutdown), takes that request out of the queue, and
// parses it without holding the lock, so schedule() never waits for clang.
//
//===----------------------------------------------------------------------===//
#include "ParseScheduler.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Threading.h"
#include <tuple>

namespace aiprov::server {

ParseScheduler::ParseScheduler(const Options &Opts, ParseFunction Parse,
                               DoneFunction Done)
    : Opts(Opts), Parse(std::move(Parse)), Done(std::move(Done)) {
  if (!Opts.Synchronous)
    Worker = std::thread([this] { run(); });
}

ParseScheduler::~ParseScheduler() {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    Stopping = true;
    Queue.clear();
  }
  Wake.notify_all();
  if (Worker.joinable())
    Worker.join();
}

void ParseScheduler::schedule(ParseRequest Request) {
  if (Opts.Synchronous) {
    ParsedTranslationUnit Result = Parse(Request);
    Done(std::move(Request), std::move(Result));
    return;
  }
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    std::string Key = Request.Key;
    Queue[Key] = Pending{std::move(Request), Clock::now() + Opts.Debounce,
                         NextSequence++};
  }
  Wake.notify_all();
}

void ParseScheduler::cancel(llvm::StringRef Key) {
  std::lock_guard<std::mutex> Lock(Mutex);
  Queue.erase(Key);
}

size_t ParseScheduler::pendingCount() {
  std::lock_guard<std::mutex> Lock(Mutex);
  return Queue.size();
}

void ParseScheduler::run() {
  // The reader thread's lexer pass is what a user waits for on every
  // keystroke; on a two-core machine a clang parse beside it would double
  // its latency. The refinement can wait for a free core.
  llvm::set_thread_priority(llvm::ThreadPriority::Background);
  std::unique_lock<std::mutex> Lock(Mutex);
  while (!Stopping) {
    if (Queue.empty()) {
      Wake.wait(Lock);
      continue;
    }
    auto Next = Queue.begin();
    for (auto It = Queue.begin(); It != Queue.end(); ++It)
      if (std::tie(It->second.Due, It->second.Sequence) <
          std::tie(Next->second.Due, Next->second.Sequence))
        Next = It;
    if (Clock::now() < Next->second.Due) {
      // A newer request may replace this one, or come due sooner: look
      // again when woken.
      Wake.wait_until(Lock, Next->second.Due);
      continue;
    }
    ParseRequest Request = std::move(Next->second.Request);
    Queue.erase(Next);
    Lock.unlock();
    ParsedTranslationUnit Result = Parse(Request);
    Done(std::move(Request), std::move(Result));
    Lock.lock();
  }
}

ParsedTranslationUnit
ParseScheduler::parseWithClang(const ParseRequest &Request) {
  return parseTranslationUnit(*Request.Database, Request.Path,
                              llvm::StringRef(Request.Text));
}

} // namespace aiprov::server
