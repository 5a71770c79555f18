//===--- Uri.h - file: URIs to paths and back -----------------------------===//
//
// Editors name documents by URI and SARIF names artifacts by URI; the
// engine names files by absolute path. Both directions live here, so what
// `aiprov check --format sarif` writes for a path is exactly what the
// language server reads back as that path, and a URI that does not name a
// local file's path exactly is refused with one reason wherever it comes
// in.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_SUPPORT_URI_H
#define AIPROV_SUPPORT_URI_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace aiprov {

/// Path's bytes as a URI path or relative reference: each byte other than
/// an unreserved character, a sub-delimiter, '@' or '/' percent-encoded
/// with uppercase hex digits. ':' is encoded too, so the first segment of
/// a relative reference never reads as a scheme.
std::string percentEncodePath(llvm::StringRef Path);

/// An RFC 8089 "file:" URI for an absolute path, its bytes encoded by
/// percentEncodePath ("/a b/#1.cpp" -> "file:///a%20b/%231.cpp").
std::string fileUri(llvm::StringRef AbsolutePath);

/// Text with each "%XX" replaced by the byte it names. Fails on a '%' not
/// followed by two hex digits ("invalid percent-escape '%zz'") and on an
/// escape decoding to NUL ("'%00' decodes to a NUL character"): every C
/// API a path reaches would truncate it there.
llvm::Expected<std::string> percentDecode(llvm::StringRef Text);

/// What precedes Uri's first ':' ("file" in "file:///a"); "" when it has
/// no ':'. The scheme's characters are not checked.
llvm::StringRef uriScheme(llvm::StringRef Uri);

/// The absolute path a file: URI names, "." and ".." removed: the inverse
/// of fileUri. The error says why Uri names no local path: it holds a NUL
/// byte, its scheme is not file:, it lacks the "//" authority, it names a
/// host other than "localhost", an escape is invalid (percentDecode), or
/// the path is not absolute.
llvm::Expected<std::string> filePathOfUri(llvm::StringRef Uri);

} // namespace aiprov

#endif
