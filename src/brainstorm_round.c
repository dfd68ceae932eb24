/* Rounds and their stored timers. */
#include "brainstorm_round.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "sql.h"
#include "stamp.h"
#include "text.h"

int round_add(sqlite3 *db, int64_t session_id, const char *name, int64_t seconds, int64_t *id,
	      struct pact_err *err)
{
	char *clean, uuid[37];
	int rc;

	if (seconds <= 0 || seconds > 999 * 60 + 59)
		return err_set(err, PACT_EINPUT, _("timebox: give minutes and seconds, like 5:00"));
	if (text_clean(name, _("round name"), 100, true, false, &clean, err))
		return PACT_EINPUT;
	stamp_uuid_ordered(uuid);
	rc = sql_exec(db, err, "INSERT INTO round(uuid, session_id, name, seconds) VALUES (?, ?, ?, ?)",
		      "tItI", uuid, session_id, clean, seconds);
	if (rc == PACT_OK && id)
		*id = sqlite3_last_insert_rowid(db);
	free(clean);
	return rc;
}

static int load(sqlite3 *db, int64_t round_id, struct round *r, int64_t *session_id,
		struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT session_id, name, seconds, extra, coalesce(started_at, 0), "
				     "coalesce(paused_at, 0), paused_total, coalesce(ended_at, 0) "
				     "FROM round WHERE id = ?",
				     "I", round_id);
	int rc;

	if (!st)
		return PACT_EDB;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->id = round_id;
		if (session_id)
			*session_id = sqlite3_column_int64(st, 0);
		snprintf(r->name, sizeof r->name, "%s", sqlite3_column_text(st, 1));
		r->timer.seconds = sqlite3_column_int64(st, 2);
		r->timer.extra = sqlite3_column_int64(st, 3);
		r->timer.started_at = sqlite3_column_int64(st, 4);
		r->timer.paused_at = sqlite3_column_int64(st, 5);
		r->timer.paused_total = sqlite3_column_int64(st, 6);
		r->timer.ended_at = sqlite3_column_int64(st, 7);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return PACT_OK;
	if (rc == SQLITE_DONE)
		return err_set(err, PACT_EINPUT, _("no round %lld"), (long long)round_id);
	return err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
}


static int save(sqlite3 *db, const struct round *r, struct pact_err *err)
{
	const struct timer *t = &r->timer;

	return sql_exec(db, err,
			"UPDATE round SET extra = ?, started_at = nullif(?, 0), "
			"paused_at = nullif(?, 0), paused_total = ?, ended_at = nullif(?, 0) "
			"WHERE id = ?",
			"IIIIII", t->extra, t->started_at, t->paused_at,
			t->paused_total, t->ended_at, r->id);
}

enum op { OP_START, OP_PAUSE, OP_RESUME, OP_EXTEND, OP_END };

/* Load, change and store a round's timer in one transaction. */
static int apply(sqlite3 *db, int64_t round_id, enum op op, int64_t seconds, int64_t now,
		 struct pact_err *err)
{
	struct round r;
	int64_t session_id;
	int rc = db_begin(db, err);

	if (rc == PACT_OK)
		rc = load(db, round_id, &r, &session_id, err);
	if (rc == PACT_OK && op == OP_START)
		rc = sql_exec(db, err,
			      "UPDATE round SET ended_at = ?, paused_at = NULL WHERE session_id = ? "
			      "AND id <> ? AND started_at IS NOT NULL AND ended_at IS NULL",
			      "III", now, session_id, round_id);
	if (rc == PACT_OK) {
		switch (op) {
		case OP_START: timer_start(&r.timer, now); break;
		case OP_PAUSE: timer_pause(&r.timer, now); break;
		case OP_RESUME: timer_resume(&r.timer, now); break;
		case OP_EXTEND: timer_extend(&r.timer, seconds, now); break;
		case OP_END: timer_end(&r.timer, now); break;
		}
		rc = save(db, &r, err);
	}
	if (rc == PACT_OK)
		return db_commit(db, err);
	db_rollback(db);
	return rc;
}

int round_start(sqlite3 *db, int64_t round_id, int64_t now, struct pact_err *err)
{
	return apply(db, round_id, OP_START, 0, now, err);
}

int round_pause(sqlite3 *db, int64_t round_id, int64_t now, struct pact_err *err)
{
	return apply(db, round_id, OP_PAUSE, 0, now, err);
}

int round_resume(sqlite3 *db, int64_t round_id, int64_t now, struct pact_err *err)
{
	return apply(db, round_id, OP_RESUME, 0, now, err);
}

int round_extend(sqlite3 *db, int64_t round_id, int64_t seconds, int64_t now,
		 struct pact_err *err)
{
	return apply(db, round_id, OP_EXTEND, seconds, now, err);
}

int round_end(sqlite3 *db, int64_t round_id, int64_t now, struct pact_err *err)
{
	return apply(db, round_id, OP_END, 0, now, err);
}

int round_current(sqlite3 *db, int64_t session_id, struct round *out, bool *found,
		  struct pact_err *err)
{
	int64_t id;
	int got;

	*found = false;
	if (sql_int(db, &id, &got, err,
		    "SELECT id FROM round WHERE session_id = ? AND started_at IS NOT NULL "
		    "ORDER BY started_at DESC, id DESC LIMIT 1",
		    "I", session_id))
		return PACT_EDB;
	if (!got)
		return PACT_OK;
	*found = true;
	return load(db, id, out, NULL, err);
}

int round_pager(struct pager *p, sqlite3 *db, int64_t session_id, struct pact_err *err)
{
	int rc = pager_open(p, db, "SELECT count(*) FROM round WHERE session_id = :session",
			    "SELECT id, name, printf('%02d:%02d', seconds / 60, seconds % 60) "
			    "FROM round WHERE session_id = :session ORDER BY id "
			    "LIMIT :limit OFFSET :offset",
			    err);

	if (rc == PACT_OK) {
		pager_bind_int(p, ":session", session_id);
		rc = pager_reload(p, err);
	}
	return rc;
}
