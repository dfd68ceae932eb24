/* Ideas and clusters. */
#include "idea.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "i18n.h"
#include "round.h"
#include "sql.h"
#include "stamp.h"
#include "text.h"

int idea_clean(const char *text, char **out, struct pact_err *err)
{
	/* Ideas keep their line breaks (an edited idea may have several lines). */
	return text_clean(text, _("idea"), IDEA_MAX_CHARS, true, true, out, err);
}

int idea_add(sqlite3 *db, int64_t session_id, const char *text, int64_t participant_id,
	     int64_t now, int64_t *id, struct pact_err *err)
{
	struct round r;
	bool have_round;
	char *clean, uuid[37], stamp[21];
	int late = 0, rc;

	if (idea_clean(text, &clean, err) != PACT_OK)
		return PACT_EINPUT;
	if ((rc = round_current(db, session_id, &r, &have_round, err)) != PACT_OK) {
		free(clean);
		return rc;
	}
	if (have_round) {
		enum timer_state s = timer_state(&r.timer, now);
		late = s == TIMER_UP || s == TIMER_ENDED;
	}
	stamp_uuid(uuid);
	stamp_iso((time_t)now, stamp);
	rc = sql_exec(db, err,
		      "INSERT INTO idea(uuid, session_id, round_id, participant_id, text, late, "
		      "created_at, updated_at) VALUES (?, ?, nullif(?, 0), nullif(?, 0), ?, ?, ?, ?)",
		      "tIIItdtt", uuid, session_id, have_round ? r.id : (int64_t)0, participant_id,
		      clean, late, stamp, stamp);
	if (rc == PACT_OK && id)
		*id = sqlite3_last_insert_rowid(db);
	free(clean);
	return rc;
}

static int changed_one(sqlite3 *db, int rc, struct pact_err *err, const char *what)
{
	if (rc == PACT_OK && sqlite3_changes(db) == 0)
		return err_set(err, PACT_EINPUT, _("no such %s"), what);
	return rc;
}

int idea_edit(sqlite3 *db, int64_t id, const char *text, struct pact_err *err)
{
	char *clean, stamp[21];
	int rc;

	if (idea_clean(text, &clean, err) != PACT_OK)
		return PACT_EINPUT;
	stamp_iso(time(NULL), stamp);
	rc = sql_exec(db, err, "UPDATE idea SET text = ?, updated_at = ? WHERE id = ?", "ttI", clean,
		      stamp, id);
	free(clean);
	return changed_one(db, rc, err, _("idea"));
}

char *idea_text(sqlite3 *db, int64_t id)
{
	sqlite3_stmt *st = sql_query(db, NULL, "SELECT text FROM idea WHERE id = ?", "I", id);
	char *text = NULL;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		text = sql_text(st, 0);
	sqlite3_finalize(st);
	return text;
}

int idea_session(sqlite3 *db, int64_t id, int64_t *session_id, struct pact_err *err)
{
	return sql_int(db, session_id, NULL, err, "SELECT session_id FROM idea WHERE id = ?", "I", id);
}

static int copy_row(sqlite3 *db, int64_t id, struct idea_undo *u, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT session_id, coalesce(round_id, 0), coalesce(cluster_id, 0), "
				     "coalesce(participant_id, 0), coalesce(merged_into, 0), uuid, text, "
				     "created_at, updated_at, late FROM idea WHERE id = ?",
				     "I", id);
	int rc;

	if (!st)
		return PACT_EDB;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		u->id = id;
		u->session_id = sqlite3_column_int64(st, 0);
		u->round_id = sqlite3_column_int64(st, 1);
		u->cluster_id = sqlite3_column_int64(st, 2);
		u->participant_id = sqlite3_column_int64(st, 3);
		u->merged_into = sqlite3_column_int64(st, 4);
		snprintf(u->uuid, sizeof u->uuid, "%s", sqlite3_column_text(st, 5));
		u->text = sql_text(st, 6);
		u->created_at = sql_text(st, 7);
		u->updated_at = sql_text(st, 8);
		u->late = sqlite3_column_int(st, 9);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return PACT_OK;
	return err_set(err, PACT_EINPUT, _("no such %s"), _("idea"));
}

static int copy_merged(sqlite3 *db, int64_t id, struct idea_undo *u, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err, "SELECT id FROM idea WHERE merged_into = ?", "I", id);

	if (!st)
		return PACT_EDB;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t *grown = realloc(u->merged, (u->nmerged + 1) * sizeof *grown);
		if (!grown) {
			sqlite3_finalize(st);
			return err_set(err, PACT_EDB, _("out of memory"));
		}
		u->merged = grown;
		u->merged[u->nmerged++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return PACT_OK;
}

int idea_delete(sqlite3 *db, int64_t id, struct idea_undo *undo, struct pact_err *err)
{
	int rc;

	memset(undo, 0, sizeof *undo);
	if ((rc = db_begin(db, err)) != PACT_OK)
		return rc;
	rc = copy_row(db, id, undo, err);
	if (rc == PACT_OK)
		rc = copy_merged(db, id, undo, err);
	if (rc == PACT_OK)
		rc = sql_exec(db, err, "DELETE FROM idea WHERE id = ?", "I", id);
	if (rc == PACT_OK)
		rc = db_commit(db, err);
	if (rc != PACT_OK) {
		db_rollback(db);
		idea_undo_free(undo);
	}
	return rc;
}

int idea_restore(sqlite3 *db, const struct idea_undo *u, struct pact_err *err)
{
	int rc;

	if ((rc = db_begin(db, err)) != PACT_OK)
		return rc;
	/* Links to rounds, clusters or participants deleted meanwhile are
	 * dropped rather than refused. */
	rc = sql_exec(db, err,
		      "INSERT INTO idea(id, uuid, session_id, round_id, cluster_id, participant_id, "
		      "merged_into, text, late, created_at, updated_at) VALUES (?, ?, ?, "
		      "(SELECT id FROM round WHERE id = ?), (SELECT id FROM cluster WHERE id = ?), "
		      "(SELECT id FROM participant WHERE id = ?), (SELECT id FROM idea WHERE id = ?), "
		      "?, ?, ?, ?)",
		      "ItIIIIItdtt", u->id, u->uuid, u->session_id, u->round_id, u->cluster_id,
		      u->participant_id, u->merged_into, u->text, u->late, u->created_at,
		      u->updated_at);
	for (size_t i = 0; rc == PACT_OK && i < u->nmerged; i++)
		rc = sql_exec(db, err,
			      "UPDATE idea SET merged_into = ? WHERE id = ? AND merged_into IS NULL",
			      "II", u->id, u->merged[i]);
	if (rc == PACT_OK)
		return db_commit(db, err);
	db_rollback(db);
	return rc;
}

void idea_undo_free(struct idea_undo *u)
{
	free(u->text);
	free(u->created_at);
	free(u->updated_at);
	free(u->merged);
	memset(u, 0, sizeof *u);
}

int idea_set_round(sqlite3 *db, int64_t id, int64_t round_id, struct pact_err *err)
{
	int rc = sql_exec(db, err,
			  "UPDATE idea SET round_id = nullif(?1, 0) WHERE id = ?2 AND (?1 = 0 OR "
			  "EXISTS (SELECT 1 FROM round r WHERE r.id = ?1 AND r.session_id = "
			  "idea.session_id))",
			  "II", round_id, id);

	return changed_one(db, rc, err, _("round in this session"));
}

int idea_set_cluster(sqlite3 *db, int64_t id, int64_t cluster_id, struct pact_err *err)
{
	int rc = sql_exec(db, err,
			  "UPDATE idea SET cluster_id = nullif(?1, 0) WHERE id = ?2 AND (?1 = 0 OR "
			  "EXISTS (SELECT 1 FROM cluster c WHERE c.id = ?1 AND c.session_id = "
			  "idea.session_id))",
			  "II", cluster_id, id);

	return changed_one(db, rc, err, _("cluster in this session"));
}

int idea_merge(sqlite3 *db, int64_t from, int64_t into, struct idea_undo *undo,
	       struct pact_err *err)
{
	struct idea_undo local;
	int64_t from_session, into_session, root;
	int rc;

	if ((rc = db_begin(db, err)) != PACT_OK)
		return rc;
	/* Merging into a merged idea means merging into where that one went. */
	rc = sql_int(db, &root, NULL, err, "SELECT coalesce(merged_into, id) FROM idea WHERE id = ?",
		     "I", into);
	if (rc == PACT_OK)
		rc = idea_session(db, from, &from_session, err);
	if (rc == PACT_OK)
		rc = idea_session(db, root, &into_session, err);
	if (rc == PACT_OK && (root == from || from_session != into_session))
		rc = err_set(err, PACT_EINPUT,
			     root == from ? _("an idea cannot be merged into itself")
					  : _("ideas of different sessions cannot be merged"));
	memset(&local, 0, sizeof local);
	local.id = from;
	if (rc == PACT_OK)
		rc = copy_merged(db, from, &local, err);
	if (rc == PACT_OK)
		rc = sql_exec(db, err, "UPDATE idea SET merged_into = ?1 WHERE merged_into = ?2",
			      "II", root, from);
	if (rc == PACT_OK)
		rc = sql_exec(db, err, "UPDATE idea SET merged_into = ? WHERE id = ?", "II", root,
			      from);
	if (rc == PACT_OK)
		rc = db_commit(db, err);
	else
		db_rollback(db);
	if (rc == PACT_OK && undo)
		*undo = local;
	else
		idea_undo_free(&local);
	return rc;
}

int idea_unmerge(sqlite3 *db, const struct idea_undo *u, struct pact_err *err)
{
	int rc = db_begin(db, err);

	if (rc == PACT_OK)
		rc = sql_exec(db, err, "UPDATE idea SET merged_into = NULL WHERE id = ?", "I", u->id);
	for (size_t i = 0; rc == PACT_OK && i < u->nmerged; i++)
		rc = sql_exec(db, err, "UPDATE idea SET merged_into = ? WHERE id = ?", "II", u->id,
			      u->merged[i]);
	if (rc == PACT_OK)
		return db_commit(db, err);
	db_rollback(db);
	return rc;
}

int idea_count(sqlite3 *db, int64_t session_id, int64_t *count, struct pact_err *err)
{
	return sql_int(db, count, NULL, err,
		       "SELECT count(*) FROM idea WHERE session_id = ? AND merged_into IS NULL", "I",
		       session_id);
}

#define IDEA_COLUMNS                                                                           \
	"i.text || coalesce((SELECT ' (+' || count(*) || ')' FROM idea m "                     \
	"WHERE m.merged_into = i.id HAVING count(*) > 0), ''), "                               \
	"CASE WHEN i.late THEN :late ELSE '' END, coalesce(r.name, ''), coalesce(c.name, ''), " \
	"coalesce(p.alias, '') "
#define IDEA_JOINS                                                                             \
	"FROM idea i LEFT JOIN round r ON r.id = i.round_id "                                  \
	"LEFT JOIN cluster c ON c.id = i.cluster_id "                                          \
	"LEFT JOIN participant p ON p.id = i.participant_id "

/* :exclude (unbound: none) leaves one idea out, for "merge into…". */
static const char by_time_count[] = "SELECT count(*) FROM idea WHERE session_id = :session "
				    "AND merged_into IS NULL AND id IS NOT :exclude";
/* The window's ids come from the index alone, so skipping to row 100,000
 * does not build 100,000 rows first. */
static const char by_time_page[] =
	"SELECT i.id, " IDEA_COLUMNS IDEA_JOINS
	"JOIN (SELECT id FROM idea WHERE session_id = :session AND merged_into IS NULL "
	"AND id IS NOT :exclude ORDER BY id DESC LIMIT :limit OFFSET :offset) w ON w.id = i.id "
	"ORDER BY i.id DESC";

/* Cluster headers, their ideas, then a header and the ideas in no cluster;
 * sorted by (cluster name, header first, idea number). */
static const char by_cluster_rows[] =
	"SELECT -c.id AS id, c.name AS k, 0 AS h, 0 AS n, "
	" c.name || ' (' || (SELECT count(*) FROM idea x WHERE x.cluster_id = c.id "
	" AND x.merged_into IS NULL) || ')' AS t, '' AS l, '' AS rn, '' AS cn, '' AS pa "
	"FROM cluster c WHERE c.session_id = :session "
	"UNION ALL SELECT 0, char(1114111), 0, 0, :rest || ' (' || count(*) || ')', '', '', '', '' "
	"FROM idea WHERE session_id = :session AND cluster_id IS NULL AND merged_into IS NULL "
	"HAVING count(*) > 0 "
	"UNION ALL SELECT i.id, coalesce(c.name, char(1114111)), 1, i.id, " IDEA_COLUMNS IDEA_JOINS
	"WHERE i.session_id = :session AND i.merged_into IS NULL";

static const char by_cluster_count[] = "SELECT count(*) FROM (SELECT 1 FROM cluster WHERE "
				       "session_id = :session UNION ALL SELECT count(*) FROM idea "
				       "WHERE session_id = :session AND cluster_id IS NULL AND "
				       "merged_into IS NULL HAVING count(*) > 0 UNION ALL SELECT 1 FROM idea "
				       "WHERE session_id = :session AND merged_into IS NULL)";

int idea_pager(struct pager *p, sqlite3 *db, int64_t session_id, enum idea_view view,
	       const char *late_label, const char *rest_label, struct pact_err *err)
{
	char page[2048];
	int rc;

	if (view == IDEA_BY_TIME) {
		rc = pager_open(p, db, by_time_count, by_time_page, err);
	} else {
		snprintf(page, sizeof page,
			 "SELECT id, t, l, rn, cn, pa FROM (%s) ORDER BY k, h, n "
			 "LIMIT :limit OFFSET :offset",
			 by_cluster_rows);
		rc = pager_open(p, db, by_cluster_count, page, err);
	}
	if (rc != PACT_OK)
		return rc;
	pager_bind_int(p, ":session", session_id);
	pager_bind_text(p, ":late", late_label);
	pager_bind_text(p, ":rest", rest_label);
	return pager_reload(p, err);
}

int cluster_add(sqlite3 *db, int64_t session_id, const char *name, int64_t *id,
		struct pact_err *err)
{
	char *clean, uuid[37];
	int64_t existing;
	int found, rc;

	if (text_clean(name, _("cluster name"), 100, true, false, &clean, err))
		return PACT_EINPUT;
	rc = sql_int(db, &existing, &found, err,
		     "SELECT id FROM cluster WHERE session_id = ? AND name = ?", "It", session_id,
		     clean);
	if (rc == PACT_OK && found)
		rc = err_set(err, PACT_EINPUT, _("cluster name: '%s' exists already"), clean);
	if (rc == PACT_OK) {
		stamp_uuid(uuid);
		rc = sql_exec(db, err, "INSERT INTO cluster(uuid, session_id, name) VALUES (?, ?, ?)",
			      "tIt", uuid, session_id, clean);
	}
	if (rc == PACT_OK && id)
		*id = sqlite3_last_insert_rowid(db);
	free(clean);
	return rc;
}

int cluster_rename(sqlite3 *db, int64_t id, const char *name, struct pact_err *err)
{
	char *clean;
	int64_t other;
	int found, rc;

	if (text_clean(name, _("cluster name"), 100, true, false, &clean, err))
		return PACT_EINPUT;
	rc = sql_int(db, &other, &found, err,
		     "SELECT o.id FROM cluster o JOIN cluster c ON c.session_id = o.session_id "
		     "WHERE c.id = ? AND o.name = ? AND o.id <> c.id",
		     "It", id, clean);
	if (rc == PACT_OK && found)
		rc = err_set(err, PACT_EINPUT, _("cluster name: '%s' exists already"), clean);
	if (rc == PACT_OK)
		rc = changed_one(db,
				 sql_exec(db, err, "UPDATE cluster SET name = ? WHERE id = ?", "tI",
					  clean, id),
				 err, _("cluster"));
	free(clean);
	return rc;
}

int cluster_delete(sqlite3 *db, int64_t id, struct pact_err *err)
{
	return changed_one(db, sql_exec(db, err, "DELETE FROM cluster WHERE id = ?", "I", id), err,
			   _("cluster"));
}

int cluster_pager(struct pager *p, sqlite3 *db, int64_t session_id, struct pact_err *err)
{
	int rc = pager_open(p, db, "SELECT count(*) FROM cluster WHERE session_id = :session",
			    "SELECT c.id, c.name, (SELECT count(*) FROM idea i WHERE i.cluster_id = "
			    "c.id AND i.merged_into IS NULL) FROM cluster c WHERE c.session_id = "
			    ":session ORDER BY c.name LIMIT :limit OFFSET :offset",
			    err);

	if (rc == PACT_OK) {
		pager_bind_int(p, ":session", session_id);
		rc = pager_reload(p, err);
	}
	return rc;
}
