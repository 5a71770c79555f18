//===--- YamlNesting.cpp - A depth-limited walk over LLVM's YAML nodes ----===//
//
// The walk has to mirror how the parser is meant to be driven: each child
// is walked to its end before its collection's iterator advances, since
// advancing past a child that is not yet consumed calls Node::skip on it,
// the very recursion this walk exists to avoid. Consumed collections make
// skip a no-op, so the later parses (YAML I/O, the surprise scan) start
// from an unchanged text and see the same tree.
//
//===----------------------------------------------------------------------===//
#include "aiprov/policy/YamlNesting.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include <vector>

namespace aiprov {
namespace {

namespace yaml = llvm::yaml;

/// Where a collection node was written. Its range starts at the token
/// after its opening `[` or `{` (the parser eats that first), so step back
/// over white space to the bracket; block collections start at their first
/// `-` or key already.
const char *writtenStart(const yaml::Node &N, llvm::StringRef Text) {
  const char *Start = N.getSourceRange().Start.getPointer();
  if (!Start || Start < Text.begin() || Start > Text.end())
    return Text.begin();
  for (const char *P = Start; P > Text.begin();) {
    char C = *--P;
    if (C == '[' || C == '{')
      return P;
    if (C != ' ' && C != '\t' && C != '\n' && C != '\r')
      break;
  }
  return Start;
}

/// One node being walked: a collection and how far its iteration got, or
/// a key/value pair and which half comes next.
struct Frame {
  yaml::SequenceNode *Sequence = nullptr;
  yaml::MappingNode *Mapping = nullptr;
  yaml::KeyValueNode *Pair = nullptr;
  yaml::SequenceNode::iterator SequenceAt;
  yaml::MappingNode::iterator MappingAt;
  /// Sequence, Mapping: begin() was called. Pair: 0 key next, 1 value
  /// next, 2 done.
  unsigned Stage = 0;
};

class DepthWalk {
public:
  DepthWalk(llvm::StringRef Text, unsigned MaxDepth)
      : Text(Text), MaxDepth(MaxDepth) {}

  /// Walks Root; returns where the first too-deep collection starts, or
  /// null.
  const char *walk(yaml::Node *Root) {
    Stack.clear();
    Depth = 0;
    if (const char *Deep = enter(Root))
      return Deep;
    while (!Stack.empty()) {
      yaml::Node *Child = nullptr;
      if (!next(Stack.back(), Child)) {
        if (!Stack.back().Pair)
          --Depth;
        Stack.pop_back();
        continue;
      }
      if (const char *Deep = enter(Child))
        return Deep;
    }
    return nullptr;
  }

private:
  llvm::StringRef Text;
  unsigned MaxDepth;
  unsigned Depth = 0;
  std::vector<Frame> Stack;

  /// Pushes N if it has children; the position of N when that makes it
  /// too deep.
  const char *enter(yaml::Node *N) {
    Frame F;
    if (auto *S = llvm::dyn_cast_or_null<yaml::SequenceNode>(N))
      F.Sequence = S;
    else if (auto *M = llvm::dyn_cast_or_null<yaml::MappingNode>(N))
      F.Mapping = M;
    else if (auto *KV = llvm::dyn_cast_or_null<yaml::KeyValueNode>(N))
      F.Pair = KV;
    else
      return nullptr; // scalars, aliases, nulls: nothing below
    if (!F.Pair && ++Depth > MaxDepth)
      return writtenStart(*N, Text);
    Stack.push_back(F);
    return nullptr;
  }

  /// The frame's next child, whose walk must finish before this is called
  /// again; false when the frame is done.
  static bool next(Frame &F, yaml::Node *&Child) {
    if (F.Pair) {
      if (F.Stage == 2)
        return false;
      Child = F.Stage++ == 0 ? F.Pair->getKey() : F.Pair->getValue();
      return true;
    }
    if (F.Sequence)
      return nextIn(*F.Sequence, F.SequenceAt, F.Stage, Child);
    return nextIn(*F.Mapping, F.MappingAt, F.Stage, Child);
  }

  /// One step of a sequence's or a mapping's children (their iterators
  /// differ in type, not in use): the first on Stage 0, then the next.
  template <typename Collection, typename Iterator>
  static bool nextIn(Collection &C, Iterator &At, unsigned &Stage,
                     yaml::Node *&Child) {
    if (Stage == 0) {
      At = C.begin();
      Stage = 1;
    } else {
      ++At;
    }
    if (At == C.end())
      return false;
    Child = &*At;
    return true;
  }
};

} // namespace

const char *findNestingDeeperThan(llvm::StringRef Text, unsigned MaxDepth) {
  llvm::SourceMgr Quiet; // the real parse reports syntax errors
  Quiet.setDiagHandler([](const llvm::SMDiagnostic &, void *) {});
  yaml::Stream Documents(llvm::MemoryBufferRef(Text, "<nesting>"), Quiet);
  DepthWalk Walk(Text, MaxDepth);
  for (yaml::Document &Doc : Documents)
    if (const char *Deep = Walk.walk(Doc.getRoot()))
      return Deep; // stop here: advancing would skip() the rest
  return nullptr;
}

} // namespace aiprov
