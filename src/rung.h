/* The rungs of the participation ladder (informeren … stad-aan-zet). */
#ifndef PACT_RUNG_H
#define PACT_RUNG_H

#include <stdbool.h>
#include <stddef.h>

/* The rungs of the participation ladder, lowest first, NULL-terminated:
 * informeren … stad-aan-zet. A form's rungs field lists some of them,
 * separated by spaces. */
extern const char *const rung_ids[];

/* Whether word is one of rung_ids (exactly, in lower case). */
bool rung_valid(const char *word);

/* The place on the ladder (0 for informeren) of the len bytes at word,
 * ignoring case; -1 when they are not a rung. */
int rung_index(const char *word, size_t len);

/* A rung's name in the screens' language ("De stad aan zet" for
 * stad-aan-zet); NULL when id is not a rung. */
const char *rung_label(const char *id);

/* A list of rung ids (separated by spaces, tabs or commas) as names joined
 * by ", " ("Raadplegen, Adviseren"); a word that is not a rung is kept as
 * it is. The caller frees it; NULL when out of memory. */
char *rung_list_shown(const char *ids);

#endif
