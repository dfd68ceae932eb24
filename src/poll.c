/* Polls in the store. */
#include "poll.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "array.h"
#include "db.h"
#include "i18n.h"
#include "sql.h"
#include "stamp.h"
#include "tally_out.h"
#include "text.h"
#include "value.h"

static int insert_options_from(sqlite3 *db, int64_t poll, int64_t session, enum poll_source from,
			       struct pact_err *err)
{
	/* Ideas merged into another are not options: their votes go to it. */
	const char *sql = from == POLL_FROM_IDEAS
				  ? "INSERT INTO poll_option(uuid, poll_id, position, name, idea_id) "
				    "SELECT lower(hex(randomblob(16))), ?1, row_number() OVER (ORDER BY "
				    "min(id)), text, min(id) FROM idea WHERE session_id = ?2 AND "
				    "merged_into IS NULL GROUP BY text"
				  : "INSERT INTO poll_option(uuid, poll_id, position, name, cluster_id) "
				    "SELECT lower(hex(randomblob(16))), ?1, row_number() OVER (ORDER BY name), "
				    "name, id FROM cluster WHERE session_id = ?2";

	return sql_exec(db, err, sql, "II", poll, session);
}

int poll_create(sqlite3 *db, int64_t session_id, const char *title,
		const struct poll_params *p, enum poll_source from, int64_t *id,
		struct pact_err *err)
{
	char *clean, uuid[37], now[21];
	bool own = sqlite3_get_autocommit(db); /* else the caller's transaction */
	int rc;

	if (poll_params_check(p, err) != PACT_OK)
		return PACT_EINPUT;
	if (text_clean(title, _("title"), 200, true, false, &clean, err) != PACT_OK)
		return PACT_EINPUT;
	stamp_uuid_ordered(uuid);
	stamp_iso(time(NULL), now);
	rc = own ? db_begin(db, err) : PACT_OK;
	if (rc == PACT_OK)
		rc = sql_exec(db, err,
			      "INSERT INTO poll(uuid, session_id, title, method, dots, max_per_option, lo, "
			      "hi, budget, complete, tiebreak, seed, created_at, secret) "
			      "VALUES (?, nullif(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			      "tIttIIIIIttItI", uuid, session_id, clean, tally_method_name(p->method),
			      p->dots, p->max_per_option, p->lo, p->hi, p->budget,
			      p->complete == TALLY_COMPLETE_NONE ? "none" : "add1",
			      p->lot ? "lot" : "none", (int64_t)p->seed, now, (int64_t)!p->open);
	if (rc == PACT_OK)
		*id = sqlite3_last_insert_rowid(db);
	if (rc == PACT_OK && session_id && from != POLL_FROM_NONE)
		rc = insert_options_from(db, *id, session_id, from, err);
	free(clean);
	if (!own)
		return rc;
	if (rc == PACT_OK)
		return db_commit(db, err);
	db_rollback(db);
	return rc;
}

int poll_params_check(const struct poll_params *p, struct pact_err *err)
{
	if ((unsigned)p->method >= TALLY_NMETHODS)
		return err_set(err, PACT_EINPUT, _("unknown counting method %d"), (int)p->method);
	if (tally_method_has(p->method, TALLY_BUDGET) && p->budget <= 0)
		return err_set(err, PACT_EINPUT, "%s",
			       _("budget: give the amount to share out, above 0, for example 25000 or "
				 "1.234,56"));
	if (p->dots < 0 || p->max_per_option < 0)
		return err_set(err, PACT_EINPUT,
			       _("dots per voter (%lld) and per option (%lld) must be at least 1"),
			       (long long)p->dots, (long long)p->max_per_option);
	if (p->lo > p->hi)
		return err_set(err, PACT_EINPUT, _("the score range %lld..%lld is empty"),
			       (long long)p->lo, (long long)p->hi);
	return PACT_OK;
}

/* s without the spaces and tabs around it (in place). */
static char *trim(char *s)
{
	char *end = s + strlen(s);

	while (*s == ' ' || *s == '\t')
		s++;
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		*--end = '\0';
	return s;
}

/* One typed line: the name before the last ';', the cost after it. */
static int typed_option(char *line, bool need_cost, struct ballots *b, struct pact_err *err)
{
	char *semi = strrchr(line, ';');
	int64_t cost = 0;
	struct pact_err why;

	if (semi) {
		*semi = '\0';
		semi = trim(semi + 1) - 1;
	}
	line = trim(line);
	if (value_is_blank(line))
		return PACT_OK;
	if (semi && !value_is_blank(semi + 1) && ballots_cost(semi + 1, &cost, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, _("options: the cost of '%s': %s"), line, why.msg);
	if (need_cost && cost <= 0)
		return err_set(err, PACT_EINPUT,
			       _("options: give each option's cost after a ';', like 'Bankjes ; "
				 "2500' or 'Bankjes ; 1.234,56' (at '%s')"),
			       line);
	return ballots_add_option(b, line, cost, err);
}

int poll_options_parse(const char *text, bool need_cost, struct ballots *b,
		       struct pact_err *err)
{
	char *copy = strdup(text), *save = NULL;
	int rc = PACT_OK;

	if (!copy)
		return err_nomem(err);
	for (char *line = strtok_r(copy, "\n", &save); line && rc == PACT_OK;
	     line = strtok_r(NULL, "\n", &save))
		rc = typed_option(line, need_cost, b, err);
	free(copy);
	if (rc == PACT_OK && b->noptions < 2)
		rc = err_set(err, PACT_EINPUT, "%s", _("options: give at least two, one per line"));
	return rc;
}

int poll_add_options(sqlite3 *db, int64_t poll_id, const struct ballots *b,
		     struct pact_err *err)
{
	int rc = PACT_OK;

	for (size_t i = 0; rc == PACT_OK && i < b->noptions; i++)
		rc = poll_add_option(db, poll_id, b->names[i], b->costs[i], err);
	return rc;
}

int poll_create_typed(sqlite3 *db, const char *title, const struct poll_params *params,
		      const char *options, int64_t *id, struct pact_err *err)
{
	struct ballots b;
	int rc;

	ballots_init(&b);
	rc = poll_options_parse(options, tally_method_has(params->method, TALLY_BUDGET), &b, err);
	if (rc == PACT_OK && (rc = db_begin(db, err)) == PACT_OK) {
		rc = poll_create(db, 0, title, params, POLL_FROM_NONE, id, err);
		if (rc == PACT_OK)
			rc = poll_add_options(db, *id, &b, err);
		rc = rc == PACT_OK ? db_commit(db, err) : (db_rollback(db), rc);
	}
	ballots_free(&b);
	return rc;
}

static int has_ballots(sqlite3 *db, int64_t poll, bool *yes, struct pact_err *err)
{
	int64_t n;
	int rc = sql_int(db, &n, NULL, err, "SELECT count(*) FROM ballot WHERE poll_id = ?", "I", poll);

	*yes = n > 0;
	return rc;
}

int poll_add_option(sqlite3 *db, int64_t poll_id, const char *name, int64_t cost,
		    struct pact_err *err)
{
	char *clean, uuid[37];
	bool voted;
	int rc;

	if ((rc = has_ballots(db, poll_id, &voted, err)) != PACT_OK)
		return rc;
	if (voted)
		return err_set(err, PACT_EINPUT, "%s",
			       _("the poll has ballots already; its options are fixed"));
	if (text_clean(name, _("option"), 2000, true, true, &clean, err) != PACT_OK)
		return PACT_EINPUT;
	stamp_uuid_ordered(uuid);
	rc = sql_exec(db, err,
		      "INSERT INTO poll_option(uuid, poll_id, position, name, cost) VALUES (?1, ?2, "
		      "(SELECT coalesce(max(position), 0) + 1 FROM poll_option WHERE poll_id = ?2), ?3, ?4)",
		      "tItI", uuid, poll_id, clean, cost);
	if (rc != PACT_OK && sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE)
		rc = err_set(err, PACT_EINPUT, _("option: '%s' is in the poll already"), clean);
	free(clean);
	return rc;
}

int poll_close(sqlite3 *db, int64_t poll_id, struct pact_err *err)
{
	int rc = db_begin(db, err);

	if (rc == PACT_OK)
		rc = sql_exec(db, err, "UPDATE poll SET closed = 1 WHERE id = ?", "I", poll_id);
	if (rc == PACT_OK && sqlite3_changes(db) == 0)
		rc = err_set(err, PACT_EINPUT, _("no poll %lld"), (long long)poll_id);
	if (rc == PACT_OK)
		rc = poll_event_add(db, poll_id, "closed", err);
	return rc == PACT_OK ? db_commit(db, err) : (db_rollback(db), rc);
}

int poll_event_add(sqlite3 *db, int64_t poll_id, const char *what, struct pact_err *err)
{
	char now[21];

	stamp_iso(time(NULL), now);
	return sql_exec(db, err, "INSERT INTO poll_event(poll_id, at, what) VALUES (?, ?, ?)", "Itt",
			poll_id, now, what);
}

void poll_event_text(const char *what, char *out, size_t outsz)
{
	long long n;

	if (strcmp(what, "secret-start") == 0)
		snprintf(out, outsz, "%s", _("Secret vote started on this laptop (with a PIN)"));
	else if (strcmp(what, "secret-end") == 0)
		snprintf(out, outsz, "%s", _("Secret vote ended by the facilitator (with the PIN)"));
	else if (strcmp(what, "secret-override") == 0)
		snprintf(out, outsz, "%s",
			 _("Secret vote ended from the command line, without the PIN "
			   "(pact poll unlock)"));
	else if (strcmp(what, "closed") == 0)
		snprintf(out, outsz, "%s", _("Poll closed"));
	else if (strcmp(what, "taken-back") == 0)
		snprintf(out, outsz, "%s",
			 _("A ballot typed by the facilitator was taken back (typed wrong)"));
	else if (sscanf(what, "codes:%lld", &n) == 1)
		snprintf(out, outsz, ngettext("%lld voter code made", "%lld voter codes made",
					      (unsigned long)n),
			 n);
	else
		snprintf(out, outsz, "%s", what);
}

int poll_history(sqlite3 *db, int64_t poll_id,
		 void (*fn)(void *ctx, const char *at, const char *text), void *ctx,
		 struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT at, what FROM poll_event WHERE poll_id = ? ORDER BY id", "I",
				     poll_id);
	char text[256];

	if (!st)
		return PACT_EDB;
	while (sqlite3_step(st) == SQLITE_ROW) {
		poll_event_text((const char *)sqlite3_column_text(st, 1), text, sizeof text);
		fn(ctx, (const char *)sqlite3_column_text(st, 0), text);
	}
	sqlite3_finalize(st);
	return PACT_OK;
}

int poll_find(sqlite3 *db, const char *ref, int64_t *id, struct pact_err *err)
{
	char *end;
	long long n = strtoll(ref, &end, 10);
	int found = 0;

	if (*ref && *end == '\0' && n > 0) {
		if (sql_int(db, id, &found, err, "SELECT id FROM poll WHERE id = ?", "I", (int64_t)n))
			return PACT_EDB;
	} else if (sql_int(db, id, &found, err, "SELECT id FROM poll WHERE uuid = lower(?)", "t",
			   ref)) {
		return PACT_EDB;
	}
	if (!found)
		return err_set(err, PACT_EINPUT,
			       _("no poll '%s' (give its number from 'pact poll list', or its UUID)"),
			       ref);
	return PACT_OK;
}

int poll_get(sqlite3 *db, int64_t id, struct poll_info *out, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT coalesce(session_id, 0), title, method, dots, max_per_option, "
				     "lo, hi, budget, complete, tiebreak, seed, closed, (SELECT count(*) "
				     "FROM ballot WHERE poll_id = p.id), (SELECT count(*) FROM "
				     "poll_option WHERE poll_id = p.id), paper_voters, secret, "
				     "pin IS NOT NULL, coalesce(substr(created_at, 1, 10), '') FROM poll p "
				     "WHERE id = ?",
				     "I", id);
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return PACT_EDB;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->id = id;
		out->session_id = sqlite3_column_int64(st, 0);
		snprintf(out->title, sizeof out->title, "%s", sqlite3_column_text(st, 1));
		tally_method_parse((const char *)sqlite3_column_text(st, 2), &out->params.method);
		out->params.dots = sqlite3_column_int64(st, 3);
		out->params.max_per_option = sqlite3_column_int64(st, 4);
		out->params.lo = sqlite3_column_int64(st, 5);
		out->params.hi = sqlite3_column_int64(st, 6);
		out->params.budget = sqlite3_column_int64(st, 7);
		out->params.complete = strcmp((const char *)sqlite3_column_text(st, 8), "none") == 0
					       ? TALLY_COMPLETE_NONE
					       : TALLY_COMPLETE_ADD1;
		out->params.lot = strcmp((const char *)sqlite3_column_text(st, 9), "lot") == 0;
		out->params.seed = (uint64_t)sqlite3_column_int64(st, 10);
		out->closed = sqlite3_column_int(st, 11) != 0;
		out->ballots = sqlite3_column_int64(st, 12);
		out->options = sqlite3_column_int64(st, 13);
		out->paper_voters = sqlite3_column_int64(st, 14);
		out->params.open = sqlite3_column_int(st, 15) == 0;
		out->secret_running = sqlite3_column_int(st, 16) != 0;
		snprintf(out->created, sizeof out->created, "%s", sqlite3_column_text(st, 17));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return PACT_OK;
	return err_set(err, PACT_EINPUT, _("no poll %lld"), (long long)id);
}

int poll_get_open(sqlite3 *db, int64_t id, struct poll_info *out, struct pact_err *err)
{
	int rc = poll_get(db, id, out, err);

	if (rc == PACT_OK && out->closed)
		return err_set(err, PACT_EINPUT, "%s", _("the poll is closed; it takes no more ballots"));
	return rc;
}

void poll_params_apply(struct tally_input *in, const struct poll_params *p)
{
	in->method = p->method;
	in->dots = p->dots;
	in->max_per_option = p->max_per_option;
	in->lo = p->lo;
	in->hi = p->hi;
	in->budget = p->budget;
	in->complete = p->complete;
	in->lot = p->lot;
	in->seed = p->seed;
}

int poll_sealed(const struct poll_info *info, struct pact_err *err)
{
	if (!info->secret_running)
		return PACT_OK;
	return err_set(err, PACT_EINPUT, "%s",
		       _("a secret vote is running on this poll; its results show when the "
			 "facilitator ends it with the PIN"));
}

int poll_load_options(sqlite3 *db, int64_t poll_id, struct ballots *b, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT name, cost FROM poll_option WHERE poll_id = ? ORDER BY "
				     "position, id",
				     "I", poll_id);
	int rc = PACT_OK;

	if (!st)
		return PACT_EDB;
	while (rc == PACT_OK && sqlite3_step(st) == SQLITE_ROW)
		rc = ballots_add_option(b, (const char *)sqlite3_column_text(st, 0),
					sqlite3_column_int64(st, 1), err);
	sqlite3_finalize(st);
	b->from_file = true;
	return rc;
}

/* Counts from paper, by option number, into in->extra. */
static int load_counts(sqlite3 *db, int64_t poll_id, struct ballots *b, struct tally_input *in,
		       int64_t voters, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT o.position, c.value FROM poll_count c JOIN poll_option o "
				     "ON o.id = c.option_id WHERE c.poll_id = ? ORDER BY o.position, o.id",
				     "I", poll_id);
	size_t i = 0;

	if (!st)
		return PACT_EDB;
	b->paper = calloc(b->noptions ? b->noptions : 1, sizeof *b->paper);
	if (!b->paper) {
		sqlite3_finalize(st);
		return err_nomem(err);
	}
	while (sqlite3_step(st) == SQLITE_ROW && i < b->noptions)
		b->paper[i++] = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	in->extra = b->paper;
	in->extra_voters = (size_t)voters;
	return PACT_OK;
}

int poll_load(sqlite3 *db, int64_t poll_id, struct ballots *b, struct tally_input *in,
	      struct pact_err *err)
{
	struct poll_info info;
	sqlite3_stmt *st;
	int64_t voter = -1, last = 0;
	int rc;

	ballots_init(b);
	memset(in, 0, sizeof *in);
	if ((rc = poll_get(db, poll_id, &info, err)) != PACT_OK ||
	    (rc = poll_sealed(&info, err)) != PACT_OK ||
	    (rc = poll_load_options(db, poll_id, b, err)) != PACT_OK)
		return rc;
	/* Each mark as numbers: the ballot, the option's place in the poll's
	 * order (as poll_load_options added them), the value. */
	st = sql_query(db, err,
		       "WITH opt AS (SELECT id, row_number() OVER (ORDER BY position, id) - 1 AS num "
		       "FROM poll_option WHERE poll_id = ?1) "
		       "SELECT m.ballot_id, opt.num, m.value FROM mark m JOIN ballot b ON b.id = "
		       "m.ballot_id JOIN opt ON opt.id = m.option_id WHERE b.poll_id = ?1 "
		       "ORDER BY m.ballot_id, opt.num",
		       "I", poll_id);
	if (!st)
		return PACT_EDB;
	while (rc == PACT_OK && sqlite3_step(st) == SQLITE_ROW) {
		int64_t ballot = sqlite3_column_int64(st, 0);

		if (voter < 0 || ballot != last)
			voter++;
		last = ballot;
		rc = ballots_add_numbered(b, (uint32_t)voter, (uint32_t)sqlite3_column_int64(st, 1),
					  sqlite3_column_int64(st, 2), err);
	}
	sqlite3_finalize(st);
	if (rc == PACT_OK)
		rc = ballots_finish(b, in, err);
	if (rc == PACT_OK && info.paper_voters)
		rc = load_counts(db, poll_id, b, in, info.paper_voters, err);
	poll_params_apply(in, &info.params);
	/* pact checks every ballot by the method's rules before storing it; one
	 * that breaks them was written by something else, and counting it would
	 * give a result pact tally refuses for the same ballots. */
	if (rc == PACT_OK) {
		struct pact_err why;
		size_t mark, v = 0;
		if (tally_check(in, &mark, &why) != PACT_OK) {
			while (v + 1 < in->nvoters && in->start[v + 1] <= mark)
				v++;
			rc = err_set(err, PACT_EDB,
				     _("poll %lld ('%s') holds ballot %zu that breaks its rules: %s; pact "
				       "never stores such a ballot, so the database was changed outside "
				       "pact"),
				     (long long)poll_id, info.title, v + 1, why.msg);
		}
	}
	return rc;
}

int poll_check_all(sqlite3 *db, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err, "SELECT id FROM poll WHERE pin IS NULL ORDER BY id", "");
	int rc = st ? PACT_OK : PACT_EDB;

	while (rc == PACT_OK && sqlite3_step(st) == SQLITE_ROW) {
		struct ballots b;
		struct tally_input in;
		rc = poll_load(db, sqlite3_column_int64(st, 0), &b, &in, err);
		ballots_free(&b);
	}
	sqlite3_finalize(st);
	return rc;
}

/* The ids of the poll's options in their order (as names[] of a count). */
static int option_ids(sqlite3 *db, int64_t poll_id, size_t n, int64_t **ids,
		      struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT id FROM poll_option WHERE poll_id = ? ORDER BY position, id",
				     "I", poll_id);
	size_t i = 0;

	*ids = calloc(n ? n : 1, sizeof **ids);
	if (!st || !*ids) {
		sqlite3_finalize(st);
		free(*ids);
		*ids = NULL;
		return st ? err_nomem(err) : PACT_EDB;
	}
	while (i < n && sqlite3_step(st) == SQLITE_ROW)
		(*ids)[i++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return PACT_OK;
}

/* Store the checked ballots of b (voter labels as given), with statements
 * prepared once: the write lock is held for as short a time as can be. */
static int store_ballots(sqlite3 *db, int64_t poll_id, const struct ballots *b,
			 const struct tally_input *in, struct pact_err *err)
{
	sqlite3_stmt *ballot = NULL, *mark = NULL;
	char uuid[37], now[21];
	int64_t *ids;
	int rc = option_ids(db, poll_id, in->noptions, &ids, err);

	if (rc != PACT_OK)
		return rc;
	stamp_iso(time(NULL), now);
	if (sqlite3_prepare_v2(db, "INSERT INTO ballot(uuid, poll_id, voter, cast_at) VALUES (?, ?, ?, ?)",
			       -1, &ballot, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO mark(ballot_id, option_id, value) VALUES (?, ?, ?)",
			       -1, &mark, NULL) != SQLITE_OK)
		rc = PACT_EDB;
	for (size_t v = 0; rc == PACT_OK && v < in->nvoters; v++) {
		int64_t id;
		stamp_uuid(uuid);
		sqlite3_bind_text(ballot, 1, uuid, -1, SQLITE_STATIC);
		sqlite3_bind_int64(ballot, 2, poll_id);
		sqlite3_bind_text(ballot, 3, ballots_voter_name(b, v), -1, SQLITE_STATIC);
		sqlite3_bind_text(ballot, 4, now, -1, SQLITE_STATIC);
		rc = sqlite3_step(ballot) == SQLITE_DONE ? PACT_OK : PACT_EDB;
		sqlite3_reset(ballot);
		id = sqlite3_last_insert_rowid(db);
		for (size_t m = in->start[v]; rc == PACT_OK && m < in->start[v + 1]; m++) {
			sqlite3_bind_int64(mark, 1, id);
			sqlite3_bind_int64(mark, 2, ids[in->option[m]]);
			sqlite3_bind_int64(mark, 3, in->value[m]);
			rc = sqlite3_step(mark) == SQLITE_DONE ? PACT_OK : PACT_EDB;
			sqlite3_reset(mark);
		}
	}
	if (rc != PACT_OK)
		err_set(err, PACT_EDB, _("cannot store the ballots: %s"), sql_errmsg(db));
	sqlite3_finalize(ballot);
	sqlite3_finalize(mark);
	free(ids);
	return rc;
}

/* One ballot per voter: a file imported twice is refused the second time. */
static int refuse_known_voters(sqlite3 *db, int64_t poll_id, const struct ballots *b,
			       const struct tally_input *in, const char *path, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT 1 FROM ballot WHERE poll_id = ? AND voter = ? LIMIT 1", "I",
				     poll_id);
	int rc = st ? PACT_OK : PACT_EDB;

	for (size_t v = 0; rc == PACT_OK && v < in->nvoters; v++) {
		sqlite3_bind_text(st, 2, ballots_voter_name(b, v), -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			rc = err_set(err, PACT_EINPUT,
				     _("%s:%ld: voter '%s' has a ballot in this poll already; each "
				       "voter votes once"),
				     path, b->line[in->start[v]], ballots_voter_name(b, v));
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Inside the write transaction, so that a poll closed while a long import
 * was being read takes none of it. */
static int refuse_closed(sqlite3 *db, int64_t poll_id, struct pact_err *err)
{
	int64_t closed;

	if (sql_int(db, &closed, NULL, err, "SELECT closed FROM poll WHERE id = ?", "I", poll_id))
		return PACT_EDB;
	if (closed)
		return err_set(err, PACT_EINPUT, _("poll %lld is closed; it takes no more ballots"),
			       (long long)poll_id);
	return PACT_OK;
}

static int import_ballots(sqlite3 *db, int64_t poll_id, const char *path, bool pabulib,
			  int64_t *count, struct pact_err *err)
{
	struct poll_info info;
	struct ballots b;
	struct tally_input in = { 0 };
	struct pact_err why;
	size_t mark;
	char where[600];
	int rc;

	*count = 0;
	ballots_init(&b);
	if ((rc = poll_get(db, poll_id, &info, err)) != PACT_OK)
		return rc;
	if (info.closed)
		return err_set(err, PACT_EINPUT, _("poll %lld is closed; it takes no more ballots"),
			       (long long)poll_id);
	rc = poll_load_options(db, poll_id, &b, err);
	if (rc == PACT_OK && pabulib)
		rc = poll_read_pabulib(path, info.params.method, &b, err);
	else if (rc == PACT_OK)
		rc = ballots_read(&b, path, err);
	if (rc == PACT_OK)
		rc = ballots_finish(&b, &in, err);
	poll_params_apply(&in, &info.params);
	if (rc == PACT_OK && tally_check(&in, &mark, &why) != PACT_OK) {
		ballots_where(&b, mark, false, where, sizeof where);
		rc = err_set(err, PACT_EINPUT, _("%s: voter '%s' %s"), where,
			     ballots_mark_voter(&b, mark), why.msg);
	}
	if (rc == PACT_OK && (rc = db_begin(db, err)) == PACT_OK) {
		rc = refuse_closed(db, poll_id, err);
		if (rc == PACT_OK)
			rc = refuse_known_voters(db, poll_id, &b, &in, path, err);
		if (rc == PACT_OK)
			rc = store_ballots(db, poll_id, &b, &in, err);
		if (rc == PACT_OK)
			rc = db_commit(db, err);
		else
			db_rollback(db);
	}
	if (rc == PACT_OK)
		*count = (int64_t)in.nvoters;
	ballots_free(&b);
	return rc;
}

int poll_import_ballots(sqlite3 *db, int64_t poll_id, const char *path, int64_t *count,
			struct pact_err *err)
{
	return import_ballots(db, poll_id, path, ballots_pabulib_path(path), count, err);
}

int poll_import_pabulib(sqlite3 *db, int64_t poll_id, const char *path, int64_t *count,
			struct pact_err *err)
{
	return import_ballots(db, poll_id, path, true, count, err);
}

int poll_option_names(sqlite3 *db, int64_t poll_id, char ***names, size_t *n,
		      struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT name FROM poll_option WHERE poll_id = ? ORDER BY position, id",
				     "I", poll_id);
	size_t cap = 0;

	*names = NULL;
	*n = 0;
	if (!st)
		return PACT_EDB;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char **grown = array_room(*names, *n, &cap, sizeof *grown);

		if (!grown) {
			sqlite3_finalize(st);
			return err_nomem(err);
		}
		*names = grown;
		(*names)[(*n)++] = sql_text(st, 0);
	}
	sqlite3_finalize(st);
	return PACT_OK;
}

/* "CASE method WHEN 'dot' THEN :m0 … ELSE method END": each method's plain
 * name, bound from the table. */
static void method_case(char *out, size_t outsz)
{
	size_t used = (size_t)snprintf(out, outsz, "CASE method");

	for (int m = 0; m < TALLY_NMETHODS && used < outsz; m++)
		used += (size_t)snprintf(out + used, outsz - used, " WHEN '%s' THEN :m%d",
					 tally_method_name((enum tally_method)m), m);
	if (used < outsz)
		snprintf(out + used, outsz - used, " ELSE method END");
}

int poll_pager(struct pager *p, sqlite3 *db, int64_t session_id, struct pact_err *err)
{
	char cases[1024], sql[2048];
	int rc;

	method_case(cases, sizeof cases);
	snprintf(sql, sizeof sql,
		 "SELECT id, title, %s, (SELECT count(*) FROM ballot b WHERE b.poll_id = "
		 "poll.id), CASE closed WHEN 1 THEN :closed ELSE :open END FROM poll WHERE "
		 ":session = 0 OR session_id = :session ORDER BY id DESC LIMIT :limit OFFSET "
		 ":offset",
		 cases);
	rc = pager_open(p, db,
			"SELECT count(*) FROM poll WHERE :session = 0 OR session_id = :session", sql,
			err);
	if (rc == PACT_OK) {
		pager_bind_int(p, ":session", session_id);
		pager_bind_text(p, ":closed", _("closed"));
		pager_bind_text(p, ":open", _("open"));
		for (int m = 0; m < TALLY_NMETHODS; m++) { /* the methods' plain names */
			char name[16];
			snprintf(name, sizeof name, ":m%d", m);
			pager_bind_text(p, name, tally_method_label((enum tally_method)m));
		}
		rc = pager_reload(p, err);
	}
	return rc;
}

int poll_set_counts(sqlite3 *db, int64_t poll_id, const int64_t *values, size_t n,
		    int64_t voters, struct pact_err *err)
{
	struct poll_info info;
	int64_t sum = 0, dots, most = 0;
	enum tally_mark mark;
	int rc = poll_get(db, poll_id, &info, err);

	if (rc != PACT_OK)
		return rc;
	if (!tally_method_has(info.params.method, TALLY_PAPER))
		return err_set(err, PACT_EINPUT, "%s",
			       _("counts from paper work for dot and approval votes; other methods need "
				 "each ballot"));
	if (info.closed)
		return err_set(err, PACT_EINPUT, "%s", _("the poll is closed; no more ballots"));
	if (voters < 1)
		return err_set(err, PACT_EINPUT, "%s", _("voters: give how many people voted on paper"));
	mark = tally_method(info.params.method)->mark;
	dots = info.params.dots ? info.params.dots : 5;
	for (size_t i = 0; i < n; i++) {
		if (values[i] < 0)
			return err_set(err, PACT_EINPUT, "%s", _("a count cannot be below 0"));
		if (mark == TALLY_MARK_TICK && values[i] > voters)
			return err_set(err, PACT_EINPUT,
				       ngettext("%lld approvals for one option, but only %lld voter",
						"%lld approvals for one option, but only %lld voters",
						(unsigned long)voters),
				       (long long)values[i], (long long)voters);
		if (__builtin_add_overflow(sum, values[i], &sum))
			return err_set(err, PACT_EINPUT, "%s",
				       _("the counts add up past what pact can count exactly"));
	}
	if (mark == TALLY_MARK_DOTS && __builtin_mul_overflow(dots, voters, &most))
		most = INT64_MAX; /* more dots than can be counted: every sum fits */
	if (mark == TALLY_MARK_DOTS && sum > most)
		return err_set(err, PACT_EINPUT,
			       _("%lld dots counted, more than the %lld the voters have (%lld × %lld)"),
			       (long long)sum, (long long)most, (long long)voters, (long long)dots);
	if ((rc = db_begin(db, err)) != PACT_OK)
		return rc;
	rc = sql_exec(db, err, "DELETE FROM poll_count WHERE poll_id = ?", "I", poll_id);
	for (size_t i = 0; rc == PACT_OK && i < n; i++)
		rc = sql_exec(db, err,
			      "INSERT INTO poll_count(poll_id, option_id, value) VALUES (?1, (SELECT id "
			      "FROM poll_option WHERE poll_id = ?1 ORDER BY position, id LIMIT 1 OFFSET "
			      "?2), ?3)",
			      "III", poll_id, (int64_t)i, values[i]);
	if (rc == PACT_OK)
		rc = sql_exec(db, err, "UPDATE poll SET paper_voters = ? WHERE id = ?", "II", voters,
			      poll_id);
	if (rc == PACT_OK)
		return db_commit(db, err);
	db_rollback(db);
	return rc;
}

int poll_export_results(sqlite3 *db, int64_t poll_id, const char *path,
			const struct csv_out_opts *o, bool with_names, int64_t *count,
			struct pact_err *err)
{
	struct ballots b;
	struct tally_input in;
	struct tally_result r = { 0 };
	int rc = poll_load(db, poll_id, &b, &in, err);

	(void)with_names; /* a result names options, never voters */
	if (rc == PACT_OK)
		rc = tally_run(&in, &r, err);
	if (rc == PACT_OK)
		rc = tally_write_csv(path, o, &in, &r, err);
	*count = (int64_t)r.nrows;
	tally_free(&r);
	ballots_free(&b);
	return rc;
}

const char poll_ballots_sql[] =
	"SELECT CASE WHEN ?2 AND b.voter IS NOT NULL THEN b.voter ELSE 'ballot ' || (SELECT "
	"count(*) FROM ballot x WHERE x.poll_id = b.poll_id AND (x.voter IS NULL OR NOT ?2) AND "
	"x.uuid <= b.uuid) END, o.name, m.value FROM mark m JOIN ballot b ON b.id = m.ballot_id "
	"JOIN poll_option o ON o.id = m.option_id WHERE b.poll_id = ?1 ORDER BY NOT ?2 OR "
	"b.voter IS NULL, CASE WHEN ?2 THEN b.voter END, b.uuid, o.position";

int poll_export_ballots(sqlite3 *db, int64_t poll_id, const char *path,
			const struct csv_out_opts *o, bool with_names, int64_t *count,
			struct pact_err *err)
{
	static const char *const header[] = { "voter", "option", "value", NULL };
	struct csv_out w;
	struct poll_info info;
	int rc, step = SQLITE_DONE;
	sqlite3_stmt *st;

	*count = 0;
	if ((rc = poll_get(db, poll_id, &info, err)) != PACT_OK || (rc = poll_sealed(&info, err)) != PACT_OK)
		return rc;
	st = sql_query(db, err, poll_ballots_sql, "II", poll_id, (int64_t)with_names);
	if (!st)
		return PACT_EDB;
	if ((rc = csv_out_open(&w, path, o, err)) != PACT_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	rc = csv_out_header(&w, header);
	while (rc == PACT_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		if ((rc = csv_out_field(&w, (const char *)sqlite3_column_text(st, 0))) == PACT_OK &&
		    (rc = csv_out_field(&w, (const char *)sqlite3_column_text(st, 1))) == PACT_OK &&
		    (rc = csv_out_int(&w, sqlite3_column_int64(st, 2))) == PACT_OK)
			rc = csv_out_end_row(&w);
		(*count)++;
	}
	sqlite3_finalize(st);
	if (rc == PACT_OK && step != SQLITE_DONE) {
		csv_out_abort(&w);
		return err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
	}
	return csv_out_close(&w, err);
}
