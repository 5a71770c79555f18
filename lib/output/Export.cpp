//===--- Export.cpp - From an analysis to the regions `export` lists ------===//
//
// Everything the export formats print is decided here, once: positions,
// which checks fire for which region, and the line counts of the summary.
// The renderers (ExportJson/Csv/Sarif.cpp) only format an ExportReport.
//
//===----------------------------------------------------------------------===//
#include "aiprov/output/Export.h"
#include "aiprov/check/Checks.h"
#include "aiprov/directives/DirectiveCollector.h"
#include "aiprov/ledger/RecordIdentity.h"
#include "aiprov/support/FileReader.h"
#include "aiprov/support/Paths.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

namespace aiprov {

namespace {

/// Lines covered by the union of Ranges: overlapping regions (a `line`
/// directive inside a begin…end, a `file` region) count each line once.
unsigned coveredLines(std::vector<LineRange> Ranges) {
  std::sort(Ranges.begin(), Ranges.end());
  unsigned Count = 0, CoveredUpTo = 0;
  for (auto [First, Last] : Ranges) {
    First = std::max(First, CoveredUpTo + 1);
    if (First <= Last) {
      Count += Last - First + 1;
      CoveredUpTo = Last;
    }
  }
  return Count;
}

/// The directory holding File, relative to WorkingDir when below it ("."
/// for WorkingDir itself), else absolute: the same file gets the same
/// group whichever way it was named on the command line.
std::string directoryOf(llvm::StringRef File, llvm::StringRef WorkingDir) {
  const std::string Abs = absolutePath(File, WorkingDir);
  llvm::StringRef Dir = llvm::sys::path::parent_path(Abs);
  if (std::optional<llvm::StringRef> Below = pathBelow(Dir, WorkingDir))
    return Below->empty() ? "." : Below->str();
  return Dir.str();
}

/// Start positions of the `end` directives of File, in order. Regions keep
/// only their lines, so the column of a region's `end` is found by lexing
/// the file again; only files with begin…end regions pay for it.
std::vector<Position> endDirectives(llvm::StringRef File) {
  std::string Storage;
  llvm::StringRef Contents;
  if (readWholeFile(File, Storage, Contents))
    return {};
  DirectiveCollector Collector(Contents);
  Collector.scanAll();
  std::vector<Position> Ends;
  for (const Directive &D : Collector.take().Directives)
    if (D.Kind == DirectiveKind::End && D.Source != RegionSource::Attribute)
      Ends.push_back(D.Start);
  return Ends;
}

bool isBeginEnd(const Region &R) {
  return R.Origin.Kind == DirectiveKind::Begin &&
         R.Origin.Source != RegionSource::Attribute;
}

ExportedRegion exportRegion(const AnalyzedFile &File, const Region &R,
                            llvm::ArrayRef<Position> Ends) {
  ExportedRegion Out;
  Out.File = File.Path;
  Out.Start = R.Origin.Start;
  Out.End = {R.LastLine, 1};
  if (isBeginEnd(R)) {
    // The `end` that closed R is the first one after its `begin` (an
    // earlier one would have closed it); none on the last line means the
    // region was never closed and runs to the end of the file.
    auto Closer = std::upper_bound(Ends.begin(), Ends.end(), R.Origin.Start);
    if (Closer != Ends.end() && Closer->Line == R.LastLine)
      Out.End.Column = Closer->Column;
  }
  Out.EnclosingDecl = R.Origin.EnclosingDecl;
  Out.Keys = R.Origin.Keys;
  Out.Tool = R.tool().str();
  Out.Source = R.Origin.Source;
  Out.UnknownPaste = R.isUnknownPaste();
  Out.LineRuns = R.lineRuns();
  Out.LineCount = R.lineCount();
  Out.Hash = R.Hash;
  Out.Description = describeRegion(R);
  Out.Review = R.Review;
  Out.Verdict = File.Policy.Ai;
  // Each check reports a region once, at its directive's start (Checks.h).
  for (const Finding &F : File.Findings) {
    if (F.Where != R.Origin.Start || F.Check == CheckId::MalformedAnnotation)
      continue;
    std::string Name = checkInfo(F.Check).Name.str();
    if (llvm::is_contained(Out.Checks, Name))
      continue;
    if (Out.Checks.empty())
      Out.Fingerprint = F.Fingerprint;
    Out.Checks.push_back(std::move(Name));
  }
  return Out;
}

} // namespace

double aiShare(unsigned AiLines, unsigned TotalLines) {
  if (TotalLines == 0)
    return 0;
  return std::round(10000.0 * AiLines / TotalLines) / 10000.0;
}

std::string exportTimestamp() {
  if (const char *Epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    long long Seconds = 0;
    if (!llvm::StringRef(Epoch).getAsInteger(10, Seconds) && Seconds >= 0)
      return llvm::formatv("{0:%Y-%m-%dT%H:%M:%SZ}",
                           llvm::sys::toUtcTime(static_cast<time_t>(Seconds)))
          .str();
  }
  return nowTimestamp();
}

std::string keysText(llvm::ArrayRef<KeyValue> Keys) {
  std::string Out;
  auto Append = [&Out](llvm::StringRef Text) {
    for (char C : Text) {
      if (C == '\\' || C == ';' || C == '=')
        Out += '\\';
      Out += C;
    }
  };
  for (const KeyValue &KV : Keys) {
    if (!Out.empty())
      Out += ';';
    Append(KV.Key);
    Out += '=';
    Append(KV.Value);
  }
  return Out;
}

ExportReport buildExport(const AnalysisReport &Analysis,
                         const ExportOptions &Options) {
  ExportReport Report;
  Report.Errors = Analysis.Errors;
  Report.Warnings = Analysis.Warnings;
  Report.Lost = Analysis.Lost;
  llvm::SmallString<256> WorkingDir(Options.WorkingDirectory);
  if (WorkingDir.empty() && llvm::sys::fs::current_path(WorkingDir))
    WorkingDir = "/";
  llvm::sys::path::remove_dots(WorkingDir, /*remove_dot_dot=*/true);

  struct Counts {
    unsigned AiLines = 0, TotalLines = 0;
  };
  std::map<std::string, Counts> ByTool, ByDirectory;
  ExportSummary &Summary = Report.Summary;
  for (const AnalyzedFile &File : Analysis.Files) {
    if (!File.Analyzed)
      continue;
    const unsigned Total = File.Regions.TotalLines;
    ++Summary.Files;
    Summary.TotalLines += Total;
    Counts &Dir = ByDirectory[directoryOf(File.Path, WorkingDir)];
    Dir.TotalLines += Total;
    if (File.Regions.Regions.empty())
      continue;

    std::vector<Position> Ends;
    if (llvm::any_of(File.Regions.Regions, isBeginEnd))
      Ends = endDirectives(File.Path);
    std::vector<LineRange> All;
    std::map<std::string, std::vector<LineRange>> PerTool;
    for (const Region &R : File.Regions.Regions) {
      Report.Regions.push_back(exportRegion(File, R, Ends));
      // Nobody said a paste of unknown origin came from an AI.
      if (R.isUnknownPaste())
        continue;
      for (auto [First, Last] : R.lineRuns()) {
        // A `file` region of an empty file has line 1 but the file has
        // none: never count more AI lines than there are lines.
        LineRange Lines{First, std::min(Last, Total)};
        All.push_back(Lines);
        PerTool[R.tool().str()].push_back(Lines);
      }
    }
    const unsigned Ai = coveredLines(std::move(All));
    Summary.AiLines += Ai;
    Dir.AiLines += Ai;
    for (auto &[Tool, Ranges] : PerTool)
      ByTool[Tool].AiLines += coveredLines(std::move(Ranges));
  }
  Summary.Regions = Report.Regions.size();
  for (auto &[Tool, C] : ByTool)
    Summary.ByTool.push_back({Tool, C.AiLines, Summary.TotalLines});
  for (auto &[Dir, C] : ByDirectory)
    Summary.ByDirectory.push_back({Dir, C.AiLines, C.TotalLines});
  std::stable_sort(Report.Regions.begin(), Report.Regions.end(),
                   [](const ExportedRegion &A, const ExportedRegion &B) {
                     return std::tie(A.File, A.Start) <
                            std::tie(B.File, B.Start);
                   });
  return Report;
}

} // namespace aiprov
