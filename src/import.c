/* The generic importer. SQL text is built only from the static kind
 * declarations; every value from a file is bound. */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array.h"
#include "csvin.h"
#include "db.h"
#include "i18n.h"
#include "import_stage.h"
#include "sql.h"
#include "stamp.h"
#include "text.h"
#include "value.h"

#define MAX_COLS KIND_MAX_COLS
/* The SQL function that stops the upsert at a record of another session,
 * and its message. */
#define OWNER_REFUSED "pact_import_refused"

/* A reference to a record of the same kind, which may come later. */
struct deferred {
	char uuid[37];
	char *ref;
	long line;
	int col;
};

struct import {
	sqlite3 *db;
	const struct kind *k;
	const char *name;
	bool excel, have_header;
	int map[MAX_COLS];      /* kind column → CSV field, -1 when absent */
	int scope_of[MAX_COLS]; /* the kind column that scopes a reference, or -1 */
	size_t nfields;
	sqlite3_stmt *upsert, *fix;
	sqlite3_stmt *tombstone; /* is (uuid ?1, kind ?2) forgotten? */
	bool any_tombstone;      /* is anything forgotten here at all? */
	bool owner_in_upsert;    /* the upsert refuses a record of another session */
	struct stage *stage;     /* the rows checked, not yet stored */
	char *owned[MAX_COLS];   /* the current row's cleaned texts */
	char tbuf[MAX_COLS][40]; /* the current row's dates and times */
	sqlite3_stmt *owner;     /* the session a record of this UUID has here */
	int session_col;         /* the kind column that names its session, or -1 */
	sqlite3_stmt *by_uuid[MAX_COLS], *by_name[MAX_COLS];
	char *cache_text[MAX_COLS];
	int64_t cache_scope[MAX_COLS], cache_id[MAX_COLS];
	int64_t ref_id[MAX_COLS]; /* the current row's resolved references */
	struct deferred *deferred;
	size_t ndeferred, capdeferred;
	int64_t rows, count_before;
	int64_t forgotten, unlinked; /* see struct import_stats */
	int64_t row_unlinked;        /* the current row's references left empty */
	bool skip_row;               /* the current row needs a forgotten record */
	const char *text_word; /* _("text"), looked up once */
};

static int cell_error(struct import *im, long line, size_t c, const char *why,
		      struct pact_err *err)
{
	return err_set(err, PACT_EINPUT, _("%s:%ld:%d: column '%s': %s"), im->name, line,
		       im->map[c] + 1, im->k->cols[c].name, why);
}

void import_columns(const struct kind *k, char *out, size_t outsz)
{
	size_t o = 0;

	out[0] = '\0';
	for (size_t c = 0; c < k->ncols && o < outsz; c++)
		if (!(k->cols[c].flags & KC_DERIVED)) /* taken, but never needed */
			o += (size_t)snprintf(out + o, outsz - o, "%s%s", o ? ", " : "",
					      k->cols[c].name);
}

static void refused(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	sqlite3_result_error(ctx, OWNER_REFUSED, -1);
}

static int count_rows(struct import *im, int64_t *n, struct pact_err *err)
{
	char sql[160];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM main.%s", im->k->table);
	return sql_int(im->db, n, NULL, err, sql, "");
}

int import_begin(struct import **out, sqlite3 *db, const struct kind *k, const char *name,
		 bool excel, struct pact_err *err)
{
	struct import *im = calloc(1, sizeof *im);
	int64_t tombstones = 0;

	*out = NULL;
	if (!im || k->ncols > MAX_COLS) {
		free(im);
		return err_nomem(err);
	}
	im->db = db;
	im->k = k;
	im->name = name;
	im->excel = excel;
	im->text_word = _("text");
	im->session_col = -1;
	for (size_t c = 0; c < k->ncols; c++) {
		if (k->cols[c].type == CT_REF && k->session_field &&
		    strcmp(k->cols[c].field, k->session_field) == 0 &&
		    strcmp(k->cols[c].ref_table, "session") == 0)
			im->session_col = (int)c;
		im->map[c] = im->scope_of[c] = -1;
		for (size_t s = 0; k->cols[c].scope_col && s < c; s++)
			if (strcmp(k->cols[s].name, k->cols[c].scope_col) == 0)
				im->scope_of[c] = (int)s;
	}
	if (count_rows(im, &im->count_before, err) != PACT_OK) {
		free(im);
		return PACT_EDB;
	}
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM main.forgotten WHERE uuid = ?1 AND kind = ?2", -1,
			       &im->tombstone, NULL) != SQLITE_OK) {
		err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
		free(im);
		return PACT_EDB;
	}
	/* Without any tombstone, no row needs to be looked up in them. */
	if (sql_int(db, &tombstones, NULL, err, "SELECT EXISTS (SELECT 1 FROM main.forgotten)", "") !=
	    PACT_OK) {
		import_free(im);
		return PACT_EDB;
	}
	im->any_tombstone = tombstones != 0;
	im->stage = stage_new(k->ncols + 1);
	/* The function is the same for every import: when a statement of the
	 * connection is running, it cannot be defined again, and needs not. */
	sqlite3_create_function(db, OWNER_REFUSED, 0, SQLITE_UTF8, NULL, refused, NULL, NULL);
	if (!im->stage || stage_register(db) != SQLITE_OK) {
		import_free(im);
		return err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
	}
	*out = im;
	return PACT_OK;
}

/* Whether the record of table with this UUID was forgotten here. */
static bool forgotten(struct import *im, const char *uuid, const char *table)
{
	bool found;

	if (!im->any_tombstone)
		return false;
	sqlite3_reset(im->tombstone);
	sqlite3_bind_text(im->tombstone, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(im->tombstone, 2, table, -1, SQLITE_STATIC);
	found = sqlite3_step(im->tombstone) == SQLITE_ROW;
	sqlite3_reset(im->tombstone);
	return found;
}

void import_free(struct import *im)
{
	if (!im)
		return;
	sqlite3_finalize(im->upsert);
	sqlite3_finalize(im->fix);
	sqlite3_finalize(im->tombstone);
	sqlite3_finalize(im->owner);
	stage_free(im->stage);
	for (size_t c = 0; c < MAX_COLS; c++) {
		free(im->owned[c]);
		sqlite3_finalize(im->by_uuid[c]);
		sqlite3_finalize(im->by_name[c]);
		free(im->cache_text[c]);
	}
	for (size_t i = 0; i < im->ndeferred; i++)
		free(im->deferred[i].ref);
	free(im->deferred);
	free(im);
}

/* --- the header ---------------------------------------------------------- */

/* msg: what is wrong with the header; field: its 1-based column, or 0. */
static int header_error(struct import *im, long line, size_t field, const char *msg,
			struct pact_err *err)
{
	char cols[1024];

	import_columns(im->k, cols, sizeof cols);
	if (field)
		return err_set(err, PACT_EINPUT, _("%s:%ld:%zu: %s; the columns of %s are: %s"),
			       im->name, line, field, msg, kind_noun(im->k->table, 2), cols);
	return err_set(err, PACT_EINPUT, _("%s:%ld: %s; the columns of %s are: %s"), im->name, line,
		       msg, kind_noun(im->k->table, 2), cols);
}

/* Whether column c is one of the kind's one_of columns. */
static bool is_one_of(const struct kind *k, size_t c)
{
	for (size_t i = 0; k->one_of && k->one_of[i]; i++)
		if (strcmp(k->one_of[i], k->cols[c].name) == 0)
			return true;
	return false;
}

/* The one_of columns as 'a', 'b' or 'c' (a static buffer). */
static const char *one_of_names(const struct kind *k)
{
	static char names[256];
	size_t o = 0;

	names[0] = '\0';
	for (size_t i = 0; k->one_of[i] && o < sizeof names; i++)
		o += (size_t)snprintf(names + o, sizeof names - o, "%s'%s'",
				      i == 0 ? "" : k->one_of[i + 1] ? ", " : _(" or "), k->one_of[i]);
	return names;
}

/* How many one_of cells of the row are filled in (-1 when the header has
 * none of them; with fields NULL only that is looked at); *second is the
 * second filled one, or the first in the header when none is filled. */
static int one_of_given(const struct import *im, char **fields, size_t *second)
{
	int present = 0, given = 0;

	for (size_t c = 0; c < im->k->ncols; c++) {
		if (!is_one_of(im->k, c) || im->map[c] < 0)
			continue;
		if (!present++ && second)
			*second = c;
		if (fields && !value_is_blank(fields[im->map[c]]) && ++given == 2 && second)
			*second = c;
	}
	return present ? given : -1;
}

static int match_header(struct import *im, char **fields, size_t n, long line,
			struct pact_err *err)
{
	char msg[512];

	for (size_t f = 0; f < n; f++) {
		size_t c = 0;
		char *h = fields[f];
		while (*h == ' ')
			h++;
		for (char *e = h + strlen(h); e > h && e[-1] == ' ';)
			*--e = '\0';
		while (c < im->k->ncols && strcasecmp(im->k->cols[c].name, h) != 0)
			c++;
		if (c == im->k->ncols) {
			snprintf(msg, sizeof msg, _("unknown column '%s'"), h);
			return header_error(im, line, f + 1, msg, err);
		}
		if (im->map[c] >= 0) {
			snprintf(msg, sizeof msg, _("column '%s' appears twice"), h);
			return header_error(im, line, f + 1, msg, err);
		}
		im->map[c] = (int)f;
	}
	for (size_t c = 0; c < im->k->ncols; c++)
		if ((im->k->cols[c].flags & KC_REQUIRED) && im->map[c] < 0) {
			snprintf(msg, sizeof msg, _("the column '%s' is missing"), im->k->cols[c].name);
			return header_error(im, line, 0, msg, err);
		}
	if (im->k->one_of && one_of_given(im, NULL, NULL) < 0) {
		snprintf(msg, sizeof msg, _("one of the columns %s is needed"), one_of_names(im->k));
		return header_error(im, line, 0, msg, err);
	}
	im->nfields = n;
	return PACT_OK;
}

/* Whether a column is written on insert: present, or with a default. A
 * derived column's cells are read by nobody: it is worked out again from
 * the record's link on export. */
static bool inserted(const struct import *im, size_t c)
{
	const struct kind_col *col = &im->k->cols[c];

	return col->type != CT_UUID && !(col->flags & KC_DERIVED) &&
	       (im->map[c] >= 0 || col->dflt);
}

/* The column that column c needs to be true (kind_col.needs), or -1. */
static int needed_col(const struct kind *k, size_t c)
{
	for (size_t n = 0; k->cols[c].needs && n < k->ncols; n++)
		if (strcmp(k->cols[n].name, k->cols[c].needs) == 0)
			return (int)n;
	return -1;
}

/* A value given without what it needs in the same row ("contact" without
 * "consent" 1) is refused here, with its place, before the table's CHECK
 * would refuse it without one. */
static int check_needs(struct import *im, char **fields, long line, struct pact_err *err)
{
	char why[512];
	bool yes;
	struct pact_err ignore;

	for (size_t c = 0; c < im->k->ncols; c++) {
		int n = needed_col(im->k, c);
		if (n < 0 || im->map[c] < 0 || value_is_blank(fields[im->map[c]]))
			continue;
		if (im->map[n] >= 0 && value_bool(fields[im->map[n]], &yes, &ignore) == PACT_OK && yes)
			continue;
		snprintf(why, sizeof why,
			 _("kept only with consent: give the column '%s' as 1 (yes) in this row, or "
			   "leave '%s' empty"),
			 im->k->cols[n].name, im->k->cols[c].name);
		return cell_error(im, line, c, why, err);
	}
	return PACT_OK;
}

/* INSERT … SELECT … ON CONFLICT(uuid) DO UPDATE for the columns present,
 * over the staged rows: value pN+2 is kind column N's, p1 the UUID. */
static int prepare_upsert(struct import *im, struct pact_err *err)
{
	char sql[8192], cols[1024] = "uuid", vals[2048] = "p1", set[4096] = "";
	size_t oc = strlen(cols), ov = strlen(vals), os = 0;
	const struct kind *k = im->k;

	for (size_t c = 0; c < k->ncols; c++) {
		const struct kind_col *col = &k->cols[c];
		char v[256];
		if (!inserted(im, c))
			continue;
		snprintf(v, sizeof v, col->dflt ? "coalesce(p%zu, %s)" : "p%zu", c + 2, col->dflt);
		oc += (size_t)snprintf(cols + oc, sizeof cols - oc, ", %s", col->field);
		ov += (size_t)snprintf(vals + ov, sizeof vals - ov, ", %s", v);
		if (col->also) {
			oc += (size_t)snprintf(cols + oc, sizeof cols - oc, ", %s", col->also);
			ov += (size_t)snprintf(vals + ov, sizeof vals - ov, ", %s", v);
		}
		if (im->map[c] >= 0 && (col->flags & KC_EARLIEST))
			os += (size_t)snprintf(set + os, sizeof set - os,
					       "%s%s = coalesce(min(%s, excluded.%s), %s, excluded.%s)",
					       os ? ", " : "", col->field, col->field, col->field,
					       col->field, col->field);
		else if (im->map[c] >= 0)
			os += (size_t)snprintf(set + os, sizeof set - os, "%s%s = excluded.%s",
					       os ? ", " : "", col->field, col->field);
	}
	/* A row that takes the consent back takes what needed it too. */
	for (size_t c = 0; c < k->ncols; c++) {
		int n = needed_col(im->k, c);
		if (n >= 0 && im->map[c] < 0 && im->map[n] >= 0)
			os += (size_t)snprintf(set + os, sizeof set - os,
					       "%s%s = CASE WHEN excluded.%s = 1 THEN %s END",
					       os ? ", " : "", k->cols[c].field, k->cols[n].field,
					       k->cols[c].field);
	}
	/* A record here in another session stops the statement (check_owner
	 * then says why): no lookup of its own for every row. */
	im->owner_in_upsert = os && im->session_col >= 0 && im->map[im->session_col] >= 0;
	if (im->owner_in_upsert) {
		const char *f = k->cols[im->session_col].field;
		os += (size_t)snprintf(set + os, sizeof set - os,
				       " WHERE excluded.%s IS NULL OR main.%s.%s IS NULL OR "
				       "main.%s.%s = excluded.%s OR " OWNER_REFUSED "()",
				       f, k->table, f, k->table, f, f);
	}
	if (os)
		snprintf(sql, sizeof sql,
			 "INSERT INTO main.%s(%s) SELECT %s FROM pact_stage(?1) WHERE true "
			 "ON CONFLICT(uuid) DO UPDATE SET %s",
			 k->table, cols, vals, set);
	else
		snprintf(sql, sizeof sql,
			 "INSERT INTO main.%s(%s) SELECT %s FROM pact_stage(?1) WHERE true "
			 "ON CONFLICT(uuid) DO NOTHING",
			 k->table, cols, vals);
	if (sqlite3_prepare_v2(im->db, sql, -1, &im->upsert, NULL) != SQLITE_OK)
		return err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(im->db));
	return PACT_OK;
}

static int prepare_lookups(struct import *im, struct pact_err *err)
{
	char sql[512];

	for (size_t c = 0; c < im->k->ncols; c++) {
		const struct kind_col *col = &im->k->cols[c];
		if (col->type != CT_REF || im->map[c] < 0)
			continue;
		snprintf(sql, sizeof sql, "SELECT id, %s FROM main.%s WHERE uuid = ?",
			 col->ref_scope ? col->ref_scope : "0", col->ref_table);
		if (sqlite3_prepare_v2(im->db, sql, -1, &im->by_uuid[c], NULL) != SQLITE_OK)
			return err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(im->db));
		if (!col->ref_name)
			continue;
		snprintf(sql, sizeof sql, "SELECT id FROM main.%s WHERE %s = ?1 LIMIT 2",
			 col->ref_table, col->ref_name);
		if (col->ref_scope)
			snprintf(sql, sizeof sql, "SELECT id FROM main.%s WHERE %s = ?1 AND %s = ?2 LIMIT 2",
				 col->ref_table, col->ref_name, col->ref_scope);
		if (sqlite3_prepare_v2(im->db, sql, -1, &im->by_name[c], NULL) != SQLITE_OK)
			return err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(im->db));
	}
	return PACT_OK;
}

int import_header(struct import *im, char **fields, size_t n, long line, struct pact_err *err)
{
	int rc = match_header(im, fields, n, line, err);

	if (rc == PACT_OK)
		rc = prepare_upsert(im, err);
	if (rc == PACT_OK)
		rc = prepare_lookups(im, err);
	im->have_header = rc == PACT_OK;
	return rc;
}

/* --- references ------------------------------------------------------- */

/* Find the record a cell names: by UUID, else by name within the scope.
 * *id = 0: the UUID of a record that was forgotten here. */
static int resolve(struct import *im, size_t c, const char *text, int64_t scope, long line,
		   int64_t *id, struct pact_err *err)
{
	const struct kind_col *col = &im->k->cols[c];
	char uuid[37], why[512];
	struct pact_err ignore;
	int rc, found = 0;

	if (im->cache_text[c] && im->cache_scope[c] == scope && strcmp(im->cache_text[c], text) == 0) {
		*id = im->cache_id[c];
		return PACT_OK;
	}
	if (value_uuid(text, uuid, &ignore) == PACT_OK) {
		sqlite3_reset(im->by_uuid[c]);
		sqlite3_bind_text(im->by_uuid[c], 1, uuid, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(im->by_uuid[c]);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(im->db));
		if (rc == SQLITE_ROW) {
			found = 1;
			*id = sqlite3_column_int64(im->by_uuid[c], 0);
			if (col->ref_scope && sqlite3_column_int64(im->by_uuid[c], 1) != scope)
				return cell_error(im, line, c, _("that record belongs to another session"),
						  err);
		} else if (forgotten(im, uuid, col->ref_table)) {
			*id = 0;
			return PACT_OK;
		}
	}
	if (!found && col->ref_name) {
		sqlite3_stmt *st = im->by_name[c];
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
		if (col->ref_scope)
			sqlite3_bind_int64(st, 2, scope);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			found++;
			*id = sqlite3_column_int64(st, 0);
		}
		if (rc != SQLITE_DONE)
			return err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(im->db));
		if (found > 1) {
			snprintf(why, sizeof why,
				 _("more than one %s is called '%s'; give its UUID instead"),
				 kind_noun(col->ref_table, 1), text);
			return cell_error(im, line, c, why, err);
		}
	}
	if (!found) {
		snprintf(why, sizeof why,
			 col->ref_scope ? _("no %s '%s' in this session (give its UUID or its name)")
					: _("no %s '%s' (give its UUID or its name)"),
			 kind_noun(col->ref_table, 1), text);
		return cell_error(im, line, c, why, err);
	}
	im->cache_scope[c] = scope;
	im->cache_id[c] = *id;
	free(im->cache_text[c]);
	im->cache_text[c] = strdup(text); /* NULL: no cache, nothing lost */
	return PACT_OK;
}

static int defer(struct import *im, const char *uuid, const char *ref, long line, size_t c)
{
	struct deferred *d = array_room(im->deferred, im->ndeferred, &im->capdeferred, sizeof *d);
	struct deferred one = { .line = line, .col = (int)c };

	if (!d)
		return PACT_ENOMEM;
	im->deferred = d;
	if (!(one.ref = strdup(ref)))
		return PACT_ENOMEM;
	snprintf(one.uuid, sizeof one.uuid, "%s", uuid);
	d[im->ndeferred++] = one; /* whole: gcc 12's analyser loses a field stored there */
	return PACT_OK;
}

/* --- cells ------------------------------------------------------------- */

/* Stage one cell's value as value c + 2 of the row. */
static int bind_cell(struct import *im, size_t c, const char *cell, long line, const char *uuid,
		     struct pact_err *err)
{
	const struct kind_col *col = &im->k->cols[c];
	struct stage *st = im->stage;
	size_t p = c + 2;
	struct pact_err why;
	char *text;
	int64_t n;
	bool b;
	int i, rc = PACT_OK;

	if (value_is_blank(cell)) {
		if (col->flags & KC_REQUIRED)
			return cell_error(im, line, c, _("empty; a value is required"), err);
		stage_set_null(st, p);
		im->ref_id[c] = 0;
		return PACT_OK;
	}
	/* An export without names writes "*" where it left a detail out: such
	 * a file would overwrite the details that are here. */
	if ((col->flags & KC_QUASI) && strcmp(cell, "*") == 0)
		return cell_error(im, line, c,
				  _("'*' marks a detail left out of an export without names; import "
				    "a file exported with --with-names"),
				  err);
	switch (col->type) {
	case CT_TEXT:
	case CT_LINES:
		rc = text_clean(cell, im->text_word, (size_t)col->max, false, col->type == CT_LINES, &text,
				&why);
		if (rc == PACT_OK) {
			free(im->owned[c]);
			im->owned[c] = text;
			stage_set_text(st, p, text, strlen(text));
		}
		break;
	case CT_INT:
		if ((rc = value_int(cell, col->min, col->max, &n, &why)) == PACT_OK)
			stage_set_int(st, p, n);
		break;
	case CT_AMOUNT:
		/* budgets, planned and spent amounts: never below 0 */
		if ((rc = value_amount(cell, &n, &why)) == PACT_OK && n < 0)
			return cell_error(im, line, c, _("an amount cannot be below 0"), err);
		if (rc == PACT_OK)
			stage_set_int(st, p, n);
		break;
	case CT_BOOL:
		if ((rc = value_bool(cell, &b, &why)) == PACT_OK)
			stage_set_int(st, p, b);
		break;
	case CT_DATE:
		if ((rc = value_date(cell, im->tbuf[c], &why)) == PACT_OK)
			stage_set_text(st, p, im->tbuf[c], strlen(im->tbuf[c]));
		break;
	case CT_TIMESTAMP:
		if ((rc = value_timestamp(cell, im->tbuf[c], &why)) == PACT_OK)
			stage_set_text(st, p, im->tbuf[c], strlen(im->tbuf[c]));
		break;
	case CT_ENUM:
		if ((rc = value_enum(cell, col->keys, &i, &why)) == PACT_OK)
			stage_set_text(st, p, col->keys[i], strlen(col->keys[i]));
		break;
	case CT_REF:
		if (strcmp(col->ref_table, im->k->table) == 0) {
			stage_set_null(st, p); /* set once every row is in */
			return defer(im, uuid, cell, line, c) == PACT_OK ? PACT_OK : err_nomem(err);
		}
		rc = resolve(im, c, cell, im->scope_of[c] >= 0 ? im->ref_id[im->scope_of[c]] : 0, line,
			     &n, err);
		if (rc != PACT_OK)
			return rc;
		im->ref_id[c] = n;
		if (n)
			stage_set_int(st, p, n);
		else if ((col->flags & KC_REQUIRED) || is_one_of(im->k, c))
			im->skip_row = true; /* it cannot stand without what was forgotten */
		else
			im->row_unlinked++; /* comes in without the link, as forgetting left it */
		return PACT_OK;
	case CT_UUID:
		return PACT_OK;
	}
	return rc == PACT_OK ? PACT_OK : cell_error(im, line, c, why.msg, err);
}

/* An --excel export put "'" before cells a spreadsheet would run, and
 * before cells that start with "'" themselves. */
static const char *unexcel(const struct import *im, const char *cell)
{
	if (im->excel && cell[0] == '\'' && cell[1] && strchr("=+-@\t\r'", cell[1]))
		return cell + 1;
	return cell;
}

/* A record that is here in another session than the row gives would be
 * moved without its round, cluster and participant, which stay behind in
 * the old session: refused, so that it is moved in one place only. */
static int check_owner(struct import *im, const char *uuid, int64_t there, long line,
		       struct pact_err *err)
{
	int64_t here;
	char sql[256];
	int rc;

	if (!there)
		return PACT_OK;
	if (!im->owner) {
		snprintf(sql, sizeof sql,
			 "SELECT t.session_id, s.title, (SELECT title FROM main.session WHERE id = ?2) "
			 "FROM main.%s t JOIN main.session s ON s.id = t.session_id WHERE t.uuid = ?1",
			 im->k->table);
		if (sqlite3_prepare_v2(im->db, sql, -1, &im->owner, NULL) != SQLITE_OK)
			return err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(im->db));
	}
	sqlite3_reset(im->owner);
	sqlite3_bind_text(im->owner, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(im->owner, 2, there);
	if ((rc = sqlite3_step(im->owner)) != SQLITE_ROW)
		return rc == SQLITE_DONE ? PACT_OK
					 : err_set(err, PACT_EDB, _("database error: %s"),
						   sql_errmsg(im->db));
	here = sqlite3_column_int64(im->owner, 0);
	if (here == there)
		return PACT_OK;
	return err_set(err, PACT_EINPUT,
		       _("%s:%ld: %s %s belongs to session '%s' here and to session '%s' in %s: "
			 "move it in one place first"),
		       im->name, line, kind_noun(im->k->table, 1), uuid, sqlite3_column_text(im->owner, 1),
		       sqlite3_column_text(im->owner, 2), im->name);
}

/* Store the rows staged so far, in one statement. A record of another
 * session stops it, and check_owner says why (if it finds nothing, the
 * record moved meanwhile: a database error). */
static int store(struct import *im, struct pact_err *err)
{
	char uuid[37];
	int rc;

	if (!stage_ready(im->stage))
		return PACT_OK;
	sqlite3_reset(im->upsert);
	sqlite3_bind_pointer(im->upsert, 1, im->stage, STAGE_POINTER_TYPE, NULL);
	rc = sqlite3_step(im->upsert);
	if (rc != SQLITE_DONE) {
		/* The statement stopped at the row that failed. */
		long line = stage_line(im->stage);
		stage_uuid(im->stage, uuid);
		if (strcmp(sqlite3_errmsg(im->db), OWNER_REFUSED) == 0) {
			rc = check_owner(im, uuid,
					 stage_int(im->stage, (size_t)im->session_col + 2), line, err);
			if (rc == PACT_OK)
				rc = err_set(err, PACT_EDB, _("database error: %s"), OWNER_REFUSED);
		} else {
			rc = err_set(err, rc == SQLITE_CONSTRAINT ? PACT_EINPUT : PACT_EDB,
				     _("%s:%ld: this row cannot be stored: %s"), im->name, line,
				     sql_errmsg(im->db));
		}
	} else {
		rc = PACT_OK;
	}
	sqlite3_reset(im->upsert);
	stage_done(im->stage);
	return rc;
}

/* Keep the row's staged values; store the rows when the budget is used. */
static int stage_row(struct import *im, long line, const char *uuid, struct pact_err *err)
{
	bool full;
	int rc;

	if (stage_add(im->stage, line, uuid, &full) != PACT_OK)
		return err_nomem(err);
	if (!full)
		return PACT_OK;
	if ((rc = store(im, err)) != PACT_OK)
		return rc;
	return stage_add(im->stage, line, uuid, &full) == PACT_OK ? PACT_OK : err_nomem(err);
}

/* A record of a kind with one_of names exactly one of those. */
static int check_one_of(struct import *im, char **fields, long line, struct pact_err *err)
{
	char why[512];
	size_t c = 0;
	int given = one_of_given(im, fields, &c);

	if (given == 1)
		return PACT_OK;
	snprintf(why, sizeof why,
		 given ? _("give only one of %s: a %s is of one of them")
		       : _("empty; give one of %s (what the %s is of)"),
		 one_of_names(im->k), kind_noun(im->k->table, 1));
	return cell_error(im, line, c, why, err);
}

int import_row(struct import *im, char **fields, size_t n, long line, struct pact_err *err)
{
	char uuid[37];
	int id_col = -1, rc;
	struct pact_err why;
	size_t deferred_before = im->ndeferred;

	if (n != im->nfields)
		return err_set(err, PACT_EINPUT,
			       _("%s:%ld: %zu fields, but the header has %zu"), im->name, line, n,
			       im->nfields);
	for (size_t c = 0; c < im->k->ncols; c++)
		if (im->k->cols[c].type == CT_UUID)
			id_col = (int)c;
	if (id_col >= 0 && im->map[id_col] >= 0 && !value_is_blank(fields[im->map[id_col]])) {
		if (value_uuid(fields[im->map[id_col]], uuid, &why) != PACT_OK)
			return cell_error(im, line, (size_t)id_col, why.msg, err);
		if (forgotten(im, uuid, im->k->table)) {
			im->forgotten++; /* forgetting is final: none of its cells is read */
			return PACT_OK;
		}
	} else if (stamp_order_private(im->k->table)) {
		stamp_uuid(uuid); /* its time and order stay secret */
	} else {
		stamp_uuid_ordered(uuid);
	}
	stage_clear(im->stage);
	stage_set_text(im->stage, 1, uuid, 36);
	im->skip_row = false;
	im->row_unlinked = 0;
	for (size_t c = 0; c < im->k->ncols; c++) {
		im->ref_id[c] = 0;
		if (im->map[c] >= 0 && inserted(im, c) &&
		    (rc = bind_cell(im, c, unexcel(im, fields[im->map[c]]), line, uuid, err)) != PACT_OK)
			return rc;
	}
	if ((rc = check_needs(im, fields, line, err)) != PACT_OK)
		return rc;
	if (im->k->one_of && (rc = check_one_of(im, fields, line, err)) != PACT_OK)
		return rc;
	if (im->skip_row) {
		while (im->ndeferred > deferred_before) /* its own references go with it */
			free(im->deferred[--im->ndeferred].ref);
		im->forgotten++;
		return PACT_OK;
	}
	if ((rc = stage_row(im, line, uuid, err)) != PACT_OK)
		return rc;
	im->rows++;
	im->unlinked += im->row_unlinked;
	return PACT_OK;
}

int import_finish(struct import *im, struct import_stats *stats, struct pact_err *err)
{
	char sql[256];
	int64_t after;

	int rc = store(im, err);

	if (rc != PACT_OK)
		return rc;

	for (size_t i = 0; i < im->ndeferred; i++) {
		struct deferred *d = &im->deferred[i];
		size_t c = (size_t)d->col;
		int64_t target;
		if (!im->by_uuid[c]) {
			snprintf(sql, sizeof sql, "SELECT id, 0 FROM main.%s WHERE uuid = ?",
				 im->k->table);
			sqlite3_prepare_v2(im->db, sql, -1, &im->by_uuid[c], NULL);
		}
		if (resolve(im, c, d->ref, 0, d->line, &target, err) != PACT_OK)
			return PACT_EINPUT;
		if (!target) {
			im->unlinked++; /* stays NULL */
			continue;
		}
		snprintf(sql, sizeof sql, "UPDATE main.%s SET %s = ? WHERE uuid = ?", im->k->table,
			 im->k->cols[c].field);
		if (sql_exec(im->db, err, sql, "It", target, d->uuid) != PACT_OK)
			return PACT_EDB;
	}
	if (count_rows(im, &after, err) != PACT_OK)
		return PACT_EDB;
	if (stats) {
		stats->rows = im->rows;
		stats->added = after - im->count_before;
		stats->updated = im->rows - stats->added;
		stats->forgotten = im->forgotten;
		stats->unlinked = im->unlinked;
	}
	return PACT_OK;
}

/* --- files --------------------------------------------------------------- */

static int on_record(void *ctx, char **fields, size_t n, long line, struct pact_err *err)
{
	struct import *im = ctx;

	return im->have_header ? import_row(im, fields, n, line, err)
			       : import_header(im, fields, n, line, err);
}

/* Whether the file starts with a UTF-8 byte order mark, as --excel writes. */
static bool starts_with_bom(const char *path)
{
	unsigned char b[3] = { 0 };
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : NULL;
	bool bom = f && fread(b, 1, 3, f) == 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF;

	if (f)
		fclose(f);
	return bom;
}

int import_file(sqlite3 *db, const struct kind *k, const char *path,
		const struct import_opts *opts, struct import_stats *stats, struct pact_err *err)
{
	struct csvin_opts in = { .delim = opts ? opts->delim : 0,
				 .encoding = opts ? opts->encoding : NULL };
	bool excel = (opts && opts->excel) || starts_with_bom(path);
	const char *name = strcmp(path, "-") == 0 ? _("standard input") : path;
	struct import *im;
	char cols[1024];
	int rc;

	/* A bulk load wants its pages in memory: 24 MB of cache, with the rows
	 * staged (STAGE_BUDGET, 4 MB) and the rest of pact, keeps an import
	 * under the 50 MB it may use, whatever the file's size. */
	sqlite3_exec(db, "PRAGMA cache_size = -24000", NULL, NULL, NULL);
	if ((rc = db_begin(db, err)) != PACT_OK)
		return rc;
	rc = import_begin(&im, db, k, name, excel, err);
	if (rc == PACT_OK)
		rc = csvin_read(path, &in, on_record, im, err);
	if (rc == PACT_OK && !im->have_header) {
		import_columns(k, cols, sizeof cols);
		rc = err_set(err, PACT_EINPUT,
			     _("%s: the file is empty; it starts with a header row with: %s"), name,
			     cols);
	}
	if (rc == PACT_OK)
		rc = import_finish(im, stats, err);
	import_free(im);
	if (rc == PACT_OK)
		return db_commit(db, err);
	db_rollback(db);
	return rc;
}

struct shipped {
	struct import *im;
	bool have_header;
};

static int shipped_record(void *ctx, char **fields, size_t n, long line, struct pact_err *err)
{
	struct shipped *s = ctx;

	if (s->have_header)
		return import_row(s->im, fields, n, line, err);
	s->have_header = true;
	return import_header(s->im, fields, n, line, err);
}

int import_text(sqlite3 *db, const struct kind *k, const char *text, const char *name,
		struct import_stats *stats, struct pact_err *err)
{
	return import_mem(db, k, text, strlen(text), name, &(struct csvin_opts){ .delim = ',' },
			  stats, err);
}

int import_mem(sqlite3 *db, const struct kind *k, const char *data, size_t len,
	       const char *name, const struct csvin_opts *opts, struct import_stats *stats,
	       struct pact_err *err)
{
	struct shipped s = { .have_header = false };
	int rc;

	if ((rc = import_begin(&s.im, db, k, name, false, err)) != PACT_OK)
		return rc;
	rc = csvin_read_mem(data, len, name, opts, shipped_record, &s, err);
	if (rc == PACT_OK)
		rc = import_finish(s.im, stats, err);
	import_free(s.im);
	return rc;
}
