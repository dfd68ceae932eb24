/* The catalogue of work forms (werkvormen): the shipped list that seeds a
 * new database, recommending forms for a need, and a list for the Library. */
#ifndef PACT_WERKVORM_H
#define PACT_WERKVORM_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "pager.h"
#include "rung.h"

/* The built-in catalogue, embedded at build time from data/werkvormen.csv. */
extern const char pact_werkvormen_csv[];

/* When the werkvorm table is empty, fill it from the built-in catalogue in
 * one transaction; otherwise leave it alone (the user's edits stay). The
 * caller must not be inside a transaction. */
int werkvorm_seed(sqlite3 *db, struct pact_err *err);

/* What a facilitator needs. rung is required; group_size and
 * minutes_available are 0 when not known. Forms that run only online are
 * left out unless online_ok. */
struct werkvorm_need {
	const char *rung;
	int64_t group_size;
	int64_t minutes_available;
	bool hard_to_reach;
	bool online_ok;
};

struct werkvorm_pick {
	int64_t id;
	char *name;   /* in the screens' language */
	char *reason; /* "suits the rung Advise; fits 40 people; works for low literacy; …" */
	int64_t min_group, max_group, minutes;
	const char *cost; /* "low", "medium" or "high" */
	bool low_literacy;
	bool fits_group; /* the group size is in the form's range (or not known) */
	bool fits_time;  /* the form takes no longer than the time available */
};

/* The forms whose rungs include need->rung, best first: those that fit the
 * group size, then (when hard_to_reach) those that work for low literacy,
 * then those that fit the time, then lower cost, then name. An unknown
 * rung is PACT_EINPUT. Free the picks with werkvorm_picks_free. */
int werkvorm_recommend(sqlite3 *db, const struct werkvorm_need *need, struct werkvorm_pick **picks,
		       size_t *n, struct pact_err *err);
void werkvorm_picks_free(struct werkvorm_pick *picks, size_t n);

/* A form's mode ("online", "offline" or "both") in the screens' language;
 * anything else as it is. */
const char *werkvorm_mode_label(const char *mode);

/* "€", "€€" or "€€€" for a cost key; "" for anything else. */
const char *werkvorm_cost_mark(const char *cost);

/* Which part of the catalogue a list shows: everything, the programme's
 * core ten work forms (core = 1), or the communication means (type
 * 'communicatie'). */
enum werkvorm_show { WERKVORM_ALL, WERKVORM_CORE, WERKVORM_MEANS };

/* The forms that show selects, by name: columns name, rungs (or
 * "communication means" for one), cost as €/€€/€€€ and a mark when it
 * works for low literacy (both blank for a communication means, which is
 * no session to run), and "core" for a core work form. */
int werkvorm_pager(struct pager *p, sqlite3 *db, enum werkvorm_show show, struct pact_err *err);

/* How many forms show selects, into *n. */
int werkvorm_count(sqlite3 *db, enum werkvorm_show show, int64_t *n, struct pact_err *err);

/* n hours when whole, else n minutes ("2 hours", "90 minutes"). */
void werkvorm_duration_text(int64_t minutes, char *out, size_t outsz);

#endif
