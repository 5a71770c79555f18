// Each malformed directive is reported at its exact line and column.
// RUN: %aiprov check %s | FileCheck %s
// aiprov: bgin tool=x
// CHECK: malformed.cpp:[[@LINE-1]]:12: warning: malformed aiprov directive: unknown directive kind 'bgin' {{.*}}[aiprov-malformed-annotation]
int a; // aiprov: line tool=x origin=human reviewed-by=ann
// CHECK: malformed.cpp:[[@LINE-1]]:38: warning: malformed aiprov directive: bad value 'human' for key 'origin' {{.*}}[aiprov-malformed-annotation]
// aiprov: end
// CHECK: malformed.cpp:[[@LINE-1]]:1: warning: malformed aiprov directive: 'end' without a matching 'begin' [aiprov-malformed-annotation]
int b; // aiprov: line reviewed-at=2026-02-30 reviewed-by=ann
// CHECK: malformed.cpp:[[@LINE-1]]:36: warning: malformed aiprov directive: bad value '2026-02-30' for key 'reviewed-at'
// aiprov: begin reviewed-by=ann
// CHECK: malformed.cpp:[[@LINE-1]]:1: warning: malformed aiprov directive: 'begin' is never closed; its region runs to the end of the file [aiprov-malformed-annotation]
