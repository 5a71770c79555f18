//===--- TextOutput.cpp - clang-style findings for people and editors ----===//
//
// `aiprov check` prints exactly what clang and clang-tidy print, so every
// editor's and CI system's problem matcher already understands it:
//   path:line:col: error: MESSAGE [check-name]
// one finding per line and nothing else; run errors go to stderr from the
// CLI, never through here.
//
//===----------------------------------------------------------------------===//
#include "aiprov/Output.h"

namespace aiprov {
namespace {

/// A policy's `message:` may be a multi-line YAML string; a line break would
/// split one finding over several lines and break problem matchers.
void writeOneLine(llvm::StringRef Text, llvm::raw_ostream &OS) {
  for (char C : Text)
    OS << (C == '\n' || C == '\r' ? ' ' : C);
}

} // namespace

void renderText(const CheckReport &Report, llvm::raw_ostream &OS) {
  for (const Finding &F : Report.Findings) {
    writeOneLine(F.File, OS);
    OS << ':' << F.Where.Line << ':' << F.Where.Column << ": "
       << severityName(F.Level) << ": ";
    writeOneLine(F.Message, OS);
    OS << " [" << checkInfo(F.Check).Name << "]\n";
  }
}

} // namespace aiprov
