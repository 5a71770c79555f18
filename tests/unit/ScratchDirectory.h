//===--- ScratchDirectory.h - A temporary file tree for one test ----------===//
//
// Tests that need real files (policies, ledgers, files to record) share
// this. The directory is made under the system's temporary directory, not
// the working directory: the tests run inside aiprov's own git checkout,
// whose root would otherwise become every test file's workspace (and
// ledger). Its path is symlink-free, as the engine resolves paths.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_TESTS_SCRATCHDIRECTORY_H
#define AIPROV_TESTS_SCRATCHDIRECTORY_H

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <string>

namespace aiprov {

class ScratchDirectory {
public:
  explicit ScratchDirectory(llvm::StringRef Prefix = "aiprov-test") {
    llvm::SmallString<128> Model, Dir, Real;
    llvm::sys::path::system_temp_directory(/*ErasedOnReboot=*/true, Model);
    llvm::sys::path::append(Model, Prefix);
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory(Model, Dir));
    EXPECT_FALSE(llvm::sys::fs::real_path(Dir, Real));
    Root = std::string(Real);
  }
  ~ScratchDirectory() { EXPECT_FALSE(llvm::sys::fs::remove_directories(Root)); }
  ScratchDirectory(const ScratchDirectory &) = delete;
  ScratchDirectory &operator=(const ScratchDirectory &) = delete;

  const std::string &root() const { return Root; }

  /// Root/Relative.
  std::string path(llvm::StringRef Relative) const {
    llvm::SmallString<256> Path(Root);
    llvm::sys::path::append(Path, Relative);
    return std::string(Path);
  }

  /// Writes Text to Root/Relative, creating its directories.
  void write(llvm::StringRef Relative, llvm::StringRef Text) const {
    std::string Path = path(Relative);
    EXPECT_FALSE(
        llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path)));
    std::error_code EC;
    llvm::raw_fd_ostream Out(Path, EC);
    EXPECT_FALSE(EC) << Path;
    Out << Text;
  }

  /// The contents of Root/Relative, or "<missing>".
  std::string read(llvm::StringRef Relative) const {
    auto Buffer = llvm::MemoryBuffer::getFile(path(Relative));
    return Buffer ? (*Buffer)->getBuffer().str() : "<missing>";
  }

private:
  std::string Root;
};

} // namespace aiprov

#endif
