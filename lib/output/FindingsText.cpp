//===--- TextOutput.cpp - clang-style findings for people and editors -----===//
//
// `aiprov check` prints exactly what clang and clang-tidy print, so every
// editor's and CI system's problem matcher already understands it:
//   path:line:col: error: MESSAGE [check-name]
// one finding per line and nothing else; run errors go to stderr from the
// CLI, never through here.
//
//===----------------------------------------------------------------------===//
#include "aiprov/output/FindingsOutput.h"
#include "llvm/ADT/StringExtras.h"

namespace aiprov {
namespace {

/// A policy's `message:` may be a multi-line YAML string; a line break would
/// split one finding over several lines and break problem matchers. Other
/// control bytes (a NUL in a directive value, an escape sequence that would
/// repaint the terminal) are written as `\xNN`, so what a finding says is
/// exactly what a person reads.
void writeOneLine(llvm::StringRef Text, llvm::raw_ostream &OS) {
  for (char C : Text) {
    auto Byte = static_cast<unsigned char>(C);
    if (C == '\n' || C == '\r')
      OS << ' ';
    else if ((Byte < 0x20 && C != '\t') || Byte == 0x7f)
      OS << "\\x" << llvm::hexdigit(Byte >> 4, /*LowerCase=*/true)
         << llvm::hexdigit(Byte & 0xf, /*LowerCase=*/true);
    else
      OS << C;
  }
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
