//===--- AstDirectives.h - Directives seen by a real compile --------------===//
//
// AST mode (SPEC §1): while clang parses a translation unit, a
// CommentHandler, the `#pragma aiprov` handler (which also receives
// `_Pragma("aiprov …")`), a PPCallbacks for skipped `#if` ranges and an
// ASTConsumer reading `[[clang::annotate("aiprov", …)]]` feed one
// DirectiveCollector for the main file. The consumer also names each
// region's enclosing declaration. `aiprov check -p`, the compiler plugin and
// the clang-tidy module all install exactly this, so they report the same
// findings.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_DIRECTIVES_ASTDIRECTIVES_H
#define AIPROV_DIRECTIVES_ASTDIRECTIVES_H

#include "aiprov/directives/Region.h"
#include <memory>

namespace clang {
class ASTConsumer;
class Preprocessor;
} // namespace clang

namespace aiprov {

class AstDirectiveScanner {
public:
  /// Installs the hooks on PP, whose main file must be entered (call from
  /// CreateASTConsumer, or a clang-tidy check's registerPPCallbacks).
  explicit AstDirectiveScanner(clang::Preprocessor &PP);
  ~AstDirectiveScanner();

  /// The consumer that reads attributes and declaration ranges at the end
  /// of the translation unit. The scanner must outlive it.
  std::unique_ptr<clang::ASTConsumer> createConsumer();

  /// After the parse: the main file's regions, with enclosing declarations.
  FileRegions finish();

  struct Impl;

private:
  std::unique_ptr<Impl> TheImpl;
};

} // namespace aiprov

#endif
