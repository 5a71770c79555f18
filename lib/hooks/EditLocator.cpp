//===--- EditLocator.cpp - The lines an agent's edit occupies now ---------===//
//
// A text is searched for verbatim; payloads carry "\n" line ends whatever
// the file uses, so when that finds nothing in a file with "\r\n" or lone
// "\r" line ends, the text is searched for again with the file's. Lines are
// counted by LineTable, so a lone "\r" ends a line here as it does for
// clang and for `aiprov check`, and recorded lines are the ones checked.
//
//===----------------------------------------------------------------------===//
#include "aiprov/hooks/EditLocator.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

namespace aiprov {

namespace {

/// Offsets of every occurrence of Needle; a Needle ending in \n also
/// matches without it at the very end of a file that lacks a final
/// newline, as diff hunks always end their lines.
std::vector<size_t> occurrences(llvm::StringRef Content,
                                llvm::StringRef Needle) {
  std::vector<size_t> Found;
  for (size_t At = Content.find(Needle); At != llvm::StringRef::npos;
       At = Content.find(Needle, At + 1))
    Found.push_back(At);
  if (Needle.ends_with("\n") && !Content.ends_with("\n") &&
      Content.ends_with(Needle.drop_back()))
    Found.push_back(Content.size() - Needle.size() + 1);
  return Found;
}

/// The line terminator Content uses other than "\n": "\r\n", else "\r"
/// when it has lone ones, else empty.
llvm::StringRef otherLineEnd(llvm::StringRef Content) {
  if (Content.contains("\r\n"))
    return "\r\n";
  if (Content.contains('\r'))
    return "\r";
  return "";
}

/// Text with each "\n" replaced by LineEnd.
std::string withLineEnds(llvm::StringRef Text, llvm::StringRef LineEnd) {
  std::string Out;
  for (char C : Text) {
    if (C == '\n')
      Out += LineEnd;
    else
      Out += C;
  }
  return Out;
}

void addRange(std::vector<LineRange> &Ranges, unsigned First, unsigned Last) {
  if (First <= Last)
    Ranges.push_back({First, Last});
}

/// Lines that Needle (W's text as matched, perhaps with the file's line
/// ends) occupies at byte Offset, per WrittenText's rules.
void linesAt(const WrittenText &W, llvm::StringRef Needle, size_t Offset,
             const LineTable &Lines, std::vector<LineRange> &Out) {
  unsigned First = Lines.positionOf(Offset).Line;
  if (!W.OwnLines.empty()) {
    for (unsigned Own : W.OwnLines)
      addRange(Out, First + Own, First + Own);
    return;
  }
  size_t Lead = Needle.size() - Needle.ltrim("\r\n").size();
  llvm::StringRef Text = Needle.trim("\r\n");
  if (Text.empty())
    return;
  addRange(Out, Lines.positionOf(Offset + Lead).Line,
           Lines.positionOf(Offset + Lead + Text.size() - 1).Line);
}

std::vector<LineRange> merged(std::vector<LineRange> Ranges) {
  llvm::sort(Ranges, [](const LineRange &A, const LineRange &B) {
    return A.First < B.First || (A.First == B.First && A.Last < B.Last);
  });
  std::vector<LineRange> Out;
  for (const LineRange &R : Ranges) {
    if (!Out.empty() && R.First <= Out.back().Last + 1)
      Out.back().Last = std::max(Out.back().Last, R.Last);
    else
      Out.push_back(R);
  }
  return Out;
}

} // namespace

LocatedLines locateEdit(const HookEdit &Edit, llvm::StringRef Content) {
  LocatedLines Result;
  LineTable Lines(Content);
  llvm::StringRef FileLineEnd = otherLineEnd(Content);
  std::vector<LineRange> Ranges;
  for (const WrittenText &W : Edit.Texts) {
    if (W.OwnLines.empty() && llvm::StringRef(W.Text).trim('\n').empty())
      continue; // A deletion: nothing of the agent's is left.
    std::string Needle = W.Text;
    std::vector<size_t> Found = occurrences(Content, Needle);
    // The payload's text ends lines in \n whatever the file ends them in.
    if (Found.empty() && Needle.find('\n') != std::string::npos &&
        !FileLineEnd.empty()) {
      Needle = withLineEnds(W.Text, FileLineEnd);
      Found = occurrences(Content, Needle);
    }
    std::string Excerpt =
        llvm::StringRef(W.Text).trim().split('\n').first.take_front(40).str();
    if (Found.empty()) {
      Result.Unplaced.push_back("the text the agent wrote ('" + Excerpt +
                                "') is no longer in the file");
      continue;
    }
    if (Found.size() > 1 && W.NearLine == 0 && !W.AllOccurrences) {
      Result.Unplaced.push_back(
          "the text the agent wrote ('" + Excerpt + "') occurs " +
          std::to_string(Found.size()) +
          " times in the file and the payload does not say which");
      continue;
    }
    if (W.AllOccurrences && W.NearLine == 0) {
      for (size_t At : Found)
        linesAt(W, Needle, At, Lines, Ranges);
      continue;
    }
    // Nearest to where the payload says it starts; the earlier one on a tie.
    size_t Best = Found.front();
    unsigned BestDistance = ~0U;
    for (size_t At : Found) {
      unsigned Line = Lines.positionOf(At).Line;
      unsigned Distance =
          Line > W.NearLine ? Line - W.NearLine : W.NearLine - Line;
      if (Distance < BestDistance) {
        Best = At;
        BestDistance = Distance;
      }
    }
    linesAt(W, Needle, Best, Lines, Ranges);
  }
  Result.Ranges = merged(std::move(Ranges));
  return Result;
}

} // namespace aiprov
