//===--- IgnoreStack.cpp - Which pattern of which .gitignore decides ------===//
//
// Git's verdict for a path, given compiled patterns (IgnorePattern.cpp): in
// one list the last matching pattern wins; across nested lists the deepest
// one with an opinion wins; and before the path itself each of its leading
// directories is tried, because git never looks inside a directory it
// excludes, so nothing below one can be re-included. Both rules are git's
// own (dir.c), which the oracle test holds this to.
//
//===----------------------------------------------------------------------===//
#include "aiprov/policy/IgnoreStack.h"
#include "aiprov/policy/IgnorePattern.h"
#include "aiprov/support/Paths.h"
#include "llvm/Support/FormatVariadic.h"

namespace aiprov {
namespace {

/// Splits a .gitignore the way git reads it and calls Visit(Text, Line) for
/// each line that holds a pattern.
template <typename Fn>
void forEachPatternLine(llvm::StringRef Contents, Fn Visit) {
  Contents.consume_front("\xEF\xBB\xBF");
  unsigned LineNo = 0;
  while (!Contents.empty()) {
    auto [Line, Rest] = Contents.split('\n');
    Contents = Rest;
    ++LineNo;
    if (Line.empty() || Line.front() == '#')
      continue;
    Line.consume_back("\r");
    Line = trimTrailingSpaces(Line);
    if (!Line.empty())
      Visit(Line, LineNo);
  }
}

std::string normalizedBase(llvm::StringRef BaseDir) {
  if (BaseDir.size() > 1)
    BaseDir.consume_back("/");
  return BaseDir.str();
}

std::string formatError(llvm::StringRef Origin, unsigned Line, unsigned Column,
                        llvm::StringRef Message) {
  return llvm::formatv("{0}:{1}:{2}: error: {3}", Origin, Line, Column, Message)
      .str();
}

} // namespace

IgnoreList::IgnoreList() = default;
IgnoreList::IgnoreList(IgnoreList &&) noexcept = default;
IgnoreList &IgnoreList::operator=(IgnoreList &&) noexcept = default;
IgnoreList::~IgnoreList() = default;

bool IgnoreList::empty() const { return Patterns.empty(); }

llvm::Expected<IgnoreList> IgnoreList::parse(llvm::StringRef Contents,
                                             llvm::StringRef BaseDir,
                                             llvm::StringRef Origin) {
  IgnoreList List;
  List.BaseDir = normalizedBase(BaseDir);
  List.Origin = Origin.str();
  std::string FirstError;
  forEachPatternLine(Contents, [&](llvm::StringRef Text, unsigned Line) {
    if (!FirstError.empty())
      return;
    PatternError Err;
    if (std::optional<IgnorePattern> P =
            IgnorePattern::compile(Text, Line, Err))
      List.Patterns.push_back(std::move(*P));
    else
      FirstError = formatError(Origin, Line, Err.Offset + 1, Err.Message);
  });
  if (!FirstError.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(), FirstError);
  return List;
}

IgnoreList IgnoreList::parseLenient(llvm::StringRef Contents,
                                    llvm::StringRef BaseDir,
                                    llvm::StringRef Origin,
                                    std::vector<std::string> *Problems) {
  IgnoreList List;
  List.BaseDir = normalizedBase(BaseDir);
  List.Origin = Origin.str();
  forEachPatternLine(Contents, [&](llvm::StringRef Text, unsigned Line) {
    PatternError Err;
    if (std::optional<IgnorePattern> P =
            IgnorePattern::compile(Text, Line, Err))
      List.Patterns.push_back(std::move(*P));
    else if (Problems)
      Problems->push_back(
          formatError(Origin, Line, Err.Offset + 1, Err.Message));
  });
  return List;
}

llvm::Expected<IgnoreList>
IgnoreList::fromLines(llvm::ArrayRef<PatternLine> Lines,
                      llvm::StringRef BaseDir, llvm::StringRef Origin) {
  IgnoreList List;
  List.BaseDir = normalizedBase(BaseDir);
  List.Origin = Origin.str();
  for (const PatternLine &L : Lines) {
    PatternError Err;
    std::optional<IgnorePattern> P =
        IgnorePattern::compilePathEntry(L.Text, L.Line, Err);
    if (!P) {
      unsigned Column = L.Column + (L.ColumnsAreExact ? Err.Offset : 0);
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          formatError(Origin, L.Line, Column, Err.Message));
    }
    List.Patterns.push_back(std::move(*P));
  }
  return List;
}

std::optional<llvm::StringRef>
IgnoreList::relativePath(llvm::StringRef Path) const {
  if (BaseDir.empty())
    return Path.empty() ? std::nullopt : std::optional(Path);
  std::optional<llvm::StringRef> Below = pathBelow(Path, BaseDir);
  if (Below && !Below->empty())
    return Below;
  return std::nullopt;
}

std::optional<IgnoreMatch> IgnoreList::lastMatch(llvm::StringRef RelPath,
                                                 bool IsDir) const {
  for (auto It = Patterns.rbegin(), End = Patterns.rend(); It != End; ++It)
    if (It->matches(RelPath, IsDir))
      return IgnoreMatch{It->negated(), It->written(), Origin, It->line()};
  return std::nullopt;
}

std::optional<IgnoreMatch> IgnoreList::match(llvm::StringRef RelPath,
                                             bool IsDir) const {
  // An excluded directory decides for everything below it; git never even
  // looks at patterns that would re-include something inside.
  for (size_t Slash = RelPath.find('/'); Slash != llvm::StringRef::npos;
       Slash = RelPath.find('/', Slash + 1)) {
    std::optional<IgnoreMatch> M = lastMatch(RelPath.take_front(Slash), true);
    if (isIgnored(M))
      return M;
  }
  return lastMatch(RelPath, IsDir);
}

std::optional<IgnoreMatch> IgnoreStack::matchEntry(llvm::StringRef Path,
                                                   bool IsDir) const {
  for (auto It = Lists.rbegin(), End = Lists.rend(); It != End; ++It)
    if (std::optional<llvm::StringRef> Rel = (*It)->relativePath(Path))
      if (std::optional<IgnoreMatch> M = (*It)->lastMatch(*Rel, IsDir))
        return M;
  return std::nullopt;
}

std::optional<IgnoreMatch> IgnoreStack::match(llvm::StringRef Path,
                                              bool IsDir) const {
  if (Lists.empty())
    return std::nullopt;
  std::optional<llvm::StringRef> BelowTop = Lists.front()->relativePath(Path);
  if (!BelowTop)
    return std::nullopt;
  const size_t TopLength = Path.size() - BelowTop->size();
  // Leading directories, outermost first. A list only has a say on paths
  // strictly below its own directory, which matchEntry checks: a
  // directory's own .gitignore does not decide whether it is excluded.
  for (size_t Slash = BelowTop->find('/'); Slash != llvm::StringRef::npos;
       Slash = BelowTop->find('/', Slash + 1)) {
    std::optional<IgnoreMatch> M =
        matchEntry(Path.take_front(TopLength + Slash), true);
    if (isIgnored(M))
      return M;
  }
  return matchEntry(Path, IsDir);
}

} // namespace aiprov
