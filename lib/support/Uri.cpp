//===--- Uri.cpp - file: URIs to paths and back ---------------------------===//
//
// Decoding is strict where the result becomes a file name: a URI whose
// path would not be the file the editor shows is refused rather than
// repaired (an escape decoding to NUL once truncated a path, and a paste
// was recorded in the ledger under the truncated name).
//
//===----------------------------------------------------------------------===//
#include "aiprov/support/Uri.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace aiprov {

namespace {

/// RFC 3986 pchar minus ':' (which would make a relative reference look
/// like a scheme), plus '/'. Everything else, including '%' and every
/// non-ASCII byte, is percent-encoded.
bool isVerbatimUriByte(unsigned char C) {
  if (llvm::isAlnum(C))
    return true;
  return llvm::StringRef("-._~!$&'()*+,;=@/").contains(C);
}

llvm::Error refused(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
}

} // namespace

std::string percentEncodePath(llvm::StringRef Path) {
  std::string Out;
  Out.reserve(Path.size());
  for (unsigned char C : Path) {
    if (isVerbatimUriByte(C)) {
      Out += C;
      continue;
    }
    Out += '%';
    Out += llvm::hexdigit(C >> 4, /*LowerCase=*/false);
    Out += llvm::hexdigit(C & 0xF, /*LowerCase=*/false);
  }
  return Out;
}

std::string fileUri(llvm::StringRef AbsolutePath) {
  // "file://" + an empty authority + the absolute path's own leading '/'.
  return "file://" + percentEncodePath(AbsolutePath);
}

llvm::Expected<std::string> percentDecode(llvm::StringRef Text) {
  std::string Out;
  Out.reserve(Text.size());
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] != '%') {
      Out.push_back(Text[I]);
      continue;
    }
    unsigned Byte = 0;
    llvm::StringRef Hex = Text.substr(I + 1, 2);
    if (Hex.size() != 2 || !llvm::all_of(Hex, llvm::isHexDigit) ||
        Hex.getAsInteger(16, Byte))
      return refused("invalid percent-escape '" + Text.substr(I, 3) + "'");
    if (Byte == 0)
      return refused("'%" + Hex + "' decodes to a NUL character");
    Out.push_back(static_cast<char>(Byte));
    I += 2;
  }
  return Out;
}

llvm::StringRef uriScheme(llvm::StringRef Uri) {
  size_t Colon = Uri.find(':');
  return Colon == llvm::StringRef::npos ? "" : Uri.take_front(Colon);
}

llvm::Expected<std::string> filePathOfUri(llvm::StringRef Uri) {
  if (Uri.contains('\0'))
    return refused("it contains a NUL character");
  llvm::StringRef Scheme = uriScheme(Uri);
  if (!Scheme.equals_insensitive("file"))
    return refused("it is not a file: URI");
  llvm::StringRef Rest = Uri.drop_front(Scheme.size() + 1);
  if (!Rest.consume_front("//"))
    return refused("a file URI starts with file://");
  llvm::StringRef Host = Rest.take_until([](char C) { return C == '/'; });
  if (!Host.empty() && !Host.equals_insensitive("localhost"))
    return refused("it names host '" + Host + "', not a local file");
  llvm::Expected<std::string> Path =
      percentDecode(Rest.drop_front(Host.size()));
  if (!Path)
    return Path.takeError();
  if (!llvm::sys::path::is_absolute(*Path))
    return refused("not an absolute path");
  llvm::SmallString<256> Normal(*Path);
  llvm::sys::path::remove_dots(Normal, /*remove_dot_dot=*/true);
  return std::string(Normal);
}

} // namespace aiprov
