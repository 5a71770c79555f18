//===--- ReviewSignOff.cpp - Rewrite a directive's review keys ------------===//
//
// The directive is re-tokenised here rather than re-printed from its parsed
// Keys, because users own that text: their key order, quoting, spacing and
// any malformed keys must survive a sign-off untouched. Tokens are found in
// the spliced text (SPEC §1 reads comments after line splicing) and mapped
// back to buffer offsets, so a spliced directive is edited in place too.
// The result is verified by analysing it again: a sign-off that does not
// read back as reviewed is an error, never a silently wrong file.
//
//===----------------------------------------------------------------------===//
#include "aiprov/directives/ReviewSignOff.h"
#include "aiprov/directives/Directive.h"
#include "aiprov/directives/DirectiveCollector.h"
#include "aiprov/directives/RegionAnnotation.h"
#include "aiprov/directives/RegionBuilder.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <ctime>
#include <optional>

namespace aiprov {

namespace {

/// One KEY=VALUE (or the kind word) as a span of the spliced text.
struct Token {
  size_t Begin, End;
  llvm::StringRef Key; // Empty for a token without '='.
};

/// Splits a directive body into whitespace-separated tokens the way
/// parseKeys does (a quoted value may hold spaces). In pragmas comments are
/// whitespace to the preprocessor, so SkipComments treats them as such.
std::vector<Token> tokenize(llvm::StringRef Text, size_t Pos,
                            bool SkipComments) {
  std::vector<Token> Out;
  const size_t N = Text.size();
  while (true) {
    while (Pos < N) {
      if (isDirectiveSpace(Text[Pos])) {
        ++Pos;
      } else if (SkipComments && Text.substr(Pos).starts_with("//")) {
        Pos = N;
      } else if (SkipComments && Text.substr(Pos).starts_with("/*")) {
        size_t Close = Text.find("*/", Pos + 2);
        Pos = Close == llvm::StringRef::npos ? N : Close + 2;
      } else {
        break;
      }
    }
    if (Pos >= N)
      return Out;
    Token T{Pos, Pos, {}};
    while (Pos < N && !isDirectiveSpace(Text[Pos]) && Text[Pos] != '=')
      ++Pos;
    if (Pos < N && Text[Pos] == '=') {
      T.Key = Text.slice(T.Begin, Pos);
      ++Pos;
      if (Pos < N && Text[Pos] == '"') {
        for (++Pos; Pos < N; ++Pos) {
          if (Text[Pos] == '\\' && Pos + 1 < N) {
            ++Pos;
            continue;
          }
          if (Text[Pos] == '"') {
            ++Pos;
            break;
          }
        }
      }
      while (Pos < N && !isDirectiveSpace(Text[Pos]))
        ++Pos;
    }
    T.End = Pos;
    Out.push_back(T);
  }
}

/// Where a directive's body lies: its spliced text, where the body starts
/// in it, and the map back to buffer offsets.
struct DirectiveBody {
  SplicedText Spliced;
  size_t BodyOffset = 0;
  bool IsPragma = false;
};

std::optional<DirectiveBody> locateBody(llvm::StringRef Text,
                                        RegionSource Source) {
  DirectiveBody Out;
  if (Source == RegionSource::Annotation) {
    std::optional<CommentDirective> CD = asCommentDirective(Text);
    if (!CD)
      return std::nullopt;
    Out.Spliced = std::move(CD->Spliced);
    Out.BodyOffset = CD->BodyOffset;
    return Out;
  }
  // `#pragma aiprov …`: the whole line is the directive's text.
  Out.IsPragma = true;
  Out.Spliced = removeLineSplices(Text);
  llvm::StringRef S = Out.Spliced.Text;
  llvm::StringRef Rest = S.ltrim(" \t");
  if (!Rest.consume_front("#"))
    return std::nullopt;
  Rest = Rest.ltrim(" \t");
  if (!Rest.consume_front("pragma"))
    return std::nullopt;
  Rest = Rest.ltrim(" \t");
  if (!Rest.consume_front("aiprov"))
    return std::nullopt;
  Out.BodyOffset = S.size() - Rest.size();
  return Out;
}

llvm::Error errorAt(const SignOffRequest &R, const llvm::Twine &Message) {
  return llvm::createStringError(
      std::make_error_code(std::errc::invalid_argument), "%s",
      (R.FileName + ":" + llvm::Twine(R.Line) + ": " + Message).str().c_str());
}

bool isDate(llvm::StringRef S) {
  return S.size() == 10 && S[4] == '-' && S[7] == '-' &&
         llvm::all_of(S.substr(0, 4), llvm::isDigit) &&
         llvm::all_of(S.substr(5, 2), llvm::isDigit) &&
         llvm::all_of(S.substr(8, 2), llvm::isDigit);
}

/// Lines where regions start, nearest to Line first (ties: earlier first).
std::string regionStartsNear(const FileRegions &Regions, unsigned Line) {
  std::vector<unsigned> Starts;
  Starts.reserve(Regions.Regions.size());
  for (const Region &R : Regions.Regions)
    Starts.push_back(R.Origin.Start.Line);
  llvm::sort(Starts);
  Starts.erase(std::unique(Starts.begin(), Starts.end()), Starts.end());
  std::stable_sort(Starts.begin(), Starts.end(), [&](unsigned A, unsigned B) {
    auto Dist = [&](unsigned X) { return X > Line ? X - Line : Line - X; };
    return Dist(A) < Dist(B);
  });
  std::string Out;
  for (unsigned S : Starts)
    Out += (Out.empty() ? "" : ", ") + std::to_string(S);
  return Out;
}

} // namespace

llvm::Expected<SignOffResult> signOffRegion(llvm::StringRef Buffer,
                                            const SignOffRequest &Request) {
  if (Request.Reviewer.empty())
    return errorAt(Request, "no reviewer given");
  // A line break would end a `//` directive early; no quoting can hold it.
  if (llvm::any_of(Request.Reviewer,
                   [](char C) { return C == '\n' || C == '\r' || C == 0; }))
    return errorAt(Request, "the reviewer may not contain a line break");
  if (!isDate(Request.Date))
    return errorAt(Request, "bad review date '" + Request.Date +
                                "' (expected YYYY-MM-DD)");

  DirectiveCollector Collector(Buffer);
  const unsigned LineCount = Collector.lines().lineCount();
  if (Request.Line == 0 || Request.Line > LineCount)
    return errorAt(Request, "line " + llvm::Twine(Request.Line) +
                                " is out of range (the file has " +
                                llvm::Twine(LineCount) +
                                (LineCount == 1 ? " line)" : " lines)"));
  Collector.scanAll();
  CollectedDirectives Collected = Collector.take();
  const std::vector<Directive> AllDirectives = Collected.Directives;
  FileRegions Regions =
      buildRegions(Buffer, Collector.lines(), std::move(Collected));

  const Region *Target = nullptr;
  for (const Region &R : Regions.Regions)
    if (R.Origin.Start.Line == Request.Line) {
      Target = &R;
      break;
    }
  if (!Target) {
    std::string Where = regionStartsNear(Regions, Request.Line);
    std::string Hint =
        Where.empty()
            ? "; the file has no AI-assisted regions"
            : "; regions start on line" +
                  std::string(Where.find(',') == std::string::npos ? " "
                                                                   : "s ") +
                  Where;
    auto OnLine = llvm::find_if(AllDirectives, [&](const Directive &D) {
      return D.Start.Line == Request.Line;
    });
    if (OnLine != AllDirectives.end() && OnLine->Kind == DirectiveKind::End)
      return errorAt(Request, "this is an 'end' directive; sign off the "
                              "region at its 'begin' line" +
                                  Hint);
    if (OnLine != AllDirectives.end())
      return errorAt(Request, "the directive here does not open a region "
                              "(see 'aiprov check')" +
                                  Hint);
    llvm::StringRef LineText =
        Buffer.slice(Collector.lines().lineStart(Request.Line),
                     Collector.lines().lineEnd(Request.Line));
    // Attributes are found only in AST mode, and their text is hashed as
    // code: review keys written into one would make it stale at once.
    if ((LineText.contains("annotate(") && LineText.contains("\"aiprov\"")) ||
        LineText.contains("AIPROV_ANNOTATE("))
      return errorAt(Request,
                     "the [[clang::annotate(\"aiprov\", ...)]] form cannot be "
                     "signed off by 'aiprov review' yet; use a comment or "
                     "'#pragma aiprov' directive" +
                         Hint);
    return errorAt(Request, "no AI-assisted region starts on this line" + Hint);
  }
  const Directive &D = Target->Origin;
  if (D.Source != RegionSource::Annotation && D.Source != RegionSource::Pragma)
    return errorAt(Request, "only comment and '#pragma aiprov' directives can "
                            "be signed off");

  if (D.TextBegin == D.TextEnd)
    return errorAt(Request, "a _Pragma(\"aiprov ...\") directive cannot be "
                            "signed off by 'aiprov review' yet");
  llvm::StringRef Text = Buffer.slice(D.TextBegin, D.TextEnd);
  std::optional<DirectiveBody> Body = locateBody(Text, D.Source);
  if (!Body)
    return errorAt(Request, "cannot find the directive's key list");
  const bool IsBlock = D.Source == RegionSource::Annotation &&
                       Body->Spliced.Text.starts_with("/*");
  if (IsBlock && llvm::StringRef(Request.Reviewer).contains("*/"))
    return errorAt(Request,
                   "the reviewer may not contain '*/' in a block comment");

  const std::vector<size_t> &Map = Body->Spliced.OriginalOffset;
  auto BufferBegin = [&](size_t I) { return D.TextBegin + Map[I]; };
  // One past the token's last byte, so a splice after it stays in place.
  auto BufferEnd = [&](size_t I) { return D.TextBegin + Map[I - 1] + 1; };

  std::vector<Token> Tokens =
      tokenize(Body->Spliced.Text, Body->BodyOffset, Body->IsPragma);
  if (Tokens.empty())
    return errorAt(Request, "the directive has no kind");

  const std::pair<llvm::StringRef, std::string> NewKeys[] = {
      {"reviewed-by", formatDirectiveValue(Request.Reviewer)},
      {"reviewed-at", Request.Date},
      {"review", Target->Hash}};

  // Edits as (begin, end, replacement) in buffer offsets, applied back to
  // front so earlier offsets stay valid.
  struct Edit {
    size_t Begin, End;
    std::string Text;
  };
  std::vector<Edit> Edits;
  std::string Appended;
  for (const auto &[Key, Value] : NewKeys) {
    bool Replaced = false;
    for (const Token &T : Tokens) {
      if (T.Key != Key)
        continue;
      if (!Replaced) {
        Edits.push_back(
            {BufferBegin(T.Begin), BufferEnd(T.End), Key.str() + "=" + Value});
        Replaced = true;
        continue;
      }
      // A repeated key was already malformed; drop it with the space
      // before it so the signed-off directive has one value per key.
      size_t From = T.Begin;
      while (From > 0 && (Body->Spliced.Text[From - 1] == ' ' ||
                          Body->Spliced.Text[From - 1] == '\t'))
        --From;
      Edits.push_back({BufferBegin(From), BufferEnd(T.End), ""});
    }
    if (!Replaced)
      Appended += " " + Key.str() + "=" + Value;
  }
  if (!Appended.empty()) {
    size_t At = BufferEnd(Tokens.back().End);
    Edits.push_back({At, At, Appended});
  }
  llvm::sort(Edits,
             [](const Edit &A, const Edit &B) { return A.Begin > B.Begin; });

  SignOffResult Result;
  Result.NewText = Buffer.str();
  for (const Edit &E : Edits)
    Result.NewText.replace(E.Begin, E.End - E.Begin, E.Text);

  // Review keys never change the hash (SPEC §1), so the rewritten file
  // must read back with this region reviewed and current.
  FileRegions After = analyzeBuffer(Result.NewText);
  auto Again = llvm::find_if(After.Regions, [&](const Region &R) {
    return R.Origin.Start == D.Start;
  });
  if (Again == After.Regions.end() || Again->Review != ReviewStatus::Reviewed ||
      Again->Hash != Target->Hash ||
      Again->Origin.get("reviewed-by") != llvm::StringRef(Request.Reviewer))
    return errorAt(Request, "internal error: the signed-off directive does not "
                            "read back as reviewed; the file was not changed");
  Result.Signed = *Again;
  return Result;
}

llvm::Expected<SignOffResult> signOffKnownRegion(llvm::StringRef Buffer,
                                                 const Region &R,
                                                 SignOffRequest Request) {
  Request.Line = R.Origin.Start.Line;
  if (R.Origin.Source != RegionSource::Ledger)
    return signOffRegion(Buffer, Request);
  if (R.isUnknownPaste())
    return errorAt(Request,
                   "this is a paste of unknown origin, not an AI-assisted "
                   "region; if an AI assistant wrote it, annotate it first");
  llvm::Expected<std::string> Annotated =
      annotateRegion(Buffer, Request.FileName, R);
  if (!Annotated)
    return Annotated.takeError();
  // The begin line now stands where the region's first line was.
  Request.Line = R.FirstLine;
  llvm::Expected<SignOffResult> Result = signOffRegion(*Annotated, Request);
  if (Result)
    Result->Annotated = true;
  return Result;
}

std::string todayInUtc() {
  std::time_t Now = std::time(nullptr);
  std::tm Utc;
  gmtime_r(&Now, &Utc);
  char Date[16];
  std::strftime(Date, sizeof(Date), "%Y-%m-%d", &Utc);
  return Date;
}

} // namespace aiprov
