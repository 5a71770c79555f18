//===--- PasteDetector.cpp - Deciding the origin of inserted text ---------===//
//
// Matching is by line overlap, not exact ranges: clients disagree on
// whether a paste's range ends at the start of the next line or the end of
// the last pasted one, and a notice only has to say which change it is
// about.
//
//===----------------------------------------------------------------------===//
#include "PasteDetector.h"
#include "llvm/ADT/STLExtras.h"

namespace aiprov::server {

namespace {

bool overlaps(LineRange A, LineRange B) {
  return A.First <= B.Last && B.First <= A.Last;
}

} // namespace

std::optional<Attribution> attributionOf(const PasteNotice &Notice) {
  switch (Notice.What) {
  // A paste from inside the workspace is a human moving their own code. One
  // from outside is of unknown authorship (a chat window and a human's
  // notes look alike from here): the notice changes nothing about the
  // insertion (noticed() ignores it).
  case PasteNotice::Kind::WorkspacePaste:
  case PasteNotice::Kind::ExternalPaste:
    return std::nullopt;
  case PasteNotice::Kind::Completion:
    return Attribution{Notice.Lines, "completion", Notice.Tool, Notice.Model,
                       "ai"};
  }
  return std::nullopt;
}

std::vector<Attribution>
PasteDetector::changed(llvm::StringRef Key, llvm::ArrayRef<Insertion> Inserted,
                       unsigned MinLines) {
  DocumentState &State = Documents[Key];
  State.Recent.clear();
  State.Pending.clear();
  std::vector<Attribution> Now;
  // A held notice counts only if this change inserted text on its lines:
  // otherwise it described a change that never came (or came differently).
  for (const PasteNotice &Notice : State.Held) {
    bool Matched = llvm::any_of(Inserted, [&](const Insertion &I) {
      return I.LineCount != 0 && overlaps(Notice.Lines, I.Lines);
    });
    if (!Matched)
      continue;
    if (std::optional<Attribution> A = attributionOf(Notice))
      Now.push_back(std::move(*A));
  }
  for (const Insertion &I : Inserted) {
    if (I.LineCount == 0)
      continue;
    bool Claimed = llvm::any_of(State.Held, [&](const PasteNotice &N) {
      return overlaps(N.Lines, I.Lines);
    });
    if (Claimed)
      continue;
    State.Recent.push_back(I);
    if (I.LineCount >= MinLines)
      State.Pending.push_back(I.Lines);
  }
  State.Held.clear();
  return Now;
}

std::vector<Attribution> PasteDetector::noticed(llvm::StringRef Key,
                                                const PasteNotice &Notice) {
  // A paste from outside is what the insertion already is: an unknown
  // paste when it is at least paste-min-lines long, else nothing.
  if (Notice.What == PasteNotice::Kind::ExternalPaste)
    return {};
  DocumentState &State = Documents[Key];
  bool AboutLastChange = llvm::any_of(State.Recent, [&](const Insertion &I) {
    return overlaps(I.Lines, Notice.Lines);
  });
  if (!AboutLastChange) {
    State.Held.push_back(Notice);
    return {};
  }
  llvm::erase_if(State.Recent, [&](const Insertion &I) {
    return overlaps(I.Lines, Notice.Lines);
  });
  llvm::erase_if(State.Pending,
                 [&](LineRange R) { return overlaps(R, Notice.Lines); });
  std::vector<Attribution> Now;
  if (std::optional<Attribution> A = attributionOf(Notice))
    Now.push_back(std::move(*A));
  return Now;
}

std::vector<Attribution> PasteDetector::pending(llvm::StringRef Key) const {
  std::vector<Attribution> Out;
  auto It = Documents.find(Key);
  if (It == Documents.end())
    return Out;
  for (LineRange R : It->second.Pending)
    Out.push_back({R, "unknown-paste", "", "", "unknown"});
  return Out;
}

std::map<std::string, std::vector<Attribution>>
PasteDetector::settle(llvm::StringRef Except) {
  std::map<std::string, std::vector<Attribution>> Final;
  for (auto &Entry : Documents) {
    if (Entry.first() == Except)
      continue;
    if (!Entry.second.Pending.empty())
      Final[Entry.first().str()] = pending(Entry.first());
    Entry.second.Pending.clear();
    Entry.second.Recent.clear();
  }
  return Final;
}

} // namespace aiprov::server
