/* Casting one ballot in a poll (the Vote panel, pact vote). */
#ifndef PACT_POLL_CAST_H
#define PACT_POLL_CAST_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* One ballot: values[i] for the poll's option number options[i] (0-based
 * in the poll's order). Checked by the method's rules; voter is a label
 * (open polls only) or NULL; code, when given, is a voter code, used up by
 * this ballot (live voting). Refused when the poll is closed, checked in the
 * same transaction that stores it. A ballot without a label is stored as a
 * secret one: the poll's unlabelled ballots are rewritten in a random order
 * and the -wal emptied (see secret.c). */
int poll_cast(sqlite3 *db, int64_t poll_id, const char *voter, const char *code,
	      const uint32_t *options, const int64_t *values, size_t n, struct pact_err *err);

/* Live voting (pact vote), step one: the voter's code. PACT_OK when it
 * belongs to the poll and is unused (else the message says which);
 * *ask_name then says whether the next step asks for a name (open polls
 * only: a secret poll's ballots carry none). */
int poll_live_check(sqlite3 *db, int64_t poll_id, const char *code, bool *ask_name,
		    struct pact_err *err);

/* Live voting, the ballot: cast with the code used up; typed_name is what
 * the voter typed as their name, kept for an open poll when not empty and
 * never stored for a secret one. */
int poll_live_cast(sqlite3 *db, int64_t poll_id, const char *code, const char *typed_name,
		   const uint32_t *options, const int64_t *values, size_t n, struct pact_err *err);

#endif
