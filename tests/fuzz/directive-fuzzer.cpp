//===--- directive-fuzzer.cpp - libFuzzer over lexing and region building -===//
//
// Any byte sequence is a possible source file: the collector, the parser and
// the region builder must never crash, and every region must lie inside the
// file with a well-formed hash.
//
//===----------------------------------------------------------------------===//
#include "aiprov/directives/Region.h"
#include "aiprov/directives/RegionBuilder.h"
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  // Seed the interesting word so most inputs reach the lexer.
  std::string Buffer = "// aiprov: ";
  Buffer.append(reinterpret_cast<const char *>(Data), Size);
  aiprov::FileRegions R = aiprov::analyzeBuffer(Buffer);
  for (const aiprov::Region &Reg : R.Regions)
    if (Reg.FirstLine < 1 || Reg.LastLine < Reg.FirstLine ||
        Reg.Hash.size() != 7 + 64)
      std::abort();
  return 0;
}
