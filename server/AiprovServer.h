//===--- AiprovServer.h - The language server's LSP-free core -------------===//
//
// Like clangd's ClangdServer: owns the open documents, their compile
// commands and the scheduling of their AST parses, and knows how to turn
// one into regions and findings, but nothing about JSON-RPC, so it could be
// embedded elsewhere and is unit-tested without a transport. What it learns
// outside a call (a snapshot to show, a parse finished) it reports through
// AiprovServer::Callbacks, which the LSP adapter implements. Everything it
// knows about directives, policies and the ledger comes from the engine
// (analyzeBuffer, PolicyResolver, LedgerCache/placeRecords/
// mergeLedgerRegions, checkRegions), so the editor and `aiprov check` never
// disagree about a file.
//
// Each change produces a new immutable DocumentAnalysis snapshot, shared by
// pointer. The lexer path builds it inline (milliseconds); the debounced AST
// parse (ParseScheduler.h) runs on a worker, and its regions come back to
// the core's thread (Callbacks::runOnCoreThread), where a refined snapshot
// of the same version is swapped in, while readers keep the snapshot they
// hold.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_AIPROVSERVER_H
#define AIPROV_SERVER_AIPROVSERVER_H

#include "CompileCommands.h"
#include "ParseScheduler.h"
#include "PasteDetector.h"
#include "SourceCode.h"
#include "aiprov/check/Finding.h"
#include "aiprov/directives/Region.h"
#include "aiprov/ledger/Ledger.h"
#include "aiprov/ledger/LedgerRegions.h"
#include "aiprov/ledger/RegionTracker.h"
#include "aiprov/policy/Policy.h"
#include "aiprov/support/SourceText.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace aiprov::server {

/// One version of one document and everything known about it. Immutable
/// once built; safe to read from any thread.
struct DocumentAnalysis {
  /// The client's name for the document (its URI).
  std::string Key;
  /// Absolute, normalized file path; empty for a document that is not a
  /// file (an untitled buffer): it gets no policy and no ledger.
  std::string Path;
  int64_t Version = 0;
  /// The document's UTF-8 text. std::string keeps a NUL just past the end,
  /// which the engine's lexer requires.
  std::string Text;
  /// Built over Text (engine lines: 1-based, byte columns after a BOM).
  std::unique_ptr<LineTable> Lines;
  FileRegions Regions;
  /// Regions come from an AST parse with the file's compile command
  /// (attributes and _Pragma seen), not the lexer alone.
  bool FromAst = false;
  /// The file's policy verdict; the default (allow) when the policy could
  /// not be read, with PolicyError saying why.
  Verdict Policy;
  std::string PolicyError;
  /// In sortFindings order; empty when PolicyError is set (SPEC §2: files
  /// under a broken policy are not checked).
  std::vector<Finding> Findings;

  DocumentAnalysis() = default;
  DocumentAnalysis(const DocumentAnalysis &) = delete; // Lines points in.
  DocumentAnalysis &operator=(const DocumentAnalysis &) = delete;
};

/// Not thread-safe: call from one thread (the transport's reader). The
/// snapshots it hands out may be read anywhere.
class AiprovServer {
public:
  /// How the core reports what happens outside a call (clangd's
  /// ClangdServer::Callbacks). Called on the core's thread.
  class Callbacks {
  public:
    virtual ~Callbacks() = default;
    /// Doc is now its document's snapshot: opened, changed, noticed,
    /// reloaded or refined by an AST parse. Its findings are to be shown.
    virtual void onDiagnosticsReady(const DocumentAnalysis &Doc) = 0;
    /// Runs Task soon on the thread that calls the core, between two of
    /// its calls: how a parse finished on the worker comes back to the
    /// single-threaded core. Thread-safe.
    virtual void runOnCoreThread(std::function<void()> Task) = 0;
  };

  struct Options {
    /// `--policy FILE` for every document; empty (default): discover the
    /// nearest .aiprov.yaml like `aiprov check` does.
    std::string PolicyFile;
    /// False: pastes and completions are still detected and reported, but
    /// never appended to a ledger (the fuzzer; read-only checkouts).
    bool WriteLedger = true;
    /// Refine each document with a debounced AST parse when a compile
    /// command for it is found. Only with Callbacks: the refined snapshot
    /// is reported through them.
    bool AstParse = true;
    /// `--compile-commands-dir`; empty: search upwards from each document.
    std::string CompileCommandsDir;
    ParseScheduler::Options Parse;
  };

  /// CB (when given) must outlive the core.
  explicit AiprovServer(const Options &Opts, Callbacks *CB = nullptr);

  /// The unit of every DocumentPosition in and out; UTF-16 until the
  /// client negotiates otherwise.
  void setEncoding(OffsetEncoding E) { Encoding = E; }
  OffsetEncoding encoding() const { return Encoding; }

  /// Opens (or reopens) Key with Text and analyzes it. Every snapshot a
  /// call below returns is also reported (Callbacks::onDiagnosticsReady);
  /// one of new text or a reload then gets its AST parse asked for.
  std::shared_ptr<const DocumentAnalysis> openDocument(llvm::StringRef Key,
                                                       llvm::StringRef Path,
                                                       std::string Text,
                                                       int64_t Version);

  /// Applies Edits (in order, LSP semantics) and re-analyzes. Fails, with
  /// the document unchanged, when Key is not open or a range is reversed.
  /// Positions past a line's or the file's end are clamped and logged.
  llvm::Expected<std::shared_ptr<const DocumentAnalysis>>
  changeDocument(llvm::StringRef Key, llvm::ArrayRef<ContentChange> Edits,
                 int64_t Version);

  /// Policies, ignore files, ledgers or compile databases changed on disk
  /// (workspace/didChangeWatchedFiles): forgets what was read of them and
  /// analyzes every open document again, placing its ledger regions by
  /// content. Returns the new snapshots in the order the documents were
  /// opened, the order they are reported in.
  std::vector<std::shared_ptr<const DocumentAnalysis>> reloadWorkspaceFiles();

  /// A client notice (aiprov/didPaste, aiprov/didInsertCompletion) about
  /// Key; Notice.Lines from linesOf(). Returns Key's new snapshot when the
  /// notice changed its regions (it replaced a pending unknown paste or
  /// was recorded at once), else nullptr. Fails when Key is not open.
  llvm::Expected<std::shared_ptr<const DocumentAnalysis>>
  noticeDocument(llvm::StringRef Key, const PasteNotice &Notice);

  /// A message other than a notice about Except arrived: writes the pending
  /// unknown pastes of every other document to the ledger (PasteDetector.h).
  /// Their regions are already in the snapshots, so nothing is re-published.
  void settlePastes(llvm::StringRef Except = "");

  /// False when Key was not open. Drops Key's AST parse if it has not
  /// started, and settles pending pastes first.
  bool closeDocument(llvm::StringRef Key);

  /// The latest snapshot of Key; nullptr when it is not open.
  std::shared_ptr<const DocumentAnalysis> analysis(llvm::StringRef Key) const;

  /// Where an engine position (1-based line, 1-based byte column) is, in
  /// client units.
  DocumentPosition positionOf(const DocumentAnalysis &Doc,
                              Position Where) const;
  /// From Where to the end of its line: where a finding is shown.
  DocumentSpan findingSpan(const DocumentAnalysis &Doc, Position Where) const;
  /// Lines First..Last (1-based, inclusive) in client units.
  DocumentSpan lineSpan(const DocumentAnalysis &Doc, unsigned First,
                        unsigned Last) const;

private:
  /// Makes Parses when there are callbacks to report parses to.
  void startParses();
  /// Reports Doc to the callbacks, if any.
  void report(const DocumentAnalysis &Doc);
  /// Asks for an AST parse of Doc when it has a compile command.
  void scheduleParse(const DocumentAnalysis &Doc);
  /// A finished parse, on the core's thread: refines and reports its
  /// document, unless the parse failed or the document moved on.
  void parsed(const ParseRequest &Request, ParsedTranslationUnit Result);
  /// The regions of an AST parse of Key at Version: Key's snapshot is
  /// rebuilt from them (plus its ledger regions, as tracked) and returned.
  /// nullptr when Key was closed or has changed since that version: the
  /// parse is stale, and a newer one is on its way.
  std::shared_ptr<const DocumentAnalysis>
  refineDocument(llvm::StringRef Key, int64_t Version, FileRegions Parsed);

  /// How analyze() finds the ledger regions of the new text.
  enum class Placement {
    /// Re-anchor every record by content (didOpen, new records, a
    /// full-text change).
    ByContent,
    /// Take the lines the tracker carried through the edits.
    Tracked,
  };
  /// Per open document: its ledger regions as last placed by content, and
  /// their lines since then (ids are indices into Placed).
  struct LedgerTrack {
    std::vector<Region> Placed;
    RegionTracker Lines;
  };
  /// What applying one didChange did besides changing the text.
  struct TrackedChange {
    /// The document's ledger lines, moved through the edits.
    RegionTracker LedgerLines;
    /// What the edits inserted, in lines of the final text.
    std::vector<Insertion> Inserted;
    /// Positions clamped (SourceCode.h).
    unsigned Clamped = 0;
    /// A full-text replacement was among the edits.
    bool Resynced = false;
  };

  /// Key's snapshot for Text: its in-source regions from Parsed when
  /// given (an AST parse of this very text), else from the lexer.
  std::shared_ptr<const DocumentAnalysis>
  analyze(llvm::StringRef Key, llvm::StringRef Path, std::string Text,
          int64_t Version, Placement How,
          std::optional<FileRegions> Parsed = std::nullopt);
  /// The pipeline's ledger placement (FileAnalysis.h) for one analyze():
  /// by content, or the lines tracked through the edits since.
  class EditorRecords;
  /// Places the ledger's records of Doc, this server's own and Key's
  /// pending ones by content, and starts tracking them afresh.
  void placeByContent(llvm::StringRef Key, llvm::StringRef Path,
                      llvm::StringRef TopPolicyDir, const DocumentAnalysis &Doc,
                      LedgerTrack &Track);
  /// Track's regions on the lines it holds now, sorted by first line.
  static std::vector<Region> trackedRegions(const DocumentAnalysis &Doc,
                                            const LedgerTrack &Track);
  /// Ledger records for As over Doc's text; failures are logged and skip
  /// that attribution.
  std::vector<LedgerRecord> recordsFor(const DocumentAnalysis &Doc,
                                       llvm::ArrayRef<Attribution> As);
  /// Appends Records to the ledger of Path's workspace and remembers them
  /// as written (see Written).
  void write(llvm::StringRef Path, std::vector<LedgerRecord> Records);
  /// Applies Edits to Text, moving Change.LedgerLines with them and
  /// noting what they inserted (for paste detection).
  llvm::Error applyTracked(std::string &Text,
                           llvm::ArrayRef<ContentChange> Edits,
                           TrackedChange &Change) const;

  Options Opts;
  OffsetEncoding Encoding = OffsetEncoding::UTF16;
  /// Both cache per directory until reloadWorkspaceFiles.
  std::unique_ptr<PolicyResolver> Policies;
  LedgerCache Ledgers;
  /// Workspace roots whose ledger problems were logged since the last
  /// read.
  llvm::StringSet<> ReportedLedgers;
  llvm::StringMap<std::shared_ptr<const DocumentAnalysis>> Documents;
  /// Documents' keys in the order they were opened: what is output for
  /// several documents (a reload's publishes, settled pastes) comes in this
  /// order, never in Documents' hash order, which differs between builds.
  std::vector<std::string> OpenOrder;
  llvm::StringMap<LedgerTrack> Tracks;
  PasteDetector Pastes;
  /// By document key: records of its pending unknown pastes, shown but not
  /// yet written.
  llvm::StringMap<std::vector<LedgerRecord>> Provisional;
  /// By absolute path: records this server appended to the ledger. The
  /// LedgerCache read the ledger before they were written and is not
  /// re-read, so they are added to what it has.
  llvm::StringMap<std::vector<LedgerRecord>> Written;
  Callbacks *CB;
  /// Where each document's compile command is, for its AST parse.
  CompileCommands CompileDatabases;
  /// Last, so it is destroyed first: its worker may still hand a parse to
  /// the members above until it is. Null without AST parses.
  std::unique_ptr<ParseScheduler> Parses;
};

} // namespace aiprov::server

#endif
