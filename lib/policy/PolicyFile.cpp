//===--- PolicyFile.cpp - Parsing one .aiprov.yaml ------------------------===//
//
// SPEC §2. LLVM's YAML I/O (as .clang-tidy uses) reads the text into raw
// structs; then globs are compiled into a PolicyFile. Scalars are wrapped in
// small types so every bad value gets its own message, and their positions
// are kept so a glob that cannot compile is reported at its own line and
// column, like a YAML error. A second pass with the plain YAML parser
// (YamlSurprises.h) finds what YAML I/O would misreport or silently accept
// (tags, aliases, anchors, a second document), and whichever problem comes
// first in the file is the one reported.
//
//===----------------------------------------------------------------------===//
#include "aiprov/policy/PolicyFile.h"
#include "aiprov/policy/YamlNesting.h"
#include "aiprov/policy/YamlSurprises.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/YAMLTraits.h"
#include <algorithm>

namespace aiprov {
namespace {

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
// Errors: where they were written, and in words that say what was meant.
// ---------------------------------------------------------------------------

llvm::Error errorAt(llvm::StringRef File, unsigned Line, unsigned Column,
                    const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 llvm::formatv("{0}:{1}:{2}: error: {3}", File,
                                               Line, Column, Message.str())
                                     .str());
}

/// 1-based line and byte column of pointers into one buffer. Every rule
/// and pattern asks, so the line starts are found once: counting newlines
/// from the top for each of 20,000 rules made parsing quadratic.
class LineIndex {
public:
  explicit LineIndex(llvm::StringRef Buffer) : Buffer(Buffer) {
    LineStarts.push_back(0);
    for (size_t I = Buffer.find('\n'); I != llvm::StringRef::npos;
         I = Buffer.find('\n', I + 1))
      LineStarts.push_back(I + 1);
  }

  std::pair<unsigned, unsigned> operator()(const char *Where) const {
    if (!Where || Where < Buffer.begin() || Where > Buffer.end())
      return {1, 1};
    size_t Offset = Where - Buffer.begin();
    // The last line start at or before Offset.
    auto After = std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset);
    size_t Line = After - LineStarts.begin();
    return {unsigned(Line), unsigned(Offset - LineStarts[Line - 1] + 1)};
  }

private:
  llvm::StringRef Buffer;
  std::vector<size_t> LineStarts;
};

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

/// What YAML I/O made of the text, with its first error if any.
struct YamlIoOutcome {
  bool Failed = false;
  std::string First;                      // "FILE:LINE:COL: error: …"
  std::pair<unsigned, unsigned> Position; // of First: line, column
  std::string Reason;                     // when First is empty
};

/// Reads Text into Raw with YAML I/O. Apart from the other passes so that
/// its node tree is freed before the next pass builds one: a 4 MiB policy
/// of short patterns holds millions of nodes. Raw keeps only copies and
/// pointers into Text.
YamlIoOutcome readWithYamlIo(llvm::StringRef Text, llvm::StringRef Path,
                             RawPolicy &Raw) {
  ParseContext Ctx;
  DiagnosticCapture Diagnostics{Path.str(), &Ctx, {}, {}};
  llvm::yaml::Input In(llvm::MemoryBufferRef(Text, Path), &Ctx,
                       &DiagnosticCapture::handle, &Diagnostics);
  Ctx.In = &In;
  In >> Raw;
  YamlIoOutcome Out;
  if (std::error_code EC = In.error()) {
    Out.Failed = true;
    Out.First = std::move(Diagnostics.First);
    Out.Position = Diagnostics.Position;
    Out.Reason = EC.message();
  }
  return Out;
}

} // namespace

llvm::Expected<PolicyFile> parsePolicyFile(llvm::StringRef Text,
                                           llvm::StringRef Path) {
  Text.consume_front("\xEF\xBB\xBF");
  PolicyFile Policy;
  Policy.Path = Path.str();
  Policy.Dir = llvm::sys::path::parent_path(Path).str();

  const LineIndex Locate(Text);
  // Everything below recurses once per level of nesting, so a hostile
  // policy could overflow the stack: refuse depth no policy needs first.
  if (const char *Deep = findNestingDeeperThan(Text, MaxPolicyNesting)) {
    auto [Line, Column] = Locate(Deep);
    return errorAt(Path, Line, Column,
                   llvm::formatv("lists and mappings nest more than {0} "
                                 "deep here; a policy needs 4 (the policy, "
                                 "its rules, a rule, its paths)",
                                 MaxPolicyNesting));
  }

  RawPolicy Raw;
  const YamlIoOutcome Read = readWithYamlIo(Text, Path, Raw);
  // Report whichever problem comes first in the file.
  std::optional<YamlSurprise> Surprise = scanForSurprises(Text, Path);
  if (!Surprise && Read.Failed)
    Surprise = findUnquotedEntry(Text, Read.Position.first);
  if (Surprise) {
    auto [Line, Column] = Locate(Surprise->Where);
    if (!Read.Failed || std::make_pair(Line, Column) <= Read.Position)
      return errorAt(Path, Line, Column, Surprise->Message);
  }
  if (Read.Failed) {
    if (Read.First.empty())
      return errorAt(Path, 1, 1, "invalid YAML: " + Read.Reason);
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Read.First);
  }

  Policy.Inherit = Raw.Inherit && Raw.Inherit->Value;
  if (Raw.PasteMinLines)
    Policy.PasteMinLines = Raw.PasteMinLines->Value;
  if (Raw.HonorIgnoreFiles) {
    Policy.HonorIgnoreFiles.emplace();
    for (const LocatedString &Name : *Raw.HonorIgnoreFiles) {
      llvm::StringRef N = Name.Value;
      if (N.empty() || N == "." || N == ".." || N.contains('/')) {
        auto [Line, Column] = Locate(Name.Where);
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
      auto [Line, Column] = Locate(P.Where);
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
    Compiled.Line = Locate(R.Where).first;
    Policy.Rules.push_back(std::move(Compiled));
  }
  return Policy;
}

} // namespace aiprov
