// An eval task: its questions must be designed by a human (policy EVAL-1).
#include "evals/tasks/task.h"

std::string Task::prompt() const {
  return "What is 17 * 23? Answer with a number only.";
}

std::vector<std::string> Task::expectedAnswers() const { return {"391"}; }

double Task::score(const std::string &answer) const {
  // aiprov: begin tool=claude-code model=claude-sonnet-4 origin=agent
  for (const std::string &expected : expectedAnswers())
    if (answer == expected)
      return 1.0;
  return 0.0;
  // aiprov: end
}

// aiprov: next-line tool=copilot origin=completion reviewd-by=alice
static const char *const kHint = "Multiply the tens first.";
