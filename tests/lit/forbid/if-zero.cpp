// Directives in inactive #if branches count (SPEC §1).
// RUN: not %aiprov check %s | FileCheck %s --implicit-check-not=aiprov-
#if 0
int old; // aiprov: line tool=chatgpt
// CHECK: if-zero.cpp:[[@LINE-1]]:10: error: AI-assisted region (tool: chatgpt, line [[@LINE-1]]) {{.*}}[aiprov-forbidden-region]
#endif
