//===--- Reanchor.cpp - Finding recorded lines again by content -----------===//
//
// A record is located by a semi-global alignment of its fingerprints (all
// of them consumed) against the file's (leading and trailing lines free),
// because edits outside the editor are exactly the operations of an
// alignment: lines inserted (by a human, above or inside the region),
// deleted, or replaced. A line counts only where the alignment matches it,
// so rewritten and inserted lines are never attributed, and the region is
// found wherever it moved.
//
// What a match is worth depends on how much it says: a line with enough
// letters and digits that occurs once in the file is strong evidence, one
// of the file's fifty `return false;` is weak, and a blank or `}` is almost
// none. Scores follow that weight, so the alignment prefers the region's
// distinctive lines over boilerplate that happens to repeat them. Gaps are
// affine (opening one costs more than extending it) because humans insert
// and delete lines in blocks: a `}` never pulls the alignment away from
// the region, and a distinctive surviving line is kept across a block of
// up to ~8 human lines inserted before it. Because the alignment always
// matches *something* once a region is gone, its matches are then judged
// in clusters, and a cluster without enough evidence is dropped (see
// locate()).
//
// The alignment is O(m·n) but runs only in windows around anchors: current
// lines equal to a recorded informative line. Any alignment worth having
// contains such a match and cannot stretch further than the scores allow
// (slack()), so the windows hold the optimum. An unchanged region, however
// far it moved, is found before that by direct comparison.
//
//===----------------------------------------------------------------------===//
#include "aiprov/ledger/Reanchor.h"
#include "aiprov/ledger/RecordIdentity.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>

namespace aiprov {
namespace {

/// Match scores: a blank or punctuation-only line, and the range of an
/// informative line's (MatchInformativeMin + its weight × the spread).
constexpr int MatchTrivial = 1;
constexpr int MatchInformativeMin = 2;
constexpr int MatchInformativeMax = 10;
/// Costs: a replaced line; a run of k inserted or deleted lines costs
/// GapOpen + k·GapExtend, because a human inserts or deletes lines in
/// blocks, so of two equally good alignments the one with fewer gaps is
/// the likelier.
constexpr int Replaced = 1;
constexpr int GapOpen = 2;
constexpr int GapExtend = 1;

/// A line with this many letters and digits is distinctive if it occurs
/// once in the file; `++i;` or `return s;` are not, however unique.
constexpr double SubstantialLine = 16;
/// Matches with more current lines than this between them are judged as
/// separate clusters (see locate()).
constexpr size_t MaxClusterGap = 3;

/// The most current lines an optimal alignment of M recorded lines can
/// span around one anchor match. The alignment that keeps just the anchor
/// and deletes the rest scores at least -(2·GapOpen + GapExtend·(M-1));
/// one with I insertions scores at most MatchInformativeMax·M -
/// GapExtend·I. The optimum beats the former, so I·GapExtend <
/// (MatchInformativeMax + GapExtend)·M + 2·GapOpen.
size_t slack(size_t M) {
  return ((MatchInformativeMax + GapExtend) * M + 2 * GapOpen) / GapExtend + 1;
}

std::optional<uint64_t> parseFingerprint(llvm::StringRef Hex) {
  uint64_t Value = 0;
  if (Hex.size() != 16 || Hex.getAsInteger(16, Value))
    return std::nullopt;
  return Value;
}

/// Letters, digits and any non-ASCII byte (identifiers, text in comments)
/// make a line informative; `}`, `);` and blanks are not.
bool isInformativeByte(unsigned char C) {
  return C >= 0x80 || llvm::isAlnum(C);
}

unsigned distance(unsigned Line, unsigned RecordedStartLine) {
  return Line > RecordedStartLine ? Line - RecordedStartLine
                                  : RecordedStartLine - Line;
}

/// The best alignment found in one window.
struct Alignment {
  int Score = INT_MIN;
  /// |first current line of the alignment - recorded start line|: the
  /// tie-break between equally good copies of duplicated code.
  unsigned Distance = UINT_MAX;
  /// (recorded index, current index), 0-based, ascending.
  std::vector<std::pair<size_t, size_t>> Matches;

  bool betterThan(const Alignment &Other) const {
    return Score > Other.Score ||
           (Score == Other.Score && Distance < Other.Distance);
  }
};

/// The three states of an affine-gap alignment: the last step matched or
/// replaced a line (Diagonal), skipped a current line (Inserted), or a
/// recorded one (Deleted).
enum State : uint8_t { Diagonal, Inserted, Deleted };
constexpr int NegativeInfinity = INT_MIN / 4;

/// The best alignment of all of Want against current lines [Lo, Hi).
Alignment align(llvm::ArrayRef<std::optional<uint64_t>> Want,
                llvm::ArrayRef<uint64_t> Fingerprints,
                llvm::ArrayRef<uint8_t> MatchScore, size_t Lo, size_t Hi,
                unsigned RecordedStartLine) {
  // Gotoh's algorithm: per state, a row of scores and of where each path
  // began (its first current line is Lo + Start); per cell, each state's
  // predecessor state (two bits each) for the traceback.
  const size_t M = Want.size();
  const size_t W = Hi - Lo;
  struct Row {
    std::vector<int> Score[3];
    std::vector<size_t> Start[3];
    explicit Row(size_t Size) {
      for (int S = 0; S < 3; ++S) {
        Score[S].assign(Size, NegativeInfinity);
        Start[S].assign(Size, 0);
      }
    }
  };
  Row Prev(W + 1);
  Row Cur(W + 1);
  std::vector<uint8_t> From((M + 1) * (W + 1), 0);
  // Leading current lines are free: every column may start the alignment.
  for (size_t J = 0; J <= W; ++J) {
    Prev.Score[Diagonal][J] = 0;
    Prev.Start[Diagonal][J] = J;
  }
  auto Same = [&](size_t I, size_t Line) {
    return Want[I] && *Want[I] == Fingerprints[Line];
  };
  // The best of the three states of a cell, reached by one more step that
  // costs Open from another state or Extend from Own; ties keep the lower
  // state (a diagonal over a gap).
  auto Best = [](const std::vector<int> *Scores, size_t J, State Own, int Open,
                 int Extend) {
    State Pick = Diagonal;
    int Score = NegativeInfinity;
    for (State S : {Diagonal, Inserted, Deleted}) {
      int Candidate = Scores[S][J] - (S == Own ? Extend : Open);
      if (Candidate > Score) {
        Score = Candidate;
        Pick = S;
      }
    }
    return std::make_pair(Score, Pick);
  };

  for (size_t I = 1; I <= M; ++I) {
    uint8_t *Cell = &From[I * (W + 1)];
    for (int S = 0; S < 3; ++S)
      std::fill(Cur.Score[S].begin(), Cur.Score[S].end(), NegativeInfinity);
    for (size_t J = 0; J <= W; ++J) {
      uint8_t Bits = 0;
      if (J > 0) {
        size_t Line = Lo + J - 1;
        int Step = Same(I - 1, Line) ? MatchScore[Line] : -Replaced;
        auto [D, DFrom] = Best(Prev.Score, J - 1, Diagonal, 0, 0);
        Cur.Score[Diagonal][J] = D + Step;
        Cur.Start[Diagonal][J] = Prev.Start[DFrom][J - 1];
        auto [X, XFrom] =
            Best(Cur.Score, J - 1, Inserted, GapOpen + GapExtend, GapExtend);
        Cur.Score[Inserted][J] = X;
        Cur.Start[Inserted][J] = Cur.Start[XFrom][J - 1];
        Bits |= DFrom | XFrom << 2;
      }
      auto [Y, YFrom] =
          Best(Prev.Score, J, Deleted, GapOpen + GapExtend, GapExtend);
      Cur.Score[Deleted][J] = Y;
      Cur.Start[Deleted][J] = Prev.Start[YFrom][J];
      Cell[J] = Bits | YFrom << 4;
    }
    std::swap(Prev, Cur);
  }

  // Trailing current lines are free: the alignment may end anywhere (not
  // with an insertion, which only costs).
  Alignment Result;
  size_t End = 0;
  State EndState = Diagonal;
  for (size_t J = 0; J <= W; ++J)
    for (State S : {Diagonal, Deleted}) {
      if (Prev.Score[S][J] <= NegativeInfinity / 2)
        continue;
      Alignment Candidate;
      Candidate.Score = Prev.Score[S][J];
      Candidate.Distance =
          distance(Lo + Prev.Start[S][J] + 1, RecordedStartLine);
      if (Candidate.betterThan(Result)) {
        Result = Candidate;
        End = J;
        EndState = S;
      }
    }
  size_t I = M;
  size_t J = End;
  State S = EndState;
  while (I > 0) {
    uint8_t Bits = From[I * (W + 1) + J];
    switch (S) {
    case Diagonal:
      if (Same(I - 1, Lo + J - 1))
        Result.Matches.emplace_back(I - 1, Lo + J - 1);
      S = static_cast<State>(Bits & 3);
      --I;
      --J;
      break;
    case Inserted:
      S = static_cast<State>(Bits >> 2 & 3);
      --J;
      break;
    case Deleted:
      S = static_cast<State>(Bits >> 4 & 3);
      --I;
      break;
    }
  }
  std::reverse(Result.Matches.begin(), Result.Matches.end());
  return Result;
}

} // namespace

LineIndex::LineIndex(llvm::StringRef Text) {
  // fingerprintLines() is the one definition of what a line is; the scan
  // below only counts bytes by how many '\n' precede them, which numbers
  // lines the same way.
  std::vector<std::string> Hex = fingerprintLines(Text);
  Fingerprints.reserve(Hex.size());
  for (const std::string &H : Hex)
    Fingerprints.push_back(parseFingerprint(H).value_or(0));
  std::vector<unsigned> Substance(Fingerprints.size(), 0);
  size_t Line = 0;
  for (char C : Text) {
    if (C == '\n')
      ++Line;
    else if (isInformativeByte(static_cast<unsigned char>(C)))
      ++Substance[Line];
  }
  ByFingerprint.reserve(Fingerprints.size());
  for (unsigned I = 0; I < Fingerprints.size(); ++I)
    ByFingerprint.emplace_back(Fingerprints[I], I);
  llvm::sort(ByFingerprint);

  Weight.resize(Fingerprints.size());
  MatchScore.resize(Fingerprints.size());
  for (size_t I = 0; I < Fingerprints.size(); ++I) {
    Weight[I] =
        static_cast<float>(std::min(1.0, Substance[I] / SubstantialLine) /
                           linesWith(Fingerprints[I]).size());
    MatchScore[I] =
        Substance[I] == 0
            ? MatchTrivial
            : MatchInformativeMin +
                  static_cast<int>(std::lround(
                      Weight[I] * (MatchInformativeMax - MatchInformativeMin)));
  }
}

llvm::ArrayRef<std::pair<uint64_t, unsigned>>
LineIndex::linesWith(uint64_t Fingerprint) const {
  auto [First, Last] = std::equal_range(
      ByFingerprint.begin(), ByFingerprint.end(),
      std::make_pair(Fingerprint, 0U),
      [](const auto &A, const auto &B) { return A.first < B.first; });
  return llvm::ArrayRef(ByFingerprint)
      .slice(First - ByFingerprint.begin(), Last - First);
}

std::vector<unsigned> LineIndex::locate(llvm::ArrayRef<std::string> Recorded,
                                        unsigned RecordedStartLine) const {
  const size_t M = Recorded.size();
  const size_t N = lineCount();
  if (M == 0 || N == 0)
    return {};
  // A fingerprint that does not parse matches nothing.
  std::vector<std::optional<uint64_t>> Want;
  Want.reserve(M);
  for (const std::string &H : Recorded)
    Want.push_back(parseFingerprint(H));
  auto Same = [&](size_t I, size_t Line) {
    return Want[I] && *Want[I] == Fingerprints[Line];
  };

  // Anchors: current lines that equal a recorded informative line.
  std::vector<std::pair<size_t, size_t>> Anchors; // (recorded, current)
  for (size_t I = 0; I < M; ++I) {
    const std::optional<uint64_t> &Print = Want[I];
    if (!Print)
      continue;
    for (const auto &[Hash, Line] : linesWith(*Print))
      if (MatchScore[Line] >= MatchInformativeMin)
        Anchors.emplace_back(I, Line);
  }
  if (Anchors.empty())
    return {};

  // Unchanged, wherever it is now: the best possible alignment. Copies are
  // told apart by their distance from where the record was made.
  std::optional<size_t> Exact;
  for (const auto &[I, Line] : Anchors) {
    if (Line < I || Line - I + M > N)
      continue;
    size_t Start = Line - I;
    if (Exact && distance(Start + 1, RecordedStartLine) >=
                     distance(*Exact + 1, RecordedStartLine))
      continue;
    bool All = true;
    for (size_t K = 0; K < M && All; ++K)
      All = Same(K, Start + K);
    if (All)
      Exact = Start;
  }
  if (Exact) {
    std::vector<unsigned> Lines(M);
    for (size_t K = 0; K < M; ++K)
      Lines[K] = *Exact + K + 1;
    return Lines;
  }

  // Windows around the anchors, merged where they overlap.
  const size_t Slack = slack(M);
  std::vector<std::pair<size_t, size_t>> Windows; // [Lo, Hi)
  Windows.reserve(Anchors.size());
  for (const auto &[I, Line] : Anchors)
    Windows.emplace_back(Line - std::min(Line, I + Slack),
                         std::min(N, Line + (M - I) + Slack));
  llvm::sort(Windows);
  std::vector<std::pair<size_t, size_t>> Merged;
  for (const auto &W : Windows) {
    if (!Merged.empty() && W.first <= Merged.back().second)
      Merged.back().second = std::max(Merged.back().second, W.second);
    else
      Merged.push_back(W);
  }

  Alignment Best;
  for (const auto &[Lo, Hi] : Merged) {
    Alignment A =
        align(Want, Fingerprints, MatchScore, Lo, Hi, RecordedStartLine);
    if (A.betterThan(Best))
      Best = std::move(A);
  }

  std::vector<unsigned> Lines;
  // A complete record is its own evidence: all its lines, in order, with at
  // most human lines between them.
  if (Best.Matches.size() == M) {
    for (const auto &Match : Best.Matches)
      Lines.push_back(Match.second + 1);
    return Lines;
  }
  // Otherwise some matches may be lines that merely happen to be equal:
  // once a region is gone, the alignment still matches whatever it can. So
  // matches are taken in clusters (at most MaxClusterGap current lines
  // between neighbours), and a cluster counts only if its lines' weights
  // add up to 1: one distinctive line found nowhere else in the file, two
  // found twice each (duplicated code), several short ones in a row. Blank
  // and punctuation-only lines weigh nothing: they count only next to
  // informative ones, in a cluster that has the evidence.
  size_t ClusterBegin = 0;
  double Evidence = 0;
  for (size_t K = 0; K < Best.Matches.size(); ++K) {
    size_t Line = Best.Matches[K].second;
    Evidence += Weight[Line];
    bool Last = K + 1 == Best.Matches.size() ||
                Best.Matches[K + 1].second - Line - 1 > MaxClusterGap;
    if (!Last)
      continue;
    // Weights are rounded to float; 1 - 1e-6 still means "one line".
    if (Evidence >= 1.0 - 1e-6)
      for (size_t C = ClusterBegin; C <= K; ++C)
        Lines.push_back(Best.Matches[C].second + 1);
    ClusterBegin = K + 1;
    Evidence = 0;
  }
  return Lines;
}

} // namespace aiprov
