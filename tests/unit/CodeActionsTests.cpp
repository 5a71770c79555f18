//===--- CodeActionsTests.cpp - Offers, rewrites and line edits -----------===//
//
// The transcripts in tests/lit/lsp/code-actions*.test show the protocol;
// these pin the cases that need many inputs: every directive form deleted
// without leaving a directive behind, a partly rewritten ledger region
// deleted run by run, and lineEdits checked against its own definition
// (applying the edits to Old gives New) over random texts.
//
//===----------------------------------------------------------------------===//
#include "AiprovServer.h"
#include "CodeActions.h"
#include "ScratchDirectory.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <random>

namespace aiprov::server {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;

/// A server whose every document is under a policy with Verdict.
class CodeActionsTest : public ::testing::Test {
protected:
  void SetUp() override { usePolicy("forbid"); }

  void usePolicy(llvm::StringRef Permission) {
    Scratch.write(
        ".aiprov.yaml",
        ("rules:\n  - paths: [\"**\"]\n    ai: " + Permission + "\n").str());
    AiprovServer::Options Opts;
    Opts.PolicyFile = Scratch.path(".aiprov.yaml");
    Opts.WriteLedger = false;
    Server = std::make_unique<AiprovServer>(Opts);
  }

  std::shared_ptr<const DocumentAnalysis> open(llvm::StringRef Text) {
    std::string Path = Scratch.path("task.cpp");
    return Server->openDocument("file://" + Path, Path, Text.str(), 1);
  }

  /// Runs the first offer of Kind at Line and returns the new text.
  std::string run(const DocumentAnalysis &Doc, ActionKind Kind, unsigned Line) {
    for (const ActionOffer &Offer : offerActions(Doc, {Line, Line}))
      if (Offer.Kind == Kind) {
        llvm::Expected<std::string> Text =
            runAction(Doc, Kind, Offer.Lines, actionInputs(Doc, Kind));
        if (!Text)
          return "error: " + llvm::toString(Text.takeError());
        return *Text;
      }
    return "<not offered>";
  }

  ScratchDirectory Scratch;
  std::unique_ptr<AiprovServer> Server;
};

TEST_F(CodeActionsTest, DeleteRemovesEveryDirectiveForm) {
  // begin…end: the directives go with the code.
  EXPECT_EQ(run(*open("a;\n// aiprov: begin tool=x\nb;\n// aiprov: end\nc;\n"),
                ActionKind::DeleteRegion, 3),
            "a;\nc;\n");
  // next-line: the directive above goes too, or it would claim `c;`.
  EXPECT_EQ(run(*open("a;\n// aiprov: next-line tool=x\nb;\nc;\n"),
                ActionKind::DeleteRegion, 3),
            "a;\nc;\n");
  // line: one line; offered from the line itself.
  EXPECT_EQ(run(*open("a;\nb; // aiprov: line tool=x\nc;"),
                ActionKind::DeleteRegion, 2),
            "a;\nc;");
  // pragma, last line without a terminator.
  EXPECT_EQ(run(*open("a;\n#pragma aiprov begin tool=x\nb;\n#pragma aiprov "
                      "end"),
                ActionKind::DeleteRegion, 3),
            "a;\n");
  // CRLF lines are removed with their CR.
  EXPECT_EQ(
      run(*open("a;\r\n// aiprov: begin\r\nb;\r\n// aiprov: end\r\nc;\r\n"),
          ActionKind::DeleteRegion, 2),
      "a;\r\nc;\r\n");
}

TEST_F(CodeActionsTest, FileRegionIsNotOfferedForDeletion) {
  auto Doc = open("// aiprov: file tool=x\na;\n");
  EXPECT_EQ(run(*Doc, ActionKind::DeleteRegion, 2), "<not offered>");
  // Nor anything at all outside a forbidden path.
  usePolicy("review");
  EXPECT_EQ(run(*open("a;\n// aiprov: begin\nb;\n// aiprov: end\n"),
                ActionKind::DeleteRegion, 3),
            "<not offered>");
}

TEST_F(CodeActionsTest, OffersFollowTheRegionUnderTheSelection) {
  usePolicy("review");
  auto Doc = open("a;\n// aiprov: begin tool=x reviewed-by=ann\nb;\n// "
                  "aiprov: end\n// aiprov: next-line\nc;\nd;\n");
  // A reviewed region: nothing to do but annotate elsewhere.
  EXPECT_THAT(offerActions(*Doc, {3, 3}), ::testing::IsEmpty());
  // An unreviewed one: review it, and its unreviewed finding goes with it.
  auto AtC = offerActions(*Doc, {6, 6});
  ASSERT_EQ(AtC.size(), 1u);
  EXPECT_EQ(AtC[0].Kind, ActionKind::MarkReviewed);
  EXPECT_EQ(AtC[0].Lines.First, 5u);
  EXPECT_THAT(AtC[0].Resolves, ElementsAre("aiprov-unreviewed-region"));
  // Lines 6-7: line 7 is in no region, so annotate is offered too.
  EXPECT_THAT(
      offerActions(*Doc, {6, 7}),
      ElementsAre(Field(&ActionOffer::Kind, ActionKind::MarkReviewed),
                  Field(&ActionOffer::Kind, ActionKind::AnnotateSelection)));
}

TEST_F(CodeActionsTest, AnnotateSelectionUsesTheGivenKeys) {
  auto Doc = open("a;\n  b;\n  c;\nd;\n");
  ActionInputs Inputs;
  Inputs.Keys = {{"tool", "cursor"}, {"note", "two words"}};
  llvm::Expected<std::string> Text =
      runAction(*Doc, ActionKind::AnnotateSelection, {2, 3}, Inputs);
  ASSERT_TRUE(static_cast<bool>(Text)) << llvm::toString(Text.takeError());
  EXPECT_EQ(*Text, "a;\n  // aiprov: begin tool=cursor note=\"two words\"\n  "
                   "b;\n  c;\n  // aiprov: end\nd;\n");
}

TEST_F(CodeActionsTest, StaleRegionLineIsAnError) {
  auto Doc = open("a;\n// aiprov: begin\nb;\n// aiprov: end\n");
  llvm::Expected<std::string> Text =
      runAction(*Doc, ActionKind::DeleteRegion, {1, 1}, {});
  ASSERT_FALSE(static_cast<bool>(Text));
  EXPECT_THAT(llvm::toString(Text.takeError()),
              ::testing::HasSubstr("task.cpp:1: no region this action applies "
                                   "to starts on this line any more"));
}

TEST_F(CodeActionsTest, DeletesALedgerRegionRunByRun) {
  // A recorded completion, then a human rewrites its middle line. Sent as
  // a full-text change, the record is placed by content again (as on
  // open), so the region has two runs, and deleting it keeps the human's
  // line.
  // Lines long enough to be found again by content (Reanchor.h).
  const std::string P1 = "int generated_total = accumulate(values, 0);\n",
                    P2 = "double generated_mean = generated_total / n;\n",
                    P3 = "report(\"mean\", generated_mean, precision);\n";
  auto Doc = open("a;\nz;\n");
  auto Changed = Server->changeDocument(
      Doc->Key, {{DocumentSpan{{1, 0}, {1, 0}}, P1 + P2 + P3}}, 2);
  ASSERT_TRUE(static_cast<bool>(Changed));
  PasteNotice Notice;
  Notice.What = PasteNotice::Kind::Completion;
  Notice.Lines = {2, 4};
  Notice.Tool = "copilot";
  auto Noticed = Server->noticeDocument(Doc->Key, Notice);
  ASSERT_TRUE(static_cast<bool>(Noticed));
  auto Rewritten = Server->changeDocument(
      Doc->Key, {{std::nullopt, "a;\n" + P1 + "human();\n" + P3 + "z;\n"}}, 3);
  ASSERT_TRUE(static_cast<bool>(Rewritten));
  const DocumentAnalysis &Now = **Rewritten;
  EXPECT_EQ(run(Now, ActionKind::DeleteRegion, 2), "a;\nhuman();\nz;\n");
  EXPECT_EQ(run(Now, ActionKind::ConvertToAnnotation, 2),
            "a;\n// aiprov: begin tool=copilot origin=completion\n" + P1 +
                "human();\n" + P3 + "// aiprov: end\nz;\n");
}

std::string applied(llvm::StringRef Old,
                    llvm::ArrayRef<LineReplacement> Edits) {
  std::string Out;
  size_t Kept = 0;
  for (const LineReplacement &E : Edits) {
    EXPECT_LE(Kept, E.Begin) << "edits overlap or are out of order";
    Out += Old.slice(Kept, E.Begin);
    Out += E.Text;
    Kept = E.End;
  }
  return Out + Old.substr(Kept).str();
}

bool atLineStart(llvm::StringRef Text, size_t Offset) {
  return Offset == 0 || Offset == Text.size() || Text[Offset - 1] == '\n';
}

TEST(LineEditsTest, InsertionsAroundKeptLinesStaySeparate) {
  auto Edits = lineEdits("a\nb\nc\n", "a\n// begin\nb\n// end\nc\n");
  ASSERT_EQ(Edits.size(), 2u);
  EXPECT_EQ(Edits[0].Begin, 2u);
  EXPECT_EQ(Edits[0].End, 2u);
  EXPECT_EQ(Edits[0].Text, "// begin\n");
  EXPECT_EQ(Edits[1].Begin, 4u);
  EXPECT_EQ(Edits[1].Text, "// end\n");
  EXPECT_TRUE(lineEdits("same\n", "same\n").empty());
}

TEST(LineEditsTest, ApplyingTheEditsGivesTheNewText) {
  std::mt19937 Random(20261129);
  const char *Pieces[] = {"a", "b", "\n", "\r\n", "x\n", "// aiprov: end\n"};
  auto RandomText = [&](unsigned Max) {
    std::string Text;
    for (unsigned I = Random() % Max; I > 0; --I)
      Text += Pieces[Random() % std::size(Pieces)];
    return Text;
  };
  for (int Case = 0; Case < 5000; ++Case) {
    std::string Old = RandomText(30);
    // New: Old with some lines dropped, changed or added.
    std::string New;
    for (llvm::StringRef Rest = Old; !Rest.empty();) {
      auto [Line, Tail] = Rest.split('\n');
      bool HadBreak = Rest.size() > Line.size();
      Rest = Tail;
      switch (Random() % 5) {
      case 0: // Dropped.
        break;
      case 1: // Changed.
        New += RandomText(3);
        break;
      case 2: // Something inserted before it.
        New += RandomText(4);
        [[fallthrough]];
      default:
        New += Line.str() + (HadBreak ? "\n" : "");
      }
    }
    if (Random() % 3 == 0)
      New += RandomText(4);
    std::vector<LineReplacement> Edits = lineEdits(Old, New);
    ASSERT_EQ(applied(Old, Edits), New) << "old: " << Old;
    for (const LineReplacement &E : Edits) {
      EXPECT_TRUE(atLineStart(Old, E.Begin) && atLineStart(Old, E.End))
          << "old: " << Old;
      EXPECT_FALSE(E.Begin == E.End && E.Text.empty()) << "empty edit";
    }
  }
}

} // namespace
} // namespace aiprov::server
