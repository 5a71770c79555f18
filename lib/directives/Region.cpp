//===--- Region.cpp - What a region knows about itself --------------------===//

#include "aiprov/directives/Region.h"

namespace aiprov {

llvm::StringRef reviewStatusName(ReviewStatus S) {
  switch (S) {
  case ReviewStatus::Unreviewed:
    return "unreviewed";
  case ReviewStatus::Reviewed:
    return "reviewed";
  case ReviewStatus::Stale:
    return "stale";
  }
  return "?";
}

llvm::StringRef Region::tool() const {
  return Origin.get("tool").value_or("unknown");
}

std::vector<LineRange> Region::lineRuns() const {
  if (!Runs.empty())
    return Runs;
  return {{FirstLine, LastLine}};
}

unsigned Region::lineCount() const {
  unsigned Count = 0;
  for (auto [First, Last] : lineRuns())
    Count += Last - First + 1;
  return Count;
}

bool Region::isUnknownPaste() const {
  return Origin.Source == RegionSource::Ledger &&
         Origin.get("origin") == "unknown-paste";
}

} // namespace aiprov
