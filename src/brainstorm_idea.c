/* Ideas and clusters. */
#include "brainstorm_idea.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "array.h"
#include "db.h"
#include "i18n.h"
#include "brainstorm_round.h"
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
	stamp_uuid_ordered(uuid);
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
	return sql_changed_one(db, rc, err, _("idea"));
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

/* The idea's fields, with the records it links to named by UUID. */
static int copy_row(sqlite3 *db, int64_t id, struct idea_undo *u, struct pact_err *err)
{
	char **texts[] = { &u->uuid, &u->session, &u->round, &u->cluster, &u->participant,
			   &u->merged_into, &u->text, &u->created_at, &u->updated_at };
	sqlite3_stmt *st = sql_query(
		db, err,
		"SELECT i.uuid, s.uuid, r.uuid, c.uuid, p.uuid, m.uuid, i.text, i.created_at, "
		"i.updated_at, i.late FROM idea i JOIN session s ON s.id = i.session_id "
		"LEFT JOIN round r ON r.id = i.round_id LEFT JOIN cluster c ON c.id = i.cluster_id "
		"LEFT JOIN participant p ON p.id = i.participant_id "
		"LEFT JOIN idea m ON m.id = i.merged_into WHERE i.id = ?",
		"I", id);
	bool missing = false;
	int rc;

	if (!st)
		return PACT_EDB;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		u->id = id;
		for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
			missing |= !(*texts[i] = sql_text(st, (int)i));
		u->late = sqlite3_column_int(st, 9);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return err_set(err, PACT_EINPUT, _("no such %s"), _("idea"));
	return missing ? err_nomem(err) : PACT_OK;
}

/* The UUIDs of the ideas merged into idea id. */
static int copy_merged(sqlite3 *db, int64_t id, struct idea_undo *u, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err, "SELECT uuid FROM idea WHERE merged_into = ?", "I", id);
	size_t cap = 0;
	int rc = PACT_OK;

	if (!st)
		return PACT_EDB;
	while (rc == PACT_OK && sqlite3_step(st) == SQLITE_ROW) {
		char **more = array_room(u->merged, u->nmerged, &cap, sizeof *more);
		if (more)
			u->merged = more;
		if (!more || !(u->merged[u->nmerged] = sql_text(st, 0)))
			rc = err_nomem(err);
		else
			u->nmerged++;
	}
	sqlite3_finalize(st);
	return rc;
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

/* The session the idea goes back into, by UUID; refused when the session
 * is gone or the idea is there already (brought back by another pact). */
static int restore_session(sqlite3 *db, const struct idea_undo *u, int64_t *session,
			   struct pact_err *err)
{
	int64_t other;
	int found, rc = sql_int(db, session, &found, err, "SELECT id FROM session WHERE uuid = ?",
				"t", u->session);

	if (rc == PACT_OK && !found)
		return err_set(err, PACT_EINPUT,
			       _("the idea cannot come back: its session was deleted meanwhile"));
	if (rc == PACT_OK)
		rc = sql_int(db, &other, &found, err, "SELECT id FROM idea WHERE uuid = ?", "t",
			     u->uuid);
	if (rc == PACT_OK && found)
		return err_set(err, PACT_EINPUT, _("the idea is there already: nothing to undo"));
	return rc;
}

/* Links are looked up by UUID within the session; what is gone is left
 * out, and so is an author who was forgotten (a tombstone in forgotten),
 * even when their row is still there. */
static int restore_row(sqlite3 *db, const struct idea_undo *u, int64_t session, int64_t *id,
		       struct pact_err *err)
{
	int rc = sql_exec(
		db, err,
		"INSERT INTO idea(id, uuid, session_id, round_id, cluster_id, participant_id, "
		"merged_into, text, late, created_at, updated_at) VALUES ("
		"(SELECT ?1 WHERE ?1 > 0 AND NOT EXISTS (SELECT 1 FROM idea WHERE id = ?1)), ?2, ?3, "
		"(SELECT id FROM round WHERE uuid = ?4 AND session_id = ?3), "
		"(SELECT id FROM cluster WHERE uuid = ?5 AND session_id = ?3), "
		"(SELECT id FROM participant WHERE uuid = ?6 AND session_id = ?3 "
		" AND NOT EXISTS (SELECT 1 FROM forgotten WHERE uuid = ?6)), "
		"(SELECT coalesce(merged_into, id) FROM idea WHERE uuid = ?7 AND session_id = ?3), "
		"?8, ?9, ?10, ?11)",
		"ItItttttdtt", u->id, u->uuid, session, u->round,
		u->cluster, u->participant, u->merged_into, u->text, u->late, u->created_at,
		u->updated_at);

	if (rc == PACT_OK)
		*id = sqlite3_last_insert_rowid(db);
	return rc;
}

int idea_restore(sqlite3 *db, const struct idea_undo *u, struct pact_err *err)
{
	int64_t session, id;
	int rc;

	if ((rc = db_begin(db, err)) != PACT_OK)
		return rc;
	rc = restore_session(db, u, &session, err);
	if (rc == PACT_OK)
		rc = restore_row(db, u, session, &id, err);
	/* Its duplicates come back to it unless merged elsewhere meanwhile. */
	for (size_t i = 0; rc == PACT_OK && i < u->nmerged; i++)
		rc = sql_exec(db, err,
			      "UPDATE idea SET merged_into = ?1 WHERE uuid = ?2 AND session_id = ?3 "
			      "AND merged_into IS NULL",
			      "ItI", id, u->merged[i], session);
	if (rc == PACT_OK)
		return db_commit(db, err);
	db_rollback(db);
	return rc;
}

void idea_undo_free(struct idea_undo *u)
{
	char *texts[] = { u->uuid, u->session, u->round, u->cluster, u->participant,
			  u->merged_into, u->text, u->created_at, u->updated_at };

	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		free(texts[i]);
	for (size_t i = 0; i < u->nmerged; i++)
		free(u->merged[i]);
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

	return sql_changed_one(db, rc, err, _("round in this session"));
}

int idea_set_cluster(sqlite3 *db, int64_t id, int64_t cluster_id, struct pact_err *err)
{
	int rc = sql_exec(db, err,
			  "UPDATE idea SET cluster_id = nullif(?1, 0) WHERE id = ?2 AND (?1 = 0 OR "
			  "EXISTS (SELECT 1 FROM cluster c WHERE c.id = ?1 AND c.session_id = "
			  "idea.session_id))",
			  "II", cluster_id, id);

	return sql_changed_one(db, rc, err, _("cluster in this session"));
}

int idea_cluster(sqlite3 *db, int64_t id, int64_t *cluster_id, struct pact_err *err)
{
	return sql_int(db, cluster_id, NULL, err,
		       "SELECT coalesce(cluster_id, 0) FROM idea WHERE id = ?", "I", id);
}

char *cluster_name(sqlite3 *db, int64_t id)
{
	sqlite3_stmt *st = sql_query(db, NULL, "SELECT name FROM cluster WHERE id = ?", "I", id);
	char *name = NULL;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		name = sql_text(st, 0);
	sqlite3_finalize(st);
	return name;
}

/* What idea_unmerge needs: the two ideas and the ones that move along, by
 * UUID. */
static int copy_merge(sqlite3 *db, int64_t from, int64_t root, struct idea_undo *u,
		      struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT f.uuid, r.uuid FROM idea f, idea r WHERE f.id = ? AND "
				     "r.id = ?",
				     "II", from, root);
	int rc;

	if (!st)
		return PACT_EDB;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		u->uuid = sql_text(st, 0);
		u->merged_into = sql_text(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return err_set(err, PACT_EINPUT, _("no such %s"), _("idea"));
	if (!u->uuid || !u->merged_into)
		return err_nomem(err);
	return copy_merged(db, from, u, err);
}

int idea_merge(sqlite3 *db, int64_t from, int64_t into, struct idea_undo *undo,
	       struct pact_err *err)
{
	struct idea_undo local;
	int64_t from_session, into_session, root;
	int rc;

	memset(&local, 0, sizeof local);
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
	if (rc == PACT_OK && undo)
		rc = copy_merge(db, from, root, &local, err);
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

/* The merged idea stands alone again, and the ideas that moved along go
 * back to it, unless they were moved elsewhere meanwhile (when the idea it
 * went into is gone, they stand alone and come back too). */
int idea_unmerge(sqlite3 *db, const struct idea_undo *u, struct pact_err *err)
{
	int64_t from;
	int found, rc = db_begin(db, err);

	if (rc == PACT_OK)
		rc = sql_int(db, &from, &found, err, "SELECT id FROM idea WHERE uuid = ?", "t",
			     u->uuid);
	if (rc == PACT_OK && !found)
		rc = err_set(err, PACT_EINPUT,
			     _("the merge cannot be undone: the merged idea was deleted meanwhile"));
	if (rc == PACT_OK)
		rc = sql_exec(db, err, "UPDATE idea SET merged_into = NULL WHERE id = ?", "I", from);
	for (size_t i = 0; rc == PACT_OK && i < u->nmerged; i++)
		rc = sql_exec(db, err,
			      "UPDATE idea SET merged_into = ?1 WHERE uuid = ?2 AND merged_into IS "
			      "(SELECT id FROM idea WHERE uuid = ?3)",
			      "Itt", from, u->merged[i], u->merged_into);
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
		stamp_uuid_ordered(uuid);
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
		rc = sql_changed_one(db,
				 sql_exec(db, err, "UPDATE cluster SET name = ? WHERE id = ?", "tI",
					  clean, id),
				 err, _("cluster"));
	free(clean);
	return rc;
}

int cluster_delete(sqlite3 *db, int64_t id, struct pact_err *err)
{
	return sql_changed_one(db, sql_exec(db, err, "DELETE FROM cluster WHERE id = ?", "I", id), err,
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
