//===--- TranslationUnitParser.h - AST mode for one compile command -------===//
//
// Parses one translation unit with its own flags from a compilation
// database (-fsyntax-only, no output files) and returns its main file's
// regions as AstDirectiveScanner found them.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_DIRECTIVES_TRANSLATIONUNITPARSER_H
#define AIPROV_DIRECTIVES_TRANSLATIONUNITPARSER_H

#include "aiprov/directives/Region.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace clang::tooling {
class CompilationDatabase;
} // namespace clang::tooling

namespace aiprov {

struct ParsedTranslationUnit {
  /// The regions, when the parse got far enough to run the hooks.
  std::optional<FileRegions> Regions;
  /// Empty on success; else "FILE:LINE:COL: error text" of the first error
  /// (a flag that doesn't parse, a missing header, a syntax error).
  std::string FirstError;
};

/// Thread-safe: each call has its own FileManager and working directory.
/// Unsaved, when given, is parsed in place of AbsoluteFile's contents on
/// disk (the editor's text, for the language server); the file's includes
/// are still read from disk.
ParsedTranslationUnit
parseTranslationUnit(const clang::tooling::CompilationDatabase &Database,
                     llvm::StringRef AbsoluteFile,
                     std::optional<llvm::StringRef> Unsaved = std::nullopt);

} // namespace aiprov

#endif
