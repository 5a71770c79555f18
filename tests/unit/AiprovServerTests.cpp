//===--- AiprovServerTests.cpp - The server core against files on disk ----===//
//
// What the core reads from disk (policies, ledgers) it caches until
// workspace/didChangeWatchedFiles says they changed; these tests change
// them behind its back, as another program (an editor on .aiprov.yaml,
// `aiprov record` from an agent's hook) would.
//
//===----------------------------------------------------------------------===//
#include "AiprovServer.h"
#include "ScratchDirectory.h"
#include "aiprov/ledger/Recording.h"
#include "aiprov/policy/Policy.h"
#include "gtest/gtest.h"

namespace aiprov::server {
namespace {

std::vector<std::string> checkNames(const DocumentAnalysis &Doc) {
  std::vector<std::string> Names;
  Names.reserve(Doc.Findings.size());
  for (const Finding &F : Doc.Findings)
    Names.push_back(checkInfo(F.Check).Name.str());
  return Names;
}

class AiprovServerReloadTest : public ::testing::Test {
protected:
  void SetUp() override {
    // A policy dir without git: the workspace root is the policy's dir.
    Scratch.write(".aiprov.yaml",
                  "rules:\n  - paths: [\"**\"]\n    ai: review\n");
    Scratch.write("src/a.cpp", Text);
  }

  std::shared_ptr<const DocumentAnalysis> open(AiprovServer &Server) {
    std::string Path = Scratch.path("src/a.cpp");
    return Server.openDocument("file://" + Path, Path, Text, 1);
  }

  ScratchDirectory Scratch;
  const std::string Text = "int a; // aiprov: line tool=codex\n"
                           "int generated_total = accumulate(values, 0);\n"
                           "double generated_mean = generated_total / n;\n";
};

TEST_F(AiprovServerReloadTest, PolicyChangesAreSeenAfterReload) {
  AiprovServer Server({});
  EXPECT_EQ(checkNames(*open(Server)),
            std::vector<std::string>{"aiprov-unreviewed-region"});
  Scratch.write(".aiprov.yaml",
                "rules:\n  - paths: [\"**\"]\n    ai: forbid\n");
  // Cached until told: reopening reads nothing new.
  EXPECT_EQ(checkNames(*open(Server)),
            std::vector<std::string>{"aiprov-unreviewed-region"});
  auto Reloaded = Server.reloadWorkspaceFiles();
  ASSERT_EQ(Reloaded.size(), 1u);
  EXPECT_EQ(checkNames(*Reloaded[0]),
            std::vector<std::string>{"aiprov-forbidden-region"});
  EXPECT_EQ(Server.analysis(Reloaded[0]->Key), Reloaded[0]);
}

TEST_F(AiprovServerReloadTest, LedgerRecordsWrittenElsewhereAppearAfterReload) {
  AiprovServer Server({});
  ASSERT_EQ(open(Server)->Regions.Regions.size(), 1u);
  // An agent hook records lines 2-3 (aiprov record, another process).
  PolicyResolver Policies({});
  RecordRequest Request;
  Request.File = Scratch.path("src/a.cpp");
  Request.Ranges = {{2, 3}};
  Request.Tool = "claude-code";
  Request.Origin = "agent";
  Request.Who = "test";
  llvm::Expected<RecordBatch> Written = recordLines(Request, Policies);
  ASSERT_TRUE(static_cast<bool>(Written))
      << llvm::toString(Written.takeError());

  auto Reloaded = Server.reloadWorkspaceFiles();
  ASSERT_EQ(Reloaded.size(), 1u);
  const std::vector<Region> &Regions = Reloaded[0]->Regions.Regions;
  ASSERT_EQ(Regions.size(), 2u);
  EXPECT_EQ(Regions[1].Origin.Source, RegionSource::Ledger);
  EXPECT_EQ(Regions[1].FirstLine, 2u);
  EXPECT_EQ(Regions[1].LastLine, 3u);
  EXPECT_EQ(Regions[1].tool(), "claude-code");
}

TEST_F(AiprovServerReloadTest, ReloadRepublishesInOpenOrder) {
  // The order came from a hash map's iteration once, and differed between
  // machines (issue 11). Fifty keys in an order no hash keeps, with a
  // close and a reopen among them.
  AiprovServer Server({});
  std::vector<std::string> Opened;
  for (int I = 49; I >= 0; --I) {
    std::string Key = "untitled:doc-" + std::to_string(I * 7 % 50);
    Server.openDocument(Key, "", "int a;\n", 1);
    Opened.push_back(Key);
  }
  ASSERT_TRUE(Server.closeDocument(Opened[3]));
  Server.openDocument(Opened[3], "", "int a;\n", 2);
  std::string Reopened = Opened[3];
  Opened.erase(Opened.begin() + 3);
  Opened.push_back(Reopened);
  // Opening an open document again keeps its place.
  Server.openDocument(Opened[0], "", "int b;\n", 3);
  std::vector<std::string> Published;
  for (const auto &Doc : Server.reloadWorkspaceFiles())
    Published.push_back(Doc->Key);
  EXPECT_EQ(Published, Opened);
}

} // namespace
} // namespace aiprov::server
