//===--- Policy.cpp - .aiprov.yaml: discovery, inherit, verdicts ----------===//
//
// SPEC §2. Parsing one file is PolicyFile.cpp's job; this file decides which
// policies and ignore files apply to a file and what they say, caching so
// `aiprov check -j N` over a large tree reads every policy and ignore file
// once:
//  1. Discovery: the nearest .aiprov.yaml at or above a directory, stopping
//     at the repository root, then the `inherit` chain above it; per
//     directory, the chain plus the honoured ignore files from the topmost
//     policy's directory down form one immutable DirectoryContext.
//  2. Verdicts: first matching rule along the chain, then the ignore files,
//     which forbid whatever the rules said.
// A broken policy or ignore file is cached as an error too: every file
// under it gets the same "FILE:LINE:COL: error: …" and nothing is guessed.
//
//===----------------------------------------------------------------------===//
#include "aiprov/policy/Policy.h"
#include "aiprov/policy/IgnoreStack.h"
#include "aiprov/policy/PolicyFile.h"
#include "aiprov/support/FileReader.h"
#include "aiprov/support/Paths.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include <mutex>

namespace aiprov {

llvm::StringRef permissionName(AiPermission P) {
  switch (P) {
  case AiPermission::Allow:
    return "allow";
  case AiPermission::Review:
    return "review";
  case AiPermission::Forbid:
    return "forbid";
  }
  llvm_unreachable("unknown AiPermission");
}

llvm::StringRef pasteActionName(PasteAction A) {
  switch (A) {
  case PasteAction::Ignore:
    return "ignore";
  case PasteAction::Warn:
    return "warn";
  case PasteAction::Error:
    return "error";
  }
  llvm_unreachable("unknown PasteAction");
}

namespace {

constexpr llvm::StringLiteral PolicyFileName = ".aiprov.yaml";

// ---------------------------------------------------------------------------
// Discovery and per-directory contexts.
// ---------------------------------------------------------------------------

/// Everything needed to judge the files of one directory. Immutable once
/// built, so verdicts are computed outside the resolver's lock.
struct DirectoryContext {
  /// Non-empty when a policy or ignore file this directory depends on is
  /// broken: "FILE:LINE:COL: error: …".
  std::string Error;
  /// Nearest policy first; its rules are tried first.
  std::vector<std::shared_ptr<const PolicyFile>> Chain;
  std::string TopPolicyDir;
  unsigned PasteMinLines = DefaultPasteMinLines;
  /// One nested stack per honoured file name: each tool reads only its own
  /// files, so a `!` in .cursorignore cannot undo a line of .aiexclude.
  std::vector<std::pair<std::string, IgnoreStack>> IgnoreFiles;
};

template <typename T> struct CachedLoad {
  std::shared_ptr<const T> Value; // null: no such file (ignore files only)
  std::string Error;
};

/// True when something, of any type, is at Path: a policy or ignore file
/// that is a directory, FIFO, device or dangling symbolic link must not
/// pass for "no such file" (that would allow everything), so whether one
/// exists is asked of the entry itself, without following links.
bool entryExists(const llvm::Twine &Path) {
  llvm::sys::fs::file_status Status;
  std::error_code EC = llvm::sys::fs::status(Path, Status, /*Follow=*/false);
  return EC != std::errc::no_such_file_or_directory &&
         EC != std::errc::not_a_directory;
}

/// Path's contents, or "PATH:1:1: error: cannot read WHAT: why" in Error.
/// Only a regular file (symbolic links followed) of at most MaxBytes is
/// read, without blocking on a FIFO: FileReader.h.
bool readPolicyInput(const std::string &Path, uint64_t MaxBytes,
                     llvm::StringRef What, std::string &Contents,
                     std::string &Error) {
  std::error_code EC = readWholeFile(Path, Contents, MaxBytes);
  if (!EC)
    return true;
  std::string Why = describeReadError(EC, MaxBytes, ("a " + What).str());
  llvm::sys::fs::file_status Link;
  if (EC == std::errc::no_such_file_or_directory &&
      !llvm::sys::fs::status(Path, Link, /*Follow=*/false) &&
      Link.type() == llvm::sys::fs::file_type::symlink_file)
    Why = "dangling symbolic link";
  Error = llvm::formatv("{0}:1:1: error: cannot read {1}: {2}", Path, What, Why)
              .str();
  return false;
}

} // namespace

struct PolicyResolver::Impl {
  std::string ExplicitPolicy; // absolute, or empty: discover
  std::mutex Lock;            // guards everything below
  llvm::StringMap<std::shared_ptr<const DirectoryContext>> Contexts;
  /// Directory → the nearest policy at or above it ("" for none).
  llvm::StringMap<std::string> NearestPolicy;
  llvm::StringMap<CachedLoad<PolicyFile>> Policies;
  llvm::StringMap<CachedLoad<IgnoreList>> IgnoreLists;

  const CachedLoad<PolicyFile> &loadPolicy(const std::string &Path) {
    auto It = Policies.find(Path);
    if (It != Policies.end())
      return It->second;
    CachedLoad<PolicyFile> Load;
    std::string Text;
    if (readPolicyInput(Path, file_limits::Policy, "policy file", Text,
                        Load.Error)) {
      if (llvm::Expected<PolicyFile> Parsed = parsePolicyFile(Text, Path))
        Load.Value = std::make_shared<const PolicyFile>(std::move(*Parsed));
      else
        Load.Error = llvm::toString(Parsed.takeError());
    }
    return Policies[Path] = std::move(Load);
  }

  /// An ignore file that is absent has no say; one that exists but is not
  /// a regular file (a directory, FIFO, device, dangling link) is an error,
  /// as it may be meant to list forbidden paths.
  const CachedLoad<IgnoreList> &loadIgnoreFile(llvm::StringRef Dir,
                                               llvm::StringRef Name) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Name);
    auto It = IgnoreLists.find(Path);
    if (It != IgnoreLists.end())
      return It->second;
    CachedLoad<IgnoreList> Load;
    std::string Text;
    if (entryExists(Path) &&
        readPolicyInput(std::string(Path), file_limits::IgnoreFile,
                        "ignore file", Text, Load.Error)) {
      if (llvm::Expected<IgnoreList> List = IgnoreList::parse(Text, Dir, Path))
        Load.Value = std::make_shared<const IgnoreList>(std::move(*List));
      else
        Load.Error = llvm::toString(List.takeError());
    }
    return IgnoreLists[Path] = std::move(Load);
  }

  /// The nearest .aiprov.yaml in Dir or above, stopping at the directory
  /// holding .git (inclusive) or the filesystem root; "" when none.
  std::string findPolicyFrom(llvm::StringRef Dir) {
    std::vector<std::string> Visited;
    std::string Found;
    for (std::string D = Dir.str();;) {
      auto Known = NearestPolicy.find(D);
      if (Known != NearestPolicy.end()) {
        Found = Known->second;
        break;
      }
      Visited.push_back(D);
      llvm::SmallString<256> Candidate(D);
      llvm::sys::path::append(Candidate, PolicyFileName);
      if (entryExists(Candidate)) { // loadPolicy reports what it is
        Found = std::string(Candidate);
        break;
      }
      llvm::SmallString<256> Git(D);
      llvm::sys::path::append(Git, ".git");
      llvm::StringRef Parent = llvm::sys::path::parent_path(D);
      if (llvm::sys::fs::exists(Git) || Parent.empty() || Parent == D)
        break;
      D = Parent.str();
    }
    for (const std::string &V : Visited)
      NearestPolicy[V] = Found;
    return Found;
  }

  std::shared_ptr<const DirectoryContext> contextFor(const std::string &Dir) {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Contexts.find(Dir);
    if (It != Contexts.end())
      return It->second;
    auto Ctx = std::make_shared<DirectoryContext>();
    buildChain(Dir, *Ctx);
    if (Ctx->Error.empty())
      addIgnoreFiles(Dir, *Ctx);
    Contexts[Dir] = Ctx;
    return Ctx;
  }

  void buildChain(llvm::StringRef Dir, DirectoryContext &Ctx) {
    std::string Next =
        ExplicitPolicy.empty() ? findPolicyFrom(Dir) : ExplicitPolicy;
    while (!Next.empty()) {
      const CachedLoad<PolicyFile> &Load = loadPolicy(Next);
      if (!Load.Error.empty()) {
        Ctx.Error = Load.Error;
        return;
      }
      Ctx.Chain.push_back(Load.Value);
      // --policy replaces discovery altogether, inherit included.
      if (!ExplicitPolicy.empty() || !Load.Value->Inherit)
        break;
      llvm::StringRef PolicyDir = Load.Value->Dir;
      llvm::StringRef Parent = llvm::sys::path::parent_path(PolicyDir);
      if (Parent.empty() || Parent == PolicyDir)
        break;
      Next = findPolicyFrom(Parent);
    }
    if (Ctx.Chain.empty())
      return;
    Ctx.TopPolicyDir = Ctx.Chain.back()->Dir;
    for (const auto &P : Ctx.Chain) {
      const std::optional<unsigned> &MinLines = P->PasteMinLines;
      if (MinLines) {
        Ctx.PasteMinLines = *MinLines;
        break;
      }
    }
  }

  void addIgnoreFiles(const std::string &Dir, DirectoryContext &Ctx) {
    const std::vector<std::string> *Names = nullptr;
    for (const auto &P : Ctx.Chain) {
      const std::optional<std::vector<std::string>> &Honored =
          P->HonorIgnoreFiles;
      if (Honored) {
        Names = &*Honored;
        break;
      }
    }
    // Only from the topmost policy's directory down, and only for files
    // below it (--policy may name a policy elsewhere).
    if (!Names || !isAtOrBelow(Dir, Ctx.TopPolicyDir))
      return;
    std::vector<llvm::StringRef> Dirs; // outermost first
    for (llvm::StringRef D = Dir;; D = llvm::sys::path::parent_path(D)) {
      Dirs.insert(Dirs.begin(), D);
      if (D == Ctx.TopPolicyDir || D.empty())
        break;
    }
    for (const std::string &Name : *Names) {
      IgnoreStack Stack;
      for (llvm::StringRef D : Dirs) {
        const CachedLoad<IgnoreList> &Load = loadIgnoreFile(D, Name);
        if (!Load.Error.empty()) {
          Ctx.Error = Load.Error;
          return;
        }
        if (Load.Value)
          Stack.push(Load.Value);
      }
      if (!Stack.empty())
        Ctx.IgnoreFiles.emplace_back(Name, std::move(Stack));
    }
  }
};

PolicyResolver::PolicyResolver(Options Opts) : TheImpl(new Impl) {
  std::string Explicit = std::move(Opts.ExplicitPolicyFile);
  if (!Explicit.empty())
    TheImpl->ExplicitPolicy = absolutePath(Explicit);
}

PolicyResolver::~PolicyResolver() = default;

namespace {

/// The first rule along the chain whose paths match File, applied to V.
void applyFirstMatchingRule(const DirectoryContext &Ctx,
                            const std::string &File, Verdict &V) {
  for (const auto &Policy : Ctx.Chain) {
    for (const Rule &R : Policy->Rules) {
      std::optional<llvm::StringRef> Rel = R.Paths.relativePath(File);
      if (!Rel || !isIgnored(R.Paths.match(*Rel, /*IsDir=*/false)))
        continue;
      V.Ai = R.Ai;
      V.UnknownPaste = R.UnknownPaste;
      V.Message = R.Message;
      V.Rule.File = Policy->Path;
      V.Rule.Line = R.Line;
      V.Rule.Text =
          llvm::formatv("rules[{0}]: ai: {1}", R.Index, permissionName(R.Ai))
              .str();
      return;
    }
  }
}

/// A file an honoured ignore file lists is forbidden, whatever the rules
/// said; unknown-paste stays as the rules set it.
void applyIgnoreFiles(const DirectoryContext &Ctx, const std::string &File,
                      Verdict &V) {
  for (const auto &[Name, Stack] : Ctx.IgnoreFiles) {
    std::optional<IgnoreMatch> M = Stack.match(File, /*IsDir=*/false);
    if (!M || M->Negated)
      continue;
    V.Ai = AiPermission::Forbid;
    V.Message = "listed in " + Name;
    V.Rule.File = M->Origin.str();
    V.Rule.Line = M->Line;
    V.Rule.Text = (Name + ": " + M->Pattern).str();
    return;
  }
}

} // namespace

llvm::Expected<Verdict>
PolicyResolver::verdictFor(llvm::StringRef AbsoluteFilePath) {
  const std::string File = absolutePath(AbsoluteFilePath);
  std::shared_ptr<const DirectoryContext> Ctx =
      TheImpl->contextFor(llvm::sys::path::parent_path(File).str());
  if (!Ctx->Error.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Ctx->Error);
  Verdict V;
  V.PasteMinLines = Ctx->PasteMinLines;
  V.TopPolicyDir = Ctx->TopPolicyDir;
  applyFirstMatchingRule(*Ctx, File, V);
  applyIgnoreFiles(*Ctx, File, V);
  return V;
}

} // namespace aiprov
