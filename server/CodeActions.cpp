//===--- CodeActions.cpp - The four region actions of SPEC §6 -------------===//
//
// A region is named by the line where it starts (Origin.Start.Line: its
// directive, or a ledger region's first line) because that is what the
// client sees in a finding and sends back in the command; several regions
// starting on one line are told apart by which of them the action applies
// to.
//
//===----------------------------------------------------------------------===//
#include "CodeActions.h"
#include "RegionLookup.h"
#include "aiprov/directives/RegionAnnotation.h"
#include "aiprov/directives/ReviewSignOff.h"
#include "aiprov/ledger/Recording.h"
#include "aiprov/policy/Policy.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include <algorithm>

namespace aiprov::server {

namespace {

struct ActionNames {
  ActionKind Kind;
  llvm::StringLiteral Command;
  llvm::StringLiteral CodeActionKind;
  llvm::StringLiteral EditLabel;
};

constexpr ActionNames Names[] = {
    {ActionKind::AnnotateSelection, "aiprov.annotateSelection",
     "refactor.rewrite.aiprov.annotate", "aiprov: annotate as AI-assisted"},
    {ActionKind::MarkReviewed, "aiprov.markReviewed", "quickfix.aiprov.review",
     "aiprov: mark region reviewed"},
    {ActionKind::ConvertToAnnotation, "aiprov.convertToAnnotation",
     "refactor.rewrite.aiprov.convert",
     "aiprov: convert recorded region into an annotation"},
    {ActionKind::DeleteRegion, "aiprov.deleteRegion", "quickfix.aiprov.delete",
     "aiprov: delete AI-assisted region"},
};

/// The subset of Checks (a region's findings) that Kind settles.
std::vector<std::string> resolvedBy(ActionKind Kind,
                                    std::vector<std::string> Checks) {
  if (Kind == ActionKind::DeleteRegion)
    return Checks;
  llvm::erase_if(Checks, [Kind](llvm::StringRef Check) {
    if (Kind == ActionKind::MarkReviewed)
      return Check != "aiprov-unreviewed-region" &&
             Check != "aiprov-stale-review";
    if (Kind == ActionKind::ConvertToAnnotation)
      return Check != "aiprov-unknown-paste";
    return true;
  });
  return Checks;
}

const ActionNames &namesOf(ActionKind Kind) {
  return *llvm::find_if(
      Names, [Kind](const ActionNames &N) { return N.Kind == Kind; });
}

/// A `file` directive's region is the whole file: deleting it would empty
/// the file, which is never what "remove the AI code" means.
bool deletable(const DocumentAnalysis &Doc, const Region &R) {
  return Doc.Policy.Ai == AiPermission::Forbid &&
         !(R.Origin.Source != RegionSource::Ledger &&
           R.Origin.Kind == DirectiveKind::File);
}

/// `aiprov review` signs off comment and pragma directives, and ledger
/// regions by annotating them first; not attributes, not unknown pastes.
bool reviewable(const Region &R) {
  if (R.Review == ReviewStatus::Reviewed || R.isUnknownPaste())
    return false;
  return R.Origin.Source != RegionSource::Attribute;
}

bool applies(ActionKind Kind, const DocumentAnalysis &Doc, const Region &R) {
  switch (Kind) {
  case ActionKind::AnnotateSelection:
    return false;
  case ActionKind::MarkReviewed:
    return reviewable(R);
  case ActionKind::ConvertToAnnotation:
    return R.Origin.Source == RegionSource::Ledger;
  case ActionKind::DeleteRegion:
    return deletable(Doc, R);
  }
  return false;
}

std::string noun(const Region &R) {
  if (R.isUnknownPaste())
    return "paste of unknown origin";
  if (R.Origin.Source == RegionSource::Ledger)
    return "recorded AI-assisted region";
  return "AI-assisted region";
}

std::string titleOf(ActionKind Kind, const Region &R) {
  switch (Kind) {
  case ActionKind::DeleteRegion:
    return "Delete this " + noun(R) + " (forbidden in this path)";
  case ActionKind::MarkReviewed:
    return "Mark this " + noun(R) + " reviewed";
  case ActionKind::ConvertToAnnotation:
    return "Convert this " + noun(R) + " into an annotation";
  case ActionKind::AnnotateSelection:
    break;
  }
  return "";
}

/// The lines DeleteRegion removes: a ledger region's runs; otherwise from
/// the directive (a `next-line` one sits above its region) to the last
/// line, so no directive is left behind to claim other code.
std::vector<LineRange> linesToDelete(const Region &R) {
  if (R.Origin.Source == RegionSource::Ledger)
    return R.lineRuns();
  return {{std::min(R.Origin.Start.Line, R.FirstLine), R.LastLine}};
}

std::string withoutLines(const DocumentAnalysis &Doc,
                         llvm::ArrayRef<LineRange> Runs) {
  std::string Text;
  size_t Kept = 0;
  const unsigned Count = Doc.Lines->lineCount();
  for (const LineRange &Run : Runs) {
    size_t From = Doc.Lines->lineStart(Run.First);
    // Through the last line's terminator, so no empty line is left.
    size_t To =
        Run.Last < Count ? Doc.Lines->lineStart(Run.Last + 1) : Doc.Text.size();
    Text.append(Doc.Text, Kept, From - Kept);
    Kept = To;
  }
  Text.append(Doc.Text, Kept);
  return Text;
}

} // namespace

llvm::StringRef commandName(ActionKind Kind) { return namesOf(Kind).Command; }

llvm::StringRef codeActionKind(ActionKind Kind) {
  return namesOf(Kind).CodeActionKind;
}

llvm::StringRef editLabel(ActionKind Kind) { return namesOf(Kind).EditLabel; }

std::optional<ActionKind> actionOfCommand(llvm::StringRef Command) {
  for (const ActionNames &N : Names)
    if (N.Command == Command)
      return N.Kind;
  return std::nullopt;
}

std::vector<std::string> commandNames() {
  std::vector<std::string> Commands;
  for (const ActionNames &N : Names)
    Commands.push_back(N.Command.str());
  return Commands;
}

std::vector<ActionOffer> offerActions(const DocumentAnalysis &Doc,
                                      LineRange Selection) {
  std::vector<ActionOffer> Offers;
  std::vector<const Region *> Here = regionsAt(Doc, {Selection.First - 1, 0});
  for (const Region *R : Here)
    for (ActionKind Kind : {ActionKind::DeleteRegion, ActionKind::MarkReviewed,
                            ActionKind::ConvertToAnnotation})
      if (applies(Kind, Doc, *R))
        Offers.push_back({Kind,
                          titleOf(Kind, *R),
                          {R->Origin.Start.Line, R->LastLine},
                          resolvedBy(Kind, checksOf(Doc, *R))});

  unsigned Last = std::min(Selection.Last, Doc.Lines->lineCount());
  bool SomeLineFree = false;
  for (unsigned Line = Selection.First; Line <= Last && !SomeLineFree; ++Line)
    SomeLineFree = regionsAt(Doc, {Line - 1, 0}).empty();
  if (SomeLineFree)
    Offers.push_back(
        {ActionKind::AnnotateSelection,
         Selection.First == Last
             ? llvm::formatv("Annotate line {0} as AI-assisted", Last).str()
             : llvm::formatv("Annotate lines {0}-{1} as "
                             "AI-assisted",
                             Selection.First, Last)
                   .str(),
         {Selection.First, Last},
         {}});
  return Offers;
}

ActionInputs actionInputs(const DocumentAnalysis &Doc, ActionKind Kind) {
  ActionInputs Inputs;
  if (Kind == ActionKind::MarkReviewed) {
    // A document the editor has not saved yet may be in a directory that
    // does not exist yet either; git's answer is the same one level up.
    llvm::StringRef Dir = llvm::sys::path::parent_path(Doc.Path);
    while (!Dir.empty() && !llvm::sys::fs::is_directory(Dir))
      Dir = llvm::sys::path::parent_path(Dir);
    if (!Dir.empty())
      Inputs.Reviewer = gitUserEmail(Dir);
    Inputs.Date = todayInUtc();
  }
  return Inputs;
}

llvm::Expected<std::string> runAction(const DocumentAnalysis &Doc,
                                      ActionKind Kind, LineRange Lines,
                                      const ActionInputs &Inputs) {
  const std::string &FileName = Doc.Path.empty() ? Doc.Key : Doc.Path;
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(
        (FileName + ":" + llvm::Twine(Lines.First) + ": " + Why).str());
  };
  if (Kind == ActionKind::AnnotateSelection)
    return annotateLines(Doc.Text, FileName, Lines.First, Lines.Last,
                         Inputs.Keys);

  auto Target = llvm::find_if(Doc.Regions.Regions, [&](const Region &R) {
    return R.Origin.Start.Line == Lines.First && applies(Kind, Doc, R);
  });
  if (Target == Doc.Regions.Regions.end())
    return Fail("no region this action applies to starts on this line any "
                "more; ask for code actions again");
  switch (Kind) {
  case ActionKind::MarkReviewed: {
    if (Inputs.Reviewer.empty())
      return Fail("no reviewer: set 'git config user.email'");
    llvm::Expected<SignOffResult> Signed = signOffKnownRegion(
        Doc.Text, *Target, {FileName, 0, Inputs.Reviewer, Inputs.Date});
    if (!Signed)
      return Signed.takeError();
    return std::move(Signed->NewText);
  }
  case ActionKind::ConvertToAnnotation:
    return annotateRegion(Doc.Text, FileName, *Target);
  case ActionKind::DeleteRegion:
    return withoutLines(Doc, linesToDelete(*Target));
  case ActionKind::AnnotateSelection:
    break;
  }
  return Fail("unknown action");
}

std::vector<LineReplacement> lineEdits(llvm::StringRef Old,
                                       llvm::StringRef New) {
  auto SplitLines = [](llvm::StringRef Text) {
    std::vector<llvm::StringRef> Lines; // Each with its '\n', if any.
    while (!Text.empty()) {
      size_t End = std::min(Text.find('\n'), Text.size() - 1) + 1;
      Lines.push_back(Text.take_front(End));
      Text = Text.drop_front(End);
    }
    return Lines;
  };
  std::vector<llvm::StringRef> A = SplitLines(Old), B = SplitLines(New);
  // Common lines at both ends need no table.
  size_t Front = 0;
  while (Front < A.size() && Front < B.size() && A[Front] == B[Front])
    ++Front;
  size_t Back = 0;
  while (Back < A.size() - Front && Back < B.size() - Front &&
         A[A.size() - 1 - Back] == B[B.size() - 1 - Back])
    ++Back;
  const size_t N = A.size() - Front - Back, M = B.size() - Front - Back;

  std::vector<size_t> Offset(A.size() + 1, 0); // Byte offset of line I.
  for (size_t I = 0; I < A.size(); ++I)
    Offset[I + 1] = Offset[I] + A[I].size();
  std::vector<LineReplacement> Edits;
  // Lines A[I, IEnd) become B[J, JEnd).
  auto Emit = [&](size_t I, size_t IEnd, size_t J, size_t JEnd) {
    if (I == IEnd && J == JEnd)
      return;
    std::string Text;
    for (size_t K = J; K < JEnd; ++K)
      Text += B[K];
    Edits.push_back({Offset[I], Offset[IEnd], std::move(Text)});
  };
  // Actions change a region's worth of lines; beyond that, one edit.
  constexpr size_t MaxTable = 4'000'000;
  if (N == 0 || M == 0 || (N + 1) * (M + 1) > MaxTable) {
    Emit(Front, Front + N, Front, Front + M);
    return Edits;
  }
  // Longest common subsequence of the middle lines, then walk it.
  std::vector<uint32_t> Table((N + 1) * (M + 1), 0);
  auto At = [&](size_t I, size_t J) -> uint32_t & {
    return Table[I * (M + 1) + J];
  };
  for (size_t I = N; I-- > 0;)
    for (size_t J = M; J-- > 0;)
      At(I, J) = A[Front + I] == B[Front + J]
                     ? At(I + 1, J + 1) + 1
                     : std::max(At(I + 1, J), At(I, J + 1));
  size_t I = 0, J = 0, RunI = 0, RunJ = 0;
  while (I < N || J < M) {
    if (I < N && J < M && A[Front + I] == B[Front + J]) {
      Emit(Front + RunI, Front + I, Front + RunJ, Front + J);
      RunI = ++I;
      RunJ = ++J;
    } else if (J < M && (I == N || At(I, J + 1) >= At(I + 1, J))) {
      ++J;
    } else {
      ++I;
    }
  }
  Emit(Front + RunI, Front + N, Front + RunJ, Front + M);
  return Edits;
}

} // namespace aiprov::server
