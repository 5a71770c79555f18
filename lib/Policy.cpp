//===--- Policy.cpp - .aiprov.yaml: parsing, discovery, verdicts ---------===//
//
// SPEC §2. Three layers, each cached so `aiprov check -j N` over a large tree
// reads every policy and ignore file once:
//  1. Parsing: LLVM's YAML I/O (as .clang-tidy uses) into plain structs.
//     Scalars are wrapped in small types so every bad value gets its own
//     message, and their positions are kept so a glob that cannot compile
//     is reported at its own line and column, like a YAML error.
//  2. Discovery: the nearest .aiprov.yaml at or above a directory, stopping
//     at the repository root, then the `inherit` chain above it; per
//     directory, the chain plus the honoured ignore files from the topmost
//     policy's directory down form one immutable DirectoryContext.
//  3. Verdicts: first matching rule along the chain, then the ignore files,
//     which forbid whatever the rules said.
// A broken policy or ignore file is cached as an error too: every file
// under it gets the same "FILE:LINE:COL: error: …" and nothing is guessed.
//
//===----------------------------------------------------------------------===//
#include "aiprov/Policy.h"
#include "aiprov/IgnorePatterns.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/YAMLTraits.h"
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
constexpr unsigned DefaultPasteMinLines = 3;

// ---------------------------------------------------------------------------
// The file as YAML I/O reads it.
// ---------------------------------------------------------------------------

/// Which mapping YAML I/O is in, so its generic messages ("unknown key")
/// can list the keys that would have been right.
enum class MappingKind { Policy, Rule };

/// Shared by the YAML traits through IO::getContext().
struct ParseContext {
  llvm::yaml::Input *In = nullptr;
  MappingKind Mapping = MappingKind::Policy;
  /// Storage for the message a ScalarTraits::input returns; YAML I/O copies
  /// it into its diagnostic right away.
  std::string ScalarError;
};

/// A string scalar and where its first character was written.
struct LocatedString {
  std::string Value;
  const char *Where = nullptr;
  /// False when escapes make offsets into Value differ from columns.
  bool Verbatim = true;
};

struct AiValue {
  AiPermission Value = AiPermission::Allow;
};
struct PasteValue {
  PasteAction Value = PasteAction::Ignore;
};
struct BoolValue {
  bool Value = false;
};
struct LineCountValue {
  unsigned Value = DefaultPasteMinLines;
};

struct RawRule {
  std::vector<LocatedString> Paths;
  AiValue Ai;
  std::optional<PasteValue> UnknownPaste;
  std::optional<std::string> Message;
  const char *Where = nullptr;
};

struct RawPolicy {
  std::optional<BoolValue> Inherit;
  std::vector<RawRule> Rules;
  std::optional<std::vector<LocatedString>> HonorIgnoreFiles;
  std::optional<LineCountValue> PasteMinLines;
};

ParseContext &contextOf(void *Ctx) { return *static_cast<ParseContext *>(Ctx); }

/// Where the node YAML I/O is reading starts in the buffer.
const char *currentNodeStart(void *Ctx) {
  const llvm::yaml::Node *N = contextOf(Ctx).In->getCurrentNode();
  return N ? N->getSourceRange().Start.getPointer() : nullptr;
}

/// Returns Message through the context so it outlives this call.
llvm::StringRef scalarError(void *Ctx, const llvm::Twine &Message) {
  ParseContext &C = contextOf(Ctx);
  C.ScalarError = Message.str();
  return C.ScalarError;
}

} // namespace
} // namespace aiprov

namespace llvm::yaml {

template <> struct ScalarTraits<aiprov::LocatedString> {
  static void output(const aiprov::LocatedString &S, void *, raw_ostream &OS) {
    OS << S.Value;
  }
  static StringRef input(StringRef Scalar, void *Ctx,
                         aiprov::LocatedString &S) {
    S.Value = Scalar.str();
    S.Where = aiprov::currentNodeStart(Ctx);
    // Point at the value itself: past an opening quote when the quoted text
    // is the value verbatim (no escapes to shift columns).
    const auto *N = dyn_cast_or_null<ScalarNode>(
        aiprov::contextOf(Ctx).In->getCurrentNode());
    if (S.Where && N) {
      StringRef Raw = N->getRawValue();
      if (Raw.size() == Scalar.size() + 2 &&
          Raw.substr(1, Scalar.size()) == Scalar)
        ++S.Where;
      else
        S.Verbatim = Raw == Scalar;
    }
    return {};
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::Double; }
};

template <> struct ScalarTraits<aiprov::AiValue> {
  static void output(const aiprov::AiValue &V, void *, raw_ostream &OS) {
    OS << aiprov::permissionName(V.Value);
  }
  static StringRef input(StringRef Scalar, void *Ctx, aiprov::AiValue &V) {
    if (Scalar == "allow")
      V.Value = aiprov::AiPermission::Allow;
    else if (Scalar == "review")
      V.Value = aiprov::AiPermission::Review;
    else if (Scalar == "forbid")
      V.Value = aiprov::AiPermission::Forbid;
    else
      return aiprov::scalarError(Ctx, "invalid value '" + Scalar +
                                          "' for 'ai': expected allow, "
                                          "review or forbid");
    return {};
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::None; }
};

template <> struct ScalarTraits<aiprov::PasteValue> {
  static void output(const aiprov::PasteValue &V, void *, raw_ostream &OS) {
    OS << aiprov::pasteActionName(V.Value);
  }
  static StringRef input(StringRef Scalar, void *Ctx, aiprov::PasteValue &V) {
    if (Scalar == "ignore")
      V.Value = aiprov::PasteAction::Ignore;
    else if (Scalar == "warn")
      V.Value = aiprov::PasteAction::Warn;
    else if (Scalar == "error")
      V.Value = aiprov::PasteAction::Error;
    else
      return aiprov::scalarError(Ctx, "invalid value '" + Scalar +
                                          "' for 'unknown-paste': expected "
                                          "ignore, warn or error");
    return {};
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::None; }
};

template <> struct ScalarTraits<aiprov::BoolValue> {
  static void output(const aiprov::BoolValue &V, void *, raw_ostream &OS) {
    OS << (V.Value ? "true" : "false");
  }
  static StringRef input(StringRef Scalar, void *Ctx, aiprov::BoolValue &V) {
    // YAML 1.2's core schema; YAML 1.1's yes/no/on/off are too surprising.
    if (Scalar == "true" || Scalar == "True" || Scalar == "TRUE")
      V.Value = true;
    else if (Scalar == "false" || Scalar == "False" || Scalar == "FALSE")
      V.Value = false;
    else
      return aiprov::scalarError(Ctx, "invalid value '" + Scalar +
                                          "' for 'inherit': expected true "
                                          "or false");
    return {};
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::None; }
};

template <> struct ScalarTraits<aiprov::LineCountValue> {
  static void output(const aiprov::LineCountValue &V, void *, raw_ostream &OS) {
    OS << V.Value;
  }
  static StringRef input(StringRef Scalar, void *Ctx,
                         aiprov::LineCountValue &V) {
    unsigned Lines = 0;
    if (Scalar.getAsInteger(10, Lines) || Lines < 1)
      return aiprov::scalarError(Ctx, "invalid value '" + Scalar +
                                          "' for 'paste-min-lines': expected "
                                          "a whole number of lines, at "
                                          "least 1");
    V.Value = Lines;
    return {};
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::None; }
};

template <> struct MappingTraits<aiprov::RawRule> {
  static void mapping(IO &IO, aiprov::RawRule &R) {
    aiprov::ParseContext &Ctx = aiprov::contextOf(IO.getContext());
    Ctx.Mapping = aiprov::MappingKind::Rule;
    R.Where = aiprov::currentNodeStart(IO.getContext());
    IO.mapRequired("paths", R.Paths);
    IO.mapRequired("ai", R.Ai);
    IO.mapOptional("unknown-paste", R.UnknownPaste);
    IO.mapOptional("message", R.Message);
    // Unknown keys are reported right after this returns.
    Ctx.Mapping = aiprov::MappingKind::Rule;
  }
  static std::string validate(IO &, aiprov::RawRule &R) {
    if (R.Paths.empty())
      return "'paths' is empty: the rule would match nothing";
    return {};
  }
};

template <> struct MappingTraits<aiprov::RawPolicy> {
  static void mapping(IO &IO, aiprov::RawPolicy &P) {
    aiprov::ParseContext &Ctx = aiprov::contextOf(IO.getContext());
    Ctx.Mapping = aiprov::MappingKind::Policy;
    IO.mapOptional("inherit", P.Inherit);
    IO.mapOptional("rules", P.Rules);
    IO.mapOptional("honor-ignore-files", P.HonorIgnoreFiles);
    IO.mapOptional("paste-min-lines", P.PasteMinLines);
    Ctx.Mapping = aiprov::MappingKind::Policy; // the rules changed it
  }
};
} // namespace llvm::yaml

LLVM_YAML_IS_SEQUENCE_VECTOR(aiprov::LocatedString)
LLVM_YAML_IS_SEQUENCE_VECTOR(aiprov::RawRule)

namespace aiprov {
namespace {

// ---------------------------------------------------------------------------
// The parsed policy.
// ---------------------------------------------------------------------------

struct Rule {
  IgnoreList Paths;
  AiPermission Ai = AiPermission::Allow;
  PasteAction UnknownPaste = PasteAction::Ignore;
  std::string Message;
  unsigned Index = 0; // in `rules`, 0-based
  unsigned Line = 0;
};

struct PolicyFile {
  std::string Path; // absolute
  std::string Dir;  // its directory: the base of its globs
  bool Inherit = false;
  std::vector<Rule> Rules;
  std::optional<std::vector<std::string>> HonorIgnoreFiles;
  std::optional<unsigned> PasteMinLines;
};

llvm::Error errorAt(llvm::StringRef File, unsigned Line, unsigned Column,
                    const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 llvm::formatv("{0}:{1}:{2}: error: {3}", File,
                                               Line, Column, Message.str())
                                     .str());
}

/// 1-based line and byte column of Where inside Buffer.
std::pair<unsigned, unsigned> lineAndColumn(llvm::StringRef Buffer,
                                            const char *Where) {
  if (!Where || Where < Buffer.begin() || Where > Buffer.end())
    return {1, 1};
  llvm::StringRef Before = Buffer.take_front(Where - Buffer.begin());
  size_t LineStart = Before.rfind('\n') + 1; // npos + 1 == 0
  return {unsigned(Before.count('\n') + 1),
          unsigned(Before.size() - LineStart + 1)};
}

/// YAML I/O's terse structural messages, reworded to say what was expected.
std::string explain(llvm::StringRef Message, MappingKind Mapping) {
  llvm::StringRef Keys = Mapping == MappingKind::Policy
                             ? "inherit, rules, honor-ignore-files, "
                               "paste-min-lines"
                             : "paths, ai, unknown-paste, message";
  if (Message.starts_with("unknown key '"))
    return (Message + "; expected one of: " + Keys).str();
  if (Message == "not a mapping")
    return (Mapping == MappingKind::Policy
                ? "expected a mapping with the keys "
                : "expected a rule: a mapping with the keys ") +
           Keys.str();
  if (Message == "not a sequence")
    return "expected a list, such as [a, b] or one '- item' per line";
  if (Message == "unexpected scalar")
    return "expected a single value here, not an empty value, a list or a "
           "mapping";
  return Message.str();
}

/// YAML I/O's errors, as "FILE:LINE:COL: error: …"; only the first counts.
struct DiagnosticCapture {
  std::string Path;
  const ParseContext *Ctx = nullptr;
  std::string First;
  std::pair<unsigned, unsigned> Position; // of First: line, column
  static void handle(const llvm::SMDiagnostic &D, void *Ctx) {
    auto &Self = *static_cast<DiagnosticCapture *>(Ctx);
    if (!Self.First.empty() || D.getKind() != llvm::SourceMgr::DK_Error)
      return;
    unsigned Line = D.getLineNo() > 0 ? D.getLineNo() : 1;
    unsigned Column = D.getColumnNo() >= 0 ? D.getColumnNo() + 1 : 1;
    Self.Position = {Line, Column};
    Self.First =
        llvm::formatv("{0}:{1}:{2}: error: {3}", Self.Path, Line, Column,
                      explain(D.getMessage(), Self.Ctx->Mapping))
            .str();
  }
};

/// Something YAML I/O would misreport ("unknown node kind") or silently
/// accept: an unquoted pattern that starts with `!` is a YAML tag, with `*`
/// an alias, with `&` an anchor; and a second document is dropped.
struct YamlSurprise {
  const char *Where;
  std::string Message;
};

std::string quoteHint(llvm::StringRef Written) {
  // In a flow list the scanner lets a tag run into the closing bracket.
  Written = Written.rtrim(",]}");
  char First = Written.front();
  return ("'" + Written + "' is read by YAML as " +
          (First == '!'   ? "a tag"
           : First == '*' ? "an alias"
                          : "an anchor") +
          "; quote a pattern that starts with '" + llvm::Twine(First) +
          "', as in \"" + Written + "\"")
      .str();
}

std::optional<YamlSurprise> findSurprise(llvm::yaml::Node *N) {
  if (!N)
    return std::nullopt;
  if (auto *Alias = llvm::dyn_cast<llvm::yaml::AliasNode>(N)) {
    const char *Star = Alias->getName().begin() - 1;
    return YamlSurprise{Star, quoteHint(("*" + Alias->getName()).str())};
  }
  if (llvm::StringRef Tag = N->getRawTag(); !Tag.empty())
    return YamlSurprise{Tag.begin(), quoteHint(Tag)};
  if (llvm::StringRef Anchor = N->getAnchor(); !Anchor.empty())
    return YamlSurprise{Anchor.begin() - 1, quoteHint(("&" + Anchor).str())};
  if (auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(N)) {
    for (llvm::yaml::KeyValueNode &KV : *Map) {
      if (auto S = findSurprise(KV.getKey()))
        return S;
      if (auto S = findSurprise(KV.getValue()))
        return S;
    }
  } else if (auto *Seq = llvm::dyn_cast<llvm::yaml::SequenceNode>(N)) {
    for (llvm::yaml::Node &Entry : *Seq)
      if (auto S = findSurprise(&Entry))
        return S;
  }
  return std::nullopt;
}

/// A tag on an empty node vanishes from the node tree: "- !gen/keep.cpp"
/// parses as a null entry, which YAML I/O then calls the wrong type. So when
/// YAML I/O failed, look for a block-list entry starting with `!`, `*` or
/// `&` at or before the line it failed on.
std::optional<YamlSurprise> findUnquotedEntry(llvm::StringRef Text,
                                              unsigned UpToLine) {
  unsigned LineNo = 0;
  for (llvm::StringRef Rest = Text; !Rest.empty() && ++LineNo <= UpToLine;) {
    llvm::StringRef Line;
    std::tie(Line, Rest) = Rest.split('\n');
    llvm::StringRef Entry = Line.ltrim(" \t");
    if (!Entry.consume_front("-") || Entry.empty() ||
        (Entry.front() != ' ' && Entry.front() != '\t'))
      continue;
    Entry = Entry.ltrim(" \t");
    if (!Entry.empty() && llvm::StringRef("!*&").contains(Entry.front()))
      return YamlSurprise{Entry.begin(),
                          quoteHint(Entry.take_until(llvm::isSpace))};
  }
  return std::nullopt;
}

/// A second pass over the text with the plain YAML parser, which sees what
/// YAML I/O hides: tags, aliases, anchors and further documents.
std::optional<YamlSurprise> scanForSurprises(llvm::StringRef Text,
                                             llvm::StringRef Path) {
  llvm::SourceMgr Quiet; // YAML I/O reports the syntax errors
  Quiet.setDiagHandler([](const llvm::SMDiagnostic &, void *) {});
  llvm::yaml::Stream Documents(llvm::MemoryBufferRef(Text, Path), Quiet);
  unsigned NonEmpty = 0;
  for (llvm::yaml::Document &Doc : Documents) {
    llvm::yaml::Node *Root = Doc.getRoot();
    if (!Root || llvm::isa<llvm::yaml::NullNode>(Root))
      continue;
    if (++NonEmpty == 2)
      return YamlSurprise{Root->getSourceRange().Start.getPointer(),
                          "a policy file holds one YAML document; found "
                          "another"};
    if (auto S = findSurprise(Root))
      return S;
  }
  return std::nullopt;
}

llvm::Expected<PolicyFile> parsePolicy(llvm::StringRef Text,
                                       llvm::StringRef Path) {
  Text.consume_front("\xEF\xBB\xBF");
  PolicyFile Policy;
  Policy.Path = Path.str();
  Policy.Dir = llvm::sys::path::parent_path(Path).str();

  RawPolicy Raw;
  ParseContext Ctx;
  DiagnosticCapture Diagnostics{Path.str(), &Ctx, {}, {}};
  llvm::yaml::Input In(llvm::MemoryBufferRef(Text, Path), &Ctx,
                       &DiagnosticCapture::handle, &Diagnostics);
  Ctx.In = &In;
  In >> Raw;
  // Report whichever problem comes first in the file.
  std::optional<YamlSurprise> Surprise = scanForSurprises(Text, Path);
  if (!Surprise && In.error())
    Surprise = findUnquotedEntry(Text, Diagnostics.Position.first);
  if (Surprise) {
    auto [Line, Column] = lineAndColumn(Text, Surprise->Where);
    if (!In.error() || std::make_pair(Line, Column) <= Diagnostics.Position)
      return errorAt(Path, Line, Column, Surprise->Message);
  }
  if (In.error()) {
    if (Diagnostics.First.empty())
      return errorAt(Path, 1, 1, "invalid YAML: " + In.error().message());
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Diagnostics.First);
  }

  Policy.Inherit = Raw.Inherit && Raw.Inherit->Value;
  if (Raw.PasteMinLines)
    Policy.PasteMinLines = Raw.PasteMinLines->Value;
  if (Raw.HonorIgnoreFiles) {
    Policy.HonorIgnoreFiles.emplace();
    for (const LocatedString &Name : *Raw.HonorIgnoreFiles) {
      llvm::StringRef N = Name.Value;
      if (N.empty() || N == "." || N == ".." || N.contains('/')) {
        auto [Line, Column] = lineAndColumn(Text, Name.Where);
        return errorAt(Path, Line, Column,
                       "'" + N +
                           "' in 'honor-ignore-files' is not a file "
                           "name (such as .aiexclude)");
      }
      Policy.HonorIgnoreFiles->push_back(N.str());
    }
  }
  for (size_t I = 0; I < Raw.Rules.size(); ++I) {
    const RawRule &R = Raw.Rules[I];
    std::vector<PatternLine> Lines;
    for (const LocatedString &P : R.Paths) {
      auto [Line, Column] = lineAndColumn(Text, P.Where);
      Lines.push_back({P.Value, Line, Column, P.Verbatim});
    }
    llvm::Expected<IgnoreList> Paths =
        IgnoreList::fromLines(Lines, Policy.Dir, Path);
    if (!Paths)
      return Paths.takeError();
    Rule Compiled;
    Compiled.Paths = std::move(*Paths);
    Compiled.Ai = R.Ai.Value;
    if (R.UnknownPaste)
      Compiled.UnknownPaste = R.UnknownPaste->Value;
    Compiled.Message = R.Message.value_or("");
    Compiled.Index = I;
    Compiled.Line = lineAndColumn(Text, R.Where).first;
    Policy.Rules.push_back(std::move(Compiled));
  }
  return Policy;
}

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

bool isRegularFile(const llvm::Twine &Path) {
  llvm::sys::fs::file_status Status;
  return !llvm::sys::fs::status(Path, Status) &&
         Status.type() == llvm::sys::fs::file_type::regular_file;
}

/// True when Path is Dir or lies below it.
bool isAtOrBelow(llvm::StringRef Path, llvm::StringRef Dir) {
  if (!Path.starts_with(Dir))
    return false;
  return Path.size() == Dir.size() || Dir == "/" || Path[Dir.size()] == '/';
}

std::string absoluteNormalized(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  if (llvm::sys::fs::make_absolute(Abs)) // no current directory
    return Path.str();
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

std::string lowerFirst(std::string S) {
  if (!S.empty())
    S[0] = llvm::toLower(S[0]);
  return S;
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
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
    if (!Buffer) {
      Load.Error = llvm::formatv("{0}:1:1: error: cannot read policy file: {1}",
                                 Path, lowerFirst(Buffer.getError().message()))
                       .str();
    } else if (llvm::Expected<PolicyFile> Parsed =
                   parsePolicy((*Buffer)->getBuffer(), Path)) {
      Load.Value = std::make_shared<const PolicyFile>(std::move(*Parsed));
    } else {
      Load.Error = llvm::toString(Parsed.takeError());
    }
    return Policies[Path] = std::move(Load);
  }

  const CachedLoad<IgnoreList> &loadIgnoreFile(llvm::StringRef Dir,
                                               llvm::StringRef Name) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Name);
    auto It = IgnoreLists.find(Path);
    if (It != IgnoreLists.end())
      return It->second;
    CachedLoad<IgnoreList> Load;
    if (isRegularFile(Path)) {
      auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
      if (!Buffer)
        Load.Error =
            llvm::formatv("{0}:1:1: error: cannot read ignore file: {1}", Path,
                          lowerFirst(Buffer.getError().message()))
                .str();
      else if (llvm::Expected<IgnoreList> List =
                   IgnoreList::parse((*Buffer)->getBuffer(), Dir, Path))
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
      if (isRegularFile(Candidate)) {
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
    TheImpl->ExplicitPolicy = absoluteNormalized(Explicit);
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
  const std::string File = absoluteNormalized(AbsoluteFilePath);
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
