//===--- RecordCommand.cpp - `aiprov record` ------------------------------===//
//
// Two forms (SPEC §4). `--file PATH --lines A-B` is for scripts and editors
// that know which lines they wrote; it fails loudly (exit 2) because its
// caller can act on the error. `--hook AGENT` is run by a coding agent
// after each edit with the agent's hook JSON on stdin; it never fails the
// agent: whatever goes wrong is reported on stderr and the exit status is 0,
// since a non-zero status would block or disturb the agent's turn over
// bookkeeping. The work itself is aiprov::recordLines and
// aiprov::parseHookPayload, shared with the language server.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "aiprov/hooks/EditLocator.h"
#include "aiprov/hooks/HookPayload.h"
#include "aiprov/ledger/Recording.h"
#include "aiprov/policy/Policy.h"
#include "aiprov/support/FileReader.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <csignal>
#include <unistd.h>

namespace aiprov::cli {

llvm::cl::SubCommand RecordCommand(
    "record",
    "Record lines of a file, as it is now, as AI-assisted in the workspace's "
    "provenance ledger (.aiprov/ledger.jsonl). Either name the lines "
    "(--file, --lines) or pass --hook AGENT and the agent's hook JSON on "
    "stdin; see docs/hooks.md");

namespace {

namespace cl = llvm::cl;

/// How long the hook waits for its payload to end, and how long it may run
/// in all (docs/hooks.md): an agent waits for its hooks.
constexpr int StdinTimeoutMs = 10000;
constexpr unsigned HookTimeLimitSeconds = 30;

cl::opt<std::string> File("file", cl::desc("The file the lines are in"),
                          cl::value_desc("PATH"), cl::sub(RecordCommand),
                          cl::cat(AiprovCategory));
cl::list<std::string>
    Lines("lines",
          cl::desc("1-based inclusive line range(s) of the file as it is now, "
                   "A-B or A; several separated by commas"),
          cl::value_desc("A-B"), cl::CommaSeparated, cl::sub(RecordCommand),
          cl::cat(AiprovCategory));
cl::opt<std::string>
    Tool("tool",
         cl::desc("The tool that wrote the lines (default: none; the "
                  "record then has no Agent Trace 'tool')"),
         cl::value_desc("T"), cl::sub(RecordCommand), cl::cat(AiprovCategory));
cl::opt<std::string> Model(
    "model",
    cl::desc("The model, models.dev style, e.g. anthropic/claude-opus-4-5 "
             "(default: unknown)"),
    cl::value_desc("M"), cl::sub(RecordCommand), cl::cat(AiprovCategory));
cl::opt<std::string>
    Origin("origin",
           cl::desc("How the lines arrived: agent, completion, chat, paste, "
                    "generated, ... (default: 'agent' with --hook, else "
                    "'unknown')"),
           cl::value_desc("O"), cl::sub(RecordCommand),
           cl::cat(AiprovCategory));
cl::opt<std::string>
    Who("who",
        cl::desc("The person at the keyboard (default: `git config "
                 "user.email` in the file's directory)"),
        cl::value_desc("WHO"), cl::sub(RecordCommand), cl::cat(AiprovCategory));
cl::opt<std::string>
    Hook("hook",
         cl::desc("Read this agent's hook JSON from stdin (or from PAYLOAD, "
                  "as Codex's notify passes it): claude-code, cursor or "
                  "codex. Never fails: errors go to stderr and the exit "
                  "status is 0"),
         cl::value_desc("AGENT"), cl::sub(RecordCommand),
         cl::cat(AiprovCategory));

cl::opt<std::string> PayloadArg(cl::Positional, cl::Optional,
                                cl::desc("[PAYLOAD]"), cl::sub(RecordCommand),
                                cl::cat(AiprovCategory));

int fail(const llvm::Twine &Message) {
  llvm::errs() << "aiprov: error: " << Message << "\n";
  return ExitUsageOrIO;
}

/// "A-B" or "A" as a LineRange; nullopt when not numbers. Order and range
/// are recordLines' to check, so its message names the file.
std::optional<LineRange> parseLineRange(llvm::StringRef Text) {
  auto [FirstText, LastText] = Text.trim().split('-');
  if (Text.contains('-') && LastText.empty())
    return std::nullopt;
  if (LastText.empty())
    LastText = FirstText;
  LineRange R;
  if (FirstText.trim().getAsInteger(10, R.First) ||
      LastText.trim().getAsInteger(10, R.Last))
    return std::nullopt;
  return R;
}

int runGenericForm() {
  if (PayloadArg.getNumOccurrences())
    return fail("record: unexpected argument '" + PayloadArg +
                "'; a payload is only read with --hook");
  if (File.empty())
    return fail("record: pass --file PATH --lines A-B, or --hook AGENT");
  if (Lines.empty())
    return fail("record: --lines A-B is required with --file");
  RecordRequest Request;
  Request.File = File;
  for (const std::string &Text : Lines) {
    std::optional<LineRange> R = parseLineRange(Text);
    if (!R)
      return fail("record: --lines expects A-B (1-based, inclusive), got '" +
                  Text + "'");
    Request.Ranges.push_back(*R);
  }
  Request.Tool = Tool;
  Request.Model = Model;
  Request.Origin = Origin.getNumOccurrences() ? Origin.getValue() : "unknown";
  Request.Who = Who;
  PolicyResolver Policies({});
  if (llvm::Expected<RecordBatch> Batch = recordLines(Request, Policies);
      !Batch)
    return fail(llvm::toString(Batch.takeError()));
  return ExitClean;
}

/// Reports a problem of the hook form: on stderr, where the agent's log
/// shows it, and never as an exit status (see the file comment).
void hookWarning(const llvm::Twine &Message) {
  llvm::errs() << "aiprov: " << Message << "\n";
}

/// Records the lines of one edited file that still hold the agent's text;
/// says on stderr what it could not record.
void recordHookEdit(const HookPayload &Payload, const HookEdit &Edit,
                    PolicyResolver &Policies) {
  std::string Content;
  if (std::error_code EC =
          readWholeFile(Edit.File, Content, file_limits::Source)) {
    hookWarning(Edit.File + ": cannot read the edited file: " +
                describeReadError(EC, file_limits::Source, "a checked file") +
                "; nothing recorded");
    return;
  }
  LocatedLines Located = locateEdit(Edit, Content);
  for (const std::string &Why : Located.Unplaced)
    hookWarning(Edit.File + ": " + Why + "; not recorded");
  if (Located.Ranges.empty())
    return;
  RecordRequest Request;
  Request.File = Edit.File;
  Request.Ranges = std::move(Located.Ranges);
  Request.Tool = Payload.Tool;
  Request.ToolVersion = Payload.ToolVersion;
  Request.Model = Model.getNumOccurrences() ? Model.getValue() : Payload.Model;
  Request.Origin =
      Origin.getNumOccurrences() ? Origin.getValue() : Payload.Origin;
  Request.Who = Who.getNumOccurrences() ? Who.getValue() : Payload.Who;
  if (llvm::Expected<RecordBatch> Batch = recordLines(Request, Policies);
      !Batch)
    hookWarning(llvm::toString(Batch.takeError()) + "; nothing recorded");
}

/// The agent waits for its hook; whatever happens (a lock held forever, a
/// file system that stalls), this process is gone after HookTimeLimit.
/// A record cut short by the exit is a torn line the next append removes.
void startHookWatchdog() {
  struct sigaction Action{};
  Action.sa_handler = [](int) {
    static const char Message[] =
        "aiprov: the hook ran out of time; stopped so the agent can go on\n";
    (void)!::write(STDERR_FILENO, Message, sizeof(Message) - 1);
    ::_exit(ExitClean);
  };
  ::sigaction(SIGALRM, &Action, nullptr);
  ::alarm(HookTimeLimitSeconds);
}

int runHookForm() {
  startHookWatchdog();
  std::optional<HookAgent> Agent = hookAgentNamed(Hook);
  if (!Agent) {
    hookWarning("--hook expects claude-code, cursor or codex, got '" + Hook +
                "'; nothing recorded");
    return ExitClean;
  }
  std::string Text = PayloadArg;
  if (PayloadArg.getNumOccurrences() == 0) {
    if (std::error_code EC = readDescriptorBounded(
            STDIN_FILENO, Text, file_limits::HookPayload, StdinTimeoutMs)) {
      hookWarning("cannot read the hook payload from stdin: " +
                  (EC == std::errc::timed_out
                       ? "no end of input within " +
                             std::to_string(StdinTimeoutMs / 1000) + " s"
                       : describeReadError(EC, file_limits::HookPayload,
                                           "a hook payload")) +
                  "; nothing recorded");
      return ExitClean;
    }
  }
  llvm::Expected<HookPayload> Payload = parseHookPayload(*Agent, Text);
  if (!Payload) {
    hookWarning(llvm::toString(Payload.takeError()) + "; nothing recorded");
    return ExitClean;
  }
  if (!Payload->Note.empty())
    hookWarning(Payload->Note);
  for (const std::string &W : Payload->Warnings)
    hookWarning(W);
  PolicyResolver Policies({});
  for (const HookEdit &Edit : Payload->Edits)
    recordHookEdit(*Payload, Edit, Policies);
  return ExitClean;
}

} // namespace

int runRecordCommand() {
  if (!Hook.empty())
    return runHookForm();
  return runGenericForm();
}

} // namespace aiprov::cli
