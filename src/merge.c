/* Merging: each kind is exported from the other file with references as
 * UUIDs and fed to the importer, all in one transaction. Tombstones travel
 * too: what either file forgot stays forgotten in the merged one. */
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

/* One tombstone of the other file: kept here too, and the participant it
 * names, if this file still has them, forgotten here as well. */
static int forget_here(sqlite3 *db, const char *path, const unsigned char *uuid_in,
		       const unsigned char *date_in, int64_t *erased, struct pact_err *err)
{
	char uuid[37], date[11];
	struct pact_err why;
	int rc;

	if (value_uuid(uuid_in ? (const char *)uuid_in : "", uuid, &why) != PACT_OK ||
	    value_date(date_in ? (const char *)date_in : "", date, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, _("%s: a tombstone of a forgotten record is damaged: %s"),
			       path, why.msg);
	rc = sql_exec(db, err,
		      "INSERT OR IGNORE INTO main.forgotten(uuid, kind, date) "
		      "VALUES (?, 'participant', ?)",
		      "tt", uuid, date);
	if (rc == PACT_OK)
		rc = sql_exec(db, err, "DELETE FROM main.participant WHERE uuid = ?", "t", uuid);
	if (rc == PACT_OK)
		*erased += sqlite3_changes(db);
	return rc;
}

/* The other file's tombstones, before its records. Only participants are
 * ever forgotten, so a tombstone of any other kind deletes nothing here. */
static int merge_forgotten(sqlite3 *db, sqlite3 *other, const char *path, int64_t *erased,
			   struct pact_err *err)
{
	sqlite3_stmt *st;
	int rc = PACT_OK, step = SQLITE_DONE;

	*erased = 0;
	if (!has_table(other, "forgotten"))
		return PACT_OK; /* made by a pact that did not keep tombstones */
	if (sqlite3_prepare_v2(other, "SELECT uuid, date FROM forgotten WHERE kind = 'participant'",
			       -1, &st, NULL) != SQLITE_OK)
		return err_set(err, PACT_EDB, _("cannot read %s: %s"), path, sql_errmsg(other));
	while (rc == PACT_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
		rc = forget_here(db, path, sqlite3_column_text(st, 0), sqlite3_column_text(st, 1), erased,
				 err);
	if (rc == PACT_OK && step != SQLITE_DONE)
		rc = err_set(err, PACT_EDB, _("cannot read %s: %s"), path, sql_errmsg(other));
	sqlite3_finalize(st);
	return rc;
}

int merge_file(sqlite3 *db, const char *path, struct import_stats *stats,
	       struct pact_err *err)
{
	int64_t erased = 0;
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
	if (rc == PACT_OK)
		rc = merge_forgotten(db, other, path, &erased, err);
	for (size_t i = 0; rc == PACT_OK && i < nkinds; i++) {
		rc = merge_kind(db, other, path, kinds[i], &stats[i], err);
		if (strcmp(kinds[i]->table, "participant") == 0)
			stats[i].erased = erased;
	}
	if (rc == PACT_OK)
		rc = db_commit(db, err);
	else
		db_rollback(db);
	sqlite3_close(other);
	return rc;
}
