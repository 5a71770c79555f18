//===--- RecordIdentity.h - Ids, timestamps and line fingerprints ---------===//
//
// What a new ledger record is stamped with, and how its lines are
// recognised later: a random id, the time, and a hash per line that
// survives re-indentation. The fingerprints are part of the ledger format
// (docs/ledger.md), so they must never change with the platform or the
// LLVM version; hence a hash written out here rather than a library's.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_LEDGER_RECORDIDENTITY_H
#define AIPROV_LEDGER_RECORDIDENTITY_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace aiprov {

/// A fresh UUID v4 from std::random_device (the kernel's getrandom).
std::string newRecordId();

/// The current time as RFC 3339 UTC with a `Z`, to the second.
std::string nowTimestamp();

/// 64-bit FNV-1a of Line with leading and trailing whitespace trimmed, as
/// 16 lower-case hex digits. Stable across platforms and LLVM versions.
std::string fingerprintLine(llvm::StringRef Line);

/// fingerprintLine() of each line of Text (split on \n, a \r before it
/// dropped); a final line without \n counts, an empty Text has no lines.
std::vector<std::string> fingerprintLines(llvm::StringRef Text);

} // namespace aiprov

#endif
