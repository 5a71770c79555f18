//===--- SharedAnalysis.h - One aiprov analysis for a TU's checks ---------===//
//
// clang-tidy makes one object per enabled check, and each of the five
// aiprov checks needs the same thing: the directives, policy and ledger of
// the translation unit turned into findings (CompileFindings). Run once per
// check, that work was done five times per TU, and a broken policy was
// reported five times. So the checks of one TU that read it with the same
// options share one SharedAnalysis: the first check to ask computes the
// report, each check reports only its own findings from it, and the errors
// that are not findings are reported by one check only.
//
// The module owns one SharedAnalyses and hands it to every check it makes.
// clang-tidy runs one TU after another in a process (and makes new check
// objects for each), so an analysis belongs to one preprocessor and lives
// as long as the checks holding it: when the TU's checks are gone, a later
// preprocessor at the same address starts afresh.
//
// AIPROV_TIDY_TRACE (any value) prints one line per analysis to stderr,
// naming the file and the checks it served: a way to see that the checks
// share, and why some do not (checks whose options differ each get one).
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_CLANGPLUGIN_TIDY_SHAREDANALYSIS_H
#define AIPROV_CLANGPLUGIN_TIDY_SHAREDANALYSIS_H

#include "aiprov/check/CompileFindings.h"
#include "aiprov/check/Finding.h"
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace clang {
class ASTContext;
class Preprocessor;
} // namespace clang

namespace aiprov::tidy {

/// The analysis of one TU for the checks that read it with the same
/// options.
class SharedAnalysis {
public:
  /// Installs the hooks on PP (its main file entered).
  SharedAnalysis(clang::Preprocessor &PP, CompileOptions Options);

  /// Id reports from this analysis.
  void addReader(CheckId Id);

  /// The TU's report: computed by the first reader that asks (after the
  /// parse), the same one for the others.
  const CompileReport &report(clang::ASTContext &Context);

  /// Whether Id reports the errors that are not findings (a broken policy,
  /// an unreadable ledger): the first of the readers in SPEC §3's order, so
  /// that each appears once under one check name.
  bool reportsErrors(CheckId Id) const;

private:
  CompileFindings Findings;
  std::optional<CompileReport> Report;
  std::vector<CheckId> Readers;
};

/// Hands the checks of one TU their shared analysis.
class SharedAnalyses {
public:
  /// The analysis of PP's TU for checks with Options, made by the first
  /// check that joins, with Id among its readers.
  std::shared_ptr<SharedAnalysis>
  join(clang::Preprocessor &PP, const CompileOptions &Options, CheckId Id);

private:
  struct Entry {
    const clang::Preprocessor *PP;
    CompileOptions Options;
    /// Owned by the checks: expired once the TU's checks are gone.
    std::weak_ptr<SharedAnalysis> Analysis;
  };
  /// clang-tidy runs TUs one after another, but nothing stops a host from
  /// running two at once.
  std::mutex Lock;
  std::vector<Entry> Entries;
};

} // namespace aiprov::tidy

#endif
