//===--- ParseSchedulerTests.cpp - Debounce, supersede, cancel, stop ------===//
//
// The scheduler runs on a real thread here; the parse is replaced by one
// that records what it was asked to parse and can be held, so each test
// waits on events rather than on the clock. Only "a burst is one parse"
// leans on time: the burst is scheduled in microseconds against a debounce
// of seconds.
//
//===----------------------------------------------------------------------===//
#include "CompileCommands.h"
#include "ParseScheduler.h"
#include "ScratchDirectory.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <condition_variable>
#include <mutex>

namespace aiprov::server {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;

/// What the scheduler parsed and delivered, with a gate that can hold
/// parses until the test opens it.
class Recorder {
public:
  ParsedTranslationUnit parse(const ParseRequest &R) {
    std::unique_lock<std::mutex> Lock(Mutex);
    Started.push_back(R.Key + "@" + std::to_string(R.Version));
    Events.push_back("start " + Started.back());
    Changed.notify_all();
    Changed.wait(Lock, [&] { return Open; });
    return {};
  }
  void done(ParseRequest R, ParsedTranslationUnit) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Delivered.push_back(R.Key + "@" + std::to_string(R.Version));
    Events.push_back("done " + Delivered.back());
    Changed.notify_all();
  }
  ParseScheduler make(std::chrono::milliseconds Debounce,
                      bool Synchronous = false) {
    return ParseScheduler(
        {Debounce, Synchronous},
        [this](const ParseRequest &R) { return parse(R); },
        [this](ParseRequest R, ParsedTranslationUnit P) {
          done(std::move(R), std::move(P));
        });
  }
  void setOpen(bool Value) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Open = Value;
    Changed.notify_all();
  }
  /// Waits until N parses were delivered; false after 60 s.
  bool waitDelivered(size_t N) {
    std::unique_lock<std::mutex> Lock(Mutex);
    return Changed.wait_for(Lock, 60s, [&] { return Delivered.size() >= N; });
  }
  bool waitStarted(size_t N) {
    std::unique_lock<std::mutex> Lock(Mutex);
    return Changed.wait_for(Lock, 60s, [&] { return Started.size() >= N; });
  }
  std::vector<std::string> started() {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Started;
  }
  std::vector<std::string> delivered() {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Delivered;
  }
  /// Starts and deliveries, in the order they happened.
  std::vector<std::string> events() {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Events;
  }

private:
  std::mutex Mutex;
  std::condition_variable Changed;
  bool Open = true;
  std::vector<std::string> Started, Delivered, Events;
};

ParseRequest request(llvm::StringRef Key, int64_t Version) {
  return {Key.str(), "/x/" + Key.str(), Version, "int x;\n", nullptr};
}

TEST(ParseScheduler, ABurstOfChangesIsOneParseOfTheLast) {
  Recorder R;
  ParseScheduler S = R.make(2s);
  for (int Version = 1; Version <= 5; ++Version)
    S.schedule(request("a.cpp", Version));
  EXPECT_EQ(S.pendingCount(), 1u);
  ASSERT_TRUE(R.waitDelivered(1));
  EXPECT_THAT(R.started(), ElementsAre("a.cpp@5"));
  EXPECT_EQ(S.pendingCount(), 0u);
}

TEST(ParseScheduler, AChangeDuringAParseIsParsedAfterIt) {
  Recorder R;
  ParseScheduler S = R.make(0ms);
  R.setOpen(false);
  S.schedule(request("a.cpp", 1));
  ASSERT_TRUE(R.waitStarted(1));
  // Version 1 is being parsed (held); 2 and 3 arrive: 3 replaces 2.
  S.schedule(request("a.cpp", 2));
  S.schedule(request("a.cpp", 3));
  R.setOpen(true);
  ASSERT_TRUE(R.waitDelivered(2));
  EXPECT_THAT(R.delivered(), ElementsAre("a.cpp@1", "a.cpp@3"));
}

TEST(ParseScheduler, DocumentsAreParsedEachInTurn) {
  Recorder R;
  ParseScheduler S = R.make(0ms);
  R.setOpen(false);
  S.schedule(request("a.cpp", 1));
  ASSERT_TRUE(R.waitStarted(1));
  // While a.cpp is parsed (held), twenty documents come due, in an order
  // no hash of their names keeps: they are parsed in the order they came,
  // each after the one before it was delivered.
  std::vector<std::string> Expected = {"start a.cpp@1", "done a.cpp@1"};
  for (int I = 0; I < 20; ++I) {
    std::string Key = "doc-" + std::to_string(I * 7 % 20) + ".cpp";
    S.schedule(request(Key, 1));
    Expected.push_back("start " + Key + "@1");
    Expected.push_back("done " + Key + "@1");
  }
  R.setOpen(true);
  ASSERT_TRUE(R.waitDelivered(21));
  EXPECT_EQ(R.events(), Expected);
}

TEST(ParseScheduler, CancelAndStopDropWhatHasNotStarted) {
  Recorder R;
  {
    ParseScheduler S = R.make(1h);
    S.schedule(request("a.cpp", 1));
    S.schedule(request("b.cpp", 1));
    S.cancel("a.cpp");
    EXPECT_EQ(S.pendingCount(), 1u);
    // Destroyed with b.cpp due in an hour: returns now, parses nothing.
  }
  EXPECT_TRUE(R.started().empty());
}

TEST(ParseScheduler, SynchronousModeParsesBeforeScheduleReturns) {
  Recorder R;
  ParseScheduler S = R.make(1h, /*Synchronous=*/true);
  S.schedule(request("a.cpp", 7));
  EXPECT_THAT(R.delivered(), ElementsAre("a.cpp@7"));
}

TEST(CompileCommands, FoundAboveTheFileAndInBuildDirectories) {
  ScratchDirectory Dir;
  auto Entry = [&](llvm::StringRef File) {
    return "{\"directory\":\"" + Dir.root() + "\",\"file\":\"" +
           Dir.path(File) + "\",\"command\":\"clang++-19 -c " + Dir.path(File) +
           "\"}";
  };
  Dir.write("compile_commands.json", "[" + Entry("src/a.cpp") + "]");
  Dir.write("lib/build/compile_commands.json",
            "[" + Entry("lib/deep/b.cpp") + "]");
  Dir.write("broken/compile_commands.json", "[{");

  CompileCommands Finder;
  auto A = Finder.databaseFor(Dir.path("src/a.cpp"));
  ASSERT_TRUE(A);
  EXPECT_EQ(A->getCompileCommands(Dir.path("src/a.cpp")).size(), 1u);
  // From lib/deep: lib/deep, lib/deep/build, lib, lib/build: found there.
  auto B = Finder.databaseFor(Dir.path("lib/deep/b.cpp"));
  ASSERT_TRUE(B);
  EXPECT_NE(A, B);
  // A header no database compiles, and a broken database, give nothing.
  EXPECT_FALSE(Finder.databaseFor(Dir.path("src/a.h")));
  EXPECT_FALSE(Finder.databaseFor(Dir.path("broken/c.cpp")));

  // --compile-commands-dir: only there.
  CompileCommands Fixed(Dir.path("lib/build"));
  EXPECT_FALSE(Fixed.databaseFor(Dir.path("src/a.cpp")));
  EXPECT_TRUE(Fixed.databaseFor(Dir.path("lib/deep/b.cpp")));
}

} // namespace
} // namespace aiprov::server
