// Scoring helpers: AI-assisted code is allowed here once a person reviewed it.
#include <algorithm>
#include <vector>

// aiprov: begin tool=claude-code origin=agent ticket=EVAL-42
double mean(const std::vector<double> &xs) {
  if (xs.empty())
    return 0.0;
  double sum = 0;
  for (double x : xs)
    sum += x;
  return sum / xs.size();
}
// aiprov: end

// aiprov: begin tool=codex reviewed-by=bob@example.com reviewed-at=2026-11-02 review=sha256:0000000000000000000000000000000000000000000000000000000000000000
double clampScore(double s) { return std::clamp(s, 0.0, 1.0); }
// aiprov: end

int passCount(const std::vector<double> &scores) { // aiprov: line tool=copilot origin=completion reviewed-by=carol@example.com
  return std::count_if(scores.begin(), scores.end(), [](double s) { return s >= 0.5; });
}

/* aiprov: begin tool=chatgpt origin=paste */
/* aiprov: begin tool=gemini */
// aiprov: end
// aiprov: end

#include "aiprov/annotate.h"

AIPROV_ANNOTATE("tool=claude-code origin=agent")
double median(std::vector<double> xs) {
  if (xs.empty())
    return 0.0;
  std::sort(xs.begin(), xs.end());
  return xs[xs.size() / 2];
}
