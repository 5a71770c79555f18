//===--- EditLocator.h - The lines an agent's edit occupies now -----------===//
//
// Ledger records describe the file as it is now (SPEC §5), but a hook
// payload describes the edit as the agent made it: a formatter or another
// hook may have run in between, so a payload's line numbers are only a
// hint. This finds the text the agent wrote in the file's current content
// and says which lines it occupies, counting lines the way LineTable (and
// so clang) does.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_HOOKS_EDITLOCATOR_H
#define AIPROV_HOOKS_EDITLOCATOR_H

#include "aiprov/hooks/HookPayload.h"
#include "aiprov/support/SourceText.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace aiprov {

/// What locateEdit() found: the lines the edit's texts occupy in Content
/// (1-based, sorted, merged), and one sentence per text it could not place.
struct LocatedLines {
  std::vector<LineRange> Ranges;
  std::vector<std::string> Unplaced;
};

/// Finds Edit's texts in Content, the file as it is now. A text found
/// several times goes to the occurrence nearest its NearLine; without one
/// it is unplaced unless AllOccurrences. Leading and trailing newlines of a
/// text belong to neighbouring lines and are not counted; a text of only
/// newlines (a deletion) has no lines. A text's "\n" line ends also match
/// the "\r\n" or lone "\r" ones of a file that uses those.
LocatedLines locateEdit(const HookEdit &Edit, llvm::StringRef Content);

} // namespace aiprov

#endif
