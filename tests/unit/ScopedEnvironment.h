//===--- ScopedEnvironment.h - One environment variable for one test ------===//
//
// Tests of what the environment pins (SOURCE_DATE_EPOCH for the exports'
// timestamps) set a variable for their own duration only: the variable is
// put back as it was, set or not, when the test's scope ends, so neither
// the other tests nor the runner's own setting are affected.
//
//===----------------------------------------------------------------------===//
#ifndef AIPROV_TESTS_SCOPEDENVIRONMENT_H
#define AIPROV_TESTS_SCOPEDENVIRONMENT_H

#include <cstdlib>
#include <optional>
#include <string>

namespace aiprov {

class ScopedEnvironment {
public:
  ScopedEnvironment(const char *Name, const char *Value) : Name(Name) {
    if (const char *Old = std::getenv(Name))
      Saved = Old;
    set(Value);
  }
  ~ScopedEnvironment() {
    if (Saved)
      ::setenv(Name, Saved->c_str(), 1);
    else
      ::unsetenv(Name);
  }
  ScopedEnvironment(const ScopedEnvironment &) = delete;
  ScopedEnvironment &operator=(const ScopedEnvironment &) = delete;

  /// Another value while the scope lasts.
  void set(const char *Value) { ::setenv(Name, Value, 1); }

private:
  const char *Name;
  std::optional<std::string> Saved;
};

} // namespace aiprov

#endif
