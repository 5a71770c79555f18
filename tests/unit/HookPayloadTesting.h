//===--- HookPayloadTesting.h - Helpers for the agents' hook tests --------===//
//
// Each agent's tests (ClaudeCodeHookTests.cpp, CursorHookTests.cpp,
// CodexHookTests.cpp) go from a payload to the lines locateEdit() finds in
// the file as it is now, since that is what reaches the ledger; they share
// the way there and one file to find the lines in.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_TESTS_HOOKPAYLOADTESTING_H
#define AIPROV_TESTS_HOOKPAYLOADTESTING_H

#include "aiprov/hooks/EditLocator.h"
#include "aiprov/hooks/HookPayload.h"
#include "llvm/ADT/StringRef.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace aiprov {

/// The lines Edit occupies in Content, expecting every text to be placed.
inline std::vector<LineRange> linesOf(const HookEdit &Edit,
                                      llvm::StringRef Content) {
  LocatedLines L = locateEdit(Edit, Content);
  EXPECT_THAT(L.Unplaced, ::testing::IsEmpty());
  return L.Ranges;
}

/// Payload parsed as Agent's, expecting it to parse.
inline HookPayload parse(HookAgent Agent, const nlohmann::json &Payload) {
  auto P = parseHookPayload(Agent, Payload.dump());
  EXPECT_TRUE(bool(P));
  if (!P) {
    ADD_FAILURE() << llvm::toString(P.takeError());
    return {};
  }
  return std::move(*P);
}

/// The error parsing Text as Agent's payload gives, or "<parsed>".
inline std::string parseError(HookAgent Agent, llvm::StringRef Text) {
  auto P = parseHookPayload(Agent, Text);
  if (P)
    return "<parsed>";
  return llvm::toString(P.takeError());
}

/// The file as it is after the edits the payloads describe.
inline constexpr llvm::StringRef Now = "#include <x>\n"           // 1
                                       "int f() {\n"              // 2
                                       "  int y = 2;\n"           // 3
                                       "  return y;\n"            // 4
                                       "}\n"                      // 5
                                       "int g() { return 0; }\n"; // 6

} // namespace aiprov

#endif
