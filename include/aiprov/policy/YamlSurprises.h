//===--- YamlSurprises.h - YAML that YAML I/O would misread or drop -------===//
//
// A policy is plain data, but YAML gives some leading characters a meaning:
// an unquoted pattern that starts with `!` is a tag, with `*` an alias, with
// `&` an anchor, and a `---` starts a second document. YAML I/O misreports
// the first three ("unknown node kind") or reads them as something else,
// and silently drops every document after the first. These find them, so
// the policy parser can report each at its own position, with a hint.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_POLICY_YAMLSURPRISES_H
#define AIPROV_POLICY_YAMLSURPRISES_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace aiprov {

/// A tag, alias, anchor or further document, and what to write instead.
struct YamlSurprise {
  /// Where it was written in the text that was scanned.
  const char *Where;
  std::string Message;
};

/// The first surprise in Text, in document order, found by a pass with the
/// plain YAML parser; Path names the buffer. Syntax errors are left to
/// YAML I/O, which reports them. Recurses once per level of nesting, so
/// Text must have passed findNestingDeeperThan (YamlNesting.h) first.
std::optional<YamlSurprise> scanForSurprises(llvm::StringRef Text,
                                             llvm::StringRef Path);

/// A tag on an empty node vanishes from the node tree: "- !gen/keep.cpp"
/// parses as a null entry, which YAML I/O then calls the wrong type. So when
/// YAML I/O failed, this looks for a block-list entry starting with `!`,
/// `*` or `&` at or before the 1-based line it failed on.
std::optional<YamlSurprise> findUnquotedEntry(llvm::StringRef Text,
                                              unsigned UpToLine);

} // namespace aiprov

#endif
