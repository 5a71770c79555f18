//===--- ReviewCommand.cpp - `aiprov review FILE:LINE` --------------------===//
//
// The rewrite itself is aiprov::signOffRegion (pure, shared with the
// language server); this file owns what only a command line needs: who the
// reviewer is (git's user.email unless --by), today's date, and writing the
// file so that a crash, a concurrent editor or a read-only file can never
// leave it half-written or silently clobbered: temp file in the same
// directory, original permissions, fsync, re-check, rename.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "aiprov/check/FileAnalysis.h"
#include "aiprov/directives/RegionAnnotation.h"
#include "aiprov/directives/RegionBuilder.h"
#include "aiprov/directives/ReviewSignOff.h"
#include "aiprov/ledger/LedgerRegions.h"
#include "aiprov/ledger/Recording.h"
#include "aiprov/ledger/Workspace.h"
#include "aiprov/policy/Policy.h"
#include "aiprov/support/FileReader.h"
#include "aiprov/support/Paths.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace aiprov::cli {

llvm::cl::SubCommand ReviewCommand(
    "review",
    "Sign off the AI-assisted region whose directive starts at FILE:LINE: "
    "writes reviewed-by, reviewed-at and review=sha256:... into that "
    "directive. A region known only from the ledger (.aiprov/ledger.jsonl) "
    "first gets a begin/end annotation around it");

namespace {

namespace cl = llvm::cl;
namespace fs = llvm::sys::fs;

cl::opt<std::string> Target(cl::Positional, cl::Required, cl::desc("FILE:LINE"),
                            cl::sub(ReviewCommand), cl::cat(AiprovCategory));
cl::opt<std::string>
    Reviewer("by",
             cl::desc("Reviewer to record (default: `git config user.email` "
                      "in the file's directory)"),
             cl::value_desc("WHO"), cl::sub(ReviewCommand),
             cl::cat(AiprovCategory));

int fail(const llvm::Twine &Message) {
  llvm::errs() << "aiprov: error: " << Message << "\n";
  return ExitUsageOrIO;
}

bool sameFile(const fs::file_status &A, const fs::file_status &B) {
  return A.getUniqueID() == B.getUniqueID() && A.getSize() == B.getSize() &&
         A.getLastModificationTime() == B.getLastModificationTime();
}

/// Replaces Path with Contents atomically. Expected is the text the
/// rewrite was computed from: if Path no longer holds it (an editor saved
/// meanwhile), nothing is written.
std::optional<std::string> replaceFile(llvm::StringRef Path,
                                       const fs::file_status &Original,
                                       llvm::StringRef Expected,
                                       llvm::StringRef Contents) {
  llvm::SmallString<256> Model(llvm::sys::path::parent_path(Path));
  llvm::sys::path::append(Model, "." + llvm::sys::path::filename(Path) +
                                     ".aiprov-%%%%%%%%");
  int FD;
  llvm::SmallString<256> TempPath;
  if (std::error_code EC = fs::createUniqueFile(Model, FD, TempPath))
    return "cannot create a temporary file next to it: " + EC.message();
  bool Keep = false;
  auto Cleanup = llvm::make_scope_exit([&] {
    if (FD >= 0)
      ::close(FD);
    if (!Keep) {
      // Best effort; the failure being reported matters more.
      std::error_code Ignored = fs::remove(TempPath);
      (void)Ignored;
    }
  });

  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/false);
    OS << Contents;
    OS.flush();
    if (OS.has_error()) {
      std::string Why = OS.error().message();
      OS.clear_error();
      return "cannot write the temporary file: " + Why;
    }
  }
  // createUniqueFile applies the umask; the file must keep its own mode
  // (and, best effort, owner) so a sign-off never changes who may edit it.
  if (::fchmod(FD, Original.permissions()) != 0)
    return "cannot copy the file's permissions: " +
           std::string(std::strerror(errno));
  if (::fchown(FD, Original.getUser(), Original.getGroup()) != 0) {
    // Only root may give files away; a user's own file keeps its owner.
  }
  if (::fsync(FD) != 0)
    return "cannot flush the temporary file: " +
           std::string(std::strerror(errno));
  ::close(FD);
  FD = -1;

  // Last look before the rename: the file must still be the one we read.
  fs::file_status Now;
  std::string Current;
  if (fs::status(Path, Now) ||
      readWholeFile(Path, Current, file_limits::Source) ||
      !sameFile(Original, Now) || Current != Expected)
    return std::string("the file changed while it was being signed off; it "
                       "was left untouched, run 'aiprov review' again");
  if (std::error_code EC = fs::rename(TempPath, Path))
    return "cannot replace the file: " + EC.message();
  Keep = true;
  // Make the rename itself durable.
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Path));
  if (Dir.empty())
    Dir = ".";
  int DirFD = ::open(Dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (DirFD >= 0) {
    ::fsync(DirFD);
    ::close(DirFD);
  }
  return std::nullopt;
}

/// The verdict that names Path's workspace when there is no git root; a
/// broken policy just leaves only the git root to use: a sign-off is a
/// human's statement about the text and needs no valid policy.
llvm::Expected<Verdict> verdictOrDefault(llvm::StringRef Path) {
  PolicyResolver Policies({});
  llvm::Expected<Verdict> V = Policies.verdictFor(Path);
  if (!V) {
    llvm::consumeError(V.takeError());
    return Verdict();
  }
  return V;
}

std::string topPolicyDirOf(llvm::StringRef Path) {
  return verdictOrDefault(Path)->TopPolicyDir;
}

/// The region starting on Line: Buffer's own, or one known only from the
/// workspace ledger (placed and merged by the pipeline, as `aiprov check`
/// places it). Nothing when none starts there: signOffRegion then explains
/// what is on that line.
std::optional<Region> regionStartingAt(llvm::StringRef Path,
                                       llvm::StringRef Buffer, unsigned Line) {
  FileInput File;
  File.DisplayPath = Path.str();
  File.AbsolutePath = Path.str();
  auto Text = [&]() -> std::optional<llvm::StringRef> { return Buffer; };
  File.Text = Text;
  LedgerCache Ledgers;
  RecordsByContent Records(Ledgers);
  FileAnalysis Analysis = analyzeFile(File, verdictOrDefault, Records);
  auto Found = llvm::find_if(Analysis.Regions.Regions, [Line](const Region &R) {
    return R.Origin.Start.Line == Line;
  });
  if (Found == Analysis.Regions.Regions.end())
    return std::nullopt;
  return *Found;
}

/// Why FileArg, which resolves to RealPath, must not be rewritten: a
/// committed symbolic link (or a linked directory on the way) that points
/// out of the workspace would make a sign-off rewrite a file elsewhere —
/// another repository, a dotfile. Nothing when the target is inside the
/// workspace the named path belongs to.
std::optional<std::string> leavesWorkspace(llvm::StringRef FileArg,
                                           llvm::StringRef RealPath) {
  const std::string Lexical = absolutePath(FileArg);
  if (!llvm::sys::path::is_absolute(Lexical))
    return std::string("cannot make the path absolute");
  std::string Root = workspaceRootFor(llvm::sys::path::parent_path(Lexical),
                                      topPolicyDirOf(Lexical));
  if (Root.empty()) {
    if (Lexical == RealPath)
      return std::nullopt;
    return "is a symbolic link to " + RealPath.str() +
           " and belongs to no workspace; not signed off";
  }
  llvm::SmallString<256> RealRoot;
  if (fs::real_path(Root, RealRoot))
    return "cannot resolve the workspace root " + Root;
  if (workspaceRelativePath(RealRoot, RealPath).empty())
    return "resolves to " + RealPath.str() + ", outside the workspace " + Root +
           "; aiprov never writes through a link out of it";
  return std::nullopt;
}

} // namespace

int runReviewCommand() {
  llvm::StringRef Arg = Target;
  auto [FileArg, LineArg] = Arg.rsplit(':');
  unsigned Line = 0;
  if (FileArg.empty() || LineArg.empty() || LineArg.getAsInteger(10, Line))
    return fail("expected FILE:LINE, got '" + Arg + "'");

  // Write through a symlink to its target: replacing the link itself with
  // a regular file would silently fork the file.
  llvm::SmallString<256> Path;
  if (std::error_code EC = fs::real_path(FileArg, Path))
    return fail(FileArg + ": " + EC.message());
  if (std::optional<std::string> Why = leavesWorkspace(FileArg, Path))
    return fail(FileArg + ": " + *Why);
  fs::file_status Status;
  if (std::error_code EC = fs::status(Path, Status))
    return fail(FileArg + ": " + EC.message());
  if (!fs::is_regular_file(Status))
    return fail(FileArg + ": not a regular file");
  // Root passes access(W_OK) on any file, so the mode bits are checked too:
  // a file someone made read-only is not signed off behind their back.
  if (fs::access(Path, fs::AccessMode::Write) ||
      (Status.permissions() & fs::all_write) == 0)
    return fail(FileArg + ": file is read-only; not signed off");

  // NUL-terminated, as the lexer wants; bounded and never blocking, should
  // the file have been swapped for a FIFO since the status check.
  std::string Storage;
  llvm::StringRef Text;
  if (std::error_code EC = readWholeFile(Path, Storage, Text))
    return fail(FileArg + ": cannot read file: " +
                describeReadError(EC, file_limits::Source, "a checked file"));

  std::string Who = Reviewer;
  if (Who.empty())
    Who = gitUserEmail(llvm::sys::path::parent_path(Path));
  if (Who.empty())
    return fail("no reviewer: pass --by WHO or set 'git config user.email'");

  SignOffRequest Request{FileArg.str(), Line, Who, todayInUtc()};
  std::optional<Region> Target = regionStartingAt(Path, Text, Line);
  llvm::Expected<SignOffResult> Result =
      Target ? signOffKnownRegion(Text, *Target, Request)
             : signOffRegion(Text, Request);
  if (!Result)
    return fail(llvm::toString(Result.takeError()));

  if (std::optional<std::string> Why =
          replaceFile(Path, Status, Text, Result->NewText))
    return fail(FileArg + ": " + *Why);

  const Region &R = Result->Signed;
  llvm::outs() << FileArg << ":" << Line << ": signed off "
               << (Result->Annotated ? "recorded " : "")
               << "AI-assisted region (tool: " << R.tool() << ", lines "
               << R.FirstLine << "-" << R.LastLine << ") as reviewed by " << Who
               << " (" << R.Hash << ")";
  if (Result->Annotated)
    llvm::outs() << "; wrote its begin/end annotation at lines "
                 << R.Origin.Start.Line << " and " << R.LastLine;
  llvm::outs() << "\n";
  return ExitClean;
}

} // namespace aiprov::cli
