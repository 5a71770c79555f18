//===--- YamlSurprises.cpp - YAML that YAML I/O would misread or drop -----===//
//
// YAML I/O sees a tag, alias or anchor only as a node it cannot map, or not
// at all, and stops after the first document; the plain YAML parser's node
// tree keeps all of them. So these walk that tree (or, where a tag left no
// node behind, the text) and turn each into a message that says how to
// write what was meant, which is nearly always a quoted pattern.
//
//===----------------------------------------------------------------------===//
#include "aiprov/policy/YamlSurprises.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

namespace aiprov {
namespace {

std::string quoteHint(llvm::StringRef Written) {
  // In a flow list the scanner lets a tag run into the closing bracket.
  Written = Written.rtrim(",]}");
  char First = Written.front();
  return ("'" + Written + "' is read by YAML as " +
          (First == '!'   ? "a tag"
           : First == '*' ? "an alias"
                          : "an anchor") +
          "; quote a pattern that starts with '" + llvm::Twine(First) +
          "', as in \"" + Written + "\"")
      .str();
}

std::optional<YamlSurprise> findSurprise(llvm::yaml::Node *N) {
  if (!N)
    return std::nullopt;
  if (auto *Alias = llvm::dyn_cast<llvm::yaml::AliasNode>(N)) {
    const char *Star = Alias->getName().begin() - 1;
    return YamlSurprise{Star, quoteHint(("*" + Alias->getName()).str())};
  }
  if (llvm::StringRef Tag = N->getRawTag(); !Tag.empty())
    return YamlSurprise{Tag.begin(), quoteHint(Tag)};
  if (llvm::StringRef Anchor = N->getAnchor(); !Anchor.empty())
    return YamlSurprise{Anchor.begin() - 1, quoteHint(("&" + Anchor).str())};
  if (auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(N)) {
    for (llvm::yaml::KeyValueNode &KV : *Map) {
      if (auto S = findSurprise(KV.getKey()))
        return S;
      if (auto S = findSurprise(KV.getValue()))
        return S;
    }
  } else if (auto *Seq = llvm::dyn_cast<llvm::yaml::SequenceNode>(N)) {
    for (llvm::yaml::Node &Entry : *Seq)
      if (auto S = findSurprise(&Entry))
        return S;
  }
  return std::nullopt;
}

} // namespace

std::optional<YamlSurprise> findUnquotedEntry(llvm::StringRef Text,
                                              unsigned UpToLine) {
  unsigned LineNo = 0;
  for (llvm::StringRef Rest = Text; !Rest.empty() && ++LineNo <= UpToLine;) {
    llvm::StringRef Line;
    std::tie(Line, Rest) = Rest.split('\n');
    llvm::StringRef Entry = Line.ltrim(" \t");
    if (!Entry.consume_front("-") || Entry.empty() ||
        (Entry.front() != ' ' && Entry.front() != '\t'))
      continue;
    Entry = Entry.ltrim(" \t");
    if (!Entry.empty() && llvm::StringRef("!*&").contains(Entry.front()))
      return YamlSurprise{Entry.begin(),
                          quoteHint(Entry.take_until(llvm::isSpace))};
  }
  return std::nullopt;
}

std::optional<YamlSurprise> scanForSurprises(llvm::StringRef Text,
                                             llvm::StringRef Path) {
  llvm::SourceMgr Quiet; // YAML I/O reports the syntax errors
  Quiet.setDiagHandler([](const llvm::SMDiagnostic &, void *) {});
  llvm::yaml::Stream Documents(llvm::MemoryBufferRef(Text, Path), Quiet);
  unsigned NonEmpty = 0;
  for (llvm::yaml::Document &Doc : Documents) {
    llvm::yaml::Node *Root = Doc.getRoot();
    if (!Root || llvm::isa<llvm::yaml::NullNode>(Root))
      continue;
    if (++NonEmpty == 2)
      return YamlSurprise{Root->getSourceRange().Start.getPointer(),
                          "a policy file holds one YAML document; found "
                          "another"};
    if (auto S = findSurprise(Root))
      return S;
  }
  return std::nullopt;
}

} // namespace aiprov
