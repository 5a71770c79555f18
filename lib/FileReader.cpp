//===--- FileReader.cpp - open/fstat/read/close into a reusable buffer ----===//
#include "aiprov/FileReader.h"
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace aiprov {

std::error_code readWholeFile(llvm::StringRef Path, std::string &Storage,
                              llvm::StringRef &Contents) {
  std::string CPath = Path.str();
  int FD;
  do
    FD = ::open(CPath.c_str(), O_RDONLY | O_CLOEXEC);
  while (FD < 0 && errno == EINTR);
  if (FD < 0)
    return {errno, std::generic_category()};
  struct stat Info;
  if (::fstat(FD, &Info) != 0) {
    std::error_code EC(errno, std::generic_category());
    ::close(FD);
    return EC;
  }
  if (S_ISDIR(Info.st_mode)) {
    ::close(FD);
    return std::make_error_code(std::errc::is_a_directory);
  }
  // st_size is a hint (a file may grow while we read, or be a pipe): read
  // until end of file, growing as needed.
  Storage.resize(static_cast<size_t>(Info.st_size) + 1);
  size_t Used = 0;
  while (true) {
    if (Used + 1 >= Storage.size())
      Storage.resize(Storage.size() * 2 + 4096);
    ssize_t N = ::read(FD, Storage.data() + Used, Storage.size() - Used - 1);
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0) {
      std::error_code EC(errno, std::generic_category());
      ::close(FD);
      return EC;
    }
    if (N == 0)
      break;
    Used += static_cast<size_t>(N);
    // A regular file is done at its size: skip the read that returns 0.
    if (S_ISREG(Info.st_mode) && Used == static_cast<size_t>(Info.st_size))
      break;
  }
  ::close(FD);
  Storage[Used] = '\0';
  Contents = llvm::StringRef(Storage.data(), Used);
  return {};
}

} // namespace aiprov
