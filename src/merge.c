/* Merging: each kind is exported from the other file with references as
 * UUIDs and fed to the importer; the tables that are no CSV kind (polls,
 * ballots, histories, codes) are copied with bound values; all in one
 * transaction. Tombstones travel
 * too: what either file forgot stays forgotten in the merged one. */
#include "merge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "db.h"
#include "export.h"
#include "i18n.h"
#include "people.h"
#include "secret.h"
#include "sql.h"
#include "value.h"

#define MAX_COLS KIND_MAX_COLS

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

/* One tombstone of the other file (a participant or a person): kept here
 * too, and the record it names, if this file still has it, forgotten here
 * as well (a person's name off the cards too). */
static int forget_here(sqlite3 *db, const char *path, const unsigned char *uuid_in,
		       const unsigned char *kind_in, const unsigned char *date_in, int64_t *erased,
		       struct pact_err *err)
{
	const char *kind = kind_in && strcmp((const char *)kind_in, "person") == 0 ? "person"
										  : "participant";
	char uuid[37], date[11];
	struct pact_err why;
	int64_t id = 0;
	int rc, found = 0;

	if (value_uuid(uuid_in ? (const char *)uuid_in : "", uuid, &why) != PACT_OK ||
	    value_date(date_in ? (const char *)date_in : "", date, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, _("%s: a tombstone of a forgotten record is damaged: %s"),
			       path, why.msg);
	if (strcmp(kind, "person") == 0) {
		rc = sql_int(db, &id, &found, err, "SELECT id FROM main.person WHERE uuid = ?", "t",
			     uuid);
		if (rc == PACT_OK && found)
			rc = people_forget_in(db, id, err); /* leaves its own tombstone */
		return rc == PACT_OK ? sql_exec(db, err,
						"INSERT OR IGNORE INTO main.forgotten(uuid, kind, date) "
						"VALUES (?, 'person', ?)",
						"tt", uuid, date)
				     : rc;
	}
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

/* The other file's tombstones, before its records. Only participants and
 * people are ever forgotten, so a tombstone of any other kind deletes
 * nothing here. */
static int merge_forgotten(sqlite3 *db, sqlite3 *other, const char *path, int64_t *erased,
			   struct pact_err *err)
{
	sqlite3_stmt *st;
	int rc = PACT_OK, step = SQLITE_DONE;

	*erased = 0;
	if (!has_table(other, "forgotten"))
		return PACT_OK; /* made by a pact that did not keep tombstones */
	if (sqlite3_prepare_v2(other,
			       "SELECT uuid, kind, date FROM forgotten WHERE kind IN ('participant', "
			       "'person')",
			       -1, &st, NULL) != SQLITE_OK)
		return err_set(err, PACT_EDB, _("cannot read %s: %s"), path, sql_errmsg(other));
	while (rc == PACT_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
		rc = forget_here(db, path, sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
				 sqlite3_column_text(st, 2), erased, err);
	if (rc == PACT_OK && step != SQLITE_DONE)
		rc = err_set(err, PACT_EDB, _("cannot read %s: %s"), path, sql_errmsg(other));
	sqlite3_finalize(st);
	return rc;
}

/* --- tables that are not CSV kinds ------------------------------------ */

/* What one merge step needs: both files, the other file's name, and the
 * polls that received secret ballots (to be shuffled before the commit). */
struct merge_ctx {
	sqlite3 *db, *other;
	const char *path;
	int version; /* the other file's schema version */
	int64_t *shuffle;
	size_t nshuffle, capshuffle;
};

static int read_error(struct merge_ctx *m, struct pact_err *err)
{
	return err_set(err, PACT_EDB, _("cannot read %s: %s"), m->path, sql_errmsg(m->other));
}

static bool has_column(sqlite3 *other, const char *table, const char *column)
{
	int64_t n = 0;

	return sql_int(other, &n, NULL, NULL,
		       "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2", "tt", table,
		       column) == PACT_OK &&
	       n > 0;
}

/* Called after each row is written; changed: the write added or changed a
 * row here. */
typedef int (*row_fn)(struct merge_ctx *m, sqlite3_stmt *row, bool changed,
		      struct pact_err *err);

/* Every row of read (in the other file) written here by write, whose
 * parameter ?N is the row's column N-1. Both texts are fixed SQL; values
 * only ever travel as bound values. */
static int copy_rows(struct merge_ctx *m, const char *read, const char *write, row_fn after,
		     struct pact_err *err)
{
	sqlite3_stmt *in, *out;
	int rc = PACT_OK, step = SQLITE_DONE;

	if (sqlite3_prepare_v2(m->other, read, -1, &in, NULL) != SQLITE_OK)
		return read_error(m, err);
	if (sqlite3_prepare_v2(m->db, write, -1, &out, NULL) != SQLITE_OK) {
		sqlite3_finalize(in);
		return err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(m->db));
	}
	while (rc == PACT_OK && (step = sqlite3_step(in)) == SQLITE_ROW) {
		sqlite3_reset(out);
		for (int i = 0; i < sqlite3_column_count(in); i++)
			sqlite3_bind_value(out, i + 1, sqlite3_column_value(in, i));
		int w = sqlite3_step(out);
		if (w != SQLITE_DONE)
			rc = err_set(err, w == SQLITE_CONSTRAINT ? PACT_EINPUT : PACT_EDB,
				     _("%s: a record cannot be merged: %s"), m->path,
				     sql_errmsg(m->db));
		else if (after)
			rc = after(m, in, sqlite3_changes(m->db) > 0, err);
	}
	if (rc == PACT_OK && step != SQLITE_DONE)
		rc = read_error(m, err);
	sqlite3_finalize(in);
	sqlite3_finalize(out);
	return rc;
}

/* Opgaven: each laptop starts with the same list under its own UUIDs, so
 * one that is here by UUID or by name is already here. */
static int merge_opgave(struct merge_ctx *m, struct pact_err *err)
{
	return copy_rows(m, "SELECT uuid, name FROM opgave ORDER BY id",
			 "INSERT INTO main.opgave(uuid, name) SELECT ?1, ?2 WHERE NOT EXISTS "
			 "(SELECT 1 FROM main.opgave WHERE uuid = ?1 OR name = ?2)",
			 NULL, err);
}

/* A person forgotten here whom the other file still has: that file's
 * cards came in with the name, which goes off them again (the tombstone
 * keeps no name; the other file's record gives it). */
static int unname_forgotten(struct merge_ctx *m, sqlite3_stmt *row, bool changed,
			    struct pact_err *err)
{
	const char *uuid = (const char *)sqlite3_column_text(row, 0);
	const char *name = (const char *)sqlite3_column_text(row, 1);
	int64_t n = 0;
	int rc;

	(void)changed;
	rc = sql_int(m->db, &n, NULL, err,
		     "SELECT count(*) FROM main.forgotten WHERE uuid = ? AND kind = 'person'", "t",
		     uuid ? uuid : "");
	if (rc == PACT_OK && n && name)
		rc = people_unname_cards(m->db, name, err);
	return rc;
}

static int merge_person_names(struct merge_ctx *m, struct pact_err *err)
{
	/* The write is a no-op; unname_forgotten looks at each row read. */
	return copy_rows(m, "SELECT uuid, name FROM person ORDER BY id", "SELECT ?1, ?2 WHERE 0",
			 unname_forgotten, err);
}

/* Voter codes are hashed with their poll's salt: two different salts for
 * one poll would leave one file's codes useless. */
static int salt_check(struct merge_ctx *m, sqlite3_stmt *row, bool changed,
		      struct pact_err *err)
{
	const char *salt = (const char *)sqlite3_column_text(row, 16);
	sqlite3_stmt *st;
	int rc = PACT_OK;

	(void)changed;
	if (!salt)
		return PACT_OK;
	st = sql_query(m->db, err, "SELECT title FROM main.poll WHERE uuid = ? AND code_salt IS NOT ? "
			 "AND code_salt IS NOT NULL", "tt",
			 (const char *)sqlite3_column_text(row, 0), salt);
	if (!st)
		return PACT_EDB;
	if (sqlite3_step(st) == SQLITE_ROW)
		rc = err_set(err, PACT_EINPUT,
			     _("%s: poll '%s' has voter codes made on each laptop separately; "
			       "they cannot be merged (make the codes on one laptop)"),
			     m->path, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc;
}

/* A poll that is in both files keeps this file's settings; it is closed
 * when either file closed it, and takes the other's salt and paper voter
 * count when it has none of its own. The PIN of a running secret vote
 * belongs to the laptop it runs on and never travels. */
#define POLL_WRITE                                                                              \
	"INSERT INTO main.poll(uuid, session_id, title, method, dots, max_per_option, lo, hi, "     \
	"budget, complete, tiebreak, seed, closed, created_at, paper_voters, secret, code_salt) "   \
	"VALUES (?1, (SELECT id FROM main.session WHERE uuid = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, "  \
	"?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) ON CONFLICT(uuid) DO UPDATE SET "                  \
	"closed = max(closed, excluded.closed), code_salt = coalesce(code_salt, "                   \
	"excluded.code_salt), paper_voters = CASE WHEN EXISTS (SELECT 1 FROM main.poll_count c "    \
	"WHERE c.poll_id = poll.id) THEN paper_voters ELSE excluded.paper_voters END"
#define POLL_READ(voters, secret, salt)                                                         \
	"SELECT p.uuid, s.uuid, p.title, p.method, p.dots, p.max_per_option, p.lo, p.hi, "         \
	"p.budget * %d, p.complete, p.tiebreak, p.seed, p.closed, p.created_at, " voters ", "      \
	secret ", " salt " FROM poll p LEFT JOIN session s ON s.id = p.session_id ORDER BY p.id"

/* Files from before version 10 kept budgets and costs in whole euros. */
static int money_scale(const struct merge_ctx *m)
{
	return m->version < 10 ? 100 : 1;
}

static int merge_poll(struct merge_ctx *m, struct pact_err *err)
{
	char sql[1024];

	/* Files from before version 9 had no secret polls or salts; version 9
	 * made a poll with a labelled ballot an open one. */
	if (has_column(m->other, "poll", "code_salt"))
		snprintf(sql, sizeof sql, POLL_READ("p.paper_voters", "p.secret", "p.code_salt"),
			 money_scale(m));
	else if (has_column(m->other, "poll", "paper_voters"))
		snprintf(sql, sizeof sql,
			 POLL_READ("p.paper_voters",
				   "NOT EXISTS (SELECT 1 FROM ballot b WHERE b.poll_id = p.id "
				   "AND b.voter IS NOT NULL)",
				   "NULL"),
			 money_scale(m));
	else
		snprintf(sql, sizeof sql,
			 POLL_READ("0",
				   "NOT EXISTS (SELECT 1 FROM ballot b WHERE b.poll_id = p.id AND "
				   "b.voter IS NOT NULL)",
				   "NULL"),
			 money_scale(m));
	return copy_rows(m, sql, POLL_WRITE, NULL, err);
}

static int check_salts(struct merge_ctx *m, struct pact_err *err)
{
	char sql[1024];

	if (!has_column(m->other, "poll", "code_salt"))
		return PACT_OK;
	snprintf(sql, sizeof sql, POLL_READ("p.paper_voters", "p.secret", "p.code_salt"), 1);
	/* The write is a no-op; salt_check looks at each row read. */
	return copy_rows(m, sql,
			 "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
			 "?17 WHERE 0",
			 salt_check, err);
}

/* A secret vote running in the other file keeps its results sealed until
 * the facilitator ends it there with the PIN, which never travels: merged
 * here, its ballots would show in this file's results. Refused. */
static int check_running(struct merge_ctx *m, struct pact_err *err)
{
	sqlite3_stmt *st;
	int rc = PACT_OK;

	if (!has_column(m->other, "poll", "pin"))
		return PACT_OK;
	if (sqlite3_prepare_v2(m->other,
			       "SELECT title FROM poll WHERE pin IS NOT NULL AND closed = 0 ORDER BY id "
			       "LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return read_error(m, err);
	if (sqlite3_step(st) == SQLITE_ROW)
		rc = err_set(err, PACT_EINPUT,
			     _("%s: a secret vote is running on poll '%s' there; end it on that "
			       "laptop with the PIN first, then merge (its results stay sealed "
			       "until then)"),
			     m->path, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc;
}

/* Options link to ideas and clusters by UUID; the CSV kinds came first. */
static int merge_poll_option(struct merge_ctx *m, struct pact_err *err)
{
	char sql[512];

	snprintf(sql, sizeof sql,
		 "SELECT o.uuid, p.uuid, o.position, o.name, i.uuid, c.uuid, o.cost * %d FROM "
		 "poll_option o JOIN poll p ON p.id = o.poll_id LEFT JOIN idea i ON i.id = o.idea_id "
		 "LEFT JOIN cluster c ON c.id = o.cluster_id ORDER BY o.id",
		 money_scale(m));
	return copy_rows(
		m, sql,
		"INSERT INTO main.poll_option(uuid, poll_id, position, name, idea_id, cluster_id, cost) "
		"VALUES (?1, (SELECT id FROM main.poll WHERE uuid = ?2), ?3, ?4, "
		"(SELECT id FROM main.idea WHERE uuid = ?5), (SELECT id FROM main.cluster WHERE uuid = ?6), "
		"?7) ON CONFLICT(uuid) DO NOTHING",
		NULL, err);
}

/* Remember a poll that received a secret ballot (once). */
static int note_secret(struct merge_ctx *m, sqlite3_stmt *row, bool changed,
		       struct pact_err *err)
{
	int64_t poll = 0;
	int rc;

	if (!changed || sqlite3_column_type(row, 2) != SQLITE_NULL)
		return PACT_OK;
	rc = sql_int(m->db, &poll, NULL, err, "SELECT id FROM main.poll WHERE uuid = ?", "t",
		     (const char *)sqlite3_column_text(row, 1));
	if (rc != PACT_OK)
		return rc;
	for (size_t i = 0; i < m->nshuffle; i++)
		if (m->shuffle[i] == poll)
			return PACT_OK;
	int64_t *p = array_room(m->shuffle, m->nshuffle, &m->capshuffle, sizeof *p);
	if (!p)
		return err_nomem(err);
	m->shuffle = p;
	m->shuffle[m->nshuffle++] = poll;
	return PACT_OK;
}

/* Ballots by UUID, read in UUID order (which tells nothing); a ballot
 * that is here already keeps its marks. */
static int merge_ballot(struct merge_ctx *m, struct pact_err *err)
{
	int rc = copy_rows(
		m,
		has_column(m->other, "poll", "code_salt")
			? "SELECT b.uuid, p.uuid, b.voter, b.token, b.cast_at FROM ballot b "
			  "JOIN poll p ON p.id = b.poll_id ORDER BY b.uuid"
			: "SELECT b.uuid, p.uuid, b.voter, NULL, b.cast_at FROM ballot b "
			  "JOIN poll p ON p.id = b.poll_id ORDER BY b.uuid",
		"INSERT INTO main.ballot(uuid, poll_id, voter, token, cast_at) VALUES (?1, "
		"(SELECT id FROM main.poll WHERE uuid = ?2), ?3, ?4, ?5) ON CONFLICT(uuid) DO NOTHING",
		note_secret, err);

	if (rc == PACT_OK)
		rc = copy_rows(m,
			       "SELECT b.uuid, o.uuid, k.value FROM mark k JOIN ballot b ON b.id = "
			       "k.ballot_id JOIN poll_option o ON o.id = k.option_id ORDER BY b.uuid, o.uuid",
			       "INSERT INTO main.mark(ballot_id, option_id, value) SELECT b.id, o.id, ?3 "
			       "FROM main.ballot b, main.poll_option o WHERE b.uuid = ?1 AND o.uuid = ?2 "
			       "ON CONFLICT DO NOTHING",
			       NULL, err);
	/* No order of the new secret ballots may remain: each such poll's set
	 * is rewritten at random, in this transaction. */
	for (size_t i = 0; rc == PACT_OK && i < m->nshuffle; i++)
		rc = secret_shuffle(m->db, m->shuffle[i], err);
	return rc;
}

/* Paper counts of a poll that has none here yet (see POLL_WRITE). */
static int merge_poll_count(struct merge_ctx *m, struct pact_err *err)
{
	return copy_rows(m,
			 "SELECT p.uuid, o.uuid, c.value FROM poll_count c JOIN poll p ON p.id = "
			 "c.poll_id JOIN poll_option o ON o.id = c.option_id ORDER BY p.id, o.position",
			 "INSERT INTO main.poll_count(poll_id, option_id, value) SELECT p.id, o.id, ?3 "
			 "FROM main.poll p, main.poll_option o WHERE p.uuid = ?1 AND o.uuid = ?2 "
			 "ON CONFLICT DO NOTHING",
			 NULL, err);
}

/* A code used in either file is used. */
static int merge_voter_code(struct merge_ctx *m, struct pact_err *err)
{
	return copy_rows(m,
			 "SELECT p.uuid, v.hash, v.used FROM voter_code v JOIN poll p ON p.id = "
			 "v.poll_id ORDER BY v.hash",
			 "INSERT INTO main.voter_code(poll_id, hash, used) SELECT id, ?2, ?3 FROM "
			 "main.poll WHERE uuid = ?1 ON CONFLICT(poll_id, hash) DO UPDATE SET "
			 "used = max(used, excluded.used)",
			 NULL, err);
}

/* Histories have no UUIDs: an event is known by what it says and when.
 * The other file's n copies of one event are brought to n here (two equal
 * events in one second stay two), so a second merge adds nothing. */
static int merge_poll_event(struct merge_ctx *m, struct pact_err *err)
{
	return copy_rows(
		m,
		"SELECT p.uuid, e.at, e.what, count(*) FROM poll_event e JOIN poll p ON p.id = "
		"e.poll_id GROUP BY p.uuid, e.at, e.what ORDER BY min(e.id)",
		"WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?4) "
		"INSERT INTO main.poll_event(poll_id, at, what) SELECT p.id, ?2, ?3 FROM main.poll p, k "
		"WHERE p.uuid = ?1 AND k.i > (SELECT count(*) FROM main.poll_event e "
		"WHERE e.poll_id = p.id AND e.at = ?2 AND e.what = ?3)",
		NULL, err);
}

static int merge_experiment_event(struct merge_ctx *m, struct pact_err *err)
{
	return copy_rows(
		m,
		"SELECT x.uuid, e.at, e.from_status, e.to_status, count(*) FROM experiment_event e "
		"JOIN experiment x ON x.id = e.experiment_id "
		"GROUP BY x.uuid, e.at, e.from_status, e.to_status ORDER BY min(e.id)",
		"WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?5) "
		"INSERT INTO main.experiment_event(experiment_id, at, from_status, to_status) "
		"SELECT x.id, ?2, ?3, ?4 FROM main.experiment x, k WHERE x.uuid = ?1 AND k.i > "
		"(SELECT count(*) FROM main.experiment_event e WHERE e.experiment_id = x.id "
		"AND e.at = ?2 AND e.from_status IS ?3 AND e.to_status = ?4)",
		NULL, err);
}

/* --- what happens to each table ---------------------------------------- */

/* Every table of the schema, in the order merged, with how it is merged or
 * why it need not be: tests/unit/test_merge.c fails on a table that is in
 * neither list. The tables of the CSV kinds (kinds[]) are merged through
 * the importer before these. */
static const struct merge_table {
	const char *table;
	int (*merge)(struct merge_ctx *m, struct pact_err *err);
	const char *why; /* merged: how; derived: why it is not merged */
} merge_tables[] = {
	{ "forgotten", NULL, "merged: first, by merge_forgotten (tombstones travel)" },
	{ "opgave", merge_opgave, "merged: by UUID or name" },
	{ "person", merge_person_names, NULL },
	{ "poll", check_salts, NULL },
	{ "poll", merge_poll, "merged: by UUID; closed in either file is closed" },
	{ "poll_option", merge_poll_option, "merged: by UUID" },
	{ "ballot", merge_ballot, "merged: by UUID, secret ones shuffled" },
	{ "mark", NULL, "merged: with their ballot (merge_ballot)" },
	{ "poll_count", merge_poll_count, "merged: by poll and option" },
	{ "voter_code", merge_voter_code, "merged: by poll and hash; used in either is used" },
	{ "poll_event", merge_poll_event, "merged: by poll, time and text" },
	{ "experiment_event", merge_experiment_event,
	  "merged: by card, time and the two columns" },
	{ "settings", NULL, "derived: per laptop (language and screen choices), never merged" },
	{ "case_fts", NULL, "derived: kept by triggers from experiments and evaluations" },
	{ "case_fts_data", NULL, "derived: FTS5 shadow table of case_fts" },
	{ "case_fts_idx", NULL, "derived: FTS5 shadow table of case_fts" },
	{ "case_fts_content", NULL, "derived: FTS5 shadow table of case_fts" },
	{ "case_fts_docsize", NULL, "derived: FTS5 shadow table of case_fts" },
	{ "case_fts_config", NULL, "derived: FTS5 shadow table of case_fts" },
};

const char *merge_table_policy(const char *table)
{
	for (size_t i = 0; i < nkinds; i++)
		if (strcmp(kinds[i]->table, table) == 0)
			return "merged: as a CSV kind through the importer";
	for (size_t i = 0; i < sizeof merge_tables / sizeof merge_tables[0]; i++)
		if (merge_tables[i].why && strcmp(merge_tables[i].table, table) == 0)
			return merge_tables[i].why;
	return NULL;
}

static int merge_rest(sqlite3 *db, sqlite3 *other, const char *path, struct pact_err *err)
{
	struct merge_ctx m = { .db = db, .other = other, .path = path };
	int64_t version = 0;
	int rc = sql_int(other, &version, NULL, err, "PRAGMA user_version", "");

	m.version = (int)version;
	for (size_t i = 0; rc == PACT_OK && i < sizeof merge_tables / sizeof merge_tables[0]; i++)
		if (merge_tables[i].merge && has_table(other, merge_tables[i].table))
			rc = merge_tables[i].merge(&m, err);
	free(m.shuffle);
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
	/* read-only, leaving no -shm beside someone else's file */
	if ((rc = db_open_readonly(path, &other, err)) != PACT_OK) {
		sqlite3_close(other);
		return rc;
	}
	sqlite3_busy_timeout(other, 10000);
	rc = check_running(&(struct merge_ctx){ .db = db, .other = other, .path = path }, err);
	if (rc == PACT_OK)
		rc = db_begin(db, err);
	if (rc == PACT_OK)
		rc = merge_forgotten(db, other, path, &erased, err);
	for (size_t i = 0; rc == PACT_OK && i < nkinds; i++) {
		rc = merge_kind(db, other, path, kinds[i], &stats[i], err);
		if (strcmp(kinds[i]->table, "participant") == 0)
			stats[i].erased = erased;
	}
	if (rc == PACT_OK)
		rc = merge_rest(db, other, path, err);
	if (rc == PACT_OK)
		rc = db_commit(db, err);
	else
		db_rollback(db);
	sqlite3_close(other);
	/* Secret ballots came in shuffled: no -wal may keep their arrival. */
	if (rc == PACT_OK)
		rc = db_checkpoint_truncate(db, err);
	return rc;
}
