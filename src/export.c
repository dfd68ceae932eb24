/* The generic exporter. SQL is built only from the static declarations. */
#include "export.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "sql.h"
#include "value.h"

#define MAX_COLS 32

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
 * is exported where it is unique in its scope, else the UUID. */
static void column_sql(const struct kind_col *col, size_t c, bool refs_as_uuid, char *out,
		       size_t outsz)
{
	if (col->type == CT_UUID)
		snprintf(out, outsz, "t.uuid");
	else if (col->type != CT_REF)
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

int export_query(sqlite3 *db, const struct kind *k, const struct export_opts *o,
		 sqlite3_stmt **st, const struct kind_col **cols, size_t *ncols,
		 struct pact_err *err)
{
	char sql[8192], expr[1024];
	size_t os, n = 0;

	os = (size_t)snprintf(sql, sizeof sql, "SELECT ");
	for (size_t c = 0; c < k->ncols && n < MAX_COLS; c++) {
		if ((k->cols[c].flags & KC_PERSONAL) && !o->with_names)
			continue;
		column_sql(&k->cols[c], c, o->refs_as_uuid, expr, sizeof expr);
		os += (size_t)snprintf(sql + os, sizeof sql - os, "%s%s", n ? ", " : "", expr);
		cols[n++] = &k->cols[c];
	}
	os += (size_t)snprintf(sql + os, sizeof sql - os, " FROM main.%s t", k->table);
	for (size_t c = 0; c < k->ncols; c++)
		if (k->cols[c].type == CT_REF)
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

static int write_cell(struct csv_out *w, const struct kind_col *col, sqlite3_stmt *st, int i,
		      const struct export_opts *o)
{
	char buf[32];

	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return csv_out_field(w, NULL);
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

int export_kind(sqlite3 *db, const struct kind *k, const char *path, const struct export_opts *o,
		int64_t *count, struct pact_err *err)
{
	const struct kind_col *cols[MAX_COLS];
	const char *names[MAX_COLS + 1];
	struct csv_out w;
	sqlite3_stmt *st;
	size_t n;
	int rc, step = SQLITE_DONE;

	*count = 0;
	if ((rc = export_query(db, k, o, &st, cols, &n, err)) != PACT_OK)
		return rc;
	for (size_t i = 0; i < n; i++)
		names[i] = cols[i]->name;
	names[n] = NULL;
	if ((rc = csv_out_open(&w, path, &o->csv, err)) != PACT_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	rc = csv_out_header(&w, names);
	while (rc == PACT_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		for (size_t i = 0; i < n && rc == PACT_OK; i++)
			rc = write_cell(&w, cols[i], st, (int)i, o);
		if (rc == PACT_OK && (rc = csv_out_end_row(&w)) == PACT_OK)
			(*count)++;
	}
	sqlite3_finalize(st);
	if (rc == PACT_OK && step != SQLITE_DONE) {
		csv_out_abort(&w);
		return err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
	}
	/* After a failed write, closing says why and removes the partial file. */
	return csv_out_close(&w, err);
}
