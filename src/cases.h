/* The case library: every evaluation is a case (of an experiment, a
 * session or an advice), found by
 * full-text search (SQLite FTS5) over its title, description, do's, don'ts
 * and learnings, without regard to case or diacritics. */
#ifndef PACT_CASES_H
#define PACT_CASES_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* Around each matched word in a hit's title and snippet. */
#define CASES_MARK_ON '\x01'
#define CASES_MARK_OFF '\x02'

struct case_hit {
	int64_t id;         /* the case: its evaluation */
	int subject;        /* what it evaluated: enum eval_subject */
	int64_t experiment; /* the experiment evaluated, or 0 */
	char *title, *snippet; /* with marks around matches */
	char *date, *rung, *werkvorm;
};

/* The FTS5 query for what someone typed: every word must occur, the last
 * one as a prefix (so results follow the typing); quotes and operators are
 * plain text. Empty when nothing searchable was typed. The caller frees it. */
char *cases_query(const char *typed);

/* The cases matching typed (all of them, newest first, when it is blank),
 * best match first, at most limit; *total is how many match in all. */
int cases_search(sqlite3 *db, const char *typed, size_t limit, struct case_hit **hits,
		 size_t *n, int64_t *total, struct pact_err *err);
void cases_free(struct case_hit *hits, size_t n);

/* The whole case in words: title (for a trajectory: "Session: …",
 * "Advice: …"), date, rung, work form, fit, public value and diversity,
 * summary, do's, don'ts, learnings and the rest of the evaluation. NULL
 * when there is no such case; the caller frees it. id is the case's (its
 * evaluation's) id. */
char *cases_describe_case(sqlite3 *db, int64_t id);

/* The same for an evaluated experiment, by the experiment's id. */
char *cases_describe(sqlite3 *db, int64_t id);

/* The experiments that used a work form (by its English or Dutch name), as
 * lines of title and column; NULL on error, "" when none. */
char *cases_using_werkvorm(sqlite3 *db, const char *name, const char *name_nl);

/* One work form described for people, in the screens' language, with the
 * experiments that used it (the caller frees it); NULL when there is no
 * such form. */
char *cases_describe_werkvorm(sqlite3 *db, int64_t id);

/* The title of a window that shows that description: "Communication
 * means" for a communication means, else "Work form" (translated). */
const char *cases_werkvorm_title(sqlite3 *db, int64_t id);

#endif
