//===--- PasteDetector.h - Deciding the origin of inserted text -----------===//
//
// SPEC §6: an insertion of at least `paste-min-lines` lines in one change,
// with no client notice, is a paste of unknown origin; aiprov/didPaste and
// aiprov/didInsertCompletion set the real origin instead. A notice may come
// just before or just after its didChange, and the ledger is append-only,
// so an unknown paste is only *pending* until the next message: a notice
// that arrives right after the change replaces it before anything is
// written. This class is that decision and nothing else (no LSP, no ledger,
// no text), so the ordering rules are unit-tested alone
// (PasteDetectorTests.cpp); docs/lsp.md states them for client authors.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_PASTEDETECTOR_H
#define AIPROV_SERVER_PASTEDETECTOR_H

#include "aiprov/support/SourceText.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aiprov::server {

/// Text one change inserted: the lines it occupies after the change (1-based,
/// inclusive; the first and last perhaps only partly) and how many lines it
/// holds (insertedLineCount).
struct Insertion {
  LineRange Lines;
  unsigned LineCount = 0;
};

/// What a client said about inserted text.
struct PasteNotice {
  enum class Kind { WorkspacePaste, ExternalPaste, Completion };
  Kind What = Kind::ExternalPaste;
  /// Where the text is after its change (1-based, inclusive).
  LineRange Lines;
  /// Completion only.
  std::string Tool, Model;
};

/// Lines to record in the ledger and as what.
struct Attribution {
  LineRange Lines;
  std::string Origin;
  std::string Tool, Model;
  /// Agent Trace contributor type: "ai" or "unknown".
  std::string Contributor;
};

/// The attribution a notice asks for: a completion's. None for a paste: from
/// inside the workspace it is a human moving their own code, from outside
/// it stays what the insertion is without a notice.
std::optional<Attribution> attributionOf(const PasteNotice &Notice);

/// Per-document state, keyed by the client's URI. Not thread-safe: the
/// reader thread owns it.
class PasteDetector {
public:
  /// Key changed, inserting Inserted (in the order of the change's edits,
  /// lines as they are after the whole change). Notices held for Key whose
  /// lines hold inserted text are returned as the attributions to record
  /// now, the others dropped; the
  /// remaining insertions of at least MinLines lines become Key's pending
  /// unknown pastes (see pending()). Call settle() before, so nothing of
  /// an earlier change is still pending.
  std::vector<Attribution> changed(llvm::StringRef Key,
                                   llvm::ArrayRef<Insertion> Inserted,
                                   unsigned MinLines);

  /// A client notice for Key. If the change just before it (no other
  /// message between) inserted text on the notice's lines, the notice is
  /// about that change: its overlapping pending unknown pastes are dropped
  /// and the notice's attribution returned, to record now. Otherwise it is
  /// held for Key's next change (and dropped if that change inserted
  /// nothing on its lines), and nothing is returned.
  std::vector<Attribution> noticed(llvm::StringRef Key,
                                   const PasteNotice &Notice);

  /// Key's unknown pastes not yet settled, as unknown-paste attributions:
  /// shown at once, written by settle().
  std::vector<Attribution> pending(llvm::StringRef Key) const;

  /// Another message arrived: every pending unknown paste, except those of
  /// Except, is final. Returns them by document, and forgets what those
  /// documents' last changes inserted, so a later notice is about the next
  /// change. Held notices stay.
  /// Sorted by key, so callers never depend on a hash map's order.
  std::map<std::string, std::vector<Attribution>>
  settle(llvm::StringRef Except = "");

  /// Key was closed: drops its held notices (settle() first).
  void forget(llvm::StringRef Key) { Documents.erase(Key); }

private:
  struct DocumentState {
    /// Insertions of the last change, until a notice claims them or the
    /// next message settles them.
    std::vector<Insertion> Recent;
    /// Recent insertions that count as unknown pastes.
    std::vector<LineRange> Pending;
    /// Notices that came before their change.
    std::vector<PasteNotice> Held;
  };
  llvm::StringMap<DocumentState> Documents;
};

} // namespace aiprov::server

#endif
