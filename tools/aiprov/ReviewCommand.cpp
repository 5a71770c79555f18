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
#include "aiprov/LedgerRegions.h"
#include "aiprov/Policy.h"
#include "aiprov/Recording.h"
#include "aiprov/RegionAnnotation.h"
#include "aiprov/ReviewSignOff.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <cstring>
#include <ctime>
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

std::string todayInUtc() {
  std::time_t Now = std::time(nullptr);
  std::tm Utc;
  gmtime_r(&Now, &Utc);
  char Date[16];
  std::strftime(Date, sizeof(Date), "%Y-%m-%d", &Utc);
  return Date;
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
  auto Current = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                             /*RequiresNullTerminator=*/false);
  if (fs::status(Path, Now) || !Current || !sameFile(Original, Now) ||
      (*Current)->getBuffer() != Expected)
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

/// What is signed off: Buffer itself, or, when Line starts a region known
/// only from the ledger, Buffer with a begin/end annotation written around
/// that region first (its tool, model and origin as keys), so that the
/// sign-off has a directive to live in and follows the code from then on.
/// Sets Annotated when it wrote one.
llvm::Expected<std::string> textToSignOff(llvm::StringRef Path,
                                          llvm::StringRef FileArg,
                                          llvm::StringRef Buffer, unsigned Line,
                                          bool &Annotated) {
  Annotated = false;
  FileRegions Regions = analyzeBuffer(Buffer);
  auto StartsAtLine = [Line](const Region &R) {
    return R.Origin.Start.Line == Line;
  };
  if (llvm::any_of(Regions.Regions, StartsAtLine))
    return Buffer.str();

  // The ledger belongs to the workspace the policy chain names when there
  // is no git root; a broken policy just leaves only the git root to use.
  PolicyResolver Policies({});
  std::string TopPolicyDir;
  if (llvm::Expected<Verdict> V = Policies.verdictFor(Path))
    TopPolicyDir = V->TopPolicyDir;
  else
    llvm::consumeError(V.takeError());
  LedgerCache Ledgers;
  auto [Root, Records] = Ledgers.recordsOfFile(Path, TopPolicyDir);
  if (Records.empty())
    return Buffer.str();
  PlacedRecords Placed = placeRecords(Records, Buffer, LineTable(Buffer), Root);
  mergeLedgerRegions(Regions, std::move(Placed.Regions));
  const Region *Recorded = nullptr;
  for (const Region &R : Regions.Regions)
    if (StartsAtLine(R) && R.Origin.Source == RegionSource::Ledger) {
      Recorded = &R;
      break;
    }
  if (!Recorded)
    return Buffer.str();
  if (Recorded->isUnknownPaste())
    return llvm::createStringError(
        (FileArg + ":" + llvm::Twine(Line) +
         ": this is a paste of unknown origin, not an AI-assisted region; if "
         "an AI assistant wrote it, annotate it first")
            .str());

  std::vector<KeyValue> Keys;
  for (const KeyValue &KV : Recorded->Origin.Keys)
    if (KV.Key == "tool" || KV.Key == "model" || KV.Key == "origin")
      Keys.push_back(KV);
  llvm::Expected<std::string> NewText = annotateLines(
      Buffer, FileArg, Recorded->FirstLine, Recorded->LastLine, Keys);
  Annotated = static_cast<bool>(NewText);
  return NewText;
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

  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false);
  if (!Buffer)
    return fail(FileArg + ": cannot read file: " + Buffer.getError().message());

  std::string Who = Reviewer;
  if (Who.empty())
    Who = gitUserEmail(llvm::sys::path::parent_path(Path));
  if (Who.empty())
    return fail("no reviewer: pass --by WHO or set 'git config user.email'");

  bool Annotated = false;
  llvm::Expected<std::string> Text =
      textToSignOff(Path, FileArg, (*Buffer)->getBuffer(), Line, Annotated);
  if (!Text)
    return fail(llvm::toString(Text.takeError()));
  SignOffRequest Request{FileArg.str(), Line, Who, todayInUtc()};
  llvm::Expected<SignOffResult> Result = signOffRegion(*Text, Request);
  if (!Result)
    return fail(llvm::toString(Result.takeError()));

  if (std::optional<std::string> Why =
          replaceFile(Path, Status, (*Buffer)->getBuffer(), Result->NewText))
    return fail(FileArg + ": " + *Why);

  const Region &R = Result->Signed;
  llvm::outs() << FileArg << ":" << Line << ": signed off "
               << (Annotated ? "recorded " : "")
               << "AI-assisted region (tool: " << R.tool() << ", lines "
               << R.FirstLine << "-" << R.LastLine << ") as reviewed by " << Who
               << " (" << R.Hash << ")";
  if (Annotated)
    llvm::outs() << "; wrote its begin/end annotation at lines "
                 << R.Origin.Start.Line << " and " << R.LastLine;
  llvm::outs() << "\n";
  return ExitClean;
}

} // namespace aiprov::cli
