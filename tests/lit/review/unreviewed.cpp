// RUN: %aiprov check %s | FileCheck %s --implicit-check-not=aiprov-
int a; // aiprov: line tool=codex
// CHECK: unreviewed.cpp:[[@LINE-1]]:8: warning: AI-assisted region (tool: codex, line [[@LINE-1]]) has not been reviewed; sign it off with 'aiprov review {{.*}}unreviewed.cpp:[[@LINE-1]]' [aiprov-unreviewed-region]
int b; // aiprov: line tool=codex reviewed-by=ann@example.com
// A review hash without reviewed-by is still unreviewed:
int c; // aiprov: line tool=codex review=sha256:c8a4e4a3e2d6d9bb86b2c07e1a8f3bb1b2d4e8a7e3e0c9a5f6b1d2c3e4f5a6b7
// CHECK: unreviewed.cpp:[[@LINE-1]]:8: warning: {{.*}}[aiprov-unreviewed-region]
