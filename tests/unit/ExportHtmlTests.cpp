//===--- ExportHtmlTests.cpp - `aiprov export --format html` --------------===//
//
// Renders hand-built ExportReports and checks the page's markup: every
// untrusted string escaped (file names, key values, errors), bytes that are
// not UTF-8 replaced, bidi and control characters made visible, nothing
// loaded from anywhere, a CSP that allows exactly the inline style and
// script, the summary, chart, region, lost and problem sections saying
// what the report says, and an export time that the pin or
// SOURCE_DATE_EPOCH sets, never the clock. How the page looks and sorts in a
// real browser is tests/tools/render-html.js
// (tests/scripts/export-format-validators.cmake).
//
//===----------------------------------------------------------------------===//
#include "ScopedEnvironment.h"
#include "aiprov/ledger/Ledger.h"
#include "aiprov/output/Export.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aiprov {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char *Pinned = "2026-11-29T02:24:38Z";

ExportedRegion region(std::string File, unsigned Line, std::string Tool) {
  ExportedRegion R;
  R.File = std::move(File);
  R.Start = {Line, 1};
  R.End = {Line + 2, 1};
  R.Keys = {{"tool", Tool}};
  R.Tool = std::move(Tool);
  R.LineRuns = {{Line, Line + 2}};
  R.LineCount = 3;
  R.Hash = "sha256:" + std::string(64, 'a');
  R.Verdict = AiPermission::Review;
  R.Checks = {"aiprov-unreviewed-region"};
  return R;
}

ExportReport sampleReport() {
  ExportReport Report;
  Report.Regions = {region("src/a.cpp", 2, "codex"),
                    region("src/b.cpp", 5, "claude-code")};
  ExportedRegion &B = Report.Regions[1];
  B.Keys.push_back({"model", "claude-sonnet-4"});
  B.Keys.push_back({"reviewed-by", "bob@example.com"});
  B.Review = ReviewStatus::Reviewed;
  B.Checks.clear();
  B.Source = RegionSource::Ledger;
  B.LineRuns = {{5, 6}, {9, 9}};
  Report.Summary.Files = 3;
  Report.Summary.Regions = 2;
  Report.Summary.AiLines = 6;
  Report.Summary.TotalLines = 41;
  Report.Summary.ByTool = {{"claude-code", 3, 41}, {"codex", 3, 41}};
  Report.Summary.ByDirectory = {
      {"lib", 0, 0}, {"src", 6, 30}, {"tools", 0, 11}};
  return Report;
}

/// The page exported at Timestamp (empty: when the renderer says).
std::string render(const ExportReport &Report,
                   const std::string &Timestamp = Pinned) {
  std::string Html;
  llvm::raw_string_ostream OS(Html);
  renderExportHtml(Report, OS, {Timestamp});
  return Html;
}

/// The text between the first Open and the Close after it.
std::string between(llvm::StringRef Text, llvm::StringRef Open,
                    llvm::StringRef Close) {
  size_t Start = Text.find(Open);
  if (Start == llvm::StringRef::npos)
    return "";
  Start += Open.size();
  return Text.substr(Start, Text.find(Close, Start) - Start).str();
}

size_t count(llvm::StringRef Text, llvm::StringRef Needle) {
  return Text.count(Needle);
}

TEST(ExportHtml, UntrustedTextIsEscaped) {
  ExportReport Report = sampleReport();
  Report.Regions[0].File = "src/<script>alert(1)</script>&\"'.cpp";
  Report.Regions[0].Keys.push_back({"model", "<img src=x onerror=alert(2)>"});
  Report.Regions[0].Keys.push_back({"reviewed-by", "\"><b>bob</b>"});
  Report.Summary.ByDirectory[0].Name = "dir<i>";
  Report.Summary.ByTool[0].Name = "tool</td>";
  Report.Errors = {"cannot read <x>&y"};
  std::string Html = render(Report);

  EXPECT_THAT(Html, HasSubstr("src/&lt;script&gt;alert(1)&lt;/script&gt;"
                              "&amp;&quot;&#39;.cpp:2"));
  EXPECT_THAT(Html, HasSubstr("&lt;img src=x onerror=alert(2)&gt;"));
  EXPECT_THAT(Html, HasSubstr("by &quot;&gt;&lt;b&gt;bob&lt;/b&gt;"));
  EXPECT_THAT(Html, HasSubstr("dir&lt;i&gt;"));
  EXPECT_THAT(Html, HasSubstr("tool&lt;/td&gt;"));
  EXPECT_THAT(Html, HasSubstr("cannot read &lt;x&gt;&amp;y"));
  EXPECT_THAT(Html, Not(HasSubstr("<img")));
  EXPECT_THAT(Html, Not(HasSubstr("<b>")));
  EXPECT_EQ(count(Html, "<script"), 1U) << "only our own script";
}

TEST(ExportHtml, InvalidUtf8BecomesReplacementCharacters) {
  ExportReport Report = sampleReport();
  Report.Regions[0].File = "src/bad\xFF\xC3(\xE2\x82.cpp";
  Report.Regions[0].Keys.push_back({"model", "ok-\xC3\xA9"});
  std::string Html = render(Report);
  const auto *Begin = reinterpret_cast<const llvm::UTF8 *>(Html.data());
  EXPECT_TRUE(llvm::isLegalUTF8String(&Begin, Begin + Html.size()))
      << "the page must be valid UTF-8";
  // One U+FFFD per bad byte; the '(' after a cut-off sequence survives.
  EXPECT_THAT(Html, HasSubstr("src/bad\xEF\xBF\xBD\xEF\xBF\xBD(\xEF\xBF\xBD"
                              "\xEF\xBF\xBD.cpp:2"));
  EXPECT_THAT(Html, HasSubstr("ok-\xC3\xA9")) << "valid UTF-8 is kept";
}

TEST(ExportHtml, ControlAndBidiCharactersAreShownByCodePoint) {
  ExportReport Report = sampleReport();
  // "Trojan Source": U+202E would display "cpp.exe" reversed.
  Report.Regions[0].File = "src/\xE2\x80\xAE"
                           "ppc.exe\x1B[31m\x07\tx.cpp";
  std::string Html = render(Report);
  EXPECT_THAT(Html,
              HasSubstr("src/[U+202E]ppc.exe[U+001B][31m[U+0007]\tx.cpp"));
  EXPECT_THAT(Html, Not(HasSubstr("\xE2\x80\xAE")));
  EXPECT_THAT(Html, Not(HasSubstr("\x1B")));
}

TEST(ExportHtml, LoadsNothingAndCspAllowsOnlyItsOwnStyleAndScript) {
  std::string Html = render(sampleReport());
  for (const char *External :
       {"http:", "https:", "src=", "url(", "@import", "<link", "<iframe",
        "<img", "<object", "<embed", "xmlns", "//cdn", "fetch("})
    EXPECT_THAT(Html, Not(HasSubstr(External))) << External;
  // Links only within the page.
  llvm::Regex Href("href=\"([^\"]*)\"");
  llvm::StringRef Rest = Html;
  llvm::SmallVector<llvm::StringRef, 2> Match;
  while (Href.match(Rest, &Match)) {
    EXPECT_TRUE(Match[1].starts_with("#")) << Match[1].str();
    Rest = Rest.substr(Rest.find(Match[0]) + Match[0].size());
  }

  std::string Csp = between(
      Html, "<meta http-equiv=\"Content-Security-Policy\" content=\"", "\"");
  ASSERT_FALSE(Csp.empty());
  EXPECT_THAT(Csp, HasSubstr("default-src 'none'"));
  EXPECT_THAT(Csp, HasSubstr("base-uri 'none'"));
  EXPECT_THAT(Csp, HasSubstr("form-action 'none'"));
  EXPECT_THAT(Csp, Not(HasSubstr("unsafe-inline")));
  // The policy comes before anything it governs.
  EXPECT_LT(Html.find("Content-Security-Policy"), Html.find("<style>"));
  EXPECT_EQ(count(Html, "<style>"), 1U);
  auto Hash = [](llvm::StringRef Text) {
    return "'sha256-" +
           llvm::encodeBase64(
               llvm::SHA256::hash(llvm::arrayRefFromStringRef(Text))) +
           "'";
  };
  EXPECT_THAT(Csp, HasSubstr("style-src " +
                             Hash(between(Html, "<style>", "</style>"))));
  EXPECT_THAT(Csp, HasSubstr("script-src " +
                             Hash(between(Html, "<script>", "</script>"))));
  // No inline handlers or style attributes, which the policy would block.
  EXPECT_THAT(Html, Not(HasSubstr(" style=")));
  EXPECT_THAT(Html, Not(HasSubstr(" onclick=")));
}

TEST(ExportHtml, SummaryAndByTool) {
  std::string Html = render(sampleReport());
  EXPECT_THAT(Html, HasSubstr("<dd id=\"summary-files\">3</dd>"));
  EXPECT_THAT(Html, HasSubstr("<dd id=\"summary-regions\">2</dd>"));
  EXPECT_THAT(Html, HasSubstr("<dd id=\"summary-lines\">6 of 41</dd>"));
  // aiShare's rounding, as in the JSON export: 6/41 = 0.1463.
  EXPECT_THAT(Html, HasSubstr("<dd id=\"summary-share\">14.63%</dd>"));
  EXPECT_THAT(Html, HasSubstr("<tr><th scope=\"row\">claude-code</th><td "
                              "class=\"num\">3</td><td class=\"num\">7.32%"
                              "</td></tr>"));
  EXPECT_THAT(Html, HasSubstr("Exported by aiprov"));
  EXPECT_THAT(Html, HasSubstr("<time datetime=\"2026-11-29T02:24:38Z\">"));
}

TEST(ExportHtml, OneBarPerDirectoryAsWideAsItsShare) {
  std::string Html = render(sampleReport());
  std::string Chart = between(Html, "<table id=\"by-directory\"", "</table>");
  EXPECT_EQ(count(Chart, "<svg class=\"bar\""), 3U);
  EXPECT_EQ(count(Chart, "<rect class=\"fill\""), 3U);
  // lib has no lines (share 0, not NaN); src 6/30; tools 0/11.
  EXPECT_THAT(Chart, HasSubstr("<rect class=\"fill\" width=\"0.00\""));
  EXPECT_THAT(Chart, HasSubstr("<rect class=\"fill\" width=\"20.00\""));
  EXPECT_THAT(Chart, HasSubstr("aria-label=\"20.00%\""));
  EXPECT_THAT(Chart, Not(HasSubstr("nan")));
  EXPECT_LT(Chart.find("<code>lib</code>"), Chart.find("<code>src</code>"));
  EXPECT_LT(Chart.find("<code>src</code>"), Chart.find("<code>tools</code>"));
}

TEST(ExportHtml, RegionTableIsPlainHtmlInFileOrder) {
  std::string Html = render(sampleReport());
  std::string Table = between(Html, "<table id=\"region-table\"", "</table>");
  std::string Body = between(Table, "<tbody>", "</tbody>");
  EXPECT_EQ(count(Body, "<tr "), 2U);
  EXPECT_LT(Body.find("src/a.cpp:2"), Body.find("src/b.cpp:5"));
  // Sorting is the script's job; the markup has no buttons.
  EXPECT_THAT(Table, Not(HasSubstr("<button")));
  for (const char *Header : {"Location", "Source", "Tool", "Model", "Lines",
                             "Review", "Verdict", "Checks", "Hash"})
    EXPECT_THAT(Table, HasSubstr(std::string(">") + Header + "</th>"))
        << Header;
  // Row 1: no model, an unreviewed annotation with a firing check.
  EXPECT_THAT(
      Body, HasSubstr("<td>annotation</td><td>codex</td><td>\u2014"
                      "</td><td class=\"num\" data-sort=\"3\">3</td>"
                      "<td class=\"unreviewed\">unreviewed</td><td "
                      "class=\"review\">review</td><td class=\"checks\">aiprov-"
                      "unreviewed-region</td>"));
  // Row 2: a ledger region with two runs, reviewed, no check.
  EXPECT_THAT(Body, HasSubstr("<td>ledger</td><td>claude-code</td><td>"
                              "claude-sonnet-4</td><td class=\"num\" data-sort"
                              "=\"3\">3 <span class=\"runs\">(lines 5\u20136, "
                              "9)</span></td><td class=\"reviewed\">reviewed "
                              "<span class=\"runs\">(by bob@example.com)"
                              "</span></td>"));
  EXPECT_THAT(Body, HasSubstr("<code class=\"hash\">sha256:aaaa"));
}

TEST(ExportHtml, OriginOfLedgerRegionsIsShown) {
  ExportReport Report = sampleReport();
  Report.Regions[1].Keys.push_back({"origin", "unknown-paste"});
  EXPECT_THAT(render(Report),
              HasSubstr("<td>ledger <span class=\"runs\">(unknown-paste)"
                        "</span></td>"));
}

TEST(ExportHtml, LostRecordsOnlyWhenThereAreAny) {
  ExportReport Report = sampleReport();
  EXPECT_THAT(render(Report), Not(HasSubstr("id=\"lost\"")));
  LostRecord L;
  L.File = "src/gone<1>.cpp";
  L.WorkspaceRoot = "/work/repo";
  L.RecordId = "0b7e2e5c-3a51-4c3e-9d55-2f0d8c0f8b11";
  L.Timestamp = "2026-11-02T10:00:00Z";
  L.Tool = "cursor";
  L.Model = "gpt-5";
  L.Origin = "agent";
  L.RecordedFirstLine = 4;
  L.RecordedLastLine = 9;
  L.Reason = "file deleted";
  Report.Lost = {L};
  std::string Lost =
      between(render(Report), "<section id=\"lost\">", "</section>");
  EXPECT_THAT(Lost, HasSubstr("<code>src/gone&lt;1&gt;.cpp</code>"));
  EXPECT_THAT(Lost, HasSubstr("<td>4\u20139</td><td>cursor</td><td>gpt-5</td>"
                              "<td>agent</td><td>2026-11-02T10:00:00Z</td><td>"
                              "file deleted</td>"));
  EXPECT_THAT(Lost, HasSubstr(L.RecordId));
}

TEST(ExportHtml, ErrorsAndWarningsAreListed) {
  ExportReport Report = sampleReport();
  std::string Clean = render(Report);
  EXPECT_THAT(between(Clean, "<section id=\"problems\">", "</section>"),
              HasSubstr("None."));
  EXPECT_THAT(Clean, Not(HasSubstr("role=\"alert\"")));

  Report.Errors = {"a.yaml:1:2: bad policy"};
  Report.Warnings = {"ledger.jsonl:3: skipped: not JSON"};
  std::string Html = render(Report);
  EXPECT_THAT(Html, HasSubstr("<ul id=\"errors\">\n<li>a.yaml:1:2: bad "
                              "policy</li>"));
  EXPECT_THAT(Html, HasSubstr("<ul id=\"warnings\">\n<li>ledger.jsonl:3: "
                              "skipped: not JSON</li>"));
  // Errors mean missing files: said at the top, not only at the end.
  EXPECT_LT(Html.find("role=\"alert\""), Html.find("id=\"summary\""));
}

TEST(ExportHtml, EmptyReportIsStillAPage) {
  std::string Html = render(ExportReport());
  EXPECT_THAT(Html, HasSubstr("No AI-assisted regions."));
  EXPECT_THAT(Html, HasSubstr("<dd id=\"summary-share\">0.00%</dd>"));
  EXPECT_THAT(Html, Not(HasSubstr("<table id=\"region-table\"")));
  EXPECT_THAT(Html, HasSubstr("</html>\n"));
}

TEST(ExportHtml, PinnedTimestampMakesTheOutputReproducible) {
  // The page says when it was exported: the pinned time, never the time
  // this run happens at (a pin years away, so the two cannot coincide).
  constexpr const char *LongAgo = "2001-02-03T04:05:06Z";
  std::string Before = nowTimestamp();
  std::string Html = render(sampleReport(), LongAgo);
  std::string After = nowTimestamp();
  EXPECT_THAT(Html, HasSubstr("<time datetime=\"2001-02-03T04:05:06Z\">"
                              "2001-02-03T04:05:06Z</time>"));
  EXPECT_THAT(Html, Not(HasSubstr(Before)));
  EXPECT_THAT(Html, Not(HasSubstr(After)));
}

TEST(ExportHtml, SourceDateEpochPinsThePageWithoutATimestamp) {
  // No timestamp in the options: SOURCE_DATE_EPOCH's time, not now, the way
  // a reproducible pipeline runs `aiprov export --format html`.
  ScopedEnvironment Epoch("SOURCE_DATE_EPOCH", "1790000000");
  EXPECT_EQ(render(sampleReport(), ""),
            render(sampleReport(), "2026-09-21T14:13:20Z"));
}

TEST(ExportHtml, SharesRoundAsTheJsonExport) {
  EXPECT_EQ(aiShare(0, 0), 0.0);
  EXPECT_EQ(aiShare(39, 88), 0.4432);
  EXPECT_EQ(aiShare(2, 3), 0.6667);
  EXPECT_EQ(aiShare(8, 8), 1.0);
}

} // namespace
} // namespace aiprov
