/* CSV exports. */
#include "export.h"

#include "i18n.h"
#include "sql.h"

const char *const export_idea_columns[] = {
	"id", "session", "round", "cluster", "idea", "participant", "late", "created", "merged_into",
	NULL,
};

int export_ideas(sqlite3 *db, int64_t session_id, const char *path,
		 const struct csv_out_opts *opts, int64_t *count, struct pact_err *err)
{
	struct csv_out w;
	sqlite3_stmt *st;
	int rc;

	*count = 0;
	st = sql_query(db, err,
		       "SELECT i.uuid, s.title, r.name, c.name, i.text, p.alias, i.late, "
		       "i.created_at, m.uuid FROM idea i JOIN session s ON s.id = i.session_id "
		       "LEFT JOIN round r ON r.id = i.round_id "
		       "LEFT JOIN cluster c ON c.id = i.cluster_id "
		       "LEFT JOIN participant p ON p.id = i.participant_id "
		       "LEFT JOIN idea m ON m.id = i.merged_into "
		       "WHERE i.session_id = ? ORDER BY i.id",
		       "I", session_id);
	if (!st)
		return PACT_EDB;
	if ((rc = csv_out_open(&w, path, opts, err)) != PACT_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	rc = csv_out_header(&w, export_idea_columns);
	while (rc == PACT_OK && sqlite3_step(st) == SQLITE_ROW) {
		for (int c = 0; c < 9 && rc == PACT_OK; c++)
			rc = c == 6 ? csv_out_int(&w, sqlite3_column_int(st, c))
				    : csv_out_field(&w, (const char *)sqlite3_column_text(st, c));
		if (rc == PACT_OK)
			rc = csv_out_end_row(&w);
		if (rc == PACT_OK)
			(*count)++;
	}
	if (rc == PACT_OK && sqlite3_finalize(st) != SQLITE_OK) {
		csv_out_abort(&w);
		return err_set(err, PACT_EDB, _("database error: %s"), sqlite3_errmsg(db));
	}
	if (rc != PACT_OK)
		sqlite3_finalize(st);
	/* After a failed write, closing reports why and removes the partial file. */
	return csv_out_close(&w, err);
}
