//===--- DirectiveCollector.h - Gathers one file's directives -------------===//
//
// The single place where comment and pragma text becomes Directives. Lexer
// mode feeds it by raw-lexing the whole file (scanRange); AST mode feeds it
// from a clang::CommentHandler, the `#pragma aiprov` handler, `_Pragma`,
// skipped `#if` ranges (raw-lexed again with scanRange) and AnnotateAttrs.
// Because both modes go through the same calls, they agree by construction.
//
// Not thread-safe: one collector per file per thread.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_DIRECTIVES_DIRECTIVECOLLECTOR_H
#define AIPROV_DIRECTIVES_DIRECTIVECOLLECTOR_H

#include "aiprov/directives/Directive.h"
#include "aiprov/support/SourceText.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace aiprov {

/// Everything found in one file, ready for region building.
struct CollectedDirectives {
  /// Well-formed enough to take effect, sorted by start position.
  std::vector<Directive> Directives;
  /// Syntax problems (aiprov-malformed-annotation), sorted by position.
  std::vector<DirectiveProblem> Problems;
  /// Byte spans of every aiprov comment and `#pragma aiprov` line,
  /// including those whose kind was unknown: the region hash deletes them.
  std::vector<std::pair<size_t, size_t>> TextSpans;
};

class DirectiveCollector {
public:
  /// Buffer must outlive the collector and be NUL-terminated just past its
  /// end (llvm::MemoryBuffer and std::string are), as clang's lexer needs.
  explicit DirectiveCollector(llvm::StringRef Buffer);

  const LineTable &lines() const { return Lines; }
  llvm::StringRef buffer() const { return Buffer; }

  /// Raw-lexes [Begin, End) of the buffer as C++23 for comments and
  /// `#pragma aiprov` lines. Begin must be at a token boundary.
  void scanRange(size_t Begin, size_t End);
  void scanAll() { scanRange(0, Buffer.size()); }

  /// A comment token occupying [Begin, End) of the buffer.
  void addComment(size_t Begin, size_t End);

  /// A `#pragma aiprov` line: the `#` at HashOffset, the body (after
  /// `aiprov`) in [BodyBegin, BodyEnd).
  void addPragmaLine(size_t HashOffset, size_t BodyBegin, size_t BodyEnd);

  /// `_Pragma("aiprov …")` starting at Offset, with its destringized body.
  void addPragmaOperator(size_t Offset, llvm::StringRef Body);

  /// `[[clang::annotate("aiprov", "KEYS")]]` whose attribute starts at
  /// AttrOffset, on a declaration ending at line DeclLastLine. KeysOffset
  /// is where KEYS starts in the buffer, when it is spelled there (for
  /// exact problem columns); otherwise problems point at the attribute.
  void addAttribute(size_t AttrOffset, unsigned DeclLastLine,
                    llvm::StringRef Keys, std::optional<size_t> KeysOffset,
                    std::string EnclosingDecl);

  /// A problem found by a front end (e.g. an attribute argument that is not
  /// a string literal), reported as aiprov-malformed-annotation.
  void addProblem(size_t Offset, std::string Message);

  /// Sorts and de-duplicates (a pragma seen both by the handler and by a
  /// re-lex is kept once), then hands the result over.
  CollectedDirectives take();

private:
  /// Records D with Body's keys and problems; ToBuffer maps an offset in
  /// the parsed text back to the buffer.
  void addParsedBody(Directive D, const ParsedBody &Body,
                     llvm::function_ref<size_t(size_t)> ToBuffer);

  llvm::StringRef Buffer;
  LineTable Lines;
  CollectedDirectives Result;
};

} // namespace aiprov

#endif
