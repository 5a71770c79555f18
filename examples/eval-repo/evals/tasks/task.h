// The interface every eval task implements. Written by humans only.
#pragma once
#include <string>
#include <vector>

struct Task {
  std::string prompt() const;
  std::vector<std::string> expectedAnswers() const;
  double score(const std::string &answer) const;
};
