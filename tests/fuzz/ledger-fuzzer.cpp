//===--- ledger-fuzzer.cpp - libFuzzer over reading a ledger --------------===//
//
// A ledger (.aiprov/ledger.jsonl) or an Agent Trace file is written by
// whoever can commit to the repository, so any bytes are a possible
// ledger: Ledger::parse must never crash, must warn in the format it
// promises, and every record it returns must keep LedgerRecord's promises
// (1-based lines, StartLine <= EndLine, one fingerprint per line when
// there are any). Each record then goes back through toJson/fromJson, and
// all of them are placed in a small file, as `aiprov check` and the
// language server do with the records of the file they look at.
//
//===----------------------------------------------------------------------===//
#include "aiprov/ledger/Ledger.h"
#include "aiprov/ledger/LedgerRegions.h"
#include "aiprov/support/SourceText.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

constexpr llvm::StringLiteral Path = "/fuzz/.aiprov/ledger.jsonl";

/// "PATH:LINE:1: warning: skipped: WHY" with LINE within the text.
void checkWarning(llvm::StringRef Warning, llvm::StringRef Text) {
  llvm::StringRef Rest = Warning;
  unsigned Line = 0;
  if (!Rest.consume_front(Path) || !Rest.consume_front(":") ||
      Rest.consumeInteger(10, Line) || !Rest.consume_front(":1: warning: ") ||
      Line < 1 || Line > Text.count('\n') + 1)
    std::abort();
}

void checkRecord(const aiprov::LedgerRecord &R) {
  if (R.StartLine < 1 || R.StartLine > R.EndLine)
    std::abort();
  if (!R.LineFingerprints.empty() &&
      R.LineFingerprints.size() != R.EndLine - R.StartLine + 1)
    std::abort();
}

/// What every file the fuzzed records may name holds: a few lines the
/// fingerprints of a well-formed seed can match, and some they cannot.
constexpr llvm::StringLiteral Contents = "#pragma once\n"
                                         "// Parses the header.\n"
                                         "int parse();\n"
                                         "int a = 0;\n"
                                         "\n"
                                         "  return y;\n"
                                         "}\n";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  aiprov::LedgerReadResult Read = aiprov::Ledger::parse(Text, Path);
  for (const std::string &Warning : Read.Warnings)
    checkWarning(Warning, Text);
  std::vector<const aiprov::LedgerRecord *> Records;
  for (const aiprov::LedgerRecord &R : Read.Records) {
    checkRecord(R);
    Records.push_back(&R);
    // What aiprov writes, it reads back: the language server and `aiprov
    // review` write records built from what they read.
    llvm::Expected<std::vector<aiprov::LedgerRecord>> Again =
        aiprov::LedgerRecord::fromJson(R.toJson());
    if (!Again) {
      llvm::consumeError(Again.takeError());
      continue;
    }
    for (const aiprov::LedgerRecord &A : *Again)
      checkRecord(A);
  }
  aiprov::LineTable Lines(Contents);
  aiprov::PlacedRecords Placed =
      aiprov::placeRecords(Records, Contents, Lines, "/fuzz");
  // A region is on lines of the file: findings and the editor show it
  // there.
  for (const aiprov::Region &R : Placed.Regions)
    if (R.FirstLine < 1 || R.FirstLine > R.LastLine ||
        R.LastLine > Lines.lineCount())
      std::abort();
  return 0;
}
