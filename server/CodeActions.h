//===--- CodeActions.h - The four region actions of SPEC §6 ---------------===//
//
// Which actions a selection offers and what each does to a document's
// text, with no JSON in sight: LSPServer turns offers into CodeActions that
// carry a workspace/executeCommand, and the command's result into a
// workspace/applyEdit. The rewrites are the engine's (annotateLines,
// signOffKnownRegion), so an action and `aiprov review` write the same
// bytes.
//
// Actions are computed against a snapshot and applied by the client to
// the version they were computed for; a command naming an older version
// is refused rather than guessed at.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_CODEACTIONS_H
#define AIPROV_SERVER_CODEACTIONS_H

#include "AiprovServer.h"
#include "aiprov/directives/Directive.h"
#include "aiprov/support/SourceText.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace aiprov::server {

enum class ActionKind {
  /// Write a begin/end annotation around the selected lines.
  AnnotateSelection,
  /// Sign off the region as `aiprov review` does.
  MarkReviewed,
  /// Write a begin/end annotation around a ledger region (a recorded
  /// paste, completion or agent edit), so it follows the code in git.
  ConvertToAnnotation,
  /// Delete the region's lines, directives included, from a file whose
  /// policy forbids AI-assisted code.
  DeleteRegion,
};

/// The workspace/executeCommand name of Kind ("aiprov.deleteRegion").
llvm::StringRef commandName(ActionKind Kind);
/// The CodeActionKind of Kind ("quickfix.aiprov.delete"): one per action,
/// so a client can ask for exactly one (`context.only`).
llvm::StringRef codeActionKind(ActionKind Kind);
std::optional<ActionKind> actionOfCommand(llvm::StringRef Command);
/// The label of Kind's workspace/applyEdit, which editors show in their
/// undo history ("aiprov: delete AI-assisted region").
llvm::StringRef editLabel(ActionKind Kind);
/// Every command name, for the executeCommandProvider capability.
std::vector<std::string> commandNames();

/// One action a selection offers.
struct ActionOffer {
  ActionKind Kind;
  std::string Title;
  /// AnnotateSelection: the lines to annotate. Otherwise First is the line
  /// where the region starts (its directive, where its findings are
  /// reported) and Last its last line.
  LineRange Lines;
  /// The findings of the region (check names) the action settles: all of
  /// them for delete, unreviewed/stale for review, unknown-paste for
  /// convert (the annotation declares where the paste came from).
  std::vector<std::string> Resolves;
};

/// What Doc offers for Selection (1-based lines): for each region counting
/// a line of Selection.First, innermost first, delete (forbidden path),
/// mark reviewed (not yet reviewed, not an unknown paste) and convert
/// (ledger regions); then annotate, when a selected line is in no region.
std::vector<ActionOffer> offerActions(const DocumentAnalysis &Doc,
                                      LineRange Selection);

/// What running an action needs from outside the document.
struct ActionInputs {
  /// For MarkReviewed: `git config user.email` where the file is.
  std::string Reviewer;
  /// For MarkReviewed: YYYY-MM-DD.
  std::string Date;
  /// For AnnotateSelection: keys for the new directive (tool, model,
  /// origin); none means tool unknown.
  std::vector<KeyValue> Keys;
};

/// The inputs Kind needs for Doc from outside it: the reviewer (`git
/// config user.email` in the file's directory, as `aiprov review` finds
/// it) and today's date for MarkReviewed. Keys are left to the caller.
ActionInputs actionInputs(const DocumentAnalysis &Doc, ActionKind Kind);

/// Doc's whole text after Kind at Lines (as offered). Errors, naming the
/// file and line: no such region starts there any more, the region is not
/// one Kind applies to, or the engine's rewrite failed.
llvm::Expected<std::string> runAction(const DocumentAnalysis &Doc,
                                      ActionKind Kind, LineRange Lines,
                                      const ActionInputs &Inputs);

/// One replacement of whole lines: bytes [Begin, End) of Old become Text.
/// Begin and End are line starts of Old (or its end), so the range reads
/// the same in every position encoding.
struct LineReplacement {
  size_t Begin = 0, End = 0;
  std::string Text;
};

/// The line edits that turn Old into New, ascending and disjoint, all
/// against Old (as LSP's TextEdit[] are): the lines an action inserts or
/// deletes, leaving every other line (and the editor's marks on it) alone.
/// A very large change is sent as one replacement.
std::vector<LineReplacement> lineEdits(llvm::StringRef Old,
                                       llvm::StringRef New);

} // namespace aiprov::server

#endif
