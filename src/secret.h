/* Secret ballots kept so that no file tells the order they were cast in,
 * the facilitator's PIN that guards a secret vote on the laptop, and the
 * salted hashes used for PINs and voter codes. */
#ifndef PACT_SECRET_H
#define PACT_SECRET_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* Rewrite every unlabelled ballot of the poll, with its marks, in a fresh
 * random order under fresh random row ids. Call it inside the write
 * transaction that adds a ballot; checkpoint the WAL after the commit. */
int secret_shuffle(sqlite3 *db, int64_t poll_id, struct pact_err *err);

/* text hashed with crypt(3) (yescrypt): with setting (a stored hash or its
 * salt part) to compare, or NULL for a new random salt. */
int secret_hash(const char *text, const char *setting, char *out, size_t outsz,
		struct pact_err *err);
/* The salt part of a stored hash. */
void secret_setting(const char *hash, char *out, size_t outsz);

/* A secret vote on the laptop: started with the facilitator's PIN (kept
 * only as a hash), ended with the same PIN; a forgotten PIN is overridden
 * from the command line only. Each is written in the poll's history. */
int secret_start(sqlite3 *db, int64_t poll_id, const char *pin, struct pact_err *err);
int secret_end(sqlite3 *db, int64_t poll_id, const char *pin, struct pact_err *err);
int secret_override(sqlite3 *db, int64_t poll_id, struct pact_err *err);

#endif
