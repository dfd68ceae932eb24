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
#include "indicator_keys.h"
#include "pager.h"



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
