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

/* A random (version 4) UUID, 36 characters and a NUL: it tells nothing,
 * so it is the one for records whose time or order must stay secret
 * (ballots, participants, people; see stamp_order_private). */
void stamp_uuid(char out[37]);

/* A time-ordered (version 7, RFC 9562) UUID: a millisecond clock, then a
 * counter that starts at random each millisecond (method 1), then random
 * bits. Each one is greater than the one before in this process, so new
 * records' UUIDs come in key order and the UUID index grows at its end.
 * It carries its creation time: never for a record whose time or order
 * must stay secret. */
void stamp_uuid_ordered(char out[37]);

/* Whether the records of table must not carry their time or order in
 * their UUID (ballots, participants, people): stamp_uuid, not _ordered. */
bool stamp_order_private(const char *table);

/* t as UTC "YYYY-MM-DDTHH:MM:SSZ". */
void stamp_iso(time_t t, char out[21]);

/* t's local date as "YYYY-MM-DD". */
void stamp_date(time_t t, char out[11]);

/* True when s is a real calendar date written YYYY-MM-DD. */
bool stamp_date_valid(const char *s);

#endif
