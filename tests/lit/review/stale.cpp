// RUN: %aiprov check %s | FileCheck %s --implicit-check-not=aiprov-
// aiprov: begin tool=codex reviewed-by=bob@example.com reviewed-at=2026-01-05 review=sha256:0000000000000000000000000000000000000000000000000000000000000000
// CHECK: stale.cpp:[[@LINE-1]]:1: warning: AI-assisted region (tool: codex, lines [[@LINE-1]]-[[@LINE+2]]) changed after bob@example.com reviewed it {{.*}}[aiprov-stale-review]
int clamp(int v) { return v < 0 ? 0 : v; }
// aiprov: end
