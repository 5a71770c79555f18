//===--- EditLocator.cpp - The lines an agent's edit occupies now ---------===//
//
// A text is searched for verbatim; payloads carry "\n" line ends whatever
// the file uses, so when that finds nothing in a file with "\r\n" line
// ends, the text is searched for again with those.
//
//===----------------------------------------------------------------------===//
#include "aiprov/hooks/EditLocator.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

namespace aiprov {

namespace {

/// Byte offsets where each line of Content starts.
std::vector<size_t> lineStarts(llvm::StringRef Content) {
  std::vector<size_t> Starts{0};
  for (size_t I = 0; I < Content.size(); ++I)
    if (Content[I] == '\n' && I + 1 < Content.size())
      Starts.push_back(I + 1);
  return Starts;
}

/// 1-based line holding byte Offset.
unsigned lineOf(const std::vector<size_t> &Starts, size_t Offset) {
  return std::upper_bound(Starts.begin(), Starts.end(), Offset) -
         Starts.begin();
}

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

void addRange(std::vector<LineRange> &Ranges, unsigned First, unsigned Last) {
  if (First <= Last)
    Ranges.push_back({First, Last});
}

/// Lines that Needle (W's text as matched, perhaps with CRLF line ends)
/// occupies at byte Offset, per WrittenText's rules.
void linesAt(const WrittenText &W, llvm::StringRef Needle, size_t Offset,
             const std::vector<size_t> &Starts, std::vector<LineRange> &Out) {
  unsigned First = lineOf(Starts, Offset);
  if (!W.OwnLines.empty()) {
    for (unsigned Own : W.OwnLines)
      addRange(Out, First + Own, First + Own);
    return;
  }
  size_t Lead = Needle.size() - Needle.ltrim("\r\n").size();
  llvm::StringRef Text = Needle.trim("\r\n");
  if (Text.empty())
    return;
  addRange(Out, lineOf(Starts, Offset + Lead),
           lineOf(Starts, Offset + Lead + Text.size() - 1));
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
  std::vector<size_t> Starts = lineStarts(Content);
  std::vector<LineRange> Ranges;
  for (const WrittenText &W : Edit.Texts) {
    if (W.OwnLines.empty() && llvm::StringRef(W.Text).trim('\n').empty())
      continue; // A deletion: nothing of the agent's is left.
    std::string Needle = W.Text;
    std::vector<size_t> Found = occurrences(Content, Needle);
    // A CRLF file: the payload's text may have plain \n line ends.
    if (Found.empty() && Needle.find('\n') != std::string::npos &&
        Content.contains("\r\n")) {
      Needle.clear();
      for (char C : W.Text) {
        if (C == '\n')
          Needle += '\r';
        Needle += C;
      }
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
        linesAt(W, Needle, At, Starts, Ranges);
      continue;
    }
    // Nearest to where the payload says it starts; the earlier one on a tie.
    size_t Best = Found.front();
    unsigned BestDistance = ~0U;
    for (size_t At : Found) {
      unsigned Line = lineOf(Starts, At);
      unsigned Distance =
          Line > W.NearLine ? Line - W.NearLine : W.NearLine - Line;
      if (Distance < BestDistance) {
        Best = At;
        BestDistance = Distance;
      }
    }
    linesAt(W, Needle, Best, Starts, Ranges);
  }
  Result.Ranges = merged(std::move(Ranges));
  return Result;
}

} // namespace aiprov
