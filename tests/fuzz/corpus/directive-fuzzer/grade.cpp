// Shipped into the container that the model under test can read.
#include <cstdio>

#pragma aiprov begin tool=cursor origin=chat note="grader loop"
int gradeAll(int passed, int total) {
  std::printf("%d/%d passed\n", passed, total);
  return passed == total ? 0 : 1;
}
#pragma aiprov end
