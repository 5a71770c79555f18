//===--- hook-payload-fuzzer.cpp - libFuzzer over the agents' hook JSON ---===//
//
// A hook payload is JSON an agent writes about files whose contents (and
// so whose quoted old and new text) anyone with commit access chose. The
// same bytes go to each agent's parser (Claude Code, Cursor, Codex): none
// may crash, and what they return keeps HookPayload.h's promises (absolute
// file names, a Note only when nothing is to be recorded). Every edit is
// then located in a small fixed file and in a file made of its own texts,
// so both the "not found" and the "found, maybe several times" paths run,
// and the lines found must be sorted, merged and inside the file.
//
// A Claude Code payload names a transcript the parser reads (for the
// model): fuzzed input may name any file, which is only ever read.
//
//===----------------------------------------------------------------------===//
#include "aiprov/hooks/EditLocator.h"
#include "aiprov/hooks/HookPayload.h"
#include "aiprov/support/SourceText.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Path.h"
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

constexpr llvm::StringLiteral FileText = "#include <vector>\n"
                                         "  int y = 2;\n"
                                         "  return y;\n"
                                         "}\n"
                                         "int g() {\n"
                                         "  return 0;\n"
                                         "}\n";

void checkLocated(const aiprov::LocatedLines &Found, llvm::StringRef Content) {
  unsigned Lines = aiprov::LineTable(Content).lineCount();
  unsigned PreviousLast = 0;
  for (const aiprov::LineRange &R : Found.Ranges) {
    // Sorted and merged: each range starts after the previous one ends
    // (adjacent ones are merged too).
    if (R.First < 1 || R.First > R.Last || R.Last > Lines ||
        (PreviousLast && R.First <= PreviousLast + 1))
      std::abort();
    PreviousLast = R.Last;
  }
  for (const std::string &Why : Found.Unplaced)
    if (Why.empty())
      std::abort();
}

void checkPayload(const aiprov::HookPayload &P) {
  if (!P.Edits.empty() && !P.Note.empty())
    std::abort();
  std::string Own;
  for (const aiprov::HookEdit &E : P.Edits) {
    if (!llvm::sys::path::is_absolute(E.File))
      std::abort();
    for (const aiprov::WrittenText &T : E.Texts) {
      Own += T.Text;
      Own += '\n';
      unsigned TextLines = aiprov::LineTable(T.Text).lineCount();
      for (unsigned Index : T.OwnLines)
        if (Index >= TextLines)
          std::abort();
    }
    checkLocated(aiprov::locateEdit(E, FileText), FileText);
    checkLocated(aiprov::locateEdit(E, Own), Own);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Json(reinterpret_cast<const char *>(Data), Size);
  for (aiprov::HookAgent Agent :
       {aiprov::HookAgent::ClaudeCode, aiprov::HookAgent::Cursor,
        aiprov::HookAgent::Codex}) {
    llvm::Expected<aiprov::HookPayload> P =
        aiprov::parseHookPayload(Agent, Json);
    if (!P) {
      // toString consumes the error, as an unchecked one would abort.
      if (llvm::toString(P.takeError()).empty())
        std::abort();
      continue;
    }
    checkPayload(*P);
  }
  return 0;
}
