//===--- Logger.cpp - The language server's log ---------------------------===//
//
// Flushes after every line: the log is read while the server runs (tail -f)
// and after crashes, when a buffer would be lost.
//
//===----------------------------------------------------------------------===//
#include "Logger.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/FormatVariadic.h"
#include <chrono>
#include <mutex>

namespace aiprov::server {

namespace {

std::mutex LogLock;
llvm::raw_ostream *LogStream = nullptr;

void logLine(char Level, const llvm::Twine &Message) {
  std::lock_guard<std::mutex> Guard(LogLock);
  llvm::raw_ostream &OS = LogStream ? *LogStream : llvm::errs();
  OS << Level
     << llvm::formatv("[{0:%H:%M:%S.%L}] ", std::chrono::system_clock::now())
     << Message << '\n';
  OS.flush();
}

} // namespace

void setLogStream(llvm::raw_ostream *OS) {
  std::lock_guard<std::mutex> Guard(LogLock);
  LogStream = OS;
}

void logError(const llvm::Twine &Message) { logLine('E', Message); }
void logInfo(const llvm::Twine &Message) { logLine('I', Message); }

} // namespace aiprov::server
