//===--- JsonAccess.cpp - Reading members of untrusted JSON ---------------===//

#include "aiprov/support/JsonAccess.h"

namespace aiprov {

const nlohmann::json *member(const nlohmann::json &Object, const char *Key) {
  if (!Object.is_object())
    return nullptr;
  auto It = Object.find(Key);
  return It == Object.end() ? nullptr : &*It;
}

std::string stringOr(const nlohmann::json &Object, const char *Key,
                     llvm::StringRef Default) {
  const nlohmann::json *V = member(Object, Key);
  return V && V->is_string() ? V->get<std::string>() : Default.str();
}

} // namespace aiprov
