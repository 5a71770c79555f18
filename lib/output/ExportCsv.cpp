//===--- ExportCsv.cpp - `aiprov export --format csv` ---------------------===//
//
// One row per region for spreadsheets. RFC 4180 exactly (CRLF after every
// record, a field quoted when it holds a comma, quote, CR or LF, quotes
// doubled), because spreadsheet importers disagree on everything else. A
// cell that a spreadsheet would run as a formula is defused (OWASP).
// Keys share one column (see keysText) so the columns never depend on which
// keys a project uses; `tool` also has its own column for filtering.
//
//===----------------------------------------------------------------------===//
#include "aiprov/output/Export.h"
#include "llvm/ADT/StringExtras.h"

namespace aiprov {
namespace {

/// A spreadsheet runs a cell that starts with one of these as a formula
/// (`=HYPERLINK(…)` from a directive's note, say). OWASP's rule for CSV
/// injection: such a cell gets a leading apostrophe, which spreadsheets
/// show as text and do not display.
bool startsLikeFormula(llvm::StringRef Field) {
  return !Field.empty() && llvm::StringRef("=+-@\t\r").contains(Field[0]);
}

void writeField(llvm::raw_ostream &OS, llvm::StringRef Field) {
  std::string Guarded;
  if (startsLikeFormula(Field)) {
    Guarded = "'" + Field.str();
    Field = Guarded;
  }
  if (Field.find_first_of(",\"\r\n") == llvm::StringRef::npos) {
    OS << Field;
    return;
  }
  OS << '"';
  for (char C : Field) {
    if (C == '"')
      OS << '"';
    OS << C;
  }
  OS << '"';
}

void writeRecord(llvm::raw_ostream &OS, llvm::ArrayRef<std::string> Fields) {
  for (size_t I = 0; I < Fields.size(); ++I) {
    if (I != 0)
      OS << ',';
    writeField(OS, Fields[I]);
  }
  OS << "\r\n";
}

/// "4-6;9-9": the runs of a region's counted lines, in one column.
std::string lineRunsText(llvm::ArrayRef<LineRange> Runs) {
  std::string Out;
  for (auto [First, Last] : Runs) {
    if (!Out.empty())
      Out += ';';
    Out += std::to_string(First) + "-" + std::to_string(Last);
  }
  return Out;
}

} // namespace

void renderExportCsv(const ExportReport &Report, llvm::raw_ostream &OS) {
  writeRecord(OS,
              {"file", "start_line", "start_column", "end_line", "end_column",
               "enclosing_declaration", "source", "tool", "keys", "lines",
               "line_runs", "hash", "review", "verdict", "checks"});
  for (const ExportedRegion &R : Report.Regions)
    writeRecord(OS,
                {R.File, std::to_string(R.Start.Line),
                 std::to_string(R.Start.Column), std::to_string(R.End.Line),
                 std::to_string(R.End.Column), R.EnclosingDecl,
                 sourceName(R.Source).str(), R.Tool, keysText(R.Keys),
                 std::to_string(R.LineCount), lineRunsText(R.LineRuns), R.Hash,
                 reviewStatusName(R.Review).str(),
                 permissionName(R.Verdict).str(), llvm::join(R.Checks, ";")});
}

} // namespace aiprov
