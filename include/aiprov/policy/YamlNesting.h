//===--- YamlNesting.h - Refuse YAML nested deeper than a reader needs ----===//
//
// LLVM's YAML parser builds nodes lazily, but everything that consumes the
// tree (YAML I/O, Node::skip) recurses once per level of nesting: a policy
// of 40,000 `[` or 30,000 `{a: ` overflows the stack. Before any of that
// runs, this walks the same parser's nodes with an explicit stack and stops
// at the first node nested too deep, so the caller can report it at its
// line and column instead of crashing.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_POLICY_YAMLNESTING_H
#define AIPROV_POLICY_YAMLNESTING_H

#include "llvm/ADT/StringRef.h"

namespace aiprov {

/// The first list or mapping of Text, in document order and over every
/// document, that lies more than MaxDepth lists and mappings deep (the
/// outermost one is depth 1), as a pointer to where it was written in
/// Text: its `[`, `{`, first `-` or first key. Null when none does. Walks
/// only as far as that node, or as far as the parser gets before a syntax
/// error (whatever follows one is never parsed by anyone), so its stack
/// use is constant and its work at most linear in Text.
const char *findNestingDeeperThan(llvm::StringRef Text, unsigned MaxDepth);

} // namespace aiprov

#endif
