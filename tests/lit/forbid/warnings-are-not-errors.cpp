// A stale or malformed directive alone is a warning: exit 0, unless
// --warnings-as-errors.
// RUN: %aiprov check --policy %S/../review/.aiprov.yaml %s | FileCheck %s
// RUN: not %aiprov check --warnings-as-errors --policy %S/../review/.aiprov.yaml %s
int a; // aiprov: line tool=x reviewed-by=ann typo=1
// CHECK: warning: malformed aiprov directive: unknown key 'typo' [aiprov-malformed-annotation]
