//===--- Export.h - `aiprov export`: every AI-assisted region, listed -----===//
//
// SPEC §4. Where `check` reports only violations, an export lists every
// AI-assisted region with its provenance, review status and policy verdict,
// plus a summary of how much of the code is AI-assisted, for audits and
// dashboards. It is built from the same AnalysisReport as `check`, so an
// export and a check of the same tree always agree; each format is only a
// renderer of one ExportReport.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_OUTPUT_EXPORT_H
#define AIPROV_OUTPUT_EXPORT_H

#include "aiprov/check/CheckRunner.h"
#include "aiprov/directives/Directive.h"
#include "aiprov/directives/Region.h"
#include "aiprov/output/FindingsOutput.h"
#include "aiprov/policy/Policy.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace aiprov {

/// One AI-assisted region, as every export format describes it.
struct ExportedRegion {
  /// The path as the user named it (relative paths stay relative).
  std::string File;
  /// 1-based. Start is where the opening directive starts. End is the
  /// region's last line; its column is that of the `end` directive for a
  /// begin…end region, else 1.
  Position Start, End;
  /// "function 'Task::score'" (AST mode); empty when unknown.
  std::string EnclosingDecl;
  /// Every valid key of the opening directive, in source order.
  std::vector<KeyValue> Keys;
  /// The `tool` key, or "unknown".
  std::string Tool;
  RegionSource Source = RegionSource::Annotation;
  /// Region::isUnknownPaste(): listed, but not AI-assisted.
  bool UnknownPaste = false;
  /// The lines that count (Region::lineRuns()): one run, except for a
  /// ledger region part of which a human rewrote.
  std::vector<LineRange> LineRuns;
  /// The lines in LineRuns.
  unsigned LineCount = 0;
  /// "sha256:…" of the current text (SPEC §1).
  std::string Hash;
  ReviewStatus Review = ReviewStatus::Unreviewed;
  /// The file's policy verdict and the checks that fire for this region
  /// (names, in check-table order); empty when none does.
  AiPermission Verdict = AiPermission::Allow;
  std::vector<std::string> Checks;
  /// describeRegion(): how check messages name this region.
  std::string Description;
  /// The fingerprint of the first firing check's finding; empty if none.
  std::string Fingerprint;
};

/// AI-assisted lines out of all lines of some group of files. A line is
/// counted once however many regions cover it.
struct LineShare {
  /// The tool, or the directory relative to the current one ("." for it).
  std::string Name;
  unsigned AiLines = 0;
  unsigned TotalLines = 0;
};

struct ExportSummary {
  unsigned Files = 0;   // analyzed files, with or without regions
  unsigned Regions = 0; // == ExportReport::Regions.size()
  unsigned AiLines = 0;
  unsigned TotalLines = 0;
  /// Sorted by name. A tool's TotalLines is that of every analyzed file; a
  /// directory's, that of the analyzed files directly in it.
  std::vector<LineShare> ByTool;
  std::vector<LineShare> ByDirectory;
};

struct ExportReport {
  /// Sorted by file, then start position.
  std::vector<ExportedRegion> Regions;
  ExportSummary Summary;
  /// Ledger records whose lines are gone, as AnalysisReport::Lost.
  std::vector<LostRecord> Lost;
  /// As AnalysisReport::Errors and Warnings.
  std::vector<std::string> Errors;
  std::vector<std::string> Warnings;
};

struct ExportOptions {
  /// Absolute directory that by-directory names are relative to. Empty
  /// (the default): the process's current directory.
  std::string WorkingDirectory;
};

/// Builds the export of an analysis. Reads the files that hold begin…end
/// regions again to find their `end` directives' columns (regions keep
/// only lines); an unreadable file gets column 1.
ExportReport buildExport(const AnalysisReport &Analysis,
                         const ExportOptions &Options = {});

/// JSON, the shape of docs/schema/export.schema.json.
void renderExportJson(const ExportReport &Report, llvm::raw_ostream &OS);
/// RFC 4180 CSV (CRLF line ends), a header row then one row per region;
/// no summary. Keys go in one `keys` column as "k=v;k=v" with '\', ';' and
/// '=' in keys and values escaped by a preceding '\'.
void renderExportCsv(const ExportReport &Report, llvm::raw_ostream &OS);
/// SARIF 2.1.0: every region is a result, at level error (forbid), warning
/// (review path, unreviewed or stale) or note. Paths as in renderSarif.
void renderExportSarif(const ExportReport &Report, llvm::raw_ostream &OS,
                       const SarifOptions &Options = {});

/// The escaped "k=v;k=v" form of the CSV `keys` column.
std::string keysText(llvm::ArrayRef<KeyValue> Keys);

/// Options of the formats that say when the export ran.
struct ExportRunOptions {
  /// RFC 3339 UTC, e.g. 2026-11-29T02:24:38Z. Empty: exportTimestamp().
  std::string Timestamp;
};

/// When this export runs: SOURCE_DATE_EPOCH (seconds since 1970, the
/// reproducible-builds convention) when set to a number, else now, as RFC
/// 3339 UTC. Pins the output of tests and reproducible pipelines.
std::string exportTimestamp();

/// Agent Trace 0.1 as JSON Lines: one record per region, each valid against
/// docs/schema/agent-trace-record.schema.json, with one range per line run
/// and aiprov's fields under metadata["dev.aiprov"]. Record ids derive from
/// the region, so exporting the same tree twice gives the same ids.
void renderExportAgentTrace(const ExportReport &Report, llvm::raw_ostream &OS,
                            const ExportRunOptions &Options = {});

/// One self-contained HTML page for auditors: summary, a per-directory bar
/// chart (inline SVG), a region table sortable by an inline script (a plain
/// table without JavaScript), lost ledger records, errors and warnings. A
/// Content-Security-Policy forbids every fetch; all text is escaped.
void renderExportHtml(const ExportReport &Report, llvm::raw_ostream &OS,
                      const ExportRunOptions &Options = {});

/// AI lines over total lines in [0, 1], rounded to 4 places (0 when there
/// are no lines): the share every format prints, so they always agree.
double aiShare(unsigned AiLines, unsigned TotalLines);

} // namespace aiprov

#endif
