//===--- CheckReport.h - What `aiprov check` found ------------------------===//
//
// One report for every renderer (text, JSON, SARIF), so the formats can never
// disagree about what was found.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_CHECK_CHECKREPORT_H
#define AIPROV_CHECK_CHECKREPORT_H

#include "aiprov/check/Finding.h"
#include <string>
#include <vector>

namespace aiprov {

struct CheckReport {
  std::vector<Finding> Findings; // sorted with sortFindings
  /// Problems that make the run untrustworthy (exit 2): unreadable files,
  /// broken policies, bad compile commands. Each names what and where.
  std::vector<std::string> Errors;
  /// Problems that don't change the exit status (skipped ledger lines).
  std::vector<std::string> Warnings;
  unsigned FilesChecked = 0;
};

} // namespace aiprov

#endif
