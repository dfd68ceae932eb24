/* A map from strings to small numbers (voter names, option names) for
 * reading large ballot files: open addressing, grows as needed. */
#ifndef PACT_STRMAP_H
#define PACT_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

struct strmap {
	char **keys;
	size_t *vals;
	size_t cap, n;
};

void strmap_init(struct strmap *m);
void strmap_free(struct strmap *m);
/* The number of key, adding it with number m->n when new (*added says
 * which). Returns false when out of memory. */
bool strmap_intern(struct strmap *m, const char *key, size_t *val, bool *added);
/* The number of key, or false when absent. */
bool strmap_get(const struct strmap *m, const char *key, size_t *val);

#endif
