/* Identities and times for records: UUIDs, ISO 8601 timestamps, dates. */
#ifndef PACT_STAMP_H
#define PACT_STAMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* n bytes from the kernel's random source (getrandom), for what must not
 * be guessed or ordered: UUIDs, voter codes, salts, shuffles. */
void stamp_random(void *buf, size_t n);

/* A random (version 4) UUID, 36 characters and a NUL. */
void stamp_uuid(char out[37]);

/* t as UTC "YYYY-MM-DDTHH:MM:SSZ". */
void stamp_iso(time_t t, char out[21]);

/* t's local date as "YYYY-MM-DD". */
void stamp_date(time_t t, char out[11]);

/* True when s is a real calendar date written YYYY-MM-DD. */
bool stamp_date_valid(const char *s);

#endif
