//===--- Directive.h - One aiprov directive found in a file ---------------===//
//
// A directive is what a user wrote to mark AI-assisted code: a comment
// (`// aiprov: begin tool=…`), a `#pragma aiprov` line, a `_Pragma`, or a
// `[[clang::annotate("aiprov", …)]]` attribute (SPEC §1). However it was
// found, it ends up as this one struct, so region building, hashing and the
// checks never care which front end or mode produced it.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_DIRECTIVES_DIRECTIVE_H
#define AIPROV_DIRECTIVES_DIRECTIVE_H

#include "aiprov/support/SourceText.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace aiprov {

enum class DirectiveKind { Begin, End, Line, NextLine, File };

/// Where a region came from; these are the names `export` prints.
enum class RegionSource { Annotation, Pragma, Attribute, Ledger };

llvm::StringRef kindName(DirectiveKind K);
llvm::StringRef sourceName(RegionSource S);

struct KeyValue {
  std::string Key;
  std::string Value;
  friend bool operator==(const KeyValue &, const KeyValue &) = default;
};

/// The value of Key among Keys, if it is there.
std::optional<llvm::StringRef> findKey(llvm::ArrayRef<KeyValue> Keys,
                                       llvm::StringRef Key);

/// A syntax or structure error, reported as aiprov-malformed-annotation.
struct DirectiveProblem {
  Position Where;
  std::string Message;
};

struct Directive {
  DirectiveKind Kind = DirectiveKind::Line;
  RegionSource Source = RegionSource::Annotation;
  /// Where the `//`, `/*`, `#` or attribute starts.
  Position Start;
  /// The line holding the directive's last byte (a block comment or a
  /// spliced `//` comment may span lines; `next-line` counts from here).
  unsigned LastLine = 0;
  /// Byte span of the directive's own text in the file buffer: the comment
  /// the lexer found, or the whole `#pragma aiprov` line. Empty for
  /// `_Pragma` and attributes, whose text stays part of the hashed code.
  size_t TextBegin = 0, TextEnd = 0;
  /// For attributes: the last line of the annotated declaration.
  unsigned DeclLastLine = 0;
  /// The valid keys, in source order (invalid ones were reported).
  std::vector<KeyValue> Keys;
  /// The declaration the directive sits in (AST mode), e.g.
  /// "function 'Task::score'"; empty when unknown.
  std::string EnclosingDecl;

  /// The value of Key, if the directive has it.
  std::optional<llvm::StringRef> get(llvm::StringRef Key) const;
};

/// What the body of a directive says, before it is placed in a file.
struct ParsedBody {
  std::optional<DirectiveKind> Kind; // None: unknown or missing kind.
  std::vector<KeyValue> Keys;
  /// Problems with the byte offset (into the body) where each was found.
  std::vector<std::pair<size_t, std::string>> Problems;
};

/// Parses "KIND KEY=VALUE …", the text after `aiprov:` in a comment or
/// after `aiprov` in a pragma. Never fails: every problem is listed.
/// Whitespace includes newlines (block comments may span lines).
ParsedBody parseDirectiveBody(llvm::StringRef Body);

/// Parses just "KEY=VALUE …" (the attribute form, which has no kind).
ParsedBody parseDirectiveKeys(llvm::StringRef Text);

/// Text with `\`-newline splices removed (SPEC §1: comments are read after
/// line splicing), plus a map from each kept byte back to its offset in the
/// original, so problems are reported at their real line and column.
struct SplicedText {
  std::string Text;
  std::vector<size_t> OriginalOffset; // Size Text.size() + 1.
};
SplicedText removeLineSplices(llvm::StringRef Raw);

/// A comment that is an aiprov directive: its spliced text (without a
/// closing `*/`) and where the body, after `aiprov:`, starts in it.
struct CommentDirective {
  SplicedText Spliced;
  size_t BodyOffset = 0;
  llvm::StringRef body() const {
    return llvm::StringRef(Spliced.Text).substr(BodyOffset);
  }
};

/// Classifies one comment exactly as lexed (`//…` or `/*…*/`, splices
/// included). Doc comments (`///`, `//!`, `/**`, `/*!`) are never
/// directives; otherwise the text after `//` or `/*` and any spaces or tabs
/// must start with exactly `aiprov:`.
std::optional<CommentDirective> asCommentDirective(llvm::StringRef Comment);

/// Cheap test run before lexing: false means the buffer cannot hold a
/// directive, so most files of a project are never lexed.
bool mayContainDirective(llvm::StringRef Buffer);

/// White space between a directive's words (C's isspace in the C locale).
bool isDirectiveSpace(char C);

/// A value as a directive writes it (the inverse of the parser): bare if it can
/// be, else double-quoted with `\` and `"` escaped (SPEC §1).
std::string formatDirectiveValue(llvm::StringRef Value);

} // namespace aiprov

#endif
