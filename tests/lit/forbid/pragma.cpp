// RUN: not %aiprov check %s | FileCheck %s --implicit-check-not=aiprov-
#pragma aiprov begin tool=cursor
// CHECK: pragma.cpp:[[@LINE-1]]:1: error: AI-assisted region (tool: cursor, lines [[@LINE-1]]-[[@LINE+2]]) {{.*}}[aiprov-forbidden-region]
int grade(int p) { return p; }
#pragma aiprov end
