//===--- TranslationUnitParser.cpp - Run clang on one compile command -----===//
//
// Uses ToolInvocation rather than ClangTool: ClangTool prints its own
// "Error while processing" lines and changes nothing we need, while a
// ToolInvocation with a per-call virtual working directory lets `-j N`
// workers parse in parallel without touching the process's cwd.
//
//===----------------------------------------------------------------------===//
#include "aiprov/directives/TranslationUnitParser.h"
#include "aiprov/directives/AstDirectives.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"

#ifndef AIPROV_CLANG_RESOURCE_DIR
#define AIPROV_CLANG_RESOURCE_DIR "/usr/lib/llvm-19/lib/clang/19"
#endif

namespace aiprov {

namespace {

/// Keeps the first error, formatted like clang prints it, and prints
/// nothing: a project's own warnings are not aiprov's output.
class FirstErrorRecorder : public clang::DiagnosticConsumer {
public:
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    clang::DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < clang::DiagnosticsEngine::Error || !First.empty())
      return;
    llvm::SmallString<256> Message;
    Info.FormatDiagnostic(Message);
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      clang::PresumedLoc P =
          Info.getSourceManager().getPresumedLoc(Info.getLocation());
      if (P.isValid())
        First = std::string(P.getFilename()) + ":" +
                std::to_string(P.getLine()) + ":" +
                std::to_string(P.getColumn()) + ": ";
    }
    First += "error: " + Message.str().str();
  }
  std::string First;
};

class CollectDirectivesAction : public clang::ASTFrontendAction {
public:
  explicit CollectDirectivesAction(std::optional<FileRegions> &Out)
      : Out(Out) {}

  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &CI, llvm::StringRef) override {
    Scanner = std::make_unique<AstDirectiveScanner>(CI.getPreprocessor());
    return Scanner->createConsumer();
  }
  void EndSourceFileAction() override {
    if (Scanner)
      Out = Scanner->finish();
  }

private:
  std::optional<FileRegions> &Out;
  std::unique_ptr<AstDirectiveScanner> Scanner;
};

} // namespace

ParsedTranslationUnit
parseTranslationUnit(const clang::tooling::CompilationDatabase &Database,
                     llvm::StringRef AbsoluteFile,
                     std::optional<llvm::StringRef> Unsaved) {
  ParsedTranslationUnit Result;
  std::vector<clang::tooling::CompileCommand> Commands =
      Database.getCompileCommands(AbsoluteFile);
  if (Commands.empty()) {
    Result.FirstError =
        AbsoluteFile.str() +
        ": error: no compile command in the compilation database";
    return Result;
  }
  // A file compiled several ways (e.g. static and shared) has the same
  // directives each time; the first command is enough.
  const clang::tooling::CompileCommand &Command = Commands.front();
  clang::tooling::ArgumentsAdjuster Adjust = clang::tooling::combineAdjusters(
      clang::tooling::getClangStripOutputAdjuster(),
      clang::tooling::combineAdjusters(
          clang::tooling::getClangStripDependencyFileAdjuster(),
          clang::tooling::getClangSyntaxOnlyAdjuster()));
  std::vector<std::string> Args = Adjust(Command.CommandLine, AbsoluteFile);
  // Our binary does not live next to clang's headers; point at them. No
  // caret diagnostics: clang would then print "N errors generated".
  Args.insert(Args.begin() + 1,
              {std::string("-resource-dir=") + AIPROV_CLANG_RESOURCE_DIR,
               "-fno-caret-diagnostics"});

  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
      llvm::vfs::createPhysicalFileSystem();
  if (Unsaved) {
    // The editor's text over the disk: only the main file differs.
    auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(FS);
    auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
    Memory->addFile(
        AbsoluteFile, /*ModificationTime=*/0,
        llvm::MemoryBuffer::getMemBufferCopy(*Unsaved, AbsoluteFile));
    Overlay->pushOverlay(Memory);
    FS = Overlay;
  }
  if (std::error_code EC = FS->setCurrentWorkingDirectory(Command.Directory)) {
    Result.FirstError = Command.Directory +
                        ": error: cannot enter the compile "
                        "command's directory: " +
                        EC.message();
    return Result;
  }
  llvm::IntrusiveRefCntPtr<clang::FileManager> Files(
      new clang::FileManager(clang::FileSystemOptions(), FS));
  FirstErrorRecorder Errors;
  clang::tooling::ToolInvocation Invocation(
      Args, std::make_unique<CollectDirectivesAction>(Result.Regions),
      Files.get());
  Invocation.setDiagnosticConsumer(&Errors);
  bool Ok = Invocation.run();
  if (!Ok || !Errors.First.empty())
    Result.FirstError = Errors.First.empty()
                            ? AbsoluteFile.str() +
                                  ": error: clang could not run its compile "
                                  "command"
                            : Errors.First;
  return Result;
}

} // namespace aiprov
