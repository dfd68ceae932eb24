/* Rounds of a session: a name, a timebox and the stored timer. The
 * current round is the one started last; ideas go into it. */
#ifndef PACT_ROUND_H
#define PACT_ROUND_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "pager.h"
#include "timer.h"

struct round {
	int64_t id;
	char name[256];
	struct timer timer;
};

int round_add(sqlite3 *db, int64_t session_id, const char *name, int64_t seconds, int64_t *id,
	      struct pact_err *err);
/* Start (or restart) a round; the session's other rounds stop. */
int round_start(sqlite3 *db, int64_t round_id, int64_t now, struct pact_err *err);
int round_pause(sqlite3 *db, int64_t round_id, int64_t now, struct pact_err *err);
int round_resume(sqlite3 *db, int64_t round_id, int64_t now, struct pact_err *err);
int round_extend(sqlite3 *db, int64_t round_id, int64_t seconds, int64_t now,
		 struct pact_err *err);
int round_end(sqlite3 *db, int64_t round_id, int64_t now, struct pact_err *err);

/* The session's current round; *found false when none was started. */
int round_current(sqlite3 *db, int64_t session_id, struct round *out, bool *found,
		  struct pact_err *err);

/* Rounds in order: columns name, timebox "mm:ss". */
int round_pager(struct pager *p, sqlite3 *db, int64_t session_id, struct pact_err *err);

#endif
