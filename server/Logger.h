//===--- Logger.h - The language server's log -----------------------------===//
//
// stdout belongs to the protocol, so everything the server wants a human to
// read goes here: stderr by default, or the file given with `aiprov lsp
// --log FILE`. One process-wide sink, like clangd's, because the transport,
// the dispatcher and the core all log and none should need a handle.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_LOGGER_H
#define AIPROV_SERVER_LOGGER_H

#include "llvm/ADT/Twine.h"
#include "llvm/Support/raw_ostream.h"

namespace aiprov::server {

/// Sends log lines to OS (not owned; must outlive the server). nullptr
/// restores stderr. Call before the server starts; not thread-safe itself.
void setLogStream(llvm::raw_ostream *OS);

/// Writes one line, prefixed with its level ('E' error, 'I' info) and the
/// time. Thread-safe: lines from different threads never interleave.
void logError(const llvm::Twine &Message);
void logInfo(const llvm::Twine &Message);

} // namespace aiprov::server

#endif
