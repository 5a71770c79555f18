// RUN: not %aiprov check %s | FileCheck %s --implicit-check-not=aiprov-
    // aiprov: next-line tool=copilot
// CHECK: next-line.cpp:[[@LINE-1]]:5: error: AI-assisted region (tool: copilot, line [[@LINE]]) {{.*}}[aiprov-forbidden-region]
