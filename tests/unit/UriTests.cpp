//===--- UriTests.cpp - file: URIs to paths and back ----------------------===//
//
// Both directions against the same paths: what SARIF writes for a path is
// what the language server reads back as it. Each refusal is asserted by
// its reason, which the server logs when it ignores a document.
//
//===----------------------------------------------------------------------===//
#include "aiprov/support/Uri.h"
#include "gtest/gtest.h"
#include <string>

namespace aiprov {
namespace {

struct EncodedPath {
  const char *Path, *Uri;
};

const EncodedPath EncodedPaths[] = {
    {"/repo/src/a.cpp", "file:///repo/src/a.cpp"},
    {"/my repo/a b.cpp", "file:///my%20repo/a%20b.cpp"},
    {"/repo/#1/50%.cpp", "file:///repo/%231/50%25.cpp"},
    {"/repo/?x[1]{2}.h", "file:///repo/%3Fx%5B1%5D%7B2%7D.h"},
    {"/repo/na\xC3\xAFve/\xE6\x97\xA5.cpp",
     "file:///repo/na%C3%AFve/%E6%97%A5.cpp"},
    {"/repo/c:d\\e\"f<g>.cpp", "file:///repo/c%3Ad%5Ce%22f%3Cg%3E.cpp"},
    // Sub-delimiters, '@' and the unreserved marks are legal in a path.
    {"/repo/a+b(c),d;e=f&g$h!i'j*k@l~m_n-o.p",
     "file:///repo/a+b(c),d;e=f&g$h!i'j*k@l~m_n-o.p"},
    {"/", "file:///"},
};

/// The path Uri names, or "error: WHY".
std::string pathOrError(llvm::StringRef Uri) {
  llvm::Expected<std::string> Path = filePathOfUri(Uri);
  if (!Path)
    return "error: " + llvm::toString(Path.takeError());
  return *Path;
}

TEST(Uri, FileUriPercentEncodes) {
  for (const EncodedPath &C : EncodedPaths) {
    SCOPED_TRACE(C.Path);
    EXPECT_EQ(fileUri(C.Path), C.Uri);
  }
}

TEST(Uri, FilePathOfUriDecodesWhatFileUriEncodes) {
  for (const EncodedPath &C : EncodedPaths) {
    SCOPED_TRACE(C.Path);
    EXPECT_EQ(pathOrError(C.Uri), C.Path);
  }
  // Every byte but NUL survives the round trip.
  std::string Every = "/";
  for (int Byte = 1; Byte < 256; ++Byte)
    if (Byte != '/')
      Every.push_back(static_cast<char>(Byte));
  EXPECT_EQ(pathOrError(fileUri(Every)), Every);
}

TEST(Uri, FilePathOfUriAcceptsOtherSpellingsOfTheSamePath) {
  EXPECT_EQ(pathOrError("FILE://LocalHost/repo/a.cpp"), "/repo/a.cpp");
  EXPECT_EQ(pathOrError("file:///repo/%61%2e%63pp"), "/repo/a.cpp");
  EXPECT_EQ(pathOrError("file:///repo/src/%2e%2e/./b/../a.cpp"), "/repo/a.cpp");
}

TEST(Uri, FilePathOfUriSaysWhyItRefuses) {
  struct Case {
    llvm::StringRef Uri;
    const char *Error;
  } Cases[] = {
      {llvm::StringRef("file:///a\0b", 11),
       "error: it contains a NUL character"},
      {"file:///a%00b", "error: '%00' decodes to a NUL character"},
      {"file:///a%0", "error: invalid percent-escape '%0'"},
      {"file:///a%", "error: invalid percent-escape '%'"},
      {"file:///t%zzask.cpp", "error: invalid percent-escape '%zz'"},
      {"file:///t%+1ask.cpp", "error: invalid percent-escape '%+1'"},
      {"file://fileserver/a.cpp",
       "error: it names host 'fileserver', not a local file"},
      {"file:a.cpp", "error: a file URI starts with file://"},
      {"file://", "error: not an absolute path"},
      {"file://localhost", "error: not an absolute path"},
      {"https://example.com/a.cpp", "error: it is not a file: URI"},
      {"a.cpp", "error: it is not a file: URI"},
  };
  for (const Case &C : Cases) {
    SCOPED_TRACE(C.Uri.str());
    EXPECT_EQ(pathOrError(C.Uri), C.Error);
  }
}

TEST(Uri, PercentDecodeIsStrict) {
  llvm::Expected<std::string> Decoded = percentDecode("a%20b%2Fc%c3%af");
  ASSERT_TRUE(static_cast<bool>(Decoded)) << toString(Decoded.takeError());
  EXPECT_EQ(*Decoded, "a b/c\xC3\xAF");
  llvm::Expected<std::string> Bad = percentDecode("50%");
  ASSERT_FALSE(static_cast<bool>(Bad));
  EXPECT_EQ(llvm::toString(Bad.takeError()), "invalid percent-escape '%'");
}

TEST(Uri, SchemeIsWhatPrecedesTheFirstColon) {
  EXPECT_EQ(uriScheme("file:///a"), "file");
  EXPECT_EQ(uriScheme("untitled:Untitled-1"), "untitled");
  EXPECT_EQ(uriScheme("a.cpp"), "");
  EXPECT_EQ(uriScheme(":x"), "");
}

} // namespace
} // namespace aiprov
