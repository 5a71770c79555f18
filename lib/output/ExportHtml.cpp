//===--- ExportHtml.cpp - `aiprov export --format html` -------------------===//
//
// One page an auditor can open from a mail attachment or a CI artifact:
// no server, no network, nothing to install. So the page is self-contained
// and fetches nothing: a Content-Security-Policy allows only the one inline
// style sheet and the one inline script (by hash) and forbids every load,
// so even text that slipped through escaping could not pull anything in.
// JavaScript only adds sorting; the summary, the chart (inline SVG, which
// prints and needs no script) and the tables are plain HTML. File names and
// key values come from the repository and are untrusted: every string is
// escaped, bytes that are not UTF-8 become U+FFFD, and control and bidi
// override characters are shown as [U+XXXX] so a name cannot reorder or
// hide what is around it (the "Trojan Source" trick).
//
//===----------------------------------------------------------------------===//
#include "aiprov/output/Export.h"
#include "aiprov/support/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/SHA256.h"
#include <cmath>

namespace aiprov {
namespace {

// Print: black on white, no buttons, rows kept whole, table headers
// repeated on every page, and the bars' colours kept (browsers drop
// backgrounds when printing; SVG fills are content and stay anyway).
constexpr llvm::StringLiteral StyleSheet = R"css(
:root { color-scheme: light; --ai: #b4521e; --track: #e8e2dc; --muted: #5b5b5b; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; padding: 1.5em; max-width: 90em; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.2em; margin: 1.6em 0 .5em; border-bottom: 1px solid #ccc; padding-bottom: .2em; }
.meta, .hint, .none { color: var(--muted); }
.alert { border: 1px solid #b00020; background: #fdecef; padding: .5em .8em; }
dl.figures { display: flex; flex-wrap: wrap; gap: .5em 2.5em; margin: 0 0 1em; }
dl.figures dt { color: var(--muted); font-size: .9em; }
dl.figures dd { margin: 0; font-size: 1.35em; font-weight: 600; }
table { border-collapse: collapse; margin: .3em 0 1em; }
caption { text-align: left; font-weight: 600; padding: .3em 0; }
th, td { border: 1px solid #d4d4d4; padding: .25em .5em; text-align: left; vertical-align: top; }
thead th { background: #f3f1ef; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .92em; }
code.hash { word-break: break-all; font-size: .78em; }
td.hash { min-width: 15em; }
td.checks { white-space: nowrap; }
.bar-cell { white-space: nowrap; }
svg.bar { width: 16em; height: 1em; vertical-align: middle; margin-right: .5em; }
svg.bar .track { fill: var(--track); }
svg.bar .fill { fill: var(--ai); }
.forbid, .stale { color: #b00020; font-weight: 600; }
.unreviewed { color: #8a5a00; }
.reviewed { color: #1e6b2e; }
.runs { color: var(--muted); font-size: .85em; }
.js-only { display: none; }
.js .js-only { display: block; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible { outline: 2px solid var(--ai); }
th[aria-sort="ascending"] button::after { content: " \25B2"; }
th[aria-sort="descending"] button::after { content: " \25BC"; }
@media print {
  body { font-size: 10pt; padding: 0; max-width: none; }
  .js-only, .js .js-only { display: none; }
  th button::after { content: "" !important; }
  thead { display: table-header-group; }
  tr, dl.figures { break-inside: avoid; }
  h2 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

// Sorting is progressive enhancement: without JavaScript the table stays in
// file order. Each header becomes a button; a cell's data-sort, when
// present, is its key (numbers, or the row's file order for the location);
// ties keep file order, so every sort is stable and repeatable.
constexpr llvm::StringLiteral SortScript = R"js(
'use strict';
document.documentElement.classList.add('js');
const collator = new Intl.Collator(undefined, { numeric: true });
for (const table of document.querySelectorAll('table.sortable')) {
  const heads = Array.from(table.tHead.rows[0].cells);
  heads.forEach((th, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.replaceChildren(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of heads) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const key = (row) => {
        const cell = row.cells[column];
        return cell.dataset.sort ?? cell.textContent.trim();
      };
      const numeric = th.dataset.type === 'number';
      const body = table.tBodies[0];
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const order = numeric ? Number(key(a)) - Number(key(b))
                              : collator.compare(key(a), key(b));
        return (ascending ? order : -order) ||
               Number(a.dataset.index) - Number(b.dataset.index);
      });
      body.append(...rows);
    });
  });
}
)js";

/// The CSP source expression that allows exactly this inline text.
std::string cspHash(llvm::StringRef Text) {
  return "'sha256-" +
         llvm::encodeBase64(
             llvm::SHA256::hash(llvm::arrayRefFromStringRef(Text))) +
         "'";
}

/// Code points that are shown by name instead of written: C0 and C1
/// controls other than tab and line feed (a NUL or an escape code has no
/// business in a file name), and the bidirectional formatting characters,
/// which could make a name display as something else.
bool showAsCodePoint(llvm::UTF32 C) {
  return (C < 0x20 && C != '\t' && C != '\n') || (C >= 0x7F && C < 0xA0) ||
         C == 0x061C || C == 0x200E || C == 0x200F ||
         (C >= 0x202A && C <= 0x202E) || (C >= 0x2066 && C <= 0x2069);
}

/// Text escaped for HTML character data and double- or single-quoted
/// attribute values alike.
class Escaped {
public:
  explicit Escaped(llvm::StringRef Text) : Text(Text) {}

  friend llvm::raw_ostream &operator<<(llvm::raw_ostream &OS,
                                       const Escaped &E) {
    const auto *Pos = reinterpret_cast<const llvm::UTF8 *>(E.Text.begin());
    const auto *End = reinterpret_cast<const llvm::UTF8 *>(E.Text.end());
    while (Pos < End) {
      const llvm::UTF8 *Start = Pos;
      llvm::UTF32 C = 0;
      if (llvm::convertUTF8Sequence(&Pos, End, &C, llvm::strictConversion) !=
          llvm::conversionOK) {
        OS << "\xEF\xBF\xBD"; // U+FFFD for one byte that is not UTF-8.
        Pos = Start + 1;
        continue;
      }
      switch (C) {
      case '&':
        OS << "&amp;";
        break;
      case '<':
        OS << "&lt;";
        break;
      case '>':
        OS << "&gt;";
        break;
      case '"':
        OS << "&quot;";
        break;
      case '\'':
        OS << "&#39;";
        break;
      default:
        if (showAsCodePoint(C))
          OS << llvm::format("[U+%04X]", C);
        else
          OS.write(reinterpret_cast<const char *>(Start), Pos - Start);
      }
    }
    return OS;
  }

private:
  llvm::StringRef Text;
};

/// "44.32%": aiShare as a percentage, so the page shows exactly the share
/// the JSON export does.
std::string percent(unsigned Ai, unsigned Total) {
  std::string Out;
  llvm::raw_string_ostream(Out)
      << llvm::format("%.2f%%", 100.0 * aiShare(Ai, Total));
  return Out;
}

/// "3-5, 8-9": the runs of a region when it has more than one, as the
/// summary counts its lines.
std::string runsText(llvm::ArrayRef<LineRange> Runs) {
  std::string Out;
  for (auto [First, Last] : Runs) {
    if (!Out.empty())
      Out += ", ";
    Out += std::to_string(First);
    if (Last != First)
      Out += "\u2013" + std::to_string(Last);
  }
  return Out;
}

void writeSummary(const ExportReport &Report, llvm::raw_ostream &OS) {
  const ExportSummary &S = Report.Summary;
  OS << "<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"figures\">\n"
     << "<div><dt>Files analyzed</dt><dd id=\"summary-files\">" << S.Files
     << "</dd></div>\n"
     << "<div><dt>AI-assisted regions</dt><dd id=\"summary-regions\">"
     << S.Regions << "</dd></div>\n"
     << "<div><dt>AI-assisted lines</dt><dd id=\"summary-lines\">" << S.AiLines
     << " of " << S.TotalLines << "</dd></div>\n"
     << "<div><dt>AI-assisted share</dt><dd id=\"summary-share\">"
     << percent(S.AiLines, S.TotalLines) << "</dd></div>\n</dl>\n";
  if (S.ByTool.empty()) {
    OS << "<p class=\"none\">No AI-assisted lines.</p>\n</section>\n";
    return;
  }
  OS << "<table id=\"by-tool\">\n<caption>By tool</caption>\n"
        "<thead><tr><th scope=\"col\">Tool</th>"
        "<th scope=\"col\" class=\"num\">AI-assisted lines</th>"
        "<th scope=\"col\" class=\"num\">Share of all lines</th></tr></thead>\n"
        "<tbody>\n";
  for (const LineShare &T : S.ByTool)
    OS << "<tr><th scope=\"row\">" << Escaped(T.Name)
       << "</th><td class=\"num\">" << T.AiLines << "</td><td class=\"num\">"
       << percent(T.AiLines, T.TotalLines) << "</td></tr>\n";
  OS << "</tbody>\n</table>\n</section>\n";
}

/// One row per directory with a bar as wide as its share. The bar is an
/// inline SVG sized by attributes only, so it needs neither script nor an
/// inline style (which the CSP forbids), and the number beside it says the
/// same for readers who cannot see it.
void writeChart(const ExportReport &Report, llvm::raw_ostream &OS) {
  OS << "<section id=\"directories\">\n"
        "<h2>AI-assisted share by directory</h2>\n";
  if (Report.Summary.ByDirectory.empty()) {
    OS << "<p class=\"none\">No files analyzed.</p>\n</section>\n";
    return;
  }
  OS << "<table id=\"by-directory\" class=\"chart\">\n"
        "<thead><tr><th scope=\"col\">Directory</th>"
        "<th scope=\"col\">AI-assisted share</th>"
        "<th scope=\"col\" class=\"num\">AI-assisted lines</th>"
        "<th scope=\"col\" class=\"num\">Lines</th></tr></thead>\n<tbody>\n";
  for (const LineShare &D : Report.Summary.ByDirectory) {
    std::string Percent = percent(D.AiLines, D.TotalLines);
    OS << "<tr><th scope=\"row\"><code>" << Escaped(D.Name)
       << "</code></th><td class=\"bar-cell\">"
       << "<svg class=\"bar\" viewBox=\"0 0 100 10\" width=\"224\" "
          "height=\"14\" preserveAspectRatio=\"none\" role=\"img\" "
          "aria-label=\""
       << Percent << "\">"
       << "<rect class=\"track\" width=\"100\" height=\"10\" "
          "fill=\"#e8e2dc\"/>"
       << "<rect class=\"fill\" width=\""
       << llvm::format("%.2f", 100.0 * aiShare(D.AiLines, D.TotalLines))
       << "\" height=\"10\" fill=\"#b4521e\"/></svg>" << Percent
       << "</td><td class=\"num\">" << D.AiLines << "</td><td class=\"num\">"
       << D.TotalLines << "</td></tr>\n";
  }
  OS << "</tbody>\n</table>\n</section>\n";
}

void writeRegions(const ExportReport &Report, llvm::raw_ostream &OS) {
  OS << "<section id=\"regions\">\n<h2>Regions</h2>\n";
  if (Report.Regions.empty()) {
    OS << "<p class=\"none\">No AI-assisted regions.</p>\n</section>\n";
    return;
  }
  OS << "<p class=\"hint js-only\">Click a column header to sort by it; "
        "click again to reverse.</p>\n"
        "<table id=\"region-table\" class=\"sortable\">\n<thead><tr>"
        "<th scope=\"col\" data-type=\"number\" aria-sort=\"ascending\">"
        "Location</th>"
        "<th scope=\"col\">Source</th><th scope=\"col\">Tool</th>"
        "<th scope=\"col\">Model</th>"
        "<th scope=\"col\" class=\"num\" data-type=\"number\">Lines</th>"
        "<th scope=\"col\">Review</th><th scope=\"col\">Verdict</th>"
        "<th scope=\"col\">Checks</th><th scope=\"col\">Hash</th>"
        "</tr></thead>\n<tbody>\n";
  for (size_t I = 0; I < Report.Regions.size(); ++I) {
    const ExportedRegion &R = Report.Regions[I];
    llvm::StringRef Review = reviewStatusName(R.Review);
    llvm::StringRef Verdict = permissionName(R.Verdict);
    // Rows come sorted by file and position: the index is that order.
    OS << "<tr data-index=\"" << I << "\"><td data-sort=\"" << I << "\"><code>"
       << Escaped(R.File) << ":" << R.Start.Line << "</code></td><td>"
       << sourceName(R.Source);
    if (std::optional<llvm::StringRef> Origin = findKey(R.Keys, "origin"))
      OS << " <span class=\"runs\">(" << Escaped(*Origin) << ")</span>";
    OS << "</td><td>" << Escaped(R.Tool) << "</td><td>"
       << Escaped(findKey(R.Keys, "model").value_or("\u2014"))
       << "</td><td class=\"num\" data-sort=\"" << R.LineCount << "\">"
       << R.LineCount;
    if (R.LineRuns.size() > 1)
      OS << " <span class=\"runs\">(lines " << runsText(R.LineRuns)
         << ")</span>";
    OS << "</td><td class=\"" << Review << "\">" << Review;
    if (std::optional<llvm::StringRef> By = findKey(R.Keys, "reviewed-by"))
      OS << " <span class=\"runs\">(by " << Escaped(*By) << ")</span>";
    OS << "</td><td class=\"" << Verdict << "\">" << Verdict
       << "</td><td class=\"checks\">";
    if (R.Checks.empty())
      OS << "\u2014";
    for (size_t C = 0; C < R.Checks.size(); ++C)
      OS << (C ? "<br>" : "") << Escaped(R.Checks[C]);
    OS << "</td><td class=\"hash\"><code class=\"hash\">" << Escaped(R.Hash)
       << "</code></td></tr>\n";
  }
  OS << "</tbody>\n</table>\n</section>\n";
}

void writeLost(const ExportReport &Report, llvm::raw_ostream &OS) {
  if (Report.Lost.empty())
    return;
  OS << "<section id=\"lost\">\n<h2>Lost ledger records</h2>\n"
        "<p>Recorded as AI-assisted, but their lines can no longer be found "
        "(the file was deleted, or the text rewritten). They count nowhere "
        "above.</p>\n<table id=\"lost-table\">\n<thead><tr>"
        "<th scope=\"col\">File</th><th scope=\"col\">Recorded lines</th>"
        "<th scope=\"col\">Tool</th><th scope=\"col\">Model</th>"
        "<th scope=\"col\">Origin</th><th scope=\"col\">Recorded at</th>"
        "<th scope=\"col\">Reason</th><th scope=\"col\">Record</th>"
        "</tr></thead>\n<tbody>\n";
  for (const LostRecord &L : Report.Lost)
    OS << "<tr><td><code>" << Escaped(L.File) << "</code><br><span "
       << "class=\"runs\">in " << Escaped(L.WorkspaceRoot) << "</span></td><td>"
       << L.RecordedFirstLine << "\u2013" << L.RecordedLastLine << "</td><td>"
       << Escaped(L.Tool) << "</td><td>" << Escaped(L.Model) << "</td><td>"
       << Escaped(L.Origin) << "</td><td>" << Escaped(L.Timestamp)
       << "</td><td>" << Escaped(L.Reason) << "</td><td><code>"
       << Escaped(L.RecordId) << "</code></td></tr>\n";
  OS << "</tbody>\n</table>\n</section>\n";
}

void writeProblems(const ExportReport &Report, llvm::raw_ostream &OS) {
  OS << "<section id=\"problems\">\n<h2>Errors and warnings</h2>\n";
  if (Report.Errors.empty() && Report.Warnings.empty())
    OS << "<p class=\"none\">None.</p>\n";
  auto List = [&OS](const char *Id, const char *Title,
                    llvm::ArrayRef<std::string> Items) {
    if (Items.empty())
      return;
    OS << "<h3>" << Title << "</h3>\n<ul id=\"" << Id << "\">\n";
    for (const std::string &Item : Items)
      OS << "<li>" << Escaped(Item) << "</li>\n";
    OS << "</ul>\n";
  };
  List("errors", "Errors", Report.Errors);
  List("warnings", "Warnings", Report.Warnings);
  OS << "</section>\n";
}

} // namespace

void renderExportHtml(const ExportReport &Report, llvm::raw_ostream &OS,
                      const ExportRunOptions &Options) {
  const std::string Timestamp =
      Options.Timestamp.empty() ? exportTimestamp() : Options.Timestamp;
  // default-src 'none' covers images, fonts, frames, fetch/XHR and media;
  // base-uri and form-action are not covered by it.
  OS << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
        "charset=\"utf-8\">\n"
     << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
        "'none'; style-src "
     << cspHash(StyleSheet) << "; script-src " << cspHash(SortScript)
     << "; base-uri 'none'; form-action 'none'\">\n"
     << "<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\">\n"
     << "<meta name=\"generator\" content=\"aiprov " << Version << "\">\n"
     << "<title>AI-assisted code: aiprov export</title>\n"
     << "<style>" << StyleSheet << "</style>\n</head>\n<body>\n"
     << "<header>\n<h1>AI-assisted code</h1>\n<p class=\"meta\">Exported by "
        "aiprov "
     << Version << " at <time datetime=\"" << Escaped(Timestamp) << "\">"
     << Escaped(Timestamp) << "</time>.</p>\n";
  if (!Report.Errors.empty())
    OS << "<p class=\"alert\" role=\"alert\">" << Report.Errors.size()
       << (Report.Errors.size() == 1 ? " error" : " errors")
       << " during the export: some files may be missing. See <a "
          "href=\"#problems\">Errors and warnings</a>.</p>\n";
  OS << "</header>\n<main>\n";
  writeSummary(Report, OS);
  writeChart(Report, OS);
  writeRegions(Report, OS);
  writeLost(Report, OS);
  writeProblems(Report, OS);
  OS << "</main>\n<script>" << SortScript << "</script>\n</body>\n</html>\n";
}

} // namespace aiprov
