//===--- Ledger.cpp - Durable appends and tolerant reads of the ledger ----===//
//
// Durability rests on three POSIX facts: a write(2) to an O_APPEND file
// lands at the end in one piece for every writer that holds the same
// exclusive flock; fsync makes it survive a power cut; and a process killed
// mid-write leaves at most an unfinished last line, which the next append
// (under the lock) removes before writing. Reading never fails on content:
// a bad line becomes a warning. What a line holds is LedgerRecord's
// business; nlohmann/json is used without exceptions.
//
//===----------------------------------------------------------------------===//
#include "aiprov/ledger/Ledger.h"
#include "aiprov/ledger/Workspace.h"
#include "aiprov/support/FileReader.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace aiprov {
namespace {

using Json = nlohmann::json;

constexpr const char *GitAttributesLine = ".aiprov/ledger.jsonl merge=union";
/// How long an append waits for another writer's lock (docs/ledger.md).
constexpr std::chrono::milliseconds LockTimeout(10000);

llvm::Error errnoError(const llvm::Twine &What, int Errno) {
  return llvm::createStringError(
      std::error_code(Errno, std::generic_category()),
      What + ": " + std::strerror(Errno));
}

// Closes a descriptor on every path out of append().
class FileDescriptor {
public:
  explicit FileDescriptor(int FD) : FD(FD) {}
  FileDescriptor(const FileDescriptor &) = delete;
  FileDescriptor &operator=(const FileDescriptor &) = delete;
  ~FileDescriptor() {
    if (FD >= 0)
      ::close(FD);
  }
  int get() const { return FD; }

private:
  int FD;
};

// write(2) until done or an error; a regular file rarely writes short, but
// a full disk does.
bool writeAll(int FD, llvm::StringRef Data) {
  while (!Data.empty()) {
    ssize_t N = ::write(FD, Data.data(), Data.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Data = Data.drop_front(static_cast<size_t>(N));
  }
  return true;
}

llvm::Error failure(std::errc Code, const llvm::Twine &Message) {
  return llvm::createStringError(std::make_error_code(Code), Message);
}

// An exclusive flock, waiting at most Timeout: a hook must never block its
// agent, even when something else holds the ledger's lock for good.
llvm::Error lockWithin(int FD, const llvm::Twine &Path,
                       std::chrono::milliseconds Timeout) {
  auto Deadline = std::chrono::steady_clock::now() + Timeout;
  while (::flock(FD, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR)
      return errnoError("cannot lock " + Path, errno);
    if (std::chrono::steady_clock::now() >= Deadline)
      return failure(std::errc::timed_out,
                     Path + " stayed locked by another process for " +
                         llvm::Twine(Timeout.count()) + " ms");
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return llvm::Error::success();
}

// openat(2) that never follows a symbolic link in the last component and
// never blocks on a FIFO; EINTR retried.
int openNoFollow(int DirFD, const char *Name, int Flags, mode_t Mode = 0644) {
  int FD;
  do
    FD = ::openat(DirFD, Name, Flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC,
                  Mode);
  while (FD < 0 && errno == EINTR);
  return FD;
}

// Why an open of Path failed, in the words a user needs: ELOOP from
// O_NOFOLLOW means the path is a symbolic link.
llvm::Error openError(const llvm::Twine &Path, int Errno) {
  if (Errno == ELOOP || Errno == EMLINK)
    return failure(std::errc::too_many_symbolic_link_levels,
                   Path +
                       " is a symbolic link; aiprov never writes through one");
  return errnoError("cannot open " + Path, Errno);
}

// The descriptor must be a regular file with no other name (a hard link
// would let a write land in a file outside the workspace).
llvm::Error checkPlainFile(int FD, const llvm::Twine &Path,
                           struct stat &Status) {
  if (::fstat(FD, &Status) != 0)
    return errnoError("cannot stat " + Path, errno);
  if (!S_ISREG(Status.st_mode))
    return failure(std::errc::invalid_argument,
                   Path + " is not a regular file");
  if (Status.st_nlink > 1)
    return failure(std::errc::invalid_argument,
                   Path + " has other hard links; aiprov writes only to a "
                          "file of its own");
  return llvm::Error::success();
}

// DirFD/Name opened for reading and appending (created if missing), never
// through a link, and checked to be a plain file of its own.
llvm::Expected<int> openAppendable(int DirFD, const char *Name,
                                   const llvm::Twine &Path,
                                   struct stat &Status) {
  int Raw = openNoFollow(DirFD, Name, O_RDWR | O_CREAT | O_APPEND);
  if (Raw < 0)
    return openError(Path, errno);
  if (llvm::Error E = checkPlainFile(Raw, Path, Status)) {
    ::close(Raw);
    return std::move(E);
  }
  return Raw;
}

// Adds the merge=union line to Root/.gitattributes unless a line already
// says exactly that. Appends; never rewrites what is there.
llvm::Error ensureGitAttributes(int RootFD, llvm::StringRef Root) {
  llvm::SmallString<256> Path(Root);
  llvm::sys::path::append(Path, ".gitattributes");
  struct stat Status{};
  llvm::Expected<int> Raw =
      openAppendable(RootFD, ".gitattributes", Path, Status);
  if (!Raw)
    return Raw.takeError();
  FileDescriptor FD(*Raw);
  if (static_cast<uint64_t>(Status.st_size) > file_limits::IgnoreFile)
    return failure(std::errc::file_too_large, Path + " is too large to read");
  std::string Existing(static_cast<size_t>(Status.st_size), '\0');
  ssize_t N = ::pread(FD.get(), Existing.data(), Existing.size(), 0);
  if (N < 0)
    return errnoError("cannot read " + Path, errno);
  Existing.resize(static_cast<size_t>(N));
  llvm::SmallVector<llvm::StringRef, 16> Lines;
  llvm::StringRef(Existing).split(Lines, '\n');
  for (llvm::StringRef Line : Lines)
    if (Line.trim() == GitAttributesLine)
      return llvm::Error::success();
  std::string Text;
  if (!Existing.empty() && Existing.back() != '\n')
    Text += '\n';
  Text += GitAttributesLine;
  Text += '\n';
  if (!writeAll(FD.get(), Text))
    return errnoError("cannot write " + Path, errno);
  return llvm::Error::success();
}

// Every record aiprov writes starts with these bytes (LedgerRecord::toJson;
// nlohmann::json keeps object keys sorted). A torn tail is cut only when it
// is a piece of such a line: a file whose last line aiprov did not write is
// never truncated.
constexpr llvm::StringLiteral RecordPrefix =
    "{\"files\":[{\"conversations\":[{\"contributor\":";

// Under the lock: if the file does not end in \n, an earlier append died
// mid-line. Its tail was never reported as written, so it is cut off;
// if it is a whole JSON value (a hand edit that lost the final newline) or
// not the start of a line aiprov writes, it is kept and the returned prefix
// ends it instead.
llvm::Expected<std::string> repairTornTail(int FD, off_t Size) {
  if (Size == 0)
    return std::string();
  constexpr off_t Window = 1 << 20;
  off_t From = Size > Window ? Size - Window : 0;
  std::string Tail(static_cast<size_t>(Size - From), '\0');
  ssize_t N = ::pread(FD, Tail.data(), Tail.size(), From);
  if (N != static_cast<ssize_t>(Tail.size()))
    return errnoError("cannot read the ledger's end", N < 0 ? errno : EIO);
  if (Tail.back() == '\n')
    return std::string();
  size_t LastNewline = Tail.rfind('\n');
  if (LastNewline == std::string::npos && From != 0)
    return std::string("\n"); // A line longer than the window: keep it.
  size_t Start = LastNewline == std::string::npos ? 0 : LastNewline + 1;
  llvm::StringRef Torn = llvm::StringRef(Tail).substr(Start);
  bool OursTorn =
      Torn.starts_with(RecordPrefix) || RecordPrefix.starts_with(Torn);
  Json Value = Json::parse(Torn.begin(), Torn.end(), nullptr,
                           /*allow_exceptions=*/false);
  if (!OursTorn || !Value.is_discarded())
    return std::string("\n");
  if (::ftruncate(FD, From + static_cast<off_t>(Start)) != 0)
    return errnoError("cannot cut a torn line off the ledger", errno);
  return std::string();
}

} // namespace

std::string Ledger::pathFor(llvm::StringRef WorkspaceRoot) {
  llvm::SmallString<256> Path(WorkspaceRoot);
  llvm::sys::path::append(Path, ".aiprov", "ledger.jsonl");
  return std::string(Path);
}

llvm::Error Ledger::append(const LedgerRecord &Record) const {
  std::string Line = Record.toJson().dump(-1, ' ', /*ensure_ascii=*/false,
                                          Json::error_handler_t::replace);
  Line += '\n';

  // Every path below is opened relative to the workspace root and never
  // through a symbolic link: a committed `.aiprov -> /home/victim` or
  // `ledger.jsonl -> ~/.bashrc` must not make a hook write there.
  std::string Path = pathFor(WorkspaceRoot);
  int RootRaw;
  do
    RootRaw = ::open(WorkspaceRoot.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  while (RootRaw < 0 && errno == EINTR);
  if (RootRaw < 0)
    return errnoError("cannot open " + WorkspaceRoot, errno);
  FileDescriptor RootFD(RootRaw);
  llvm::SmallString<256> Dir(WorkspaceRoot);
  llvm::sys::path::append(Dir, ".aiprov");
  if (::mkdirat(RootFD.get(), ".aiprov", 0755) != 0 && errno != EEXIST)
    return errnoError("cannot create " + Dir, errno);
  int DirRaw = openNoFollow(RootFD.get(), ".aiprov", O_RDONLY | O_DIRECTORY);
  if (DirRaw < 0) {
    int Errno = errno;
    // O_DIRECTORY wins over O_NOFOLLOW for a link to a file: say "link".
    struct stat Link{};
    if (Errno == ENOTDIR &&
        ::fstatat(RootFD.get(), ".aiprov", &Link, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISLNK(Link.st_mode))
      Errno = ELOOP;
    return openError(Dir, Errno);
  }
  FileDescriptor DirFD(DirRaw);
  struct stat Status{};
  llvm::Expected<int> Raw =
      openAppendable(DirFD.get(), "ledger.jsonl", Path, Status);
  if (!Raw)
    return Raw.takeError();
  FileDescriptor FD(*Raw);
  if (llvm::Error E = lockWithin(FD.get(), Path, LockTimeout))
    return E;

  if (::fstat(FD.get(), &Status) != 0)
    return errnoError("cannot stat " + Path, errno);
  if (Status.st_size == 0)
    if (llvm::Error E = ensureGitAttributes(RootFD.get(), WorkspaceRoot))
      return E;
  llvm::Expected<std::string> Prefix = repairTornTail(FD.get(), Status.st_size);
  if (!Prefix)
    return Prefix.takeError();
  if (!Prefix->empty())
    Line.insert(0, *Prefix);
  if (::fstat(FD.get(), &Status) != 0)
    return errnoError("cannot stat " + Path, errno);

  // One write(2): the line reaches the file whole or (on a full disk, or a
  // kill mid-copy) as a tail the next append cuts off.
  ssize_t Written = ::write(FD.get(), Line.data(), Line.size());
  if (Written != static_cast<ssize_t>(Line.size())) {
    int Errno = Written < 0 ? errno : ENOSPC;
    (void)::ftruncate(FD.get(), Status.st_size);
    return errnoError("cannot append to " + Path, Errno);
  }
  if (::fsync(FD.get()) != 0)
    return errnoError("cannot fsync " + Path, errno);
  ::flock(FD.get(), LOCK_UN);
  return llvm::Error::success();
}

LedgerReadResult Ledger::parse(llvm::StringRef Text, llvm::StringRef Path,
                               llvm::StringRef WorkspaceRoot) {
  LedgerReadResult Result;
  unsigned LineNumber = 0;
  while (!Text.empty()) {
    ++LineNumber;
    size_t End = Text.find('\n');
    llvm::StringRef Line = Text.substr(0, End);
    Text =
        End == llvm::StringRef::npos ? llvm::StringRef() : Text.substr(End + 1);
    auto Warn = [&](const llvm::Twine &Why) {
      Result.Warnings.push_back((Path + ":" + llvm::Twine(LineNumber) +
                                 ":1: warning: skipped: " + Why)
                                    .str());
    };
    if (Line.trim().empty())
      continue;
    if (End == llvm::StringRef::npos) {
      Warn("torn last line (no final newline)");
      break;
    }
    Json Value = Json::parse(Line.begin(), Line.end(), nullptr,
                             /*allow_exceptions=*/false);
    if (Value.is_discarded()) {
      Warn("not JSON");
      continue;
    }
    if (!Value.is_object()) {
      Warn("not a JSON object");
      continue;
    }
    llvm::Expected<std::vector<LedgerRecord>> Records =
        LedgerRecord::fromJson(Value);
    if (!Records) {
      Warn(llvm::toString(Records.takeError()));
      continue;
    }
    for (LedgerRecord &R : *Records) {
      std::optional<std::string> File =
          normalizeRecordPath(WorkspaceRoot, R.File);
      if (!File) {
        Warn("file path '" + R.File + "' is outside the workspace");
        continue;
      }
      R.File = std::move(*File);
      Result.Records.push_back(std::move(R));
    }
  }
  return Result;
}

std::string Ledger::agentTracePathFor(llvm::StringRef WorkspaceRoot) {
  llvm::SmallString<256> Path(WorkspaceRoot);
  llvm::sys::path::append(Path, ".agent-trace", "traces.jsonl");
  return std::string(Path);
}

LedgerReadResult Ledger::read() const {
  return readFile(pathFor(WorkspaceRoot), WorkspaceRoot);
}

LedgerReadResult Ledger::readFile(llvm::StringRef Path,
                                  llvm::StringRef WorkspaceRoot) {
  LedgerReadResult Result;
  std::string Text;
  std::error_code EC = readWholeFile(Path, Text, file_limits::Ledger);
  if (EC == std::errc::no_such_file_or_directory)
    return Result;
  if (EC) {
    // Not a warning: records that cannot be read may forbid what this run
    // would otherwise pass (SPEC §5: an error naming the path).
    Result.Errors.push_back(
        (Path + ":1:1: error: cannot read ledger: " +
         describeReadError(EC, file_limits::Ledger, "a ledger"))
            .str());
    return Result;
  }
  return parse(Text, Path, WorkspaceRoot);
}

} // namespace aiprov
