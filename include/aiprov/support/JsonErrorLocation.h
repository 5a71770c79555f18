//===--- JsonErrorLocation.h - Where and why text is not JSON -------------===//
//
// nlohmann::json says only that a text is not JSON, or, in its exception, a
// count of characters read and a column that is 0 on a newline. Someone
// fixing a payload by hand wants the line and column of the character that
// stopped the parser, as a compiler prints them, and the reason.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SUPPORT_JSONERRORLOCATION_H
#define AIPROV_SUPPORT_JSONERRORLOCATION_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace aiprov {

/// "line L, column C: reason" (both 1-based, lines ending at "\n") for
/// Text, which nlohmann::json::parse has refused; the reason is
/// nlohmann's, without its exception id and position.
std::string describeJsonError(llvm::StringRef Text);

} // namespace aiprov

#endif
