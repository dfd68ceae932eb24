/* The experiment board's columns, order and history. */
#include "board.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "advice.h"
#include "array.h"
#include "db.h"
#include "i18n.h"
#include "sql.h"
#include "stamp.h"
#include "text.h"
#include "value.h"

static const char *const status_keys[BOARD_COLUMNS] = {
	"idea", "preparing", "running", "evaluating", "anchored", "stopped",
};

static const char *const column_names[BOARD_COLUMNS] = {
	N_("Idea"), N_("Preparing"), N_("Running"), N_("Evaluating"), N_("Anchored"), N_("Stopped"),
};

const char *const board_track_keys[BOARD_TRACKS + 1] = {
	"visions", "contact", "letting-go", "new-roles", "other", NULL,
};

const char *const board_track_labels[BOARD_TRACKS + 1] = {
	N_("Writing visions"), N_("Contact with the city"), N_("Letting go"), N_("New roles"),
	N_("Other"), NULL,
};

const char *board_status_key(int column)
{
	return column >= 0 && column < BOARD_COLUMNS ? status_keys[column] : "";
}

const char *board_column_name(int column)
{
	return column >= 0 && column < BOARD_COLUMNS ? _(column_names[column]) : "";
}

int board_status_index(const char *s)
{
	for (int i = 0; s && i < BOARD_COLUMNS; i++)
		if (strcmp(s, status_keys[i]) == 0)
			return i;
	return -1;
}

/* For a card on the board, where the owner shares a line with the track. */
static const char *const track_short[BOARD_TRACKS] = {
	NC_("track", "Visions"), NC_("track", "Contact"), NC_("track", "Letting go"),
	NC_("track", "Roles"), NC_("track", "Other"),
};

const char *board_track_name(int track)
{
	return track >= 0 && track < BOARD_TRACKS ? _(board_track_labels[track]) : "";
}

const char *board_track_short(int track)
{
	return track >= 0 && track < BOARD_TRACKS ? i18n_pgettext("track", track_short[track]) : "";
}

int board_track_index(const char *s)
{
	for (int i = 0; s && i < BOARD_TRACKS; i++)
		if (strcmp(s, board_track_keys[i]) == 0)
			return i;
	return -1;
}

/* The next free place at the bottom of a column. */
static int bottom(sqlite3 *db, int column, int64_t *pos, struct pact_err *err)
{
	return sql_int(db, pos, NULL, err,
		       "SELECT coalesce(max(position), 0) + 1 FROM experiment WHERE status = ?", "t",
		       status_keys[column]);
}

static int record(sqlite3 *db, int64_t id, const char *from, const char *to,
		  struct pact_err *err)
{
	char now[21];

	stamp_iso(time(NULL), now);
	return sql_exec(db, err,
			"INSERT INTO experiment_event(experiment_id, at, from_status, to_status) "
			"VALUES (?, ?, ?, ?)",
			"Ittt", id, now, from, to);
}

/* A card at the bottom of Idea, inside the caller's transaction. */
int board_card_insert(sqlite3 *db, const char *title, const char *owner, const char *track,
		      int64_t *id, struct pact_err *err)
{
	char *t = NULL, *o = NULL, uuid[37], now[21];
	int64_t pos;
	int rc;

	if (track && board_track_index(track) < 0)
		return err_set(err, PACT_EINPUT, _("track: unknown track \"%s\""), track);
	if (text_clean(title ? title : "", _("title"), 300, true, false, &t, err) != PACT_OK)
		return PACT_EINPUT;
	if (text_clean(owner ? owner : "", _("owner"), 200, false, false, &o, err) != PACT_OK) {
		free(t);
		return PACT_EINPUT;
	}
	stamp_uuid_ordered(uuid);
	stamp_iso(time(NULL), now);
	rc = bottom(db, BOARD_IDEA, &pos, err);
	if (rc == PACT_OK)
		rc = sql_exec(db, err,
			      "INSERT INTO experiment(uuid, title, owner, track, status, position, "
			      "created_at, updated_at) VALUES (?, ?, ?, ?, 'idea', ?, ?, ?)",
			      "ttttItt", uuid, t, o, track ? track : "other", pos, now, now);
	if (rc == PACT_OK) {
		*id = sqlite3_last_insert_rowid(db);
		rc = record(db, *id, NULL, status_keys[BOARD_IDEA], err);
	}
	free(t);
	free(o);
	return rc;
}

int board_card_new(sqlite3 *db, const char *title, const char *owner, const char *track,
		   int64_t *id, struct pact_err *err)
{
	int rc = db_begin(db, err);

	if (rc == PACT_OK)
		rc = board_card_insert(db, title, owner, track, id, err);
	rc = rc == PACT_OK ? db_commit(db, err) : rc;
	if (rc != PACT_OK)
		db_rollback(db);
	return rc;
}

int board_card_from_advice(sqlite3 *db, int64_t advice, int64_t *card, bool *existed,
			   struct pact_err *err)
{
	struct advice_text a;
	char *form, now[21];
	int found = 0, rc;

	*existed = false;
	rc = advice_get(db, advice, &a, err);
	if (rc != PACT_OK)
		return rc;
	/* the first recommended form: the one that fits best */
	form = strndup(a.forms, strcspn(a.forms, ";"));
	if (!form) {
		advice_text_free(&a);
		return err_nomem(err);
	}
	rc = db_begin(db, err);
	if (rc == PACT_OK)
		rc = sql_int(db, card, &found, err,
			     "SELECT id FROM experiment WHERE advice_uuid = ? ORDER BY id LIMIT 1", "t",
			     a.uuid);
	if (rc == PACT_OK && found) {
		*existed = true;
		db_rollback(db);
		free(form);
		advice_text_free(&a);
		return PACT_OK;
	}
	if (rc == PACT_OK)
		rc = board_card_insert(db, a.title, a.author, NULL, card, err);
	stamp_iso(time(NULL), now);
	if (rc == PACT_OK)
		rc = sql_exec(db, err,
			      "UPDATE experiment SET rung = ?, werkvorm = trim(?), advice_uuid = ?, "
			      "updated_at = ? WHERE id = ?",
			      "ttttI", a.rung, form, a.uuid, now, *card);
	rc = rc == PACT_OK ? db_commit(db, err) : rc;
	if (rc != PACT_OK)
		db_rollback(db);
	free(form);
	advice_text_free(&a);
	return rc;
}

int board_card_column(sqlite3 *db, int64_t id, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err, "SELECT status FROM experiment WHERE id = ?", "I", id);
	int column = -1;

	if (!st)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		column = board_status_index((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (column < 0)
		err_set(err, PACT_EINPUT, _("no experiment %lld"), (long long)id);
	return column;
}

int board_evaluated(sqlite3 *db, int64_t id, bool *done, struct pact_err *err)
{
	int64_t n;
	int rc = sql_int(db, &n, NULL, err,
			 "SELECT count(*) FROM evaluation WHERE experiment_id = ? AND goal BETWEEN 1 "
			 "AND 5 AND repeat IN ('yes', 'no', 'changes') AND "
			 "length(trim(evaluated_by)) > 0 AND length(date) = 10",
			 "I", id);

	*done = rc == PACT_OK && n > 0;
	return rc;
}

/* board_move inside the caller's transaction. */
static int move_in(sqlite3 *db, int64_t id, int column, struct pact_err *err)
{
	char now[21];
	int64_t pos;
	bool done = true;
	int from, rc = PACT_OK;

	from = board_card_column(db, id, err);
	if (from < 0)
		return PACT_EINPUT;
	if (from == column)
		return PACT_OK;
	if (column == BOARD_ANCHORED)
		rc = board_evaluated(db, id, &done, err);
	if (rc == PACT_OK && !done)
		rc = err_set(err, BOARD_NEEDS_EVALUATION,
			     _("Anchored needs a completed evaluation: fill in the evaluation form "
			       "first."));
	if (rc == PACT_OK)
		rc = bottom(db, column, &pos, err);
	stamp_iso(time(NULL), now);
	if (rc == PACT_OK)
		rc = sql_exec(db, err,
			      "UPDATE experiment SET status = ?, position = ?, updated_at = ? "
			      "WHERE id = ?",
			      "tItI", status_keys[column], pos, now, id);
	if (rc == PACT_OK)
		rc = record(db, id, status_keys[from], status_keys[column], err);
	return rc;
}

int board_move(sqlite3 *db, int64_t id, int column, struct pact_err *err)
{
	int rc;

	if (column < 0 || column >= BOARD_COLUMNS)
		return err_set(err, PACT_EINPUT, _("no such column"));
	rc = db_begin(db, err);
	if (rc == PACT_OK)
		rc = move_in(db, id, column, err);
	rc = rc == PACT_OK ? db_commit(db, err) : rc;
	if (rc != PACT_OK)
		db_rollback(db);
	return rc;
}

/* Number the column's cards 1, 2, 3, … in their present order, so that no
 * two share a place (an import may leave equal places). */
static int renumber(sqlite3 *db, int64_t id, struct pact_err *err)
{
	return sql_exec(db, err,
			"UPDATE experiment SET position = o.n FROM (SELECT id, row_number() OVER "
			"(ORDER BY position, id) AS n FROM experiment WHERE status = (SELECT status "
			"FROM experiment WHERE id = ?)) AS o WHERE experiment.id = o.id",
			"I", id);
}

int board_shift(sqlite3 *db, int64_t id, int delta, bool *moved, struct pact_err *err)
{
	int64_t pos, other;
	int found = 0, rc;

	*moved = false;
	if (delta != -1 && delta != 1)
		return err_set(err, PACT_EINPUT, _("a card moves one place at a time"));
	rc = db_begin(db, err);
	if (rc != PACT_OK)
		return rc;
	if (board_card_column(db, id, err) < 0)
		rc = PACT_EINPUT;
	if (rc == PACT_OK)
		rc = renumber(db, id, err);
	if (rc == PACT_OK)
		rc = sql_int(db, &pos, NULL, err, "SELECT position FROM experiment WHERE id = ?", "I",
			     id);
	if (rc == PACT_OK)
		rc = sql_int(db, &other, &found, err,
			     "SELECT id FROM experiment WHERE status = (SELECT status FROM experiment "
			     "WHERE id = ?) AND position = ?",
			     "II", id, pos + delta);
	if (rc == PACT_OK && found)
		rc = sql_exec(db, err, "UPDATE experiment SET position = ? WHERE id = ?", "II", pos,
			      other);
	if (rc == PACT_OK && found)
		rc = sql_exec(db, err, "UPDATE experiment SET position = ? WHERE id = ?", "II",
			      pos + delta, id);
	rc = rc == PACT_OK ? db_commit(db, err) : rc;
	if (rc != PACT_OK)
		db_rollback(db);
	else
		*moved = found;
	return rc;
}

void board_cards_free(struct board_cards *c)
{
	for (int k = 0; k < BOARD_COLUMNS; k++) {
		for (size_t i = 0; i < c->n[k]; i++) {
			free(c->col[k][i].title);
			free(c->col[k][i].owner);
		}
		free(c->col[k]);
		c->col[k] = NULL;
		c->n[k] = 0;
	}
}

/* The row into the end of its column; false when out of memory. */
static bool add_card(struct board_cards *c, size_t cap[BOARD_COLUMNS], sqlite3_stmt *st)
{
	int k = board_status_index((const char *)sqlite3_column_text(st, 4));
	struct board_card *more;

	if (k < 0)
		return true;
	if (!(more = array_room(c->col[k], c->n[k], &cap[k], sizeof *more)))
		return false;
	c->col[k] = more;
	more[c->n[k]++] = (struct board_card){
		.id = sqlite3_column_int64(st, 0),
		.title = sql_text(st, 1),
		.owner = sql_text(st, 2),
		.track = board_track_index((const char *)sqlite3_column_text(st, 3)),
	};
	return true;
}

int board_cards_load(sqlite3 *db, const struct board_filter *f, struct board_cards *c,
		     struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(
		db, err,
		"SELECT id, title, owner, track, status FROM experiment x "
		"WHERE (?1 = '' OR instr(fold(title || ' ' || description || ' ' || notes "
		"|| ' ' || werkvorm || ' ' || team), fold(?1)) > 0) "
		"AND (?2 = '' OR instr(fold(owner), fold(?2)) > 0) "
		"AND (?3 = '' OR instr(fold(opgave), fold(?3)) > 0) "
		"AND (?4 = '' OR track = ?4) AND (?5 = 0 OR focus = 1) "
		"AND (?6 = '' OR " BOARD_CARD_NAMES("?6") ") ORDER BY status, position, id",
		"ttttIt", f->text ? f->text : "", f->owner ? f->owner : "", f->opgave ? f->opgave : "",
		f->track >= 0 && f->track < BOARD_TRACKS ? board_track_keys[f->track] : "",
		(int64_t)f->focus, f->person ? f->person : "");
	size_t cap[BOARD_COLUMNS] = { 0 };
	int rc;

	memset(c, 0, sizeof *c);
	if (!st)
		return PACT_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (!add_card(c, cap, st)) {
			rc = SQLITE_NOMEM;
			break;
		}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return PACT_OK;
	board_cards_free(c);
	if (rc == SQLITE_NOMEM)
		return err_nomem(err);
	return err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
}

int board_counts(sqlite3 *db, int64_t counts[BOARD_COLUMNS], struct pact_err *err)
{
	sqlite3_stmt *st =
		sql_query(db, err, "SELECT status, count(*) FROM experiment GROUP BY status", "");
	int rc;

	memset(counts, 0, sizeof(int64_t) * BOARD_COLUMNS);
	if (!st)
		return PACT_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int c = board_status_index((const char *)sqlite3_column_text(st, 0));
		if (c >= 0)
			counts[c] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? PACT_OK : err_set(err, PACT_EDB, "%s", sql_errmsg(db));
}


int board_evaluation_get(sqlite3 *db, int64_t id, char *v[BOARD_EVAL_FIELDS],
			 struct pact_err *err)
{
	return evaluation_get(db, EVAL_EXPERIMENT, id, v, err);
}

int board_evaluation_save(sqlite3 *db, int64_t id, const struct board_evaluation *e,
			  struct pact_err *err)
{
	return board_evaluate(db, id, e, false, err);
}

int board_evaluate(sqlite3 *db, int64_t id, const struct board_evaluation *e, bool anchor,
		   struct pact_err *err)
{
	int rc = db_begin(db, err);

	if (rc == PACT_OK)
		rc = evaluation_store(db, EVAL_EXPERIMENT, id, e, err);
	if (rc == PACT_OK && anchor)
		rc = move_in(db, id, BOARD_ANCHORED, err);
	rc = rc == PACT_OK ? db_commit(db, err) : rc;
	if (rc != PACT_OK)
		db_rollback(db);
	return rc;
}

int board_card_delete(sqlite3 *db, int64_t id, struct pact_err *err)
{
	return sql_exec(db, err, "DELETE FROM experiment WHERE id = ?", "I", id);
}
