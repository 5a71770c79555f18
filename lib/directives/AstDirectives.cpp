//===--- AstDirectives.cpp - Clang hooks that feed the collector ----------===//
//
// Every hook converts clang's SourceLocations to byte offsets in the main
// file and hands them to the same DirectiveCollector lexer mode uses, so
// directive syntax lives in one place. Only the main file is collected:
// headers are checked on their own (lexed, or as their own TUs).
//
//===----------------------------------------------------------------------===//
#include "aiprov/directives/AstDirectives.h"
#include "aiprov/directives/RegionBuilder.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Pragma.h"
#include "clang/Lex/Preprocessor.h"
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace aiprov {

/// A declaration's extent in the main file, for naming enclosing decls.
struct DeclExtent {
  size_t Begin, End; // Byte offsets, End inclusive of the last token start.
  unsigned FirstLine;
  std::string Name; // "function 'Task::score'"
  bool IsNamespace;
};

/// The scanners that want one preprocessor's `#pragma aiprov`s. A
/// preprocessor takes one handler per pragma name, but a clang-tidy run
/// has a scanner per enabled check: the first scanner installs the handler
/// and the others join its list.
struct PragmaListeners {
  std::vector<AstDirectiveScanner::Impl *> Scanners;
};

struct AstDirectiveScanner::Impl {
  clang::SourceManager &SM;
  clang::FileID Main;
  llvm::StringRef Buffer;
  DirectiveCollector Collector;
  std::vector<DeclExtent> Decls;
  std::unique_ptr<clang::CommentHandler> Comments;
  /// Shared with the preprocessor's `#pragma aiprov` handler.
  std::shared_ptr<PragmaListeners> Listeners;

  explicit Impl(clang::SourceManager &SM)
      : SM(SM), Main(SM.getMainFileID()), Buffer(SM.getBufferData(Main)),
        Collector(Buffer) {}

  /// Offset in the main file of Loc as written (a macro's expansion point).
  std::optional<size_t> mainOffset(clang::SourceLocation Loc) const {
    if (Loc.isInvalid())
      return std::nullopt;
    Loc = SM.getExpansionLoc(Loc);
    auto [File, Offset] = SM.getDecomposedLoc(Loc);
    if (File != Main)
      return std::nullopt;
    return Offset;
  }
};

namespace {

class CommentCollector : public clang::CommentHandler {
public:
  explicit CommentCollector(AstDirectiveScanner::Impl &S) : S(S) {}
  bool HandleComment(clang::Preprocessor &, clang::SourceRange Range) override {
    auto B = S.mainOffset(Range.getBegin()), E = S.mainOffset(Range.getEnd());
    if (B && E && *E > *B)
      S.Collector.addComment(*B, *E);
    return false;
  }

private:
  AstDirectiveScanner::Impl &S;
};

class SkippedRangeCollector : public clang::PPCallbacks {
public:
  explicit SkippedRangeCollector(AstDirectiveScanner::Impl &S) : S(S) {}
  void SourceRangeSkipped(clang::SourceRange Range,
                          clang::SourceLocation EndifLoc) override {
    // SPEC §1: directives in inactive branches count in both modes.
    auto B = S.mainOffset(Range.getBegin()), E = S.mainOffset(Range.getEnd());
    if (B && E && *E > *B)
      S.Collector.scanRange(*B, *E);
  }

private:
  AstDirectiveScanner::Impl &S;
};

std::mutex RegistryLock;
/// The listeners of each preprocessor whose handler is alive.
std::map<const clang::Preprocessor *, std::shared_ptr<PragmaListeners>>
    Registry;

class AiprovPragmaHandler : public clang::PragmaHandler {
public:
  AiprovPragmaHandler(const clang::Preprocessor &PP,
                      std::shared_ptr<PragmaListeners> Listeners)
      : clang::PragmaHandler("aiprov"), PP(PP),
        Listeners(std::move(Listeners)) {}
  // The preprocessor deletes its handlers; a later one at the same address
  // must start afresh.
  ~AiprovPragmaHandler() override {
    std::lock_guard<std::mutex> Lock(RegistryLock);
    Registry.erase(&PP);
  }

  void HandlePragma(clang::Preprocessor &PP, clang::PragmaIntroducer Introducer,
                    clang::Token &Name) override {
    // Read the pragma's tokens unexpanded: a directive's words are not code.
    std::string Spelled;
    clang::SourceLocation LastEnd = Name.getEndLoc();
    clang::Token Tok;
    for (PP.LexUnexpandedToken(Tok); Tok.isNot(clang::tok::eod);
         PP.LexUnexpandedToken(Tok)) {
      if (Tok.hasLeadingSpace() || Spelled.empty())
        Spelled += ' ';
      Spelled += PP.getSpelling(Tok);
      LastEnd = Tok.getEndLoc();
    }
    for (AstDirectiveScanner::Impl *S : Listeners->Scanners)
      collect(*S, Introducer, Name, LastEnd, Spelled);
  }

private:
  static void collect(AstDirectiveScanner::Impl &S,
                      clang::PragmaIntroducer Introducer, clang::Token &Name,
                      clang::SourceLocation LastEnd, llvm::StringRef Spelled) {
    auto At = S.mainOffset(Introducer.Loc);
    if (!At)
      return;
    if (Introducer.Kind == clang::PIK_HashPragma) {
      auto BodyBegin = S.mainOffset(Name.getEndLoc());
      auto BodyEnd = S.mainOffset(LastEnd);
      if (BodyBegin && BodyEnd)
        S.Collector.addPragmaLine(*At, *BodyBegin,
                                  std::max(*BodyBegin, *BodyEnd));
      return;
    }
    S.Collector.addPragmaOperator(*At, Spelled);
  }

  const clang::Preprocessor &PP;
  std::shared_ptr<PragmaListeners> Listeners;
};

std::string describeDecl(const clang::NamedDecl &D) {
  std::string Name = D.getQualifiedNameAsString();
  if (Name.empty())
    return "";
  llvm::StringRef What = "declaration";
  if (llvm::isa<clang::FunctionDecl>(D))
    What = "function";
  else if (const auto *Tag = llvm::dyn_cast<clang::TagDecl>(&D))
    What = Tag->getKindName();
  else if (llvm::isa<clang::NamespaceDecl>(D))
    What = "namespace";
  else if (llvm::isa<clang::VarDecl>(D))
    What = "variable";
  return What.str() + " '" + Name + "'";
}

class DeclVisitor : public clang::RecursiveASTVisitor<DeclVisitor> {
public:
  explicit DeclVisitor(AstDirectiveScanner::Impl &S) : S(S) {}
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }

  bool VisitNamedDecl(clang::NamedDecl *D) {
    if (D->isImplicit())
      return true;
    recordAttributes(*D);
    const auto *Var = llvm::dyn_cast<clang::VarDecl>(D);
    if (!llvm::isa<clang::FunctionDecl, clang::TagDecl, clang::NamespaceDecl>(
            D) &&
        !(Var && Var->isFileVarDecl()))
      return true;
    auto B = S.mainOffset(D->getBeginLoc()), E = S.mainOffset(D->getEndLoc());
    std::string Name = describeDecl(*D);
    if (B && E && !Name.empty())
      S.Decls.push_back({*B, *E, S.Collector.lines().positionOf(*B).Line,
                         std::move(Name), llvm::isa<clang::NamespaceDecl>(D)});
    return true;
  }

private:
  void recordAttributes(const clang::NamedDecl &D) {
    for (const auto *A : D.specific_attrs<clang::AnnotateAttr>()) {
      if (A->getAnnotation() != "aiprov")
        continue;
      auto At = S.mainOffset(A->getLocation());
      if (!At)
        continue;
      // SPEC §3 reports attributes at the declaration's start. clang's
      // begin location of a declaration leaves out a leading `[[…]]`, so
      // take whichever comes first: the declaration (or its template
      // header) or the attribute as written (backing up over `[[clang::`).
      size_t Start = *At;
      size_t LineStart = S.Buffer.substr(0, Start).rfind('\n') + 1;
      size_t Open = S.Buffer.slice(LineStart, Start).rfind("[[");
      if (Open != llvm::StringRef::npos) {
        Open += LineStart;
        llvm::StringRef Between = S.Buffer.slice(Open + 2, Start).trim();
        if (Between.empty() || Between == "clang::")
          Start = Open;
      }
      const clang::Decl *Outer = &D;
      if (const auto *Fn = llvm::dyn_cast<clang::FunctionDecl>(&D))
        if (const clang::Decl *T = Fn->getDescribedFunctionTemplate())
          Outer = T;
      if (const auto *Record = llvm::dyn_cast<clang::CXXRecordDecl>(&D))
        if (const clang::Decl *T = Record->getDescribedClassTemplate())
          Outer = T;
      if (auto DeclStart = S.mainOffset(Outer->getBeginLoc()))
        Start = std::min(Start, *DeclStart);

      std::string Keys;
      std::optional<size_t> KeysOffset;
      for (const clang::Expr *Arg : A->args()) {
        const auto *Lit =
            llvm::dyn_cast<clang::StringLiteral>(Arg->IgnoreParenImpCasts());
        if (!Lit) {
          // A constexpr string (`constexpr char kKeys[] = "…"`) is fine.
          if (std::optional<std::string> Value =
                  Arg->tryEvaluateString(D.getASTContext())) {
            Keys += (Keys.empty() ? "" : " ") + *Value;
            continue;
          }
          // Never silently ignored (SPEC §1): say which argument is lost.
          S.Collector.addProblem(
              S.mainOffset(Arg->getBeginLoc()).value_or(*At),
              "an aiprov annotate argument must be a constant string of "
              "KEY=VALUE pairs; this one is ignored");
          continue;
        }
        if (!Keys.empty())
          Keys += ' ';
        Keys += Lit->getString().str();
        // Exact columns for problems only when the literal is spelled
        // plainly in this file (no macro, escapes or concatenation).
        auto LitAt = S.mainOffset(Lit->getBeginLoc());
        if (A->args_size() == 1 && LitAt && !Lit->getBeginLoc().isMacroID() &&
            Lit->getNumConcatenated() == 1 &&
            S.Buffer.substr(*LitAt + 1, Lit->getLength()) == Lit->getString())
          KeysOffset = *LitAt + 1;
      }
      auto End = S.mainOffset(D.getEndLoc());
      unsigned LastLine = End ? S.Collector.lines().positionOf(*End).Line : 0;
      S.Collector.addAttribute(Start, LastLine, Keys, KeysOffset,
                               describeDecl(D));
    }
  }

  AstDirectiveScanner::Impl &S;
};

class DirectiveConsumer : public clang::ASTConsumer {
public:
  explicit DirectiveConsumer(AstDirectiveScanner::Impl &S) : S(S) {}
  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    DeclVisitor V(S);
    V.TraverseDecl(Ctx.getTranslationUnitDecl());
  }

private:
  AstDirectiveScanner::Impl &S;
};

} // namespace

AstDirectiveScanner::AstDirectiveScanner(clang::Preprocessor &PP)
    : TheImpl(std::make_unique<Impl>(PP.getSourceManager())) {
  // The preprocessor owns pragma handlers and callbacks but not comment
  // handlers; ours lives as long as the scanner, which outlives the parse.
  TheImpl->Comments = std::make_unique<CommentCollector>(*TheImpl);
  PP.addCommentHandler(TheImpl->Comments.get());
  std::lock_guard<std::mutex> Lock(RegistryLock);
  std::shared_ptr<PragmaListeners> &Listeners = Registry[&PP];
  if (!Listeners) {
    Listeners = std::make_shared<PragmaListeners>();
    PP.AddPragmaHandler(new AiprovPragmaHandler(PP, Listeners));
  }
  Listeners->Scanners.push_back(TheImpl.get());
  TheImpl->Listeners = Listeners;
  PP.addPPCallbacks(std::make_unique<SkippedRangeCollector>(*TheImpl));
}

AstDirectiveScanner::~AstDirectiveScanner() {
  std::lock_guard<std::mutex> Lock(RegistryLock);
  llvm::erase(TheImpl->Listeners->Scanners, TheImpl.get());
}

std::unique_ptr<clang::ASTConsumer> AstDirectiveScanner::createConsumer() {
  return std::make_unique<DirectiveConsumer>(*TheImpl);
}

FileRegions AstDirectiveScanner::finish() {
  Impl &S = *TheImpl;
  FileRegions Result =
      buildRegions(S.Buffer, S.Collector.lines(), S.Collector.take());
  // Name each region by the innermost declaration holding its directive, or
  // else by the first declaration starting inside it (a `next-line` or
  // `begin` just above a function names that function).
  for (Region &R : Result.Regions) {
    if (!R.Origin.EnclosingDecl.empty())
      continue;
    size_t At = S.Collector.lines().lineStart(R.Origin.Start.Line) +
                R.Origin.Start.Column - 1;
    const DeclExtent *Best = nullptr;
    for (const DeclExtent &D : S.Decls)
      if (D.Begin <= At && At <= D.End &&
          (!Best || D.End - D.Begin < Best->End - Best->Begin))
        Best = &D;
    // A namespace (or nothing) around the directive says little; a
    // declaration that starts inside the region says what it marks.
    if (!Best || Best->IsNamespace) {
      const DeclExtent *Inside = nullptr;
      for (const DeclExtent &D : S.Decls)
        if (D.FirstLine >= R.FirstLine && D.FirstLine <= R.LastLine &&
            D.Begin > At && (!Inside || D.Begin < Inside->Begin))
          Inside = &D;
      if (Inside)
        Best = Inside;
    }
    if (Best)
      R.Origin.EnclosingDecl = Best->Name;
  }
  return Result;
}

} // namespace aiprov
