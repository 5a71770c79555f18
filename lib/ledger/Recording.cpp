//===--- Recording.cpp - Writing observed AI-assisted lines to the ledger -===//
//
// Every range is checked against the file before anything is appended, so a
// request with one bad range writes nothing: a caller never has to guess
// which half of its request reached the ledger.
//
//===----------------------------------------------------------------------===//
#include "aiprov/ledger/Recording.h"
#include "aiprov/ledger/Workspace.h"
#include "aiprov/policy/Policy.h"
#include "aiprov/support/FileReader.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include <optional>

namespace aiprov {

namespace fs = llvm::sys::fs;

namespace {

llvm::Error fail(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

} // namespace

std::string gitUserEmail(llvm::StringRef Dir) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return "";
  // ExecuteAndWait redirects only to paths, so the output goes through a
  // temporary file.
  llvm::SmallString<128> OutPath;
  if (fs::createTemporaryFile("aiprov-git-email", "txt", OutPath))
    return "";
  auto RemoveOut = llvm::make_scope_exit([&] {
    // Best effort: a leftover file in the temp directory is harmless.
    std::error_code Ignored = fs::remove(OutPath);
    (void)Ignored;
  });
  std::string DirArg = Dir.empty() ? "." : Dir.str();
  llvm::StringRef Args[] = {"git", "-C", DirArg, "config", "user.email"};
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(OutPath), llvm::StringRef("")};
  if (llvm::sys::ExecuteAndWait(*Git, Args, std::nullopt, Redirects) != 0)
    return "";
  auto Out = llvm::MemoryBuffer::getFile(OutPath);
  return Out ? (*Out)->getBuffer().trim().str() : "";
}

llvm::Expected<std::string> recordingRootFor(llvm::StringRef AbsoluteFile,
                                             PolicyResolver &Policies) {
  llvm::StringRef Dir = llvm::sys::path::parent_path(AbsoluteFile);
  std::string TopPolicyDir;
  llvm::Expected<Verdict> V = Policies.verdictFor(AbsoluteFile);
  if (V) {
    TopPolicyDir = V->TopPolicyDir;
  } else if (!findGitRoot(Dir).empty()) {
    // The git root decides without the policy; a typo in .aiprov.yaml must
    // not cost the provenance of an agent's edit.
    llvm::consumeError(V.takeError());
  } else {
    return V.takeError();
  }
  std::string Root = workspaceRootFor(Dir, TopPolicyDir);
  if (Root.empty())
    return fail("no git repository or .aiprov.yaml above " + AbsoluteFile);
  return Root;
}

namespace {

/// The one place records are built: Name is how errors name the file (as
/// the caller spelled it), Path its absolute path and Text its content.
llvm::Expected<RecordBatch> buildRecordsAt(const RecordRequest &Request,
                                           llvm::StringRef Name,
                                           llvm::StringRef Path,
                                           llvm::StringRef Text,
                                           PolicyResolver &Policies) {
  std::vector<std::string> Fingerprints = fingerprintLines(Text);

  for (const LineRange &R : Request.Ranges) {
    if (R.First == 0 || R.First > R.Last)
      return fail(Name + ":" + llvm::Twine(R.First) + ": invalid line range " +
                  llvm::Twine(R.First) + "-" + llvm::Twine(R.Last) +
                  " (lines are 1-based and the first must not exceed the "
                  "last)");
    if (R.Last > Fingerprints.size())
      return fail(Name + ":" + llvm::Twine(R.Last) + ": line " +
                  llvm::Twine(R.Last) + " is out of range (the file has " +
                  llvm::Twine(Fingerprints.size()) + " lines)");
  }

  llvm::Expected<std::string> Root = recordingRootFor(Path, Policies);
  if (!Root)
    return Root.takeError();
  std::string Relative = workspaceRelativePath(*Root, Path);
  std::string Who = Request.Who;
  if (Who.empty())
    Who = gitUserEmail(llvm::sys::path::parent_path(Path));

  RecordBatch Batch{std::move(*Root), {}};
  std::string Timestamp = nowTimestamp();
  for (const LineRange &R : Request.Ranges) {
    LedgerRecord &Rec = Batch.Records.emplace_back();
    Rec.Id = newRecordId();
    Rec.Timestamp = Timestamp;
    Rec.File = Relative;
    Rec.StartLine = R.First;
    Rec.EndLine = R.Last;
    Rec.Tool = Request.Tool;
    Rec.ToolVersion = Request.ToolVersion;
    Rec.Model = Request.Model;
    Rec.Origin = Request.Origin;
    // Nobody said an AI wrote a paste of unknown origin: other Agent Trace
    // readers must not count it as AI, and aiprov-unknown-paste reports it.
    Rec.Contributor = !Request.Contributor.empty()        ? Request.Contributor
                      : Request.Origin == "unknown-paste" ? "unknown"
                                                          : "ai";
    Rec.Who = Who;
    Rec.LineFingerprints.assign(Fingerprints.begin() + (R.First - 1),
                                Fingerprints.begin() + R.Last);
  }
  return Batch;
}

} // namespace

llvm::Expected<RecordBatch> buildRecords(const RecordRequest &Request,
                                         PolicyResolver &Policies) {
  const std::string &Name = Request.File;
  if (Request.Ranges.empty())
    return fail(Name + ": no lines to record");
  // Symlinks resolved, so the file's git root is the one that holds it.
  llvm::SmallString<256> Path;
  if (std::error_code EC = fs::real_path(Name, Path))
    return fail(Name + ": " + EC.message());
  std::string Text;
  if (std::error_code EC = readWholeFile(Path, Text, file_limits::Source))
    return fail(
        Name + ": " +
        (EC == FileReadError::NotRegularFile || EC == std::errc::is_a_directory
             ? std::string("not a regular file")
             : "cannot read file: " + describeReadError(EC, file_limits::Source,
                                                        "a checked file")));
  return buildRecordsAt(Request, Name, Path, Text, Policies);
}

llvm::Expected<RecordBatch> buildRecordsOfText(const RecordRequest &Request,
                                               llvm::StringRef Text,
                                               PolicyResolver &Policies) {
  const std::string &Name = Request.File;
  if (Request.Ranges.empty())
    return fail(Name + ": no lines to record");
  // Symlinks resolved when the file exists; an editor's unsaved new file
  // is taken as named.
  llvm::SmallString<256> Path;
  if (fs::real_path(Name, Path))
    Path = Name;
  return buildRecordsAt(Request, Name, Path, Text, Policies);
}

llvm::Expected<RecordBatch> recordLines(const RecordRequest &Request,
                                        PolicyResolver &Policies) {
  llvm::Expected<RecordBatch> Batch = buildRecords(Request, Policies);
  if (!Batch)
    return Batch.takeError();
  Ledger L(Batch->WorkspaceRoot);
  size_t Written = 0;
  for (const LedgerRecord &Rec : Batch->Records) {
    if (llvm::Error E = L.append(Rec))
      return fail(Ledger::pathFor(Batch->WorkspaceRoot) +
                  ": cannot append to the ledger (" + llvm::Twine(Written) +
                  " of " + llvm::Twine(Batch->Records.size()) +
                  " records written): " + llvm::toString(std::move(E)));
    ++Written;
  }
  return Batch;
}

} // namespace aiprov
