// RUN: not %aiprov check %s | FileCheck %s --implicit-check-not=aiprov-
  /* aiprov: begin tool=claude-code model=claude-sonnet-4 */
// CHECK: comment-begin-end.cpp:[[@LINE-1]]:3: error: AI-assisted region (tool: claude-code, lines [[@LINE-1]]-[[@LINE+2]]) {{.*}}[aiprov-forbidden-region]
int a = 1;
// aiprov: end
