//===--- RecordIdentity.cpp - Ids, timestamps and line fingerprints -------===//
//
// FNV-1a is written out rather than taken from a library so that a
// fingerprint stored in a committed ledger stays the same on every
// platform and LLVM version; the id comes from std::random_device because
// two writers in one workspace must never pick the same one.
//
//===----------------------------------------------------------------------===//
#include "aiprov/ledger/RecordIdentity.h"
#include <array>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <random>

namespace aiprov {

std::string newRecordId() {
  std::random_device Device;
  std::array<unsigned char, 16> Bytes{};
  for (size_t I = 0; I < Bytes.size(); I += 4) {
    unsigned Word = Device();
    for (size_t J = 0; J < 4; ++J)
      Bytes[I + J] = static_cast<unsigned char>(Word >> (8 * J));
  }
  Bytes[6] = (Bytes[6] & 0x0F) | 0x40; // Version 4.
  Bytes[8] = (Bytes[8] & 0x3F) | 0x80; // RFC 4122 variant.
  static const char Hex[] = "0123456789abcdef";
  std::string Id;
  for (size_t I = 0; I < Bytes.size(); ++I) {
    if (I == 4 || I == 6 || I == 8 || I == 10)
      Id += '-';
    Id += Hex[Bytes[I] >> 4];
    Id += Hex[Bytes[I] & 0x0F];
  }
  return Id;
}

std::string nowTimestamp() {
  std::time_t Now = std::time(nullptr);
  std::tm UTC{};
  gmtime_r(&Now, &UTC);
  std::array<char, 32> Text{};
  size_t N =
      std::strftime(Text.data(), Text.size(), "%Y-%m-%dT%H:%M:%SZ", &UTC);
  return std::string(Text.data(), N);
}

std::string fingerprintLine(llvm::StringRef Line) {
  uint64_t Hash = 0xcbf29ce484222325ULL;
  for (unsigned char C : Line.trim()) {
    Hash ^= C;
    Hash *= 0x100000001b3ULL;
  }
  std::array<char, 17> Text{};
  std::snprintf(Text.data(), Text.size(), "%016llx",
                static_cast<unsigned long long>(Hash));
  return std::string(Text.data(), 16);
}

std::vector<std::string> fingerprintLines(llvm::StringRef Text) {
  std::vector<std::string> Prints;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Prints.push_back(fingerprintLine(Line.rtrim('\r')));
    Text = Rest;
  }
  return Prints;
}

} // namespace aiprov
