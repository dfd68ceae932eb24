/* Merging: each kind is exported from the other file with references as
 * UUIDs and fed to the importer, all in one transaction. */
#include "merge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "export.h"
#include "i18n.h"
#include "sql.h"
#include "value.h"

#define MAX_COLS 32

static bool has_table(sqlite3 *other, const char *table)
{
	int64_t n = 0;

	return sql_int(other, &n, NULL, NULL,
		       "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", "t",
		       table) == PACT_OK &&
	       n > 0;
}

/* Feed every record of kind k in other to the importer. */
static int merge_kind(sqlite3 *db, sqlite3 *other, const char *path, const struct kind *k,
		      struct import_stats *stats, struct pact_err *err)
{
	struct export_opts o = { .with_names = true, .refs_as_uuid = true };
	const struct kind_col *cols[MAX_COLS];
	char *fields[MAX_COLS], amounts[MAX_COLS][32];
	struct import *im;
	sqlite3_stmt *st;
	size_t n;
	long row = 1;
	int rc, step = SQLITE_DONE;

	if (!has_table(other, k->table))
		return PACT_OK; /* made by an older pact: nothing of this kind */
	if ((rc = export_query(other, k, &o, &st, cols, &n, err)) != PACT_OK)
		return rc;
	if ((rc = import_begin(&im, db, k, path, false, err)) != PACT_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	for (size_t i = 0; i < n; i++)
		fields[i] = (char *)cols[i]->name;
	rc = import_header(im, fields, n, row, err);
	while (rc == PACT_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		for (size_t i = 0; i < n; i++) {
			const unsigned char *t = sqlite3_column_text(st, (int)i);
			fields[i] = (char *)(t ? (const char *)t : "");
			if (cols[i]->type == CT_AMOUNT && t) {
				value_amount_csv(sqlite3_column_int64(st, (int)i), false, amounts[i]);
				fields[i] = amounts[i];
			}
		}
		rc = import_row(im, fields, n, ++row, err);
	}
	if (rc == PACT_OK && step != SQLITE_DONE)
		rc = err_set(err, PACT_EDB, _("cannot read %s: %s"), path, sql_errmsg(other));
	sqlite3_finalize(st);
	if (rc == PACT_OK)
		rc = import_finish(im, stats, err);
	import_free(im);
	return rc;
}

int merge_file(sqlite3 *db, const char *path, struct import_stats *stats,
	       struct pact_err *err)
{
	sqlite3 *other = NULL;
	int rc = db_check_other(path, err);

	if (rc != PACT_OK)
		return rc;
	if (sqlite3_open_v2(path, &other, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		rc = err_set(err, PACT_EDB, _("cannot open %s: %s"), path,
			     other ? sql_errmsg(other) : _("out of memory"));
		sqlite3_close(other);
		return rc;
	}
	sqlite3_busy_timeout(other, 10000);
	rc = db_begin(db, err);
	for (size_t i = 0; rc == PACT_OK && i < nkinds; i++)
		rc = merge_kind(db, other, path, kinds[i], &stats[i], err);
	if (rc == PACT_OK)
		rc = db_commit(db, err);
	else
		db_rollback(db);
	sqlite3_close(other);
	return rc;
}
