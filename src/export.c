/* The generic exporter. SQL is built only from the static declarations.
 * Without names, a kind's quasi-identifiers are generalised so that no row
 * singles anyone out (suppress_kanon). */
#include "export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "i18n.h"
#include "sql.h"
#include "suppress.h"
#include "value.h"

#define MAX_COLS KIND_MAX_COLS

void export_excel(struct export_opts *o)
{
	/* Excel reads what its language writes: Dutch Excel ';' and 1234,56,
	 * English Excel ',' and 1234.56. */
	bool dutch = strcmp(i18n_lang(), "nl") == 0;

	o->csv.delim = dutch ? ';' : ',';
	o->csv.crlf = true;
	o->csv.bom = true;
	o->csv.excel = true;
	o->decimal_comma = dutch;
}

/* The expression for column c (table alias t, reference join rN). A name
 * is exported where it is unique in its scope, else the UUID. With
 * ref_ids, a reference is its row id, which ref_lookup_sql turns into
 * the same text. */
static void column_sql(const struct kind_col *col, size_t c, bool refs_as_uuid, bool ref_ids,
		       char *out, size_t outsz)
{
	if (col->flags & KC_DERIVED)
		snprintf(out, outsz, "(%s)", col->expr);
	else if (col->type == CT_UUID)
		snprintf(out, outsz, "t.uuid");
	else if (col->type != CT_REF || ref_ids)
		snprintf(out, outsz, "t.%s", col->field);
	else if (refs_as_uuid || !col->ref_name)
		snprintf(out, outsz, "r%zu.uuid", c);
	else
		snprintf(out, outsz,
			 "CASE WHEN r%zu.id IN (SELECT a.id FROM main.%s a JOIN main.%s b ON "
			 "a.%s = b.%s AND a.id <> b.id%s%s%s%s) THEN r%zu.uuid ELSE r%zu.%s END",
			 c, col->ref_table, col->ref_table, col->ref_name, col->ref_name,
			 col->ref_scope ? " AND a." : "", col->ref_scope ? col->ref_scope : "",
			 col->ref_scope ? " = b." : "", col->ref_scope ? col->ref_scope : "", c, c,
			 col->ref_name);
}

/* Whether table has column: a file made by an older pact (read by pact
 * merge) lacks the columns added since. */
static bool has_field(sqlite3 *db, const char *table, const char *field)
{
	int64_t n = 0;

	return sql_int(db, &n, NULL, NULL,
		       "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2", "tt", table,
		       field) == PACT_OK &&
	       n > 0;
}

/* The kind's query (without the columns the file has not got); with_id
 * adds t.id after the columns. */
static int build_query(sqlite3 *db, const struct kind *k, const struct export_opts *o,
		       bool with_id, bool ref_ids, sqlite3_stmt **st, const struct kind_col **cols,
		       size_t *ncols, struct pact_err *err)
{
	char sql[16384], expr[2048];
	size_t os, n = 0;

	os = (size_t)snprintf(sql, sizeof sql, "SELECT ");
	for (size_t c = 0; c < k->ncols && n < MAX_COLS; c++) {
		if ((k->cols[c].flags & KC_PERSONAL) && !o->with_names)
			continue;
		if ((k->cols[c].flags & KC_DERIVED) && o->refs_as_uuid)
			continue; /* a merge carries the link, not what it names */
		if (k->cols[c].type != CT_UUID && !has_field(db, k->table, k->cols[c].field))
			continue;
		column_sql(&k->cols[c], c, o->refs_as_uuid, ref_ids, expr, sizeof expr);
		os += (size_t)snprintf(sql + os, sizeof sql - os, "%s%s", n ? ", " : "", expr);
		cols[n++] = &k->cols[c];
	}
	if (with_id)
		os += (size_t)snprintf(sql + os, sizeof sql - os, "%st.id", n ? ", " : "");
	os += (size_t)snprintf(sql + os, sizeof sql - os, " FROM main.%s t", k->table);
	for (size_t c = 0; c < k->ncols && !ref_ids; c++)
		if (k->cols[c].type == CT_REF && has_field(db, k->table, k->cols[c].field))
			os += (size_t)snprintf(sql + os, sizeof sql - os,
					       " LEFT JOIN main.%s r%zu ON r%zu.id = t.%s",
					       k->cols[c].ref_table, c, c, k->cols[c].field);
	if (o->session_id && k->session_field)
		os += (size_t)snprintf(sql + os, sizeof sql - os, " WHERE t.%s = ?1",
				       k->session_field);
	snprintf(sql + os, sizeof sql - os, " ORDER BY t.id");
	*ncols = n;
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		return err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
	if (o->session_id)
		sqlite3_bind_int64(*st, 1, o->session_id);
	return PACT_OK;
}

int export_query(sqlite3 *db, const struct kind *k, const struct export_opts *o,
		 sqlite3_stmt **st, const struct kind_col **cols, size_t *ncols,
		 struct pact_err *err)
{
	return build_query(db, k, o, false, false, st, cols, ncols, err);
}

/* How far each record's quasi-identifiers are generalised (suppress_kanon),
 * by record id, ids ascending. */
struct kanon {
	const struct kind_col *quasi[EXPORT_MAX_QUASI];
	size_t nq, n, cap;
	int64_t *ids;
	int *level;
};

static void kanon_free(struct kanon *kn)
{
	free(kn->ids);
	free(kn->level);
}

/* The scope (the session) and quasi-identifiers of every record exported. */
static sqlite3_stmt *kanon_query(sqlite3 *db, const struct kind *k, const struct export_opts *o,
				 const struct kanon *kn, struct pact_err *err)
{
	char sql[1024];
	size_t os;
	sqlite3_stmt *st;

	os = (size_t)snprintf(sql, sizeof sql, "SELECT t.id, %s%s", k->session_field ? "t." : "",
			      k->session_field ? k->session_field : "NULL");
	for (size_t j = 0; j < kn->nq; j++)
		os += (size_t)snprintf(sql + os, sizeof sql - os, ", t.%s", kn->quasi[j]->field);
	os += (size_t)snprintf(sql + os, sizeof sql - os, " FROM main.%s t", k->table);
	if (o->session_id && k->session_field)
		os += (size_t)snprintf(sql + os, sizeof sql - os, " WHERE t.%s = ?1",
				       k->session_field);
	snprintf(sql + os, sizeof sql - os, " ORDER BY t.id");
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
		return NULL;
	}
	if (o->session_id && k->session_field)
		sqlite3_bind_int64(st, 1, o->session_id);
	return st;
}

static void values_free(char **values, size_t n)
{
	for (size_t i = 0; values && i < n; i++)
		free(values[i]);
	free(values);
}

/* Read the records' scopes and quasi-identifiers, and place each. */
static int kanon_read(sqlite3 *db, const struct kind *k, const struct export_opts *o,
		      struct kanon *kn, struct pact_err *err)
{
	sqlite3_stmt *st = kanon_query(db, k, o, kn, err);
	size_t width = kn->nq + 1, vcap = 0;
	char **values = NULL;
	bool ok = true;
	int step = SQLITE_DONE;

	if (!st)
		return PACT_EDB;
	while (ok && (step = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t *ids = array_room(kn->ids, kn->n, &kn->cap, sizeof *ids);
		char **more = array_room(values, kn->n, &vcap, width * sizeof *more);

		kn->ids = ids ? ids : kn->ids;
		values = more ? more : values;
		if (!(ok = ids && more))
			break;
		kn->ids[kn->n] = sqlite3_column_int64(st, 0);
		for (size_t j = 0; j < width; j++) {
			const char *t = (const char *)sqlite3_column_text(st, (int)j + 1);
			char **cell = &values[kn->n * width + j];
			*cell = t ? strdup(t) : NULL;
			ok &= !t || *cell;
		}
		kn->n++;
	}
	sqlite3_finalize(st);
	if (ok && step == SQLITE_DONE)
		ok = (kn->level = malloc((kn->n ? kn->n : 1) * sizeof *kn->level)) &&
		     suppress_kanon((const char *const *)values, kn->n, kn->nq, kn->level);
	values_free(values, kn->n * width);
	if (!ok)
		return err_nomem(err);
	if (step != SQLITE_DONE)
		return err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
	return PACT_OK;
}

static int compare_ids(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The record's level; a record that came in meanwhile is left out. */
static int kanon_level(const struct kanon *kn, int64_t id)
{
	const int64_t *at = kn->n ? bsearch(&id, kn->ids, kn->n, sizeof id, compare_ids) : NULL;

	return at ? kn->level[at - kn->ids] : (int)kn->nq + 1;
}

/* Whether col is one of the last level quasi-identifiers, written "*". */
static bool kanon_hides(const struct kanon *kn, const struct kind_col *col, int level)
{
	for (size_t j = kn->nq - (size_t)level; j < kn->nq; j++)
		if (kn->quasi[j] == col)
			return true;
	return false;
}

/* A reference column's text, looked up once per distinct row id in a
 * row: consecutive rows mostly name the same session. */
struct ref_lookup {
	sqlite3_stmt *st; /* NULL for a column that is no reference */
	int64_t id;
	char *text;       /* for id; NULL: not looked up yet, or no text */
	bool known;
};

/* The text column_sql gives a reference through its join, by row id ?1. */
static void ref_lookup_sql(const struct kind_col *col, bool refs_as_uuid, char *out,
			   size_t outsz)
{
	if (refs_as_uuid || !col->ref_name)
		snprintf(out, outsz, "SELECT uuid FROM main.%s WHERE id = ?1", col->ref_table);
	else
		snprintf(out, outsz,
			 "SELECT CASE WHEN EXISTS (SELECT 1 FROM main.%s b WHERE b.%s = a.%s AND "
			 "b.id <> a.id%s%s%s%s) THEN a.uuid ELSE a.%s END FROM main.%s a WHERE a.id = ?1",
			 col->ref_table, col->ref_name, col->ref_name,
			 col->ref_scope ? " AND b." : "", col->ref_scope ? col->ref_scope : "",
			 col->ref_scope ? " = a." : "", col->ref_scope ? col->ref_scope : "",
			 col->ref_name, col->ref_table);
}

static int ref_text(struct ref_lookup *r, int64_t id, const char **text)
{
	int step;

	if (r->known && r->id == id) {
		*text = r->text;
		return PACT_OK;
	}
	free(r->text);
	r->text = NULL;
	r->known = false;
	sqlite3_reset(r->st);
	sqlite3_bind_int64(r->st, 1, id);
	step = sqlite3_step(r->st);
	if (step == SQLITE_ROW && sqlite3_column_type(r->st, 0) != SQLITE_NULL &&
	    !(r->text = strdup((const char *)sqlite3_column_text(r->st, 0))))
		return PACT_ENOMEM;
	sqlite3_reset(r->st);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return PACT_EDB;
	r->id = id;
	r->known = true;
	*text = r->text;
	return PACT_OK;
}

static int write_cell(struct csv_out *w, const struct kind_col *col, sqlite3_stmt *st, int i,
		      const struct export_opts *o, struct ref_lookup *ref)
{
	char buf[32];
	const char *text;
	int rc;

	if (!ref->st && (col->type == CT_TEXT || col->type == CT_LINES))
		return csv_out_field(w, (const char *)sqlite3_column_text(st, i)); /* NULL: empty */
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return csv_out_field(w, NULL);
	if (ref->st) {
		if ((rc = ref_text(ref, sqlite3_column_int64(st, i), &text)) != PACT_OK)
			return rc;
		return csv_out_field(w, text);
	}
	switch (col->type) {
	case CT_INT:
	case CT_BOOL:
		return csv_out_int(w, sqlite3_column_int64(st, i));
	case CT_AMOUNT:
		value_amount_csv(sqlite3_column_int64(st, i), o->decimal_comma, buf);
		return csv_out_field(w, buf);
	default:
		return csv_out_field(w, (const char *)sqlite3_column_text(st, i));
	}
}

/* One record; with quasi-identifiers, generalised or left out. */
static int write_row(struct csv_out *w, sqlite3_stmt *st, const struct kind_col **cols, size_t n,
		     const struct kanon *kn, const struct export_opts *o, struct ref_lookup *refs,
		     struct export_stats *stats)
{
	int level = kn->nq ? kanon_level(kn, sqlite3_column_int64(st, (int)n)) : 0;
	int rc = PACT_OK;

	if ((size_t)level > kn->nq) {
		stats->left_out++;
		return PACT_OK;
	}
	for (size_t i = 0; i < n && rc == PACT_OK; i++)
		rc = kanon_hides(kn, cols[i], level) ? csv_out_field(w, "*")
						     : write_cell(w, cols[i], st, (int)i, o, &refs[i]);
	if (rc == PACT_OK && (rc = csv_out_end_row(w)) == PACT_OK) {
		stats->rows++;
		stats->generalised[level]++;
	}
	return rc;
}

/* The kind's quasi-identifiers, when they are to be generalised. */
static size_t find_quasi(const struct kind *k, const struct export_opts *o,
			 const struct kind_col **quasi)
{
	size_t nq = 0;

	for (size_t c = 0; c < k->ncols && !o->with_names; c++)
		if ((k->cols[c].flags & KC_QUASI) && nq < EXPORT_MAX_QUASI)
			quasi[nq++] = &k->cols[c];
	return nq;
}

/* The rows, written; both queries read one snapshot of the file. */
static int write_rows(sqlite3 *db, const struct kind *k, const char *path,
		      const struct export_opts *o, const struct kanon *kn,
		      struct export_stats *stats, struct pact_err *err)
{
	const struct kind_col *cols[MAX_COLS];
	const char *names[MAX_COLS + 1];
	struct ref_lookup refs[MAX_COLS];
	struct csv_out w;
	sqlite3_stmt *st;
	size_t n;
	int rc, step = SQLITE_DONE;
	bool opened = false;

	if ((rc = build_query(db, k, o, kn->nq > 0, true, &st, cols, &n, err)) != PACT_OK)
		return rc;
	memset(refs, 0, sizeof refs);
	for (size_t i = 0; i < n && rc == PACT_OK; i++) {
		char sql[1024];
		names[i] = cols[i]->name;
		if (cols[i]->type != CT_REF || (cols[i]->flags & KC_DERIVED))
			continue;
		ref_lookup_sql(cols[i], o->refs_as_uuid, sql, sizeof sql);
		if (sqlite3_prepare_v2(db, sql, -1, &refs[i].st, NULL) != SQLITE_OK)
			rc = err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
	}
	names[n] = NULL;
	if (rc == PACT_OK && (rc = csv_out_open(&w, path, &o->csv, err)) == PACT_OK) {
		opened = true;
		rc = csv_out_header(&w, names);
		while (rc == PACT_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
			rc = write_row(&w, st, cols, n, kn, o, refs, stats);
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < n; i++) {
		sqlite3_finalize(refs[i].st);
		free(refs[i].text);
	}
	if (!opened)
		return rc;
	if (rc == PACT_ENOMEM || rc == PACT_EDB || (rc == PACT_OK && step != SQLITE_DONE)) {
		csv_out_abort(&w);
		return rc == PACT_ENOMEM ? err_nomem(err)
					 : err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
	}
	/* After a failed write, closing says why and removes the partial file. */
	return csv_out_close(&w, err);
}

int export_kind(sqlite3 *db, const struct kind *k, const char *path, const struct export_opts *o,
		struct export_stats *stats, struct pact_err *err)
{
	struct kanon kn = { .nq = 0 };
	bool snapshot;
	int rc = PACT_OK;

	memset(stats, 0, sizeof *stats);
	kn.nq = stats->nquasi = find_quasi(k, o, kn.quasi);
	snapshot = kn.nq && sqlite3_get_autocommit(db);
	if (snapshot && sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		rc = err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
	if (rc == PACT_OK && kn.nq)
		rc = kanon_read(db, k, o, &kn, err);
	if (rc == PACT_OK)
		rc = write_rows(db, k, path, o, &kn, stats, err);
	if (snapshot && !sqlite3_get_autocommit(db))
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	kanon_free(&kn);
	return rc;
}
