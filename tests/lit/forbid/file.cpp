// RUN: not %aiprov check %s | FileCheck %s --implicit-check-not=aiprov-
// aiprov: file
// CHECK: file.cpp:[[@LINE-1]]:1: error: AI-assisted region (tool: unknown, lines 1-5) {{.*}}[aiprov-forbidden-region]
int x;
int y;
