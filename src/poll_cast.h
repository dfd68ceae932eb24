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

/* A ballot typed by the facilitator from paper: poll_cast without a label
 * or a code, its UUID left in uuid. The UUID alone names the ballot once
 * the unlabelled ballots are rewritten; nothing is kept of it but in the
 * caller's memory, for poll_take_back. */
int poll_cast_typed(sqlite3 *db, int64_t poll_id, const uint32_t *options, const int64_t *values,
		    size_t n, char uuid[37], struct pact_err *err);

/* Take back the unlabelled ballot with this UUID (a paper ballot typed
 * wrong, named by poll_cast_typed): its marks and row go, and the poll's
 * history says a typed ballot was taken back (not which). Refused when
 * the poll is closed or a secret vote runs on it. The rest of the set
 * stays in its random order; the -wal is emptied. */
int poll_take_back(sqlite3 *db, int64_t poll_id, const char *uuid, struct pact_err *err);

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
