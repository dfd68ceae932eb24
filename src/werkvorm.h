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

/* The built-in catalogue, embedded at build time from data/werkvormen.csv. */
extern const char pact_werkvormen_csv[];

/* The rungs of the participation ladder, lowest first, NULL-terminated:
 * informeren … stad-aan-zet. A form's rungs field lists some of them,
 * separated by spaces. */
extern const char *const werkvorm_rungs[];

/* Whether word is one of werkvorm_rungs (exactly, in lower case). */
bool werkvorm_rung_valid(const char *word);

/* The place on the ladder (0 for informeren) of the len bytes at word,
 * ignoring case; -1 when they are not a rung. */
int werkvorm_rung_index(const char *word, size_t len);

/* A rung's name in the screens' language ("De stad aan zet" for
 * stad-aan-zet); NULL when id is not a rung. */
const char *werkvorm_rung_label(const char *id);

/* A list of rung ids (separated by spaces, tabs or commas) as names joined
 * by ", " ("Raadplegen, Adviseren"); a word that is not a rung is kept as
 * it is. The caller frees it; NULL when out of memory. */
char *werkvorm_rungs_shown(const char *ids);

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

/* Every form by name: columns name, rungs, cost as €/€€/€€€, and a mark
 * when it works for low literacy. */
int werkvorm_pager(struct pager *p, sqlite3 *db, struct pact_err *err);

/* One form described for people, in the screens' language (the caller
 * frees it); NULL when there is no such form. */
char *werkvorm_describe(sqlite3 *db, int64_t id);

#endif
