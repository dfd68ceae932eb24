/* The programme's ambitions and their indicators (the handbook: "Dat begint
 * bij het vaststellen van de ambitie en op basis daarvan meetindicatoren te
 * bepalen"): what is counted, the target per period, and each period's
 * value, computed from pact's data or entered by hand. pact ships no
 * ambition: the programme sets them. */
#ifndef PACT_INDICATOR_H
#define PACT_INDICATOR_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "pager.h"

enum indicator_measure {
	IM_REACHED,      /* people reached: the sum of experiment.reached */
	IM_PARTICIPANTS, /* participants per session, on average */
	IM_EVALUATED,    /* experiments evaluated */
	IM_TARGET_GROUP, /* % of the experiments that ran that reached a target group */
	IM_DIVERSITY,    /* % of the people counted in a dimension that are of a group */
	IM_MANUAL,       /* a figure entered by hand per period */
	IM_MEASURES
};
extern const char *const indicator_measure_keys[IM_MEASURES + 1];
extern const char *const indicator_measure_labels[IM_MEASURES + 1]; /* N_() */

enum { IP_YEAR, IP_QUARTER, IP_PERIODS };
extern const char *const indicator_period_keys[IP_PERIODS + 1];
extern const char *const indicator_period_labels[IP_PERIODS + 1]; /* N_() */

/* The most periods an indicator's chart shows: the latest. */
#define INDICATOR_PERIODS 24
#define INDICATOR_NAME_MAX 200
#define INDICATOR_TARGET_MAX 1000000000

struct indicator {
	int64_t id;
	char *ambition, *name, *subject;
	int measure; /* IM_…, -1 when the file holds one pact does not know */
	int period;  /* IP_… */
	int64_t target;
};

/* Every indicator, by ambition, then name. */
int indicator_list(sqlite3 *db, struct indicator **list, size_t *n, struct pact_err *err);
void indicator_list_free(struct indicator *list, size_t n);
/* Whether the measure is a percentage. */
bool indicator_is_share(int measure);

/* An indicator's value in one period. A share of a diversity group whose
 * count may not be shown (fewer than 5 people, or hidden so that such a
 * group cannot be worked out) is hidden, with shown "<5" or "x". */
struct indicator_point {
	char period[8]; /* "2024" or "2024-Q1" */
	int64_t value;
	bool hidden;
	char shown[24];
};

/* The values of ind per period, oldest first, the latest INDICATOR_PERIODS
 * periods that have a value. */
int indicator_points(sqlite3 *db, const struct indicator *ind, struct indicator_point **points,
		     size_t *n, struct pact_err *err);
/* Whether a value reaches the target (at least as much). */
bool indicator_met(int64_t value, int64_t target);
/* The period of a date "YYYY-MM-DD" ("2024" or "2024-Q1"). */
void indicator_period_of(const char *date, int period, char out[8]);

/* Add (id 0) or change an indicator. subject: a target group's key
 * (residents, entrepreneurs, institutions, others) for target-group,
 * "dimension:group" for diversity, otherwise ignored. target is the text
 * typed (a percentage for the shares). A wrong field is named. */
struct indicator_fields {
	const char *ambition, *name, *measure, *subject, *target, *period;
};
int indicator_save(sqlite3 *db, int64_t id, const struct indicator_fields *f, int64_t *out_id,
		   struct pact_err *err);
int indicator_delete(sqlite3 *db, int64_t id, struct pact_err *err);
/* The indicators as a list: id, ambition, indicator, what is counted,
 * target per period. */
int indicator_pager(struct pager *p, sqlite3 *db, struct pact_err *err);

/* The figures entered by hand for an indicator: id, period, value. */
int indicator_value_pager(struct pager *p, sqlite3 *db, int64_t indicator,
			  struct pact_err *err);
/* Store the figure of a period (one per period: it takes the place of one
 * there); the period must be of the indicator's kind. */
int indicator_value_save(sqlite3 *db, int64_t indicator, const char *period, const char *value,
			 struct pact_err *err);
int indicator_value_delete(sqlite3 *db, int64_t id, struct pact_err *err);

#endif
