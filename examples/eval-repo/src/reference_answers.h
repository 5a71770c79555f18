// Hidden reference answers: listed in .aiexclude, so no AI output may land here.
#pragma once
// aiprov: line tool=claude-code origin=chat
inline const char *kReferenceAnswer = "391";
