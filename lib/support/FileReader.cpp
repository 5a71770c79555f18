//===--- FileReader.cpp - Bounded reads of regular files ------------------===//
#include "aiprov/support/FileReader.h"
#include <cctype>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace aiprov {
namespace {

class FileReadCategory : public std::error_category {
public:
  const char *name() const noexcept override { return "aiprov.file"; }
  std::string message(int Code) const override {
    switch (static_cast<FileReadError>(Code)) {
    case FileReadError::NotRegularFile:
      return "not a regular file";
    case FileReadError::TooLarge:
      return "file is larger than aiprov's limit for it";
    }
    return "unknown file error";
  }
};

std::error_code lastError() { return {errno, std::generic_category()}; }

/// Closes on every path out of a function.
struct ScopedFD {
  int FD;
  ~ScopedFD() {
    if (FD >= 0)
      ::close(FD);
  }
};

/// Opens Path for reading and checks that it is a regular file. O_NONBLOCK:
/// opening a FIFO would otherwise wait for a writer; it has no effect on
/// the regular files we go on to read.
std::error_code openRegularFile(llvm::StringRef Path, ScopedFD &File,
                                struct stat &Info) {
  std::string CPath = Path.str();
  do
    File.FD =
        ::open(CPath.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  while (File.FD < 0 && errno == EINTR);
  if (File.FD < 0)
    return lastError();
  if (::fstat(File.FD, &Info) != 0)
    return lastError();
  if (S_ISDIR(Info.st_mode))
    return std::make_error_code(std::errc::is_a_directory);
  if (!S_ISREG(Info.st_mode))
    return FileReadError::NotRegularFile;
  return {};
}

} // namespace

const std::error_category &fileReadCategory() {
  static FileReadCategory Category;
  return Category;
}

std::error_code make_error_code(FileReadError E) {
  return {static_cast<int>(E), fileReadCategory()};
}

std::error_code readWholeFile(llvm::StringRef Path, std::string &Storage,
                              llvm::StringRef &Contents, uint64_t MaxBytes) {
  ScopedFD File{-1};
  struct stat Info;
  if (std::error_code EC = openRegularFile(Path, File, Info))
    return EC;
  if (static_cast<uint64_t>(Info.st_size) > MaxBytes)
    return FileReadError::TooLarge;
  // st_size is a hint (a file may grow while we read): read until end of
  // file, growing as needed, but never past the limit.
  Storage.resize(static_cast<size_t>(Info.st_size) + 1);
  size_t Used = 0;
  while (true) {
    if (Used + 1 >= Storage.size())
      Storage.resize(Storage.size() * 2 + 4096);
    ssize_t N =
        ::read(File.FD, Storage.data() + Used, Storage.size() - Used - 1);
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0)
      return lastError();
    if (N == 0)
      break;
    Used += static_cast<size_t>(N);
    if (Used > MaxBytes)
      return FileReadError::TooLarge;
    // A regular file is done at its size: skip the read that returns 0.
    if (Used == static_cast<size_t>(Info.st_size))
      break;
  }
  Storage[Used] = '\0';
  Contents = llvm::StringRef(Storage.data(), Used);
  return {};
}

std::error_code readWholeFile(llvm::StringRef Path, std::string &Contents,
                              uint64_t MaxBytes) {
  llvm::StringRef View;
  if (std::error_code EC = readWholeFile(Path, Contents, View, MaxBytes))
    return EC;
  Contents.resize(View.size());
  return {};
}

std::error_code readFileTail(llvm::StringRef Path, std::string &Contents,
                             uint64_t MaxBytes) {
  ScopedFD File{-1};
  struct stat Info;
  if (std::error_code EC = openRegularFile(Path, File, Info))
    return EC;
  uint64_t Size = static_cast<uint64_t>(Info.st_size);
  uint64_t Want = Size < MaxBytes ? Size : MaxBytes;
  Contents.resize(static_cast<size_t>(Want));
  size_t Used = 0;
  while (Used < Want) {
    ssize_t N = ::pread(File.FD, Contents.data() + Used, Want - Used,
                        static_cast<off_t>(Size - Want + Used));
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0)
      return lastError();
    if (N == 0)
      break; // Truncated while we read: keep what is there.
    Used += static_cast<size_t>(N);
  }
  Contents.resize(Used);
  return {};
}

std::string describeReadError(std::error_code EC, uint64_t MaxBytes,
                              llvm::StringRef WhatFile) {
  if (EC == FileReadError::TooLarge) {
    std::string Size =
        MaxBytes % file_limits::MiB == 0
            ? std::to_string(MaxBytes / file_limits::MiB) + " MiB"
            : std::to_string(MaxBytes) + "-byte";
    return "larger than the " + Size + " limit for " + WhatFile.str();
  }
  std::string Message = EC.message();
  if (!Message.empty())
    Message[0] = static_cast<char>(std::tolower(Message[0]));
  return Message;
}

std::error_code readDescriptorBounded(int FD, std::string &Contents,
                                      uint64_t MaxBytes, int TimeoutMs) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point Deadline =
      Clock::now() + std::chrono::milliseconds(TimeoutMs);
  Contents.clear();
  char Chunk[65536];
  while (true) {
    auto Left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    Deadline - Clock::now())
                    .count();
    if (Left <= 0)
      return std::make_error_code(std::errc::timed_out);
    struct pollfd Wait = {FD, POLLIN, 0};
    int Ready = ::poll(&Wait, 1, static_cast<int>(Left));
    if (Ready < 0 && errno == EINTR)
      continue;
    if (Ready < 0)
      return lastError();
    if (Ready == 0)
      return std::make_error_code(std::errc::timed_out);
    ssize_t N = ::read(FD, Chunk, sizeof(Chunk));
    if (N < 0 && (errno == EINTR || errno == EAGAIN))
      continue;
    if (N < 0)
      return lastError();
    if (N == 0)
      return {};
    if (Contents.size() + static_cast<size_t>(N) > MaxBytes)
      return FileReadError::TooLarge;
    Contents.append(Chunk, static_cast<size_t>(N));
  }
}

} // namespace aiprov
