// Vendored code: the policy allows AI-assisted changes here without review.
// aiprov: file tool=copilot origin=completion
unsigned fastHash(const char *s) {
  unsigned h = 2166136261u;
  while (*s)
    h = (h ^ static_cast<unsigned char>(*s++)) * 16777619u;
  return h;
}
