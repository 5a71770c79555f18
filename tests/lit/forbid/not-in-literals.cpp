// Text inside literals and other comments is never a directive.
// RUN: %aiprov check %s | count 0
const char *a = "// aiprov: line tool=x";
const char *b = R"raw(
// aiprov: line tool=x
)raw";
/* // aiprov: line tool=x */
/// aiprov: line tool=x (a doc comment)
