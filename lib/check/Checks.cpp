//===--- Checks.cpp - Regions + verdict to findings (SPEC §3) -------------===//
//
// Messages name the region by tool and lines and, where known, by its
// enclosing declaration, then say what to do about it: a finding in an audit
// log must be understandable without opening the file.
//
//===----------------------------------------------------------------------===//
#include "aiprov/check/Checks.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"
#include <cstring>

namespace aiprov {

std::string describeRegion(const Region &R) {
  std::string Lines = R.FirstLine == R.LastLine
                          ? "line " + std::to_string(R.FirstLine)
                          : "lines " + std::to_string(R.FirstLine) + "-" +
                                std::to_string(R.LastLine);
  std::string Text;
  if (R.isUnknownPaste())
    Text = "paste of unknown origin (" + Lines + ")";
  else
    Text = std::string(R.Origin.Source == RegionSource::Ledger
                           ? "recorded AI-assisted region"
                           : "AI-assisted region") +
           " (tool: " + R.tool().str() + ", " + Lines + ")";
  if (!R.Origin.EnclosingDecl.empty())
    Text += " in " + R.Origin.EnclosingDecl;
  return Text;
}

namespace {

/// Identifies a finding by what it is about rather than where it is, so a
/// code-scanning upload recognises it after lines above it moved.
std::string fingerprint(CheckId Check, llvm::StringRef Path,
                        llvm::StringRef What) {
  llvm::SHA256 Hasher;
  Hasher.update(checkInfo(Check).Name);
  Hasher.update(llvm::StringRef("\0", 1));
  Hasher.update(Path);
  Hasher.update(llvm::StringRef("\0", 1));
  Hasher.update(What);
  std::array<uint8_t, 32> Digest = Hasher.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(Digest).take_front(16),
                     /*LowerCase=*/true);
}

Finding makeFinding(CheckId Check, Severity Level, llvm::StringRef Path,
                    llvm::StringRef IdentityPath, const Region &R,
                    std::string Message) {
  Finding F;
  F.Check = Check;
  F.Level = Level;
  F.File = Path.str();
  F.Where = R.Origin.Start;
  F.Message = std::move(Message);
  F.EnclosingDecl = R.Origin.EnclosingDecl;
  F.Fingerprint =
      fingerprint(Check, IdentityPath, R.Hash + kindName(R.Origin.Kind).str());
  return F;
}

} // namespace

std::vector<Finding> checkRegions(llvm::StringRef DisplayPath,
                                  const FileRegions &Regions,
                                  const Verdict &Policy,
                                  llvm::StringRef IdentityPath) {
  if (IdentityPath.empty())
    IdentityPath = DisplayPath;
  std::vector<Finding> Out;
  for (const DirectiveProblem &P : Regions.Problems) {
    Finding F;
    F.Check = CheckId::MalformedAnnotation;
    F.Level = checkInfo(F.Check).DefaultSeverity;
    F.File = DisplayPath.str();
    F.Where = P.Where;
    F.Message = "malformed aiprov directive: " + P.Message;
    F.Fingerprint = fingerprint(F.Check, IdentityPath, P.Message);
    Out.push_back(std::move(F));
  }

  for (const Region &R : Regions.Regions) {
    if (R.isUnknownPaste()) {
      // Nobody said an AI wrote it, so only the paste rule applies.
      if (Policy.UnknownPaste == PasteAction::Ignore)
        continue;
      Finding F = makeFinding(
          CheckId::UnknownPaste,
          Policy.UnknownPaste == PasteAction::Error ? Severity::Error
                                                    : Severity::Warning,
          DisplayPath, IdentityPath, R,
          describeRegion(R) +
              " was pasted from an unknown source; if an AI assistant wrote "
              "it, annotate it as AI-assisted");
      F.Rule = Policy.Rule;
      Out.push_back(std::move(F));
      continue;
    }
    const bool Reviewed = R.Origin.get("reviewed-by").has_value();
    if (Policy.Ai == AiPermission::Forbid) {
      std::string Why = Policy.Message.empty()
                            ? "AI-assisted code is forbidden here"
                            : Policy.Message;
      Finding F = makeFinding(CheckId::ForbiddenRegion, Severity::Error,
                              DisplayPath, IdentityPath, R,
                              describeRegion(R) +
                                  " is in a path where AI-assisted code is "
                                  "forbidden: " +
                                  Why);
      F.Rule = Policy.Rule;
      Out.push_back(std::move(F));
    }
    if (Policy.Ai == AiPermission::Review && !Reviewed) {
      Finding F = makeFinding(CheckId::UnreviewedRegion, Severity::Warning,
                              DisplayPath, IdentityPath, R,
                              describeRegion(R) +
                                  " has not been reviewed; sign it off with "
                                  "'aiprov review " +
                                  DisplayPath.str() + ":" +
                                  std::to_string(R.Origin.Start.Line) + "'");
      F.Rule = Policy.Rule;
      Out.push_back(std::move(F));
    }
    if (Policy.Ai != AiPermission::Allow && R.Review == ReviewStatus::Stale) {
      // Twelve hex digits tell the two apart; the full hashes are in the
      // directive and in `aiprov export`.
      auto Short = [](llvm::StringRef Hash) {
        return Hash.take_front(std::strlen("sha256:") + 12).str() + "...";
      };
      std::string By = R.Origin.get("reviewed-by").value_or("").str();
      Finding F = makeFinding(
          CheckId::StaleReview, Severity::Warning, DisplayPath, IdentityPath, R,
          describeRegion(R) + " changed after " + By + " reviewed it (" +
              Short(R.Origin.get("review").value_or("")) + " then, " +
              Short(R.Hash) + " now); review it again");
      F.Rule = Policy.Rule;
      Out.push_back(std::move(F));
    }
  }
  return Out;
}

} // namespace aiprov
