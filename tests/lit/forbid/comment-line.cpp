// RUN: not %aiprov check %s | FileCheck %s
int answer() { return 391; } // aiprov: line tool=codex
// CHECK: comment-line.cpp:[[@LINE-1]]:30: error: AI-assisted region (tool: codex, line [[@LINE-1]]) is in a path where AI-assisted code is forbidden: eval tasks are human-written (EVAL-1) [aiprov-forbidden-region]
// CHECK-NOT: aiprov-
