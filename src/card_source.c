/* Experiment cards from a stretch session: ideas, clusters and a poll's
 * best options become cards, each source once, linked to where they came
 * from. */
#include "card_source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ballot_file.h"
#include "board.h"
#include "db.h"
#include "i18n.h"
#include "poll.h"
#include "sql.h"
#include "tally.h"
#include "tally_out.h"
#include "utf8.h"

/* Titles are cut here; the whole text goes to the description. */
#define TITLE_COLS 120

/* The card made already for the same thing, if any (0: none): the one from
 * this very source (kind and uuid) first, else one from the idea idea
 * (the top of its merges, 0 for none) or an idea merged into it, from the
 * cluster cluster (0 for none), or from a poll option standing for either.
 * So an idea taken to the Board directly and through a poll, or by two
 * polls, gives one card. */
static int existing(sqlite3 *db, int64_t idea, int64_t cluster, const char *kind,
		    const char *uuid, int64_t *card, struct pact_err *err)
{
	int found = 0;
	int rc = sql_int(
		db, card, &found, err,
		"WITH RECURSIVE down(id, n) AS (SELECT ?1, 0 WHERE ?1 > 0 UNION ALL SELECT i.id, "
		"down.n + 1 FROM idea i JOIN down ON i.merged_into = down.id WHERE down.n < 1000) "
		"SELECT x.id FROM experiment x "
		"LEFT JOIN idea i ON x.source_kind = 'idea' AND i.uuid = x.source_uuid "
		"LEFT JOIN cluster c ON x.source_kind = 'cluster' AND c.uuid = x.source_uuid "
		"LEFT JOIN poll_option o ON x.source_kind = 'poll' AND o.uuid = x.source_uuid "
		"WHERE x.source_uuid IS NOT NULL AND ((x.source_kind = ?3 AND x.source_uuid = ?4) "
		"OR coalesce(i.id, o.idea_id) IN (SELECT id FROM down) "
		"OR coalesce(c.id, o.cluster_id) = ?2) "
		"ORDER BY x.source_kind = ?3 AND x.source_uuid = ?4 DESC, x.id LIMIT 1",
		"IItt", idea, cluster, kind, uuid);

	if (rc == PACT_OK && !found)
		*card = 0;
	return rc;
}

/* A new card for text (cut to a title when long, then whole in the
 * description, before extra), linked to its source; inside the caller's
 * transaction. */
static int add_card(sqlite3 *db, const char *text, const char *extra, const char *owner,
		    const char *kind, const char *uuid, int64_t rank, int64_t of, int64_t value,
		    int64_t *card, struct pact_err *err)
{
	char title[TITLE_COLS * 4 + 8];
	char *description = NULL;
	size_t size = 0;
	FILE *out;
	int rc;

	utf8_fit_cut(text, TITLE_COLS, true, title, sizeof title);
	if (!(out = open_memstream(&description, &size)))
		return err_nomem(err);
	/* the parts one per line, no line break at the end (an import would
	 * drop it, and a merged file would differ) */
	if (strcmp(title, text) != 0)
		fprintf(out, "%s", text);
	if (extra && *extra)
		fprintf(out, "%s%.*s", strcmp(title, text) != 0 ? "\n" : "",
			(int)(strlen(extra) - (extra[strlen(extra) - 1] == '\n')), extra);
	if (fclose(out) != 0) {
		free(description);
		return err_nomem(err);
	}
	rc = board_card_insert(db, title, owner, NULL, card, err);
	if (rc == PACT_OK)
		rc = sql_exec(db, err,
			      "UPDATE experiment SET description = ?, source_kind = ?, source_uuid = ? "
			      "WHERE id = ?",
			      "tttI", description, kind, uuid, *card);
	if (rc == PACT_OK && rank > 0)
		rc = sql_exec(db, err,
			      "UPDATE experiment SET source_rank = ?, source_of = ?, source_value = ? "
			      "WHERE id = ?",
			      "IIII", rank, of, value, *card);
	free(description);
	return rc;
}

/* Commit what went well; roll back what did not. */
static int in_transaction(sqlite3 *db, int rc, struct pact_err *err)
{
	if (rc == PACT_OK)
		return db_commit(db, err);
	db_rollback(db);
	return rc;
}

int card_from_idea(sqlite3 *db, int64_t idea, const char *owner, int64_t *card, bool *existed,
		   struct pact_err *err)
{
	sqlite3_stmt *st;
	char *uuid = NULL, *text = NULL, *facilitator = NULL;
	int64_t root = 0;
	int rc;

	*card = 0;
	*existed = false;
	if ((rc = db_begin(db, err)) != PACT_OK)
		return rc;
	/* an idea merged into another stands for that one */
	st = sql_query(db, err,
		       "WITH RECURSIVE up(id, n) AS (SELECT ?1, 0 UNION ALL SELECT i.merged_into, "
		       "up.n + 1 FROM idea i JOIN up ON i.id = up.id WHERE i.merged_into IS NOT "
		       "NULL AND up.n < 1000) "
		       "SELECT i.uuid, i.text, s.facilitator, i.id FROM up JOIN idea i ON i.id = up.id "
		       "JOIN session s ON s.id = i.session_id ORDER BY up.n DESC LIMIT 1",
		       "I", idea);
	if (!st)
		return in_transaction(db, PACT_EDB, err);
	if (sqlite3_step(st) == SQLITE_ROW) {
		uuid = sql_text(st, 0);
		text = sql_text(st, 1);
		facilitator = sql_text(st, 2);
		root = sqlite3_column_int64(st, 3);
		if (!uuid || !text || !facilitator)
			rc = err_nomem(err);
	} else {
		rc = err_set(err, PACT_EINPUT, _("no idea %lld"), (long long)idea);
	}
	sqlite3_finalize(st);
	if (rc == PACT_OK)
		rc = existing(db, root, 0, "idea", uuid, card, err);
	if (rc == PACT_OK && *card)
		*existed = true;
	else if (rc == PACT_OK)
		rc = add_card(db, text, NULL, owner && *owner ? owner : facilitator, "idea", uuid, 0,
			      0, 0, card, err);
	free(uuid), free(text), free(facilitator);
	return in_transaction(db, rc, err);
}

int card_from_cluster(sqlite3 *db, int64_t cluster, const char *owner, int64_t *card,
		      bool *existed, struct pact_err *err)
{
	sqlite3_stmt *st;
	char *uuid = NULL, *name = NULL, *facilitator = NULL, *ideas = NULL;
	size_t size = 0;
	FILE *out = NULL;
	int rc;

	*card = 0;
	*existed = false;
	if ((rc = db_begin(db, err)) != PACT_OK)
		return rc;
	st = sql_query(db, err,
		       "SELECT c.uuid, c.name, s.facilitator FROM cluster c JOIN session s ON "
		       "s.id = c.session_id WHERE c.id = ?",
		       "I", cluster);
	if (!st)
		return in_transaction(db, PACT_EDB, err);
	if (sqlite3_step(st) == SQLITE_ROW) {
		uuid = sql_text(st, 0);
		name = sql_text(st, 1);
		facilitator = sql_text(st, 2);
		if (!uuid || !name || !facilitator)
			rc = err_nomem(err);
	} else {
		rc = err_set(err, PACT_EINPUT, _("no cluster %lld"), (long long)cluster);
	}
	sqlite3_finalize(st);
	if (rc == PACT_OK)
		rc = existing(db, 0, cluster, "cluster", uuid, card, err);
	if (rc == PACT_OK && *card) {
		*existed = true;
	} else if (rc == PACT_OK) {
		/* the cluster's ideas (not those merged into another), oldest first */
		if (!(out = open_memstream(&ideas, &size)))
			rc = err_nomem(err);
		st = rc == PACT_OK ? sql_query(db, err,
					       "SELECT text FROM idea WHERE cluster_id = ? AND "
					       "merged_into IS NULL ORDER BY id",
					       "I", cluster)
				   : NULL;
		if (rc == PACT_OK && !st)
			rc = PACT_EDB;
		while (rc == PACT_OK && sqlite3_step(st) == SQLITE_ROW)
			fprintf(out, "- %s\n", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		if (out && fclose(out) != 0 && rc == PACT_OK)
			rc = err_nomem(err);
		if (rc == PACT_OK)
			rc = add_card(db, name, ideas, owner && *owner ? owner : facilitator, "cluster",
				      uuid, 0, 0, 0, card, err);
	}
	free(uuid), free(name), free(facilitator), free(ideas);
	return in_transaction(db, rc, err);
}

/* The poll's option number option (0-based, in the poll's order). */
struct option_row {
	char *uuid, *name;
	int64_t idea;    /* the idea it stands for (the top of its merges), or 0 */
	int64_t cluster; /* the cluster it stands for, or 0 */
};

static int option_of(sqlite3 *db, int64_t poll, size_t option, struct option_row *o,
		     struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(
		db, err,
		"WITH RECURSIVE o AS (SELECT uuid, name, idea_id, cluster_id FROM poll_option WHERE poll_id = ?1 "
		"ORDER BY position, id LIMIT 1 OFFSET ?2), "
		"up(id, n) AS (SELECT idea_id, 0 FROM o WHERE idea_id IS NOT NULL UNION ALL "
		"SELECT i.merged_into, up.n + 1 FROM idea i JOIN up ON i.id = up.id WHERE "
		"i.merged_into IS NOT NULL AND up.n < 1000) "
		"SELECT uuid, name, coalesce((SELECT id FROM up ORDER BY n DESC LIMIT 1), 0), "
		"coalesce(cluster_id, 0) FROM o",
		"II", poll, (int64_t)option);
	int rc = PACT_OK;

	*o = (struct option_row){ 0 };
	if (!st)
		return PACT_EDB;
	if (sqlite3_step(st) == SQLITE_ROW) {
		o->uuid = sql_text(st, 0);
		o->name = sql_text(st, 1);
		o->idea = sqlite3_column_int64(st, 2);
		o->cluster = sqlite3_column_int64(st, 3);
		if (!o->uuid || !o->name)
			rc = err_nomem(err);
	} else {
		rc = err_set(err, PACT_EDB, "%s", _("the poll's options changed while counting"));
	}
	sqlite3_finalize(st);
	return rc;
}

/* The session's facilitator (the cards' owner unless another is given). */
static int facilitator_of(sqlite3 *db, int64_t session, char **out, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err, "SELECT facilitator FROM session WHERE id = ?", "I",
				     session);
	int rc = PACT_OK;

	*out = NULL;
	if (!st)
		return PACT_EDB;
	if (sqlite3_step(st) == SQLITE_ROW && !(*out = sql_text(st, 0)))
		rc = err_nomem(err);
	sqlite3_finalize(st);
	return rc;
}

/* The rows to make cards of: the first top, and those tied with the last. */
static size_t rows_wanted(const struct tally_view *v, size_t top)
{
	size_t n = top < v->nrows ? top : v->nrows;

	while (n > 0 && n < v->nrows && v->rows[n].position == v->rows[n - 1].position)
		n++;
	return n;
}

int card_from_poll(sqlite3 *db, int64_t poll, size_t top, const char *owner,
		   struct card_made **made, size_t *n, struct pact_err *err)
{
	struct poll_info info;
	struct ballots b;
	struct tally_input in;
	struct tally_result result = { 0 };
	struct tally_view view = { 0 };
	char *facilitator = NULL;
	struct option_row o;
	size_t want = 0;
	int rc;

	*made = NULL;
	*n = 0;
	if (top == 0)
		return err_set(err, PACT_EUSAGE, "%s", _("--top takes a whole number from 1"));
	if ((rc = db_begin(db, err)) != PACT_OK)
		return rc;
	rc = poll_get(db, poll, &info, err);
	if (rc == PACT_OK)
		rc = poll_load(db, poll, &b, &in, err);
	else
		ballots_init(&b);
	if (rc == PACT_OK && in.nvoters == 0 && in.extra_voters == 0)
		rc = err_set(err, PACT_EINPUT, _("poll %lld has no ballots yet"), (long long)poll);
	if (rc == PACT_OK)
		rc = tally_run(&in, &result, err);
	if (rc == PACT_OK)
		rc = tally_view_make(&in, &result, &view, err);
	if (rc == PACT_OK && info.session_id)
		rc = facilitator_of(db, info.session_id, &facilitator, err);
	if (rc == PACT_OK) {
		want = rows_wanted(&view, top);
		if (!(*made = calloc(want ? want : 1, sizeof **made)))
			rc = err_nomem(err);
	}
	for (size_t i = 0; rc == PACT_OK && i < want; i++) {
		struct card_made *m = &(*made)[i];
		const struct tally_view_row *row = &view.rows[i];

		m->rank = row->position;
		m->value = row->value;
		rc = option_of(db, poll, row->option, &o, err);
		if (rc == PACT_OK)
			rc = existing(db, o.idea, o.cluster, "poll", o.uuid, &m->card, err);
		if (rc == PACT_OK && m->card)
			m->existed = true;
		else if (rc == PACT_OK)
			rc = add_card(db, o.name, NULL,
				      owner && *owner ? owner : facilitator ? facilitator : "", "poll",
				      o.uuid, (int64_t)row->position, (int64_t)view.nrows, row->value,
				      &m->card, err);
		free(o.uuid), free(o.name);
		*n = i + 1;
	}
	free(facilitator);
	tally_view_free(&view);
	tally_free(&result);
	ballots_free(&b);
	if (rc != PACT_OK) {
		free(*made);
		*made = NULL;
		*n = 0;
	}
	return in_transaction(db, rc, err);
}

/* n as an ordinal in the interface language: "1st", "22nd" or "1e". */
static void ordinal(int64_t n, char out[32])
{
	const char *suffix = "th";

	if (strcmp(i18n_lang(), "nl") == 0) {
		snprintf(out, 32, "%llde", (long long)n);
		return;
	}
	if (n % 100 < 11 || n % 100 > 13)
		suffix = n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
	snprintf(out, 32, "%lld%s", (long long)n, suffix);
}

/* A poll option's value in words for its method ("" when the method's
 * place says it all). */
static void value_words(const char *method, int64_t v, char out[64])
{
	unsigned long u = (unsigned long)(v < 0 ? -v : v);

	out[0] = '\0';
	if (strcmp(method, "dot") == 0)
		snprintf(out, 64, ngettext("%lld dot", "%lld dots", u), (long long)v);
	else if (strcmp(method, "approval") == 0)
		snprintf(out, 64, ngettext("%lld approval", "%lld approvals", u), (long long)v);
	else if (strcmp(method, "score") == 0 || strcmp(method, "borda") == 0)
		snprintf(out, 64, ngettext("%lld point", "%lld points", u), (long long)v);
}

/* The session part: "From session X (date)". */
static void from_session(FILE *f, sqlite3_stmt *st)
{
	fprintf(f, _("From session %s (%s)"), (const char *)sqlite3_column_text(st, 0),
		(const char *)sqlite3_column_text(st, 1));
}

int card_source_text(sqlite3 *db, int64_t card, char **out, struct pact_err *err)
{
	sqlite3_stmt *st;
	char *kind = NULL, *uuid = NULL, *text = NULL, place[32], words[64];
	int64_t rank = 0, of = 0, value = 0;
	bool found = false;
	size_t size = 0;
	FILE *f;
	int rc = PACT_OK;

	*out = NULL;
	st = sql_query(db, err,
		       "SELECT source_kind, source_uuid, coalesce(source_rank, 0), "
		       "coalesce(source_of, 0), coalesce(source_value, 0) FROM experiment WHERE id = ?",
		       "I", card);
	if (!st)
		return PACT_EDB;
	if (sqlite3_step(st) == SQLITE_ROW) {
		found = true;
		if (sqlite3_column_type(st, 0) != SQLITE_NULL &&
		    sqlite3_column_type(st, 1) != SQLITE_NULL &&
		    (!(kind = sql_text(st, 0)) || !(uuid = sql_text(st, 1))))
			rc = err_nomem(err);
		rank = sqlite3_column_int64(st, 2);
		of = sqlite3_column_int64(st, 3);
		value = sqlite3_column_int64(st, 4);
	}
	sqlite3_finalize(st);
	if (rc == PACT_OK && !found)
		rc = err_set(err, PACT_EINPUT, "%s", _("There is no such card."));
	if (rc != PACT_OK || !(f = open_memstream(&text, &size))) {
		free(kind), free(uuid);
		return rc != PACT_OK ? rc : err_nomem(err);
	}
	st = NULL;
	if (!kind)
		;
	else if (strcmp(kind, "idea") == 0)
		st = sql_query(db, err,
			       "SELECT s.title, showdate(s.date), i.text, r.name FROM idea i JOIN "
			       "session s ON s.id = i.session_id LEFT JOIN round r ON r.id = i.round_id "
			       "WHERE i.uuid = ?",
			       "t", uuid);
	else if (strcmp(kind, "cluster") == 0)
		st = sql_query(db, err,
			       "SELECT s.title, showdate(s.date), c.name FROM cluster c JOIN session s "
			       "ON s.id = c.session_id WHERE c.uuid = ?",
			       "t", uuid);
	else
		st = sql_query(db, err,
			       "SELECT s.title, showdate(s.date), p.title, p.method FROM poll_option o "
			       "JOIN poll p ON p.id = o.poll_id LEFT JOIN session s ON s.id = p.session_id "
			       "WHERE o.uuid = ?",
			       "t", uuid);
	if (kind && !st)
		rc = PACT_EDB;
	else if (kind && sqlite3_step(st) != SQLITE_ROW)
		fputs(_("From a session that is no longer in this file"), f);
	else if (kind && strcmp(kind, "idea") == 0) {
		from_session(f, st);
		if (sqlite3_column_type(st, 3) != SQLITE_NULL)
			fprintf(f, _(", round %s, idea: %s"), (const char *)sqlite3_column_text(st, 3),
				(const char *)sqlite3_column_text(st, 2));
		else
			fprintf(f, _(", idea: %s"), (const char *)sqlite3_column_text(st, 2));
	} else if (kind && strcmp(kind, "cluster") == 0) {
		from_session(f, st);
		fprintf(f, _(", cluster %s"), (const char *)sqlite3_column_text(st, 2));
	} else if (kind) {
		if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
			from_session(f, st);
			fprintf(f, _(", poll %s"), (const char *)sqlite3_column_text(st, 2));
		} else {
			fprintf(f, _("From poll %s"), (const char *)sqlite3_column_text(st, 2));
		}
		if (rank > 0) {
			ordinal(rank, place);
			value_words((const char *)sqlite3_column_text(st, 3), value, words);
			fprintf(f, _(": %s of %lld"), place, (long long)of);
			if (words[0])
				fprintf(f, ", %s", words);
		}
	}
	sqlite3_finalize(st);
	free(kind), free(uuid);
	if (fclose(f) != 0 && rc == PACT_OK)
		rc = err_nomem(err);
	if (rc != PACT_OK)
		free(text);
	else
		*out = text;
	return rc;
}

int card_origin_get(sqlite3 *db, int64_t card, struct card_origin *o, struct pact_err *err)
{
	/* the source's own row, if it is still there, and its session and poll */
	sqlite3_stmt *st = sql_query(
		db, err,
		"SELECT x.source_kind, coalesce(i.id, c.id, o.id), "
		"coalesce(i.session_id, c.session_id, p.session_id, 0), coalesce(p.id, 0) "
		"FROM experiment x "
		"LEFT JOIN idea i ON x.source_kind = 'idea' AND i.uuid = x.source_uuid "
		"LEFT JOIN cluster c ON x.source_kind = 'cluster' AND c.uuid = x.source_uuid "
		"LEFT JOIN poll_option o ON x.source_kind = 'poll' AND o.uuid = x.source_uuid "
		"LEFT JOIN poll p ON p.id = o.poll_id WHERE x.id = ?",
		"I", card);
	const char *kind;

	*o = (struct card_origin){ 0 };
	if (!st)
		return PACT_EDB;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return err_set(err, PACT_EINPUT, "%s", _("There is no such card."));
	}
	kind = (const char *)sqlite3_column_text(st, 0);
	o->kind = !kind                           ? CARD_SOURCE_NONE
		  : strcmp(kind, "idea") == 0     ? CARD_SOURCE_IDEA
		  : strcmp(kind, "cluster") == 0  ? CARD_SOURCE_CLUSTER
						  : CARD_SOURCE_POLL;
	o->gone = kind && sqlite3_column_type(st, 1) == SQLITE_NULL;
	o->source = sqlite3_column_int64(st, 1);
	o->session = sqlite3_column_int64(st, 2);
	o->poll = sqlite3_column_int64(st, 3);
	sqlite3_finalize(st);
	return PACT_OK;
}

int card_session_pager(struct pager *p, sqlite3 *db, int64_t session, struct pact_err *err)
{
#define FROM_SESSION                                                                        \
	"FROM experiment x WHERE (x.source_kind = 'idea' AND x.source_uuid IN (SELECT uuid "   \
	"FROM idea WHERE session_id = :session)) OR (x.source_kind = 'cluster' AND "            \
	"x.source_uuid IN (SELECT uuid FROM cluster WHERE session_id = :session)) OR "          \
	"(x.source_kind = 'poll' AND x.source_uuid IN (SELECT o.uuid FROM poll_option o JOIN " \
	"poll p ON p.id = o.poll_id WHERE p.session_id = :session)) "
	static const char *const names[BOARD_COLUMNS] = { ":idea", ":preparing", ":running",
							  ":evaluating", ":anchored", ":stopped" };
	int rc = pager_open(p, db, "SELECT count(*) " FROM_SESSION,
			    "SELECT x.id, x.title, CASE x.status WHEN 'idea' THEN :idea "
			    "WHEN 'preparing' THEN :preparing WHEN 'running' THEN :running "
			    "WHEN 'evaluating' THEN :evaluating WHEN 'anchored' THEN :anchored "
			    "ELSE :stopped END " FROM_SESSION
			    "ORDER BY x.id LIMIT :limit OFFSET :offset",
			    err);
#undef FROM_SESSION

	if (rc != PACT_OK)
		return rc;
	pager_bind_int(p, ":session", session);
	for (int c = 0; c < BOARD_COLUMNS; c++)
		pager_bind_text(p, names[c], board_column_name(c));
	if ((rc = pager_reload(p, err)) != PACT_OK)
		pager_close(p);
	return rc;
}
