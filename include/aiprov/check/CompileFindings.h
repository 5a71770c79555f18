//===--- CompileFindings.h - The findings of one compile, for clang -------===//
//
// What the compiler plugin and the clang-tidy module share: hooked into the
// preprocessor of a compile that is happening anyway, it collects the
// directives (AstDirectiveScanner), and after the parse turns them into the
// SPEC §3 findings of the main file, and optionally of the project's own
// headers, each at a SourceLocation clang can print. Policy and ledger work
// is the engine's (PolicyResolver, LedgerCache, checkRegions), exactly as
// in `aiprov check -p`, so all three agree.
//
// Compiles that happen elsewhere see text that went through a
// preprocessor: `-E` output (comments gone unless -C; `#pragma aiprov`
// kept) or `-frewrite-includes` output (comments kept). Both carry line
// markers naming the files the text came from; findings are grouped by
// those files, judged by their policies and reported at their lines.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_CHECK_COMPILEFINDINGS_H
#define AIPROV_CHECK_COMPILEFINDINGS_H

#include "aiprov/check/Finding.h"
#include "clang/Basic/SourceLocation.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTConsumer;
class Preprocessor;
} // namespace clang

namespace aiprov {

struct CompileOptions {
  /// `policy=FILE`: one policy for every file; empty: each file's nearest
  /// .aiprov.yaml, as `aiprov check` finds it.
  std::string PolicyFile;
  /// `ledger=PATH`: the workspace whose ledger to read (its root, or its
  /// .aiprov/ledger.jsonl), for builds whose sources are not in a checkout;
  /// empty: each file's own workspace.
  std::string Ledger;
  /// Also report the project's own headers (never system headers).
  bool Headers = false;
  /// The compile's input is preprocessed (`-x c++-cpp-output`, `.ii`).
  bool PreprocessedInput = false;
};

/// One finding where clang shows it.
struct CompileFinding {
  Finding What;
  clang::SourceLocation Where;
  /// The policy rule behind it (its line in .aiprov.yaml or the ignore
  /// file); invalid when none.
  clang::SourceLocation RuleWhere;
};

struct CompileReport {
  std::vector<CompileFinding> Findings;
  /// Problems that are not findings (a broken policy), with where to show
  /// them; one each.
  std::vector<std::pair<clang::SourceLocation, std::string>> Errors;
  /// Preprocessed input without a single comment directive: they were
  /// probably stripped, and the compile should say so (once).
  bool CommentsStripped = false;
  clang::SourceLocation MainFileStart;
};

class CompileFindings {
public:
  /// Installs the hooks on PP (its main file entered).
  CompileFindings(clang::Preprocessor &PP, CompileOptions Options);
  ~CompileFindings();
  CompileFindings(const CompileFindings &) = delete;
  CompileFindings &operator=(const CompileFindings &) = delete;

  /// Reads attributes at the end of the translation unit; must run before
  /// finish(). The scanner outlives it.
  std::unique_ptr<clang::ASTConsumer> createConsumer();

  /// After the parse: every finding of the main file (and its own headers
  /// when asked), sorted, each file once.
  CompileReport finish();

  struct Impl;

private:
  std::unique_ptr<Impl> TheImpl;
};

} // namespace aiprov

#endif
