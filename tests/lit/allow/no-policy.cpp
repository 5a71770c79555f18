// No policy above this file: everything is `ai: allow`, so no findings,
// even for a stale review. Malformed directives are still reported.
// RUN: %aiprov check %s | FileCheck %s --implicit-check-not=aiprov-
int a; // aiprov: line tool=codex reviewed-by=ann review=sha256:0000000000000000000000000000000000000000000000000000000000000000
int b; // aiprov: line tool=
// CHECK: no-policy.cpp:[[@LINE-1]]:29: warning: malformed aiprov directive: empty value for key 'tool' [aiprov-malformed-annotation]
