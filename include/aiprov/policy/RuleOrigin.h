//===--- RuleOrigin.h - Which policy line decided -------------------------===//
//
// A verdict names the rule that produced it, so that every finding can point
// a user at the line of .aiprov.yaml (or of an ignore file) to look at.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_POLICY_RULEORIGIN_H
#define AIPROV_POLICY_RULEORIGIN_H

#include <string>

namespace aiprov {

struct RuleOrigin {
  std::string File; // absolute path of .aiprov.yaml or of an ignore file
  unsigned Line = 0;
  std::string Text; // short description, e.g. "rule 1: ai: forbid"
};

} // namespace aiprov

#endif
