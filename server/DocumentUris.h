//===--- DocumentUris.h - Which URIs name documents the server checks -----===//
//
// The core names a document by the client's URI and checks the file its
// path names. Which URIs are accepted is decided here, once, at didOpen: a
// file: URI that names a local path exactly (support/Uri.h), or an
// untitled: buffer, which has no file. Anything else is refused with the
// reason logged, so nothing is recorded or shown under a wrong name.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SERVER_DOCUMENTURIS_H
#define AIPROV_SERVER_DOCUMENTURIS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace aiprov::server {

/// The absolute, normalized path a document URI names; "" for an
/// `untitled:` buffer, which gets no policy and no ledger. The error names
/// the URI (control bytes escaped, at most 200 bytes of it) and why it is
/// refused.
llvm::Expected<std::string> documentPathOfUri(llvm::StringRef Uri);

} // namespace aiprov::server

#endif
