//===--- JsonAccess.h - Reading members of untrusted JSON -----------------===//
//
// Ledger lines and hook payloads are JSON that anyone could have written.
// nlohmann::json's operator[] and get<> throw (or assert) on a missing key
// or a wrong type; these never do, so a hostile document is only ever "a
// member is missing".
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SUPPORT_JSONACCESS_H
#define AIPROV_SUPPORT_JSONACCESS_H

#include "llvm/ADT/StringRef.h"
#include <nlohmann/json.hpp>
#include <string>

namespace aiprov {

/// Object's member Key, or null when Object is not an object or has none.
const nlohmann::json *member(const nlohmann::json &Object, const char *Key);

/// Object's member Key when it is a string, else Default.
std::string stringOr(const nlohmann::json &Object, const char *Key,
                     llvm::StringRef Default = "");

} // namespace aiprov

#endif
