//===--- Version.h - aiprov's version, one place for every front end ------===//
#ifndef AIPROV_SUPPORT_VERSION_H
#define AIPROV_SUPPORT_VERSION_H

namespace aiprov {
/// Semantic version; printed by --version and written into SARIF and exports.
inline constexpr const char *Version = "0.1.0";
inline constexpr const char *InformationUri =
    "https://github.com/aiprov/aiprov";
} // namespace aiprov

#endif
