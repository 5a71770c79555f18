//===--- Hover.cpp - What hovering over a region shows --------------------===//
//
// A region's section lists only the keys it has, in a fixed order, then
// the review state and the policy verdict, then the checks that report it:
// the same words as the diagnostics, so the hover explains them.
//
//===----------------------------------------------------------------------===//
#include "Hover.h"
#include "RegionLookup.h"
#include "aiprov/directives/Directive.h"
#include "aiprov/directives/Region.h"
#include "aiprov/policy/Policy.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

namespace aiprov::server {

namespace {

/// "lines 4-9", or "lines 1-3, 6-7" for a ledger region a human partly
/// rewrote.
std::string linesText(const Region &R) {
  std::string Text = "lines ";
  llvm::ListSeparator Comma(", ");
  for (const LineRange &Run : R.lineRuns())
    Text +=
        llvm::formatv("{0}{1}-{2}", llvm::StringRef(Comma), Run.First, Run.Last)
            .str();
  return Text;
}

std::string regionSection(const DocumentAnalysis &Doc, const Region &R) {
  std::string Text =
      llvm::formatv("**{0}** ({1}, {2})\n\n",
                    R.isUnknownPaste() ? "Paste of unknown origin"
                                       : "AI-assisted region",
                    sourceName(R.Origin.Source), linesText(R))
          .str();
  Text += "- tool: " + R.tool().str() + "\n";
  for (llvm::StringRef Key : {"model", "origin", "reviewed-by"})
    if (std::optional<llvm::StringRef> Value = R.Origin.get(Key))
      Text += "- " + Key.str() + ": " + Value->str() + "\n";
  Text += "- review: " + reviewStatusName(R.Review).str() +
          "\n- policy: " + permissionName(Doc.Policy.Ai).str();
  if (!Doc.Policy.Message.empty())
    Text += " (" + Doc.Policy.Message + ")";
  Text += "\n";
  for (const std::string &Check : checksOf(Doc, R))
    Text += "- finding: " + Check + "\n";
  return Text;
}

} // namespace

std::optional<HoverInfo> hoverAt(const DocumentAnalysis &Doc,
                                 DocumentPosition Pos) {
  std::vector<const Region *> Regions = regionsAt(Doc, Pos);
  if (Regions.empty())
    return std::nullopt;
  HoverInfo Info;
  for (const Region *R : Regions) {
    if (!Info.Markdown.empty())
      Info.Markdown += "\n\n---\n\n";
    Info.Markdown += regionSection(Doc, *R);
  }
  const Region &Innermost = *Regions.front();
  Info.Lines = {Innermost.FirstLine, Innermost.LastLine};
  return Info;
}

} // namespace aiprov::server
