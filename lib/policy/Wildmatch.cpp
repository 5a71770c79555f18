//===--- Wildmatch.cpp - git's glob language, backtracking on a budget ----===//
//
// Compiling follows wildmatch's reading of a pattern exactly (classes,
// escapes, when a `**` spans directories). Matching first backtracks as git
// does, on a budget; past it, the NFA decides, whose state set is a bit
// vector over "tokens matched so far": a character
// moves each state past a token that accepts it (a star stays put), then
// every star may be skipped (it matches nothing) and a `**/` that was just
// reached may also skip its slash. Character classes are folded into 256-bit
// sets at compile time.
//
//===----------------------------------------------------------------------===//
#include "aiprov/policy/Wildmatch.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/bit.h"
#include "llvm/Support/Error.h"

namespace aiprov {
namespace {

/// Git's character classes are ASCII-only (its own ctype table), so these
/// are spelled out rather than taken from the C library's locale.
std::optional<GlobCharSet> namedClass(llvm::StringRef Name) {
  GlobCharSet Set;
  auto AddRange = [&](unsigned char From, unsigned char To) {
    for (unsigned C = From; C <= To; ++C)
      Set.set(C);
  };
  auto AddChars = [&](llvm::StringRef Chars) {
    for (char C : Chars)
      Set.set((unsigned char)C);
  };
  if (Name == "alnum") {
    AddRange('a', 'z');
    AddRange('A', 'Z');
    AddRange('0', '9');
  } else if (Name == "alpha") {
    AddRange('a', 'z');
    AddRange('A', 'Z');
  } else if (Name == "blank") {
    AddChars(" \t");
  } else if (Name == "cntrl") {
    AddRange(0, 0x1f);
    Set.set(0x7f);
  } else if (Name == "digit") {
    AddRange('0', '9');
  } else if (Name == "graph") {
    AddRange(0x21, 0x7e);
  } else if (Name == "lower") {
    AddRange('a', 'z');
  } else if (Name == "print") {
    AddRange(0x20, 0x7e);
  } else if (Name == "punct") {
    AddRange(0x21, 0x2f);
    AddRange(0x3a, 0x40);
    AddRange(0x5b, 0x60);
    AddRange(0x7b, 0x7e);
  } else if (Name == "space") {
    AddChars(" \t\n\r");
  } else if (Name == "upper") {
    AddRange('A', 'Z');
  } else if (Name == "xdigit") {
    AddRange('0', '9');
    AddRange('a', 'f');
    AddRange('A', 'F');
  } else {
    return std::nullopt;
  }
  return Set;
}

/// Parses the class starting at G[Open] == '[' the way wildmatch reads it
/// (a `]` right after `[`, `[!` or `[^` is a member; `[:name:]` inside;
/// `a-z` ranges; `\` escapes). Returns the set and the offset of the
/// closing `]`.
llvm::Expected<std::pair<GlobCharSet, size_t>>
parseClass(llvm::StringRef G, size_t Open, PatternError &Err) {
  auto Fail = [&](size_t Offset, std::string Message) {
    Err = {Offset, std::move(Message)};
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "class");
  };
  auto At = [&](size_t I) -> char { return I < G.size() ? G[I] : '\0'; };
  const std::string Unterminated =
      "unterminated character class: add ']' or write '\\[' for a literal "
      "'['";
  GlobCharSet Set;
  size_t I = Open + 1;
  bool Negated = At(I) == '!' || At(I) == '^';
  if (Negated)
    ++I;
  unsigned char Prev = 0; // range start candidate; 0 after a range or class
  for (bool First = true; First || At(I) != ']'; First = false) {
    char C = At(I);
    if (I >= G.size())
      return Fail(Open, Unterminated);
    unsigned char Member = (unsigned char)C;
    if (C == '\\') {
      if (++I >= G.size())
        return Fail(Open, Unterminated);
      Member = (unsigned char)G[I];
      Set.set(Member);
    } else if (C == '-' && Prev && I + 1 < G.size() && G[I + 1] != ']') {
      ++I;
      unsigned char To = (unsigned char)G[I];
      if (To == '\\') {
        if (++I >= G.size())
          return Fail(Open, Unterminated);
        To = (unsigned char)G[I];
      }
      for (unsigned Ch = Prev; Ch <= To; ++Ch)
        Set.set(Ch);
      Member = 0;
    } else if (C == '[' && At(I + 1) == ':') {
      size_t NameStart = I + 2;
      size_t Close = G.find(']', NameStart);
      if (Close == llvm::StringRef::npos)
        return Fail(Open, Unterminated);
      if (Close == NameStart || G[Close - 1] != ':') {
        // Not "[:name:]" after all: a literal '['.
        Set.set('[');
      } else {
        llvm::StringRef Name = G.slice(NameStart, Close - 1);
        std::optional<GlobCharSet> Named = namedClass(Name);
        if (!Named)
          return Fail(I, "unknown character class '[:" + Name.str() +
                             ":]'; git knows alnum, alpha, blank, cntrl, "
                             "digit, graph, lower, print, punct, space, "
                             "upper and xdigit");
        Set |= *Named;
        I = Close;
        Member = 0;
      }
    } else {
      Set.set(Member);
    }
    Prev = Member;
    ++I;
  }
  if (Negated)
    Set.flip();
  Set.reset('/'); // never matches a slash (WM_PATHNAME)
  return std::make_pair(Set, I);
}

} // namespace

std::optional<Wildmatch> Wildmatch::compile(llvm::StringRef G, size_t ErrorBase,
                                            PatternError &Err) {
  Wildmatch Out;
  for (size_t I = 0; I < G.size();) {
    GlobToken T;
    T.Offset = ErrorBase + I;
    switch (G[I]) {
    case '\\':
      if (I + 1 == G.size()) {
        Err = {ErrorBase + I, "pattern ends with an unescaped '\\', which git "
                              "never matches; write '\\\\' for a literal "
                              "backslash"};
        return std::nullopt;
      }
      T.Char = G[I + 1];
      T.Escaped = true;
      I += 2;
      break;
    case '?':
      T.K = GlobToken::AnyChar;
      ++I;
      break;
    case '*': {
      T.K = GlobToken::Star;
      size_t End = I + 1;
      while (End < G.size() && G[End] == '*')
        ++End;
      if (End - I >= 2) {
        bool AfterSlash = I == 0 || G[I - 1] == '/';
        bool BeforeSlash = End == G.size() || G[End] == '/' ||
                           G.substr(End).starts_with("\\/");
        if (AfterSlash && BeforeSlash) {
          T.CrossesSlash = true;
          T.MayMatchNoDirectory = End < G.size() && G[End] == '/';
        }
      }
      I = End;
      break;
    }
    case '[': {
      PatternError ClassErr;
      auto Parsed = parseClass(G, I, ClassErr);
      if (!Parsed) {
        llvm::consumeError(Parsed.takeError());
        Err = {ErrorBase + ClassErr.Offset, ClassErr.Message};
        return std::nullopt;
      }
      T.K = GlobToken::Class;
      T.ClassIndex = Out.Classes.size();
      Out.Classes.push_back(Parsed->first);
      I = Parsed->second + 1;
      break;
    }
    default:
      T.Char = G[I];
      ++I;
      break;
    }
    Out.Tokens.push_back(T);
  }
  return Out;
}

namespace {

/// A set of NFA states, one bit per token boundary.
class StateSet {
public:
  explicit StateSet(size_t States) : Words((States + 63) / 64, 0) {}
  void set(size_t I) { Words[I / 64] |= uint64_t(1) << (I % 64); }
  bool test(size_t I) const { return Words[I / 64] >> (I % 64) & 1; }
  void clear() { std::fill(Words.begin(), Words.end(), 0); }
  bool none() const {
    return llvm::all_of(Words, [](uint64_t W) { return W == 0; });
  }
  /// Calls Visit(I) for each member in increasing order, including members
  /// Visit itself adds above I.
  template <typename Fn> void forEach(Fn Visit) const {
    for (size_t W = 0; W < Words.size(); ++W) {
      uint64_t Seen = 0;
      for (uint64_t Left; (Left = Words[W] & ~Seen) != 0;) {
        unsigned Bit = llvm::countr_zero(Left);
        // Members up to Bit are done; Visit only adds members above it.
        // (For Bit 63 the shift wraps to 0 and the mask is all ones.)
        Seen |= (uint64_t(2) << Bit) - 1;
        Visit(W * 64 + Bit);
      }
    }
  }
  void swap(StateSet &Other) noexcept { Words.swap(Other.Words); }

private:
  llvm::SmallVector<uint64_t, 2> Words;
};

} // namespace

bool Wildmatch::runAutomaton(llvm::StringRef Text, uint64_t &Taken) const {
  const size_t N = Tokens.size();
  // State I: Tokens[0, I) have matched the text read so far. Entered: the
  // states reached other than by a star taking one more character, which
  // are the only ones where a `**/` may still match nothing at all (git
  // tries that once, before the star takes anything: `a/**/b` does not
  // match "a/xb").
  StateSet Current(N + 1), Entered(N + 1), Next(N + 1), NextEntered(N + 1);
  auto Enter = [&](StateSet &S, StateSet &E, size_t I) {
    S.set(I);
    E.set(I);
  };
  // Every star may match nothing, and a `**/` just entered may also drop
  // its slash.
  auto SkipEmptyMatches = [&](StateSet &S, StateSet &E) {
    S.forEach([&](size_t I) {
      ++Taken;
      if (I == N || Tokens[I].K != GlobToken::Star)
        return;
      Enter(S, E, I + 1);
      if (Tokens[I].MayMatchNoDirectory && E.test(I))
        Enter(S, E, I + 2);
    });
  };
  Enter(Current, Entered, 0);
  SkipEmptyMatches(Current, Entered);
  for (char C : Text) {
    const unsigned char U = static_cast<unsigned char>(C);
    Next.clear();
    NextEntered.clear();
    Current.forEach([&](size_t I) {
      ++Taken;
      if (I == N)
        return;
      const GlobToken &T = Tokens[I];
      switch (T.K) {
      case GlobToken::Literal:
        if (C == T.Char)
          Enter(Next, NextEntered, I + 1);
        break;
      case GlobToken::AnyChar:
        if (C != '/')
          Enter(Next, NextEntered, I + 1);
        break;
      case GlobToken::Class:
        if (Classes[T.ClassIndex].test(U))
          Enter(Next, NextEntered, I + 1);
        break;
      case GlobToken::Star:
        if (T.CrossesSlash || C != '/')
          Next.set(I); // the star goes on: not entered afresh
        break;
      }
    });
    SkipEmptyMatches(Next, NextEntered);
    Current.swap(Next);
    Entered.swap(NextEntered);
    if (Current.none())
      break;
  }
  return Current.test(N);
}

// Git's dowild() over tokens, with its early aborts: AbortAll when the text
// ran out (no longer stretch for an enclosing star can help), and
// AbortToDoubleStar when a single star reached a '/' (only a `**` further
// out can move past it). Every step spends budget; Spent unwinds it all.
Wildmatch::Backtrack Wildmatch::backtrack(llvm::StringRef Text, size_t TI,
                                          size_t XI, uint64_t &Budget) const {
  for (; TI < Tokens.size(); ++TI, ++XI) {
    if (Budget == 0)
      return Backtrack::Spent;
    --Budget;
    const GlobToken &T = Tokens[TI];
    if (XI == Text.size() && T.K != GlobToken::Star)
      return Backtrack::AbortAll;
    switch (T.K) {
    case GlobToken::Literal:
      if (Text[XI] != T.Char)
        return Backtrack::NoMatch;
      continue;
    case GlobToken::AnyChar:
      if (Text[XI] == '/')
        return Backtrack::NoMatch;
      continue;
    case GlobToken::Class:
      if (!Classes[T.ClassIndex].test((unsigned char)Text[XI]))
        return Backtrack::NoMatch;
      continue;
    case GlobToken::Star:
      break;
    }

    // "a/**/b" also matches "a/b": try skipping the "**/" entirely.
    if (T.MayMatchNoDirectory) {
      Backtrack Skipped = backtrack(Text, TI + 2, XI, Budget);
      if (Skipped == Backtrack::Match || Skipped == Backtrack::Spent)
        return Skipped;
    }
    if (TI + 1 == Tokens.size()) {
      // A trailing `**` takes everything; a trailing `*` only the rest of
      // the last path component.
      if (T.CrossesSlash)
        return Backtrack::Match;
      if (Text.size() - XI > Budget)
        return Backtrack::Spent;
      Budget -= Text.size() - XI;
      return Text.find('/', XI) == llvm::StringRef::npos ? Backtrack::Match
                                                         : Backtrack::NoMatch;
    }
    const GlobToken &Next = Tokens[TI + 1];
    const bool NextIsPlainLiteral =
        Next.K == GlobToken::Literal && !Next.Escaped;
    if (!T.CrossesSlash && NextIsPlainLiteral && Next.Char == '/') {
      // `*/`: the star takes exactly the rest of this component.
      size_t Slash = Text.find('/', XI);
      if (Slash == llvm::StringRef::npos)
        return Backtrack::NoMatch;
      if (Slash - XI > Budget)
        return Backtrack::Spent;
      Budget -= Slash - XI;
      XI = Slash;
      ++TI; // the loop step consumes the slash on both sides
      continue;
    }
    for (; XI < Text.size(); ++XI) {
      if (NextIsPlainLiteral) {
        // Skip to the next place the following literal could match; the
        // characters skipped are work too.
        const size_t From = XI;
        while (XI < Text.size() && Text[XI] != Next.Char &&
               (T.CrossesSlash || Text[XI] != '/'))
          ++XI;
        if (XI - From > Budget)
          return Backtrack::Spent;
        Budget -= XI - From;
        if (XI == Text.size() || Text[XI] != Next.Char)
          return Backtrack::NoMatch;
      }
      Backtrack R = backtrack(Text, TI + 1, XI, Budget);
      if (R == Backtrack::Spent)
        return R;
      if (R != Backtrack::NoMatch) {
        if (!T.CrossesSlash || R != Backtrack::AbortToDoubleStar)
          return R;
      } else if (!T.CrossesSlash && Text[XI] == '/') {
        return Backtrack::AbortToDoubleStar;
      }
    }
    return Backtrack::AbortAll;
  }
  return XI == Text.size() ? Backtrack::Match : Backtrack::NoMatch;
}

bool Wildmatch::matches(llvm::StringRef Text, uint64_t *Steps,
                        Engine How) const {
  uint64_t Taken = 0;
  bool Matched = false;
  if (How == Engine::Automaton) {
    Matched = runAutomaton(Text, Taken);
  } else {
    const uint64_t Budget =
        How == Engine::Backtracking
            ? UINT64_MAX
            : 2 * (uint64_t(Tokens.size()) + 1) * (uint64_t(Text.size()) + 1);
    uint64_t Left = Budget;
    Backtrack R = backtrack(Text, 0, 0, Left);
    Taken = Budget - Left;
    Matched = R == Backtrack::Match;
    if (R == Backtrack::Spent)
      Matched = runAutomaton(Text, Taken);
  }
  if (Steps)
    *Steps += Taken;
  return Matched;
}

} // namespace aiprov
