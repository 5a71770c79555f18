//===--- ParseScheduler.h - Debounced AST parses off the reader thread ----===//
//
// A small cousin of clangd's TUScheduler. Every change of a document with a
// compile command asks for an AST parse of its newest text; the request
// waits out a debounce delay, so a burst of keystrokes costs one parse, and
// a newer request for the same document replaces one not yet started (the
// superseded parse never runs). Parses run one at a time on one worker
// thread, at background priority: a parse is a whole clang front end, and
// the machines this runs on may have two cores, where the lexer pass a
// user waits for must win. A parse already running is not interrupted; its
// result names the version it parsed, and the caller drops it if the
// document moved on.
//
// In synchronous mode (`aiprov lsp --lit-test`, like clangd's -sync) a
// request is parsed at once on the calling thread, so transcripts are
// deterministic.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_PARSESCHEDULER_H
#define AIPROV_SERVER_PARSESCHEDULER_H

#include "aiprov/directives/TranslationUnitParser.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace clang::tooling {
class CompilationDatabase;
} // namespace clang::tooling

namespace aiprov::server {

/// One document version to parse.
struct ParseRequest {
  std::string Key;
  std::string Path;
  int64_t Version = 0;
  std::string Text;
  /// Where Path's compile command is; shared with the caller's cache.
  std::shared_ptr<const clang::tooling::CompilationDatabase> Database;
};

class ParseScheduler {
public:
  /// How a request is parsed (parseTranslationUnit; tests substitute a
  /// slower or counting one).
  using ParseFunction =
      std::function<ParsedTranslationUnit(const ParseRequest &)>;
  /// Receives each finished parse, on the worker thread (or the caller's,
  /// when synchronous).
  using DoneFunction = std::function<void(ParseRequest, ParsedTranslationUnit)>;

  struct Options {
    std::chrono::milliseconds Debounce{300};
    bool Synchronous = false;
  };

  ParseScheduler(const Options &Opts, ParseFunction Parse, DoneFunction Done);
  /// Drops requests not started and waits for a running parse to end.
  ~ParseScheduler();
  ParseScheduler(const ParseScheduler &) = delete;
  ParseScheduler &operator=(const ParseScheduler &) = delete;

  /// Parses Request after the debounce delay, replacing a request for the
  /// same Key that has not started.
  void schedule(ParseRequest Request);
  /// Drops Key's request if it has not started (the document closed).
  void cancel(llvm::StringRef Key);

  /// Requests waiting (not started), for tests and the log.
  size_t pendingCount();

  /// parseTranslationUnit over Request's database, with its text unsaved.
  static ParsedTranslationUnit parseWithClang(const ParseRequest &Request);

private:
  using Clock = std::chrono::steady_clock;
  struct Pending {
    ParseRequest Request;
    Clock::time_point Due;
    /// Requests due at the same instant run in the order they came, not
    /// in Queue's hash order.
    uint64_t Sequence = 0;
  };

  void run();

  Options Opts;
  ParseFunction Parse;
  DoneFunction Done;
  std::mutex Mutex;
  std::condition_variable Wake;
  llvm::StringMap<Pending> Queue; // By document key.
  uint64_t NextSequence = 0;
  bool Stopping = false;
  std::thread Worker; // Last: starts once the members above exist.
};

} // namespace aiprov::server

#endif
