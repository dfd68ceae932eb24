/* Participants' personal data: small groups hidden, retention and purge. */
#include "privacy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "array.h"
#include "barchart.h"
#include "db.h"
#include "i18n.h"
#include "session.h"
#include "sql.h"

static const char *const dimension_keys[PRIVACY_DIMENSIONS] = { "role", "wijk", "age_band" };
static const char *const dimension_names[PRIVACY_DIMENSIONS] = {
	N_("Role"), N_("Neighbourhood (wijk)"), N_("Age band"),
};

const char *privacy_dimension_key(int d)
{
	return d >= 0 && d < PRIVACY_DIMENSIONS ? dimension_keys[d] : "";
}

const char *privacy_dimension_name(int d)
{
	return d >= 0 && d < PRIVACY_DIMENSIONS ? _(dimension_names[d]) : "";
}

int privacy_breakdown(sqlite3 *db, int64_t session, struct privacy_group **groups, size_t *n,
		      struct pact_err *err)
{
	/* The column is chosen from a fixed list, never from input. */
	static const char *const sql[PRIVACY_DIMENSIONS] = {
		"SELECT coalesce(role, ''), count(*) AS n FROM participant "
		"WHERE ?1 = 0 OR session_id = ?1 GROUP BY 1 ORDER BY n DESC, 1",
		"SELECT coalesce(wijk, ''), count(*) AS n FROM participant "
		"WHERE ?1 = 0 OR session_id = ?1 GROUP BY 1 ORDER BY n DESC, 1",
		"SELECT coalesce(age_band, ''), count(*) AS n FROM participant "
		"WHERE ?1 = 0 OR session_id = ?1 GROUP BY 1 ORDER BY n DESC, 1",
	};
	size_t cap = 0;
	int rc = SQLITE_DONE;

	*groups = NULL;
	*n = 0;
	for (int d = 0; d < PRIVACY_DIMENSIONS && rc == SQLITE_DONE; d++) {
		sqlite3_stmt *st = sql_query(db, err, sql[d], "I", session);

		if (!st) {
			privacy_groups_free(*groups, *n);
			*groups = NULL;
			*n = 0;
			return PACT_EDB;
		}
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			struct privacy_group *g, *more = array_room(*groups, *n, &cap, sizeof *more);

			if (!more) {
				rc = SQLITE_NOMEM;
				break;
			}
			*groups = more;
			g = &(*groups)[(*n)++];
			g->dimension = d;
			g->group = sql_text(st, 0);
			g->people = sqlite3_column_int64(st, 1);
			g->hidden = g->people < PRIVACY_MIN_GROUP;
		}
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_DONE) {
		privacy_groups_free(*groups, *n);
		*groups = NULL;
		*n = 0;
		return err_set(err, PACT_EDB, "%s", sql_errmsg(db));
	}
	return PACT_OK;
}

void privacy_groups_free(struct privacy_group *groups, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(groups[i].group);
	free(groups);
}

void privacy_count_text(const struct privacy_group *g, char out[24])
{
	if (g->hidden)
		snprintf(out, 24, "<%d", PRIVACY_MIN_GROUP);
	else
		snprintf(out, 24, "%lld", (long long)g->people);
}

/* A group's name for people: roles translated, "" as "not given". */
static const char *group_label(const struct privacy_group *g)
{
	if (!g->group[0])
		return _("not given");
	if (g->dimension == PRIVACY_ROLE)
		for (const struct role_name *r = participant_roles; r->key; r++)
			if (strcmp(r->key, g->group) == 0)
				return _(r->label);
	return g->group;
}

char *privacy_breakdown_report(const struct privacy_group *groups, size_t n, int width,
			       bool unicode)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	if (!out)
		return NULL;
	if (!n)
		fprintf(out, "%s\n", _("No participants yet: nothing to break down."));
	for (int d = 0; d < PRIVACY_DIMENSIONS; d++) {
		struct barchart_row *rows = calloc(n ? n : 1, sizeof *rows);
		int nrows = 0;

		for (size_t i = 0; rows && i < n; i++) {
			if (groups[i].dimension != d)
				continue;
			rows[nrows].label = group_label(&groups[i]);
			rows[nrows].value = groups[i].hidden ? 0 : groups[i].people;
			privacy_count_text(&groups[i], rows[nrows].shown);
			nrows++;
		}
		if (nrows)
			barchart_chart(out, privacy_dimension_name(d), rows, nrows, 0, width, unicode);
		free(rows);
	}
	if (n)
		fprintf(out, _("Groups of fewer than %d people are shown as <%d, so that nobody can be "
			       "picked out.\n"),
			PRIVACY_MIN_GROUP, PRIVACY_MIN_GROUP);
	fclose(out);
	return text;
}

#define DUE "retain_until IS NOT NULL AND retain_until < ?1 AND " \
	    "EXISTS (SELECT 1 FROM participant p WHERE p.session_id = session.id)"

int privacy_due(sqlite3 *db, const char *today, int64_t *sessions, struct pact_err *err)
{
	return sql_int(db, sessions, NULL, err, "SELECT count(*) FROM session WHERE " DUE, "t",
		       today);
}

int privacy_purge(sqlite3 *db, const char *today, int64_t *sessions, int64_t *people,
		  struct pact_err *err)
{
	int rc = db_begin(db, err);

	*sessions = *people = 0;
	if (rc == PACT_OK)
		rc = privacy_due(db, today, sessions, err);
	/* Tombstones, as for one forgotten participant: a merge of an older
	 * copy must not bring the purged names back. */
	if (rc == PACT_OK)
		rc = sql_exec(db, err,
			      "INSERT OR IGNORE INTO forgotten(uuid, kind, date) "
			      "SELECT uuid, 'participant', ?1 FROM participant WHERE session_id IN "
			      "(SELECT id FROM session WHERE " DUE ")",
			      "t", today);
	if (rc == PACT_OK)
		rc = sql_exec(db, err,
			      "DELETE FROM participant WHERE session_id IN "
			      "(SELECT id FROM session WHERE " DUE ")",
			      "t", today);
	if (rc == PACT_OK) {
		*people = sqlite3_changes(db);
		rc = db_commit(db, err);
	}
	if (rc != PACT_OK) {
		db_rollback(db);
		*sessions = *people = 0;
	}
	return rc;
}

int privacy_forget(sqlite3 *db, const char *ref, struct pact_err *err)
{
	char *end;
	long long number = strtoll(ref, &end, 10);
	int64_t id;
	int found;
	int rc = sql_int(db, &id, &found, err,
			 "SELECT id FROM participant WHERE uuid = lower(?1) OR (?2 > 0 AND id = ?2)",
			 "tI", ref, (int64_t)(*ref && !*end ? number : 0));

	if (rc != PACT_OK)
		return rc;
	if (!found)
		return err_set(err, PACT_EINPUT,
			       _("no participant '%s' (give the number or UUID; pact export "
				 "participants lists them)"),
			       ref);
	return participant_forget(db, id, err);
}

int privacy_scrub(sqlite3 *db, const char *path, struct pact_err *err)
{
	struct pact_err why;

	if (db_checkpoint_truncate(db, &why) == PACT_OK)
		return PACT_OK;
	return err_set(err, PACT_EDB,
		       _("%s; what was removed may stay in %s-wal until the other program that has "
			 "the database open closes it"),
		       why.msg, path);
}

bool privacy_mode_warning(const char *path, char *out, size_t outsz)
{
	struct stat st;

	if (stat(path, &st) != 0 || !(st.st_mode & 077))
		return false;
	snprintf(out, outsz,
		 _("%s can be read by other users of this computer (mode %04o); it holds "
		   "personal data: chmod 600 it"),
		 path, (unsigned)(st.st_mode & 07777));
	return true;
}
