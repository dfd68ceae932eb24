/* The session report: a stretch session as a document for people who were
 * not there. Counts of people are hidden below SUPPRESS_MIN exactly as the
 * participation breakdown hides them (privacy_breakdown); a sealed secret
 * vote shows no result; names only when asked for. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "brainstorm_session.h"
#include "card_source.h"
#include "i18n.h"
#include "poll.h"
#include "diversity.h"
#include "privacy.h"
#include "sql.h"
#include "tally_out.h"
#include "text.h"

/* The step of a query loop: PACT_OK on a row or at the end (*row says
 * which), else the database's error. */
static int step(sqlite3 *db, sqlite3_stmt *st, bool *row, struct pact_err *err)
{
	int rc = sqlite3_step(st);

	*row = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return PACT_OK;
	return err_set(err, PACT_EDB, "%s", sql_errmsg(db));
}

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

static void about(struct report *r, const struct session *s)
{
	char date[32];

	report_date(r, s->date, date);
	report_fact(r, _("Question"), s->question);
	report_fact(r, _("Date"), date);
	report_fact(r, _("Place"), s->location);
	report_fact(r, _("Facilitator"), s->facilitator);
}

static int rounds(struct report *r, sqlite3 *db, int64_t session, struct pact_err *err)
{
	const char *head[] = { _("Round"), _("Timebox"), _("Ideas") };
	sqlite3_stmt *st = sql_query(
		db, err,
		"SELECT name, printf('%d:%02d', seconds / 60, seconds % 60), "
		"(SELECT count(*) FROM idea i WHERE i.round_id = r.id AND i.merged_into IS NULL) "
		"FROM round r WHERE session_id = ? ORDER BY id",
		"I", session);
	bool row = false, any = false;
	int rc = st ? PACT_OK : PACT_EDB;

	report_heading(r, 2, _("Rounds"));
	while (rc == PACT_OK && (rc = step(db, st, &row, err)) == PACT_OK && row) {
		const char *cells[] = { col(st, 0), col(st, 1), col(st, 2) };

		if (!any)
			report_table_begin(r, NULL, 3, head, "lrr");
		any = true;
		report_table_row(r, cells);
	}
	sqlite3_finalize(st);
	if (any)
		report_table_end(r);
	else if (rc == PACT_OK)
		report_paragraph(r, _("This session had no timed rounds."));
	return rc;
}

/* An idea's text, with its author's alias when names are shown. */
static void idea_item(struct report *r, int depth, sqlite3_stmt *st, bool with_names)
{
	size_t size = strlen(col(st, 1)) + strlen(col(st, 2)) + 4;
	char *text = with_names && *col(st, 2) ? malloc(size) : NULL;

	if (text)
		snprintf(text, size, "%s (%s)", col(st, 1), col(st, 2));
	report_item(r, depth, text ? text : col(st, 1));
	free(text);
}

#define IDEA_COLS                                                                              \
	"SELECT i.id, i.text, coalesce(p.alias, '') FROM idea i "                              \
	"LEFT JOIN participant p ON p.id = i.participant_id "

/* The ideas merged into idea, under it (and those merged into them). */
static int merged(struct report *r, sqlite3 *db, int64_t idea, int depth, bool with_names,
		  struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err, IDEA_COLS "WHERE i.merged_into = ? ORDER BY i.id",
				     "I", idea);
	bool row = false;
	int rc = st ? PACT_OK : PACT_EDB;

	while (rc == PACT_OK && depth < 8 && (rc = step(db, st, &row, err)) == PACT_OK && row) {
		idea_item(r, depth, st, with_names);
		rc = merged(r, db, sqlite3_column_int64(st, 0), depth + 1, with_names, err);
	}
	sqlite3_finalize(st);
	return rc;
}

/* One cluster's ideas (cluster 0: those in none), with its heading. */
static int cluster_ideas(struct report *r, sqlite3 *db, int64_t session, int64_t cluster,
			 const char *name, bool with_names, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     IDEA_COLS "WHERE i.session_id = ?1 AND i.merged_into IS NULL "
					       "AND coalesce(i.cluster_id, 0) = ?2 ORDER BY i.id",
				     "II", session, cluster);
	bool row = false, any = false;
	int rc = st ? PACT_OK : PACT_EDB;

	while (rc == PACT_OK && (rc = step(db, st, &row, err)) == PACT_OK && row) {
		if (!any)
			report_heading(r, 3, name);
		any = true;
		idea_item(r, 0, st, with_names);
		rc = merged(r, db, sqlite3_column_int64(st, 0), 1, with_names, err);
	}
	sqlite3_finalize(st);
	return rc;
}

static int ideas(struct report *r, sqlite3 *db, int64_t session, bool with_names,
		 struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT id, name FROM cluster WHERE session_id = ? ORDER BY id",
				     "I", session);
	int64_t n = 0, m = 0;
	bool row = false;
	char line[256];
	int rc = st ? PACT_OK : PACT_EDB;

	report_heading(r, 2, _("Ideas"));
	if (rc == PACT_OK)
		rc = sql_int(db, &n, NULL, err,
			     "SELECT count(*) FROM idea WHERE session_id = ? AND merged_into IS NULL",
			     "I", session);
	if (rc == PACT_OK)
		rc = sql_int(db, &m, NULL, err,
			     "SELECT count(*) FROM idea WHERE session_id = ? AND merged_into IS NOT NULL",
			     "I", session);
	if (rc == PACT_OK) {
		snprintf(line, sizeof line,
			 ngettext("%lld idea, grouped by cluster; ", "%lld ideas, grouped by cluster; ",
				  (unsigned long)n),
			 (long long)n);
		snprintf(line + strlen(line), sizeof line - strlen(line),
			 ngettext("%lld idea merged into another is listed under it.",
				  "%lld ideas merged into another are listed under them.",
				  (unsigned long)m),
			 (long long)m);
		report_paragraph(r, line);
	}
	while (rc == PACT_OK && (rc = step(db, st, &row, err)) == PACT_OK && row)
		rc = cluster_ideas(r, db, session, sqlite3_column_int64(st, 0), col(st, 1),
				   with_names, err);
	sqlite3_finalize(st);
	if (rc == PACT_OK)
		rc = cluster_ideas(r, db, session, 0, _("Not in a cluster"), with_names, err);
	return rc;
}

/* Only with --with-names: who took part, by alias (and name, given with
 * consent). */
static int participant_names(struct report *r, sqlite3 *db, int64_t session,
			     struct pact_err *err)
{
	const char *head[] = { _("Alias"), _("Name") };
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT alias, CASE WHEN consent = 1 THEN coalesce(name, '') "
				     "ELSE '' END FROM participant WHERE session_id = ? ORDER BY alias",
				     "I", session);
	bool row = false;
	int rc = st ? PACT_OK : PACT_EDB;

	report_table_begin(r, _("Participants by name"), 2, head, "ll");
	while (rc == PACT_OK && (rc = step(db, st, &row, err)) == PACT_OK && row)
		report_table_row(r, (const char *[]){ col(st, 0), col(st, 1) });
	sqlite3_finalize(st);
	report_table_end(r);
	return rc;
}

/* The breakdown's groups of dimension d as a table (a chart would only
 * repeat its few numbers). */
static void breakdown_dimension(struct report *r, const struct privacy_group *g, size_t n, int d)
{
	const char *head[] = { privacy_dimension_name(d), _("People") };
	char shown[24];

	report_table_begin(r, NULL, 2, head, "lr");
	for (size_t i = 0; i < n; i++) {
		if (g[i].dimension != d)
			continue;
		privacy_count_text(&g[i], shown);
		report_table_row(r, (const char *[]){ privacy_group_label(&g[i]), shown });
	}
	report_table_end(r);
}

static int participation(struct report *r, sqlite3 *db, int64_t session, bool with_names,
			 struct pact_err *err)
{
	struct privacy_group *g = NULL;
	sqlite3_stmt *st;
	char *legend = NULL;
	size_t n = 0, size = 0;
	bool row = false;
	FILE *o;
	int rc;

	report_heading(r, 2, _("Participation"));
	st = sql_query(db, err, "SELECT " SESSION_PEOPLE_SQL " FROM session s WHERE s.id = ?", "I",
		       session);
	if (!st)
		return PACT_EDB;
	if ((rc = step(db, st, &row, err)) == PACT_OK && row)
		report_fact(r, _("Participants"), col(st, 0));
	sqlite3_finalize(st);
	if (rc == PACT_OK)
		rc = privacy_breakdown(db, session, &g, &n, err);
	for (int d = 0; rc == PACT_OK && n && d < PRIVACY_DIMENSIONS; d++)
		breakdown_dimension(r, g, n, d);
	if (rc == PACT_OK && n && (o = open_memstream(&legend, &size))) {
		privacy_legend(o, g, n);
		if ((legend = text_stream_close(o, &legend)) && *legend) {
			legend[strlen(legend) - 1] = '\0'; /* its last line break */
			report_paragraph(r, legend);
		}
		free(legend);
	}
	privacy_groups_free(g, n);
	if (rc != PACT_OK || !with_names)
		return rc;
	return participant_names(r, db, session, err);
}

/* The session's diversity counts per dimension, as they may be shown
 * (diversity_cells): nothing when there are none. */
static int diversity(struct report *r, sqlite3 *db, int64_t session, struct pact_err *err)
{
	struct diversity_cell *c;
	size_t n;
	bool hidden = false;
	int rc = diversity_cells(db, DIVERSITY_SESSION, session, NULL, false, &c, &n, err);

	if (rc != PACT_OK || !n)
		return rc;
	report_heading(r, 2, _("Diversity"));
	for (int d = 0; d < DIVERSITY_DIMENSIONS; d++) {
		const char *head[] = { _(diversity_dimension_labels[d]), _("People") };
		bool any = false;

		for (size_t i = 0; i < n; i++) {
			char shown[24];

			if (c[i].dim != d)
				continue;
			if (!any)
				report_table_begin(r, NULL, 2, head, "lr");
			any = true;
			diversity_count_text(&c[i], shown);
			hidden |= c[i].mark != SUPPRESS_SHOWN;
			report_table_row(r, (const char *[]){ diversity_group_label(d, c[i].group),
							      shown });
		}
		if (any)
			report_table_end(r);
	}
	if (hidden)
		report_paragraph(r, _("Groups of fewer than 5 people are shown as <5, and where "
				      "needed others as x, so that nobody can be picked out."));
	diversity_cells_free(c, n);
	return PACT_OK;
}

/* A poll's result: a table, a chart and the lines that go under them. */
static int poll_result(struct report *r, sqlite3 *db, int64_t poll, struct pact_err *err)
{
	struct ballots b;
	struct tally_input in;
	struct tally_result res = { 0 };
	struct tally_view v = { 0 };
	struct barchart_row *rows = NULL;
	int rc = poll_load(db, poll, &b, &in, err);

	if (rc != PACT_OK)
		return rc;
	if ((rc = tally_run(&in, &res, err)) == PACT_OK)
		rc = tally_view_make(&in, &res, &v, err);
	if (rc == PACT_OK && !(rows = calloc(v.nrows ? v.nrows : 1, sizeof *rows)))
		rc = err_nomem(err);
	if (rc == PACT_OK) {
		const char *head[] = { _("Position"), _("Option"),
				       _(tally_method(in.method)->value_word) };

		report_table_begin(r, NULL, 3, head, "rlr");
		for (size_t i = 0; i < v.nrows; i++) {
			const char *name = in.names[v.rows[i].option];

			report_table_row(r, (const char *[]){ v.rows[i].pos, name, v.rows[i].value_text });
			rows[i] = (struct barchart_row){ .label = name, .value = v.rows[i].value };
			snprintf(rows[i].shown, sizeof rows[i].shown, "%.47s", v.rows[i].value_text);
		}
		report_table_end(r);
		if (v.nrows)
			report_bars(r, _("Result"), rows, v.nrows, 0);
		report_paragraph(r, v.details);
		report_paragraph(r, v.ties); /* the tie rule, or what it decided */
	}
	free(rows);
	tally_view_free(&v);
	tally_free(&res);
	ballots_free(&b);
	return rc;
}

static int one_poll(struct report *r, sqlite3 *db, int64_t poll, struct pact_err *err)
{
	struct poll_info info;
	struct tally_input in = { 0 };
	char rule[512], count[64];
	int rc = poll_get(db, poll, &info, err);

	if (rc != PACT_OK)
		return rc;
	poll_params_apply(&in, &info.params);
	tally_tie_rule(&in, rule, sizeof rule);
	report_heading(r, 3, info.title);
	report_fact(r, _("Method"), tally_method_label(info.params.method));
	if (info.secret_running) { /* as pact poll show: nothing of the result yet */
		report_paragraph(r, _("A secret vote is still running: its result stays sealed "
				      "until the facilitator ends it."));
		report_paragraph(r, rule);
		return PACT_OK;
	}
	snprintf(count, sizeof count, "%lld", (long long)info.ballots);
	report_fact(r, _("Ballots counted"), count);
	if (info.paper_voters) {
		snprintf(count, sizeof count, "%lld", (long long)info.paper_voters);
		report_fact(r, _("Voters on paper"), count);
	}
	report_fact(r, _("State"), info.closed ? _("closed") : _("open"));
	if (info.ballots == 0 && info.paper_voters == 0) {
		report_paragraph(r, _("Nobody has voted yet."));
		report_paragraph(r, rule);
		return PACT_OK;
	}
	return poll_result(r, db, poll, err);
}

static int polls(struct report *r, sqlite3 *db, int64_t session, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err, "SELECT id FROM poll WHERE session_id = ? ORDER BY id",
				     "I", session);
	bool row = false, any = false;
	int rc = st ? PACT_OK : PACT_EDB;

	report_heading(r, 2, _("Polls"));
	while (rc == PACT_OK && (rc = step(db, st, &row, err)) == PACT_OK && row) {
		any = true;
		rc = one_poll(r, db, sqlite3_column_int64(st, 0), err);
	}
	sqlite3_finalize(st);
	if (rc == PACT_OK && !any)
		report_paragraph(r, _("This session had no polls."));
	return rc;
}

/* The experiment cards made from the session's ideas, clusters and polls. */
static int cards(struct report *r, sqlite3 *db, int64_t session, struct pact_err *err)
{
	const char *head[] = { _("Card"), _("Column"), _("Where it came from") };
	sqlite3_stmt *st = sql_query(
		db, err,
		"SELECT x.id, x.title, x.status FROM experiment x WHERE "
		"(x.source_kind = 'idea' AND x.source_uuid IN "
		" (SELECT uuid FROM idea WHERE session_id = ?1)) OR "
		"(x.source_kind = 'cluster' AND x.source_uuid IN "
		" (SELECT uuid FROM cluster WHERE session_id = ?1)) OR "
		"(x.source_kind = 'poll' AND x.source_uuid IN (SELECT o.uuid FROM poll_option o "
		" JOIN poll p ON p.id = o.poll_id WHERE p.session_id = ?1)) ORDER BY x.id",
		"I", session);
	bool row = false, any = false;
	int rc = st ? PACT_OK : PACT_EDB;

	report_heading(r, 2, _("Experiment cards from this session"));
	while (rc == PACT_OK && (rc = step(db, st, &row, err)) == PACT_OK && row) {
		char *from = NULL;

		if ((rc = card_source_text(db, sqlite3_column_int64(st, 0), &from, err)) != PACT_OK)
			break;
		if (!any)
			report_table_begin(r, NULL, 3, head, "lll");
		any = true;
		report_table_row(r, (const char *[]){ col(st, 1),
						      board_column_name(board_status_index(col(st, 2))),
						      from });
		free(from);
	}
	sqlite3_finalize(st);
	if (any)
		report_table_end(r);
	else if (rc == PACT_OK)
		report_paragraph(r, _("No experiment cards were made from this session yet."));
	return rc;
}

int report_session(sqlite3 *db, int64_t session, FILE *out, enum report_format format,
		   bool with_names, struct pact_err *err)
{
	struct session s;
	struct report r;
	int rc = session_get(db, session, &s, err);

	if (rc != PACT_OK)
		return rc;
	report_begin(&r, out, format, i18n_lang(), s.title);
	about(&r, &s);
	rc = rounds(&r, db, session, err);
	if (rc == PACT_OK)
		rc = ideas(&r, db, session, with_names, err);
	if (rc == PACT_OK)
		rc = participation(&r, db, session, with_names, err);
	if (rc == PACT_OK)
		rc = diversity(&r, db, session, err);
	if (rc == PACT_OK)
		rc = polls(&r, db, session, err);
	if (rc == PACT_OK)
		rc = cards(&r, db, session, err);
	if (rc == PACT_OK)
		rc = report_end(&r, err);
	else
		report_end(&r, NULL);
	session_free(&s);
	return rc;
}
