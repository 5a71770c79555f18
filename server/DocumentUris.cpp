//===--- DocumentUris.cpp - Which URIs name documents the server checks ---===//
//
// A URI is refused rather than repaired: the path it decodes to would not
// be the file the editor shows (filePathOfUri), or it is not a local file.
//
//===----------------------------------------------------------------------===//
#include "DocumentUris.h"
#include "aiprov/support/Uri.h"
#include "llvm/Support/FormatVariadic.h"

namespace aiprov::server {

llvm::Expected<std::string> documentPathOfUri(llvm::StringRef Uri) {
  auto Refuse = [&](const llvm::Twine &Why) {
    // Control bytes are shown escaped: the log is a terminal's or a file's.
    std::string Shown;
    for (char C : Uri.take_front(200)) {
      auto Byte = static_cast<unsigned char>(C);
      if (Byte < 0x20 || Byte == 0x7f)
        Shown += llvm::formatv("\\x{0:X-2}", Byte).str();
      else
        Shown.push_back(C);
    }
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "document URI '" + Shown +
                                       "' refused: " + Why);
  };
  // A NUL is refused whatever the scheme: filePathOfUri says so.
  if (!Uri.contains('\0')) {
    llvm::StringRef Scheme = uriScheme(Uri);
    if (Scheme.equals_insensitive("untitled"))
      return "";
    if (!Scheme.equals_insensitive("file"))
      return Refuse("only file: and untitled: documents are checked");
  }
  llvm::Expected<std::string> Path = filePathOfUri(Uri);
  if (!Path)
    return Refuse(llvm::toString(Path.takeError()));
  return Path;
}

} // namespace aiprov::server
