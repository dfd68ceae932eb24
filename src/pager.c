/* Paged reading of a query, with a cached window of rows around the last
 * row asked for. */
#include "pager.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "sql.h"
#include "utf8.h"

static void clear_window(struct pager *p)
{
	for (int i = 0; i < p->win_n; i++)
		for (int c = 0; c < p->ncols; c++)
			free(p->win[i].cols[c]);
	p->win_n = 0;
	p->win_off = 0;
}

int pager_open(struct pager *p, sqlite3 *db, const char *count_sql, const char *page_sql,
	       struct pact_err *err)
{
	memset(p, 0, sizeof *p);
	p->db = db;
	if (sqlite3_prepare_v2(db, count_sql, -1, &p->count_stmt, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, page_sql, -1, &p->page_stmt, NULL) != SQLITE_OK) {
		err_set(err, PACT_EDB, _("cannot prepare a list query: %s"), sql_errmsg(db));
		pager_close(p);
		return PACT_EDB;
	}
	p->ncols = sqlite3_column_count(p->page_stmt) - 1;
	if (p->ncols < 0)
		p->ncols = 0;
	if (p->ncols > PAGER_MAX_COLS)
		p->ncols = PAGER_MAX_COLS;
	return PACT_OK;
}

static void fixed_row(struct pager *p, struct pager_row *r, int64_t id, const char *label)
{
	r->id = id;
	for (int c = 0; c < p->ncols; c++)
		r->cols[c] = strdup(c == 0 ? label : "");
}

void pager_add_extra(struct pager *p, int64_t id, const char *label)
{
	if (p->nextra < PAGER_MAX_EXTRA)
		fixed_row(p, &p->extra[p->nextra++], id, label);
}

void pager_add_extra_last(struct pager *p, int64_t id, const char *label)
{
	if (p->ntail < PAGER_MAX_EXTRA)
		fixed_row(p, &p->tail[p->ntail++], id, label);
}

void pager_close(struct pager *p)
{
	clear_window(p);
	for (int i = 0; i < p->nextra; i++)
		for (int c = 0; c < p->ncols; c++)
			free(p->extra[i].cols[c]);
	for (int i = 0; i < p->ntail; i++)
		for (int c = 0; c < p->ncols; c++)
			free(p->tail[i].cols[c]);
	p->nextra = p->ntail = 0;
	sqlite3_finalize(p->count_stmt);
	sqlite3_finalize(p->page_stmt);
	p->count_stmt = p->page_stmt = NULL;
}

static void bind_both(struct pager *p, const char *name, int64_t ival, const char *sval)
{
	sqlite3_stmt *stmts[2] = { p->count_stmt, p->page_stmt };

	for (int i = 0; i < 2; i++) {
		int idx = sqlite3_bind_parameter_index(stmts[i], name);
		if (idx == 0)
			continue;
		if (sval)
			sqlite3_bind_text(stmts[i], idx, sval, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(stmts[i], idx, ival);
	}
	clear_window(p);
}

void pager_bind_int(struct pager *p, const char *name, int64_t value)
{
	bind_both(p, name, value, NULL);
}

void pager_bind_text(struct pager *p, const char *name, const char *value)
{
	bind_both(p, name, 0, value ? value : "");
}

int pager_reload(struct pager *p, struct pact_err *err)
{
	int rc;

	clear_window(p);
	rc = sqlite3_step(p->count_stmt);
	p->total = rc == SQLITE_ROW ? sqlite3_column_int64(p->count_stmt, 0) : 0;
	sqlite3_reset(p->count_stmt);
	if (rc != SQLITE_ROW)
		return err_set(err, PACT_EDB, _("cannot count the list: %s"), sql_errmsg(p->db));
	return PACT_OK;
}

int64_t pager_count(const struct pager *p)
{
	return p->nextra + p->total + p->ntail;
}

/* Start stepping the page statement at offset, limit rows (-1: all). */
static void page_start(struct pager *p, int64_t offset, int64_t limit)
{
	sqlite3_reset(p->page_stmt);
	sqlite3_bind_int64(p->page_stmt, sqlite3_bind_parameter_index(p->page_stmt, ":limit"), limit);
	sqlite3_bind_int64(p->page_stmt, sqlite3_bind_parameter_index(p->page_stmt, ":offset"),
			   offset);
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return strdup(t ? (const char *)t : "");
}

static void fill_window(struct pager *p, int64_t index)
{
	/* Leave most of the window on the side the reader is moving to. */
	bool upwards = p->win_n > 0 && index < p->win_off;
	int64_t off = index - (upwards ? PAGER_WINDOW * 3 / 4 : PAGER_WINDOW / 4);

	clear_window(p);
	if (off < 0)
		off = 0;
	p->win_off = off;
	page_start(p, off, PAGER_WINDOW);
	while (p->win_n < PAGER_WINDOW && sqlite3_step(p->page_stmt) == SQLITE_ROW) {
		struct pager_row *r = &p->win[p->win_n++];
		r->id = sqlite3_column_int64(p->page_stmt, 0);
		for (int c = 0; c < p->ncols; c++)
			r->cols[c] = col_dup(p->page_stmt, c + 1);
	}
	sqlite3_reset(p->page_stmt);
}

const struct pager_row *pager_get(struct pager *p, int64_t index)
{
	if (index >= 0 && index < p->nextra)
		return &p->extra[index];
	index -= p->nextra;
	if (index >= p->total && index < p->total + p->ntail)
		return &p->tail[index - p->total];
	if (index < 0 || index >= p->total)
		return NULL;
	if (index < p->win_off || index >= p->win_off + p->win_n)
		fill_window(p, index);
	if (index < p->win_off || index >= p->win_off + p->win_n)
		return NULL;
	return &p->win[index - p->win_off];
}

/* Scan rows [from, to) in one pass of the statement. */
static int64_t scan(struct pager *p, int col, const char *prefix, int64_t from, int64_t to)
{
	int64_t i = from, found = -1;

	if (from >= to)
		return -1;
	page_start(p, from, to - from);
	while (sqlite3_step(p->page_stmt) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(p->page_stmt, col + 1);
		if (t && utf8_starts_with_fold((const char *)t, prefix)) {
			found = i;
			break;
		}
		i++;
	}
	sqlite3_reset(p->page_stmt);
	return found;
}

/* The first row in [from, to) whose column col starts with prefix: the
 * rows before the query's, the query's (in one pass), the rows after; -1
 * if none. */
static int64_t find_between(struct pager *p, int col, const char *prefix, int64_t from,
			    int64_t to)
{
	int64_t q0 = p->nextra, q1 = p->nextra + p->total, found;

	for (int64_t i = from; i < to && i < q0; i++)
		if (utf8_starts_with_fold(p->extra[i].cols[col], prefix))
			return i;
	if (from < q1 && to > q0) {
		found = scan(p, col, prefix, from > q0 ? from - q0 : 0, (to < q1 ? to : q1) - q0);
		if (found >= 0)
			return found + q0;
	}
	for (int64_t i = from > q1 ? from : q1; i < to; i++)
		if (utf8_starts_with_fold(p->tail[i - q1].cols[col], prefix))
			return i;
	return -1;
}

int64_t pager_find(struct pager *p, int col, const char *prefix, int64_t from)
{
	int64_t n = pager_count(p), found;

	if (col < 0 || col >= p->ncols)
		return -1;
	if (from < 0 || from >= n)
		from = 0;
	found = find_between(p, col, prefix, from, n);
	return found >= 0 ? found : find_between(p, col, prefix, 0, from);
}
