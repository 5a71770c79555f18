//===--- policy-fuzzer.cpp - libFuzzer over parsing one .aiprov.yaml ------===//
//
// Any byte sequence is a possible policy file: parsePolicyFile must never
// crash, and must either fail with "PATH:LINE:COL: error: …" pointing
// inside the text, or return a policy whose every field keeps the promises
// PolicyFile.h makes. Each compiled rule is then asked about a few paths so
// the glob matcher runs on whatever patterns the input managed to write.
// Nesting deep enough to overflow the YAML parser's stack must come back as
// an error (the seed corpus holds such inputs), never a crash. The first
// line is also compiled as a bare glob, and the matcher's two engines must
// agree on pieces of the rest.
//
//===----------------------------------------------------------------------===//
#include "aiprov/policy/PolicyFile.h"
#include "aiprov/policy/Wildmatch.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

constexpr llvm::StringLiteral Path = "/fuzz/.aiprov.yaml";

/// "PATH:LINE:COL: error: MESSAGE", with LINE and COL at least 1 and LINE
/// no further than the text goes.
void checkError(llvm::StringRef Message, llvm::StringRef Text) {
  llvm::StringRef Rest = Message;
  unsigned Line = 0, Column = 0;
  if (!Rest.consume_front(Path) || !Rest.consume_front(":") ||
      Rest.consumeInteger(10, Line) || !Rest.consume_front(":") ||
      Rest.consumeInteger(10, Column) || !Rest.consume_front(": error: ") ||
      Rest.empty() || Line < 1 || Column < 1 || Line > Text.count('\n') + 1)
    std::abort();
}

void checkPolicy(const aiprov::PolicyFile &P, llvm::StringRef Text) {
  if (P.Path != Path || P.Dir != "/fuzz")
    std::abort();
  if (P.PasteMinLines && *P.PasteMinLines < 1)
    std::abort();
  if (P.HonorIgnoreFiles)
    for (llvm::StringRef Name : *P.HonorIgnoreFiles)
      if (Name.empty() || Name == "." || Name == ".." || Name.contains('/'))
        std::abort();
  // Some path the input itself wrote, so patterns meet strings like them.
  std::string Written =
      Text.take_until([](char C) { return C == '\n' || C == '\0'; })
          .take_front(64)
          .trim(" \t\r/")
          .str();
  // A long name and a deep path too: matching must stay polynomial for
  // whatever glob the input wrote (Wildmatch.h), so these never time out.
  static const std::string LongName(200, 'a');
  static const std::string DeepPath = [] {
    std::string P;
    for (unsigned I = 0; I < 40; ++I)
      P += "a/";
    return P + "b";
  }();
  const std::string Probes[] = {"a.cpp",  "src/deep/a.cpp", "gen/",
                                LongName, DeepPath,         Written};
  for (size_t I = 0; I < P.Rules.size(); ++I) {
    const aiprov::Rule &R = P.Rules[I];
    if (R.Index != I || R.Line < 1 || R.Line > Text.count('\n') + 1 ||
        R.Paths.empty() || R.Paths.baseDir() != P.Dir)
      std::abort();
    for (const std::string &Probe : Probes) {
      if (Probe.empty())
        continue;
      const std::string Absolute = P.Dir + "/" + Probe;
      std::optional<llvm::StringRef> Rel = R.Paths.relativePath(Absolute);
      if (!Rel || Rel->empty())
        std::abort(); // every probe lies strictly below the policy
      (void)R.Paths.match(*Rel, /*IsDir=*/false);
      (void)R.Paths.match(*Rel, /*IsDir=*/true);
    }
  }
}

/// The input's first line as a glob: the NFA and git's backtracking must
/// agree on every short text. Short, because backtracking alone is
/// exponential (the default engine bounds it; this compares raw engines).
void checkEnginesAgree(llvm::StringRef Text) {
  llvm::StringRef Glob = Text.take_until([](char C) { return C == '\n'; });
  if (Glob.size() > 24)
    return;
  aiprov::PatternError Err;
  std::optional<aiprov::Wildmatch> G = aiprov::Wildmatch::compile(Glob, 0, Err);
  if (!G)
    return;
  llvm::StringRef Rest = Text.drop_front(Glob.size());
  for (size_t Start = 0; Start < Rest.size() && Start < 64; Start += 3) {
    llvm::StringRef Probe = Rest.substr(Start, 10);
    using E = aiprov::Wildmatch::Engine;
    const bool Expected = G->matches(Probe, nullptr, E::Backtracking);
    if (G->matches(Probe, nullptr, E::Automaton) != Expected ||
        G->matches(Probe) != Expected)
      std::abort();
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  checkEnginesAgree(Text);
  llvm::Expected<aiprov::PolicyFile> P = aiprov::parsePolicyFile(Text, Path);
  if (!P) {
    // toString consumes the error, as an unchecked one would abort.
    checkError(llvm::toString(P.takeError()), Text);
    return 0;
  }
  checkPolicy(*P, Text);
  return 0;
}
