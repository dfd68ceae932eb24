/* A window on an SQL query: the rows [offset, offset+n) of a list, fetched
 * on demand, so that no screen ever holds a whole table. */
#ifndef PACT_PAGER_H
#define PACT_PAGER_H

#include <sqlite3.h>
#include <stdint.h>

#include "err.h"

#define PAGER_MAX_COLS 8
#define PAGER_WINDOW 256
#define PAGER_MAX_EXTRA 4

struct pager_row {
	int64_t id;
	char *cols[PAGER_MAX_COLS]; /* UTF-8 text, "" for NULL */
};

struct pager {
	sqlite3 *db;
	sqlite3_stmt *count_stmt; /* SELECT count(*) … */
	sqlite3_stmt *page_stmt;  /* SELECT id, col… ORDER BY … LIMIT :limit OFFSET :offset */
	int ncols;
	int64_t total;
	int64_t win_off;
	int win_n;
	struct pager_row win[PAGER_WINDOW];
	/* Fixed rows shown before the query's rows ("New cluster…"). */
	struct pager_row extra[PAGER_MAX_EXTRA];
	int nextra;
	/* Fixed rows shown after them ("(no cluster)"). */
	struct pager_row tail[PAGER_MAX_EXTRA];
	int ntail;
};

/* Prepare the two statements. page_sql's first column is the row id, the
 * others (at most PAGER_MAX_COLS) are shown; it must take :limit and
 * :offset. Other parameters are bound with pager_bind_* before use. */
int pager_open(struct pager *p, sqlite3 *db, const char *count_sql, const char *page_sql,
	       struct pact_err *err);
void pager_close(struct pager *p);

/* Bind a named parameter (e.g. ":session") in both statements. */
void pager_bind_int(struct pager *p, const char *name, int64_t value);
void pager_bind_text(struct pager *p, const char *name, const char *value);

/* Add a fixed row before the query's rows, with label in column 0. */
void pager_add_extra(struct pager *p, int64_t id, const char *label);
/* The same after the query's rows. */
void pager_add_extra_last(struct pager *p, int64_t id, const char *label);

/* Count the rows again and forget cached rows; call after a change. */
int pager_reload(struct pager *p, struct pact_err *err);

int64_t pager_count(const struct pager *p);

/* Row at index (0-based), fetched with its neighbours when not cached;
 * NULL when out of range or on a database error. */
const struct pager_row *pager_get(struct pager *p, int64_t index);

/* The first row at or after from (wrapping around) whose column col starts
 * with prefix, ignoring case; -1 if none. */
int64_t pager_find(struct pager *p, int col, const char *prefix, int64_t from);

#endif
