//===--- FindingsOutput.h - Rendering `aiprov check` results --------------===//
//
// One renderer per format, all fed the same CheckReport, so text, JSON and
// SARIF can never disagree about what was found.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_OUTPUT_FINDINGSOUTPUT_H
#define AIPROV_OUTPUT_FINDINGSOUTPUT_H

#include "aiprov/check/CheckReport.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace aiprov {

/// clang's format: "path:line:col: error: MESSAGE [check-name]".
void renderText(const CheckReport &Report, llvm::raw_ostream &OS);
/// The format of docs/schema/check-output.schema.json.
void renderJson(const CheckReport &Report, llvm::raw_ostream &OS);
/// SARIF 2.1.0 with rule metadata, partialFingerprints and tool version.
/// File paths become URIs relative to %SRCROOT% (the current directory)
/// where they lie below it, absolute file:// URIs otherwise.
void renderSarif(const CheckReport &Report, llvm::raw_ostream &OS);

struct SarifOptions {
  /// Absolute directory that relative finding paths are relative to and that
  /// %SRCROOT% names. Empty (the default): the process's current directory.
  std::string WorkingDirectory;
};
void renderSarif(const CheckReport &Report, llvm::raw_ostream &OS,
                 const SarifOptions &Options);

/// How SARIF names a file: a relative reference with BaseId "%SRCROOT%"
/// when Path lies below WorkingDirectory (an absolute directory), else an
/// absolute file: URI with an empty BaseId. Relative paths are taken
/// relative to WorkingDirectory; "." and ".." are removed lexically.
struct ArtifactUri {
  std::string Uri;
  std::string BaseId;
};
ArtifactUri artifactUri(llvm::StringRef Path, llvm::StringRef WorkingDirectory);

} // namespace aiprov

#endif
