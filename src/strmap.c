/* String map with linear probing (FNV-1a hashes). */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

void strmap_init(struct strmap *m)
{
	memset(m, 0, sizeof *m);
}

void strmap_free(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

static size_t slot(char **keys, size_t cap, const char *key)
{
	size_t i = (size_t)hash(key) & (cap - 1);

	while (keys[i] && strcmp(keys[i], key) != 0)
		i = (i + 1) & (cap - 1);
	return i;
}

static bool grow(struct strmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64;
	char **keys = calloc(cap, sizeof *keys);
	size_t *vals = calloc(cap, sizeof *vals);

	if (!keys || !vals) {
		free(keys);
		free(vals);
		return false;
	}
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		size_t j = slot(keys, cap, m->keys[i]);
		keys[j] = m->keys[i];
		vals[j] = m->vals[i];
	}
	free(m->keys);
	free(m->vals);
	m->keys = keys;
	m->vals = vals;
	m->cap = cap;
	return true;
}

bool strmap_get(const struct strmap *m, const char *key, size_t *val)
{
	size_t i;

	if (!m->cap)
		return false;
	i = slot(m->keys, m->cap, key);
	if (!m->keys[i])
		return false;
	*val = m->vals[i];
	return true;
}

bool strmap_intern(struct strmap *m, const char *key, size_t *val, bool *added)
{
	char *copy;
	size_t i;

	*added = false;
	if (strmap_get(m, key, val))
		return true;
	if ((m->n + 1) * 2 > m->cap && !grow(m))
		return false;
	i = slot(m->keys, m->cap, key);
	if (!(copy = strdup(key)))
		return false;
	m->vals[i] = *val = m->n++;
	m->keys[i] = copy; /* last: gcc 12's analyser loses it under later stores */
	*added = true;
	return true;
}
