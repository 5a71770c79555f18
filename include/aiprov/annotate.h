/*===--- aiprov/annotate.h - Mark a declaration as AI-assisted ------------===
 *
 * Include this in your own code (C or C++) to mark a declaration:
 *
 *   #include "aiprov/annotate.h"
 *   AIPROV_ANNOTATE("tool=claude-code origin=agent")
 *   double score(const Answer &answer);
 *
 * With Clang it becomes the annotate attribute that `aiprov check -p`, the
 * compiler plugin and the tidy module read (SPEC §1: the declaration's
 * source range is the region). With other compilers it expands to nothing,
 * so the header is safe in any build. The GNU spelling is used for C, where
 * [[clang::annotate]] needs C23.
 *
 *===----------------------------------------------------------------------===*/
#ifndef AIPROV_ANNOTATE_H
#define AIPROV_ANNOTATE_H

#if defined(__clang__) && defined(__cplusplus)
#define AIPROV_ANNOTATE(keys) [[clang::annotate("aiprov", keys)]]
#elif defined(__clang__)
#define AIPROV_ANNOTATE(keys) __attribute__((annotate("aiprov", keys)))
#else
#define AIPROV_ANNOTATE(keys)
#endif

#endif /* AIPROV_ANNOTATE_H */
