/* The case library's search and its texts. */
#include "cases.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "board.h"
#include "evaluation.h"
#include "i18n.h"
#include "sql.h"
#include "werkvorm.h"

/* Whether a word has something FTS5 indexes (a letter or digit; any
 * non-ASCII character may be one). */
static bool searchable(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return true;
	}
	return false;
}

char *cases_query(const char *typed)
{
	size_t cap = 2 * strlen(typed ? typed : "") * 2 + 8, o = 0;
	char *q = malloc(cap);
	const char *p = typed ? typed : "";

	if (!q)
		return NULL;
	q[0] = '\0';
	while (*p) {
		size_t n;

		p += strspn(p, " \t\r\n");
		n = strcspn(p, " \t\r\n");
		if (n && searchable(p, n)) {
			if (o)
				q[o++] = ' ';
			q[o++] = '"';
			for (size_t i = 0; i < n; i++) {
				if (p[i] == '"')
					q[o++] = '"';
				q[o++] = p[i];
			}
			q[o++] = '"';
			q[o++] = '*';
			q[o] = '\0';
		}
		p += n;
	}
	return q;
}

/* A case's date, rung, work form, what it evaluated (enum eval_subject)
 * and its experiment, from the evaluation (v) and its subject. */
#define CASE_FIELDS                                                                            \
	"showdate(v.date), coalesce(showrung(x.rung), showrung(a.rung), ''), "                  \
	"coalesce(showform(x.werkvorm), ''), CASE WHEN v.session_id IS NOT NULL THEN 1 "        \
	"WHEN v.advice_id IS NOT NULL THEN 2 ELSE 0 END, coalesce(v.experiment_id, 0)"
#define CASE_JOINS                                                                             \
	"JOIN evaluation v ON v.id = f.rowid LEFT JOIN experiment x ON x.id = v.experiment_id " \
	"LEFT JOIN advice a ON a.id = v.advice_id"

int cases_search(sqlite3 *db, const char *typed, size_t limit, struct case_hit **hits,
		 size_t *n, int64_t *total, struct pact_err *err)
{
	static const char marks[] = { CASES_MARK_ON, '\0', CASES_MARK_OFF, '\0' };
	char *q = cases_query(typed);
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*hits = NULL;
	*n = 0;
	*total = 0;
	if (!q)
		return err_nomem(err);
	if (q[0])
		rc = sql_int(db, total, NULL, err, "SELECT count(*) FROM case_fts WHERE case_fts MATCH ?",
			     "t", q);
	else
		rc = sql_int(db, total, NULL, err, "SELECT count(*) FROM case_fts", "");
	if (rc != PACT_OK) {
		free(q);
		return rc;
	}
	if (q[0])
		st = sql_query(db, err,
			       "SELECT f.rowid, highlight(case_fts, 0, ?2, ?3), "
			       "snippet(case_fts, -1, ?2, ?3, '…', 12), " CASE_FIELDS " "
			       "FROM case_fts f " CASE_JOINS " "
			       "WHERE case_fts MATCH ?1 ORDER BY rank, v.date DESC LIMIT ?4",
			       "tttI", q, marks, marks + 2, (int64_t)limit);
	else
		st = sql_query(db, err,
			       "SELECT f.rowid, f.title, substr(replace(f.description, char(10), ' '), "
			       "1, 200), " CASE_FIELDS " FROM case_fts f " CASE_JOINS " "
			       "ORDER BY v.date DESC, f.rowid DESC LIMIT ?",
			       "I", (int64_t)limit);
	free(q);
	if (!st)
		return PACT_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct case_hit *h, *more = array_room(*hits, *n, &cap, sizeof *more);

		if (!more) {
			rc = SQLITE_NOMEM;
			break;
		}
		*hits = more;
		h = &(*hits)[(*n)++];
		h->id = sqlite3_column_int64(st, 0);
		h->subject = sqlite3_column_int(st, 6);
		h->experiment = sqlite3_column_int64(st, 7);
		h->title = evaluation_subject_title(h->subject, (const char *)sqlite3_column_text(st, 1));
		h->snippet = sql_text(st, 2);
		h->date = sql_text(st, 3);
		h->rung = sql_text(st, 4);
		h->werkvorm = sql_text(st, 5);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		cases_free(*hits, *n);
		*hits = NULL;
		*n = 0;
		return rc == SQLITE_NOMEM ? err_nomem(err) : err_set(err, PACT_EDB, "%s", sql_errmsg(db));
	}
	return PACT_OK;
}

void cases_free(struct case_hit *hits, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(hits[i].title);
		free(hits[i].snippet);
		free(hits[i].date);
		free(hits[i].rung);
		free(hits[i].werkvorm);
	}
	free(hits);
}

char *cases_describe(sqlite3 *db, int64_t id)
{
	int64_t ev = evaluation_of(db, EVAL_EXPERIMENT, id);

	return ev ? cases_describe_case(db, ev) : NULL;
}

/* The case's head: its title, and the facts of its subject, then of its
 * evaluation. */
char *cases_describe_case(sqlite3 *db, int64_t id)
{
	static const char *const labels[] = {
		NULL, N_("Date"), N_("Rung"), N_("Work form"), N_("Owner"), N_("Goal reached"),
		N_("Participants"), N_("Would repeat"), N_("Evaluated by"),
		N_("Summary"), N_("Do's"), N_("Don'ts"), N_("Learnings"), N_("Who took part"),
		N_("What worked"), N_("What did not work"),
	};
	enum { NLABELS = sizeof labels / sizeof labels[0], FIRST_BLOCK = 9 };
	sqlite3_stmt *st = sql_query(db, NULL,
				     "SELECT coalesce(x.title, s.title, a.title), showdate(v.date), "
				     "coalesce(showrung(x.rung), showrung(a.rung), ''), "
				     "coalesce(showform(x.werkvorm), ''), "
				     "coalesce(x.owner, s.facilitator, a.author), v.goal || ' / 5', "
				     "v.participants, v.repeat, v.evaluated_by, "
				     "coalesce(x.description, s.question, a.outcome), v.dos, "
				     "v.donts, v.learnings, v.who, v.worked, v.not_worked, "
				     "CASE WHEN v.session_id IS NOT NULL THEN 1 "
				     "WHEN v.advice_id IS NOT NULL THEN 2 ELSE 0 END "
				     "FROM evaluation v LEFT JOIN experiment x ON x.id = v.experiment_id "
				     "LEFT JOIN session s ON s.id = v.session_id "
				     "LEFT JOIN advice a ON a.id = v.advice_id WHERE v.id = ?",
				     "I", id);
	char *text = NULL, *title;
	size_t size = 0;
	FILE *out;

	if (!st || sqlite3_step(st) != SQLITE_ROW || !(out = open_memstream(&text, &size))) {
		sqlite3_finalize(st);
		return NULL;
	}
	for (int i = 0; i < NLABELS; i++) {
		const char *v = (const char *)sqlite3_column_text(st, i);

		v = v ? v : "";
		if (i == 7) {
			int r = 0;
			while (board_repeat_keys[r] && strcmp(board_repeat_keys[r], v) != 0)
				r++;
			v = board_repeat_keys[r] ? _(board_repeat_labels[r]) : v;
		}
		if (i == 0) {
			title = evaluation_subject_title(sqlite3_column_int(st, NLABELS), v);
			fprintf(out, "%s\n\n", title ? title : v);
			free(title);
		} else if (i < FIRST_BLOCK)
			fprintf(out, "%s: %s\n", _(labels[i]), v[0] ? v : "—");
		else if (v[0])
			fprintf(out, "\n%s\n%s\n", _(labels[i]), v);
		if (i == FIRST_BLOCK - 1)
			evaluation_facts_write(db, id, out);
	}
	sqlite3_finalize(st);
	fclose(out);
	return text;
}

char *cases_using_werkvorm(sqlite3 *db, const char *name, const char *name_nl)
{
	sqlite3_stmt *st = sql_query(db, NULL,
				     "SELECT title, status FROM experiment "
				     "WHERE lower(trim(werkvorm)) IN (lower(?1), lower(?2)) "
				     "ORDER BY created_at DESC, id DESC",
				     "tt", name ? name : "", name_nl && name_nl[0] ? name_nl : name);
	char *text = NULL;
	size_t size = 0;
	FILE *out;

	if (!st || !(out = open_memstream(&text, &size))) {
		sqlite3_finalize(st);
		return NULL;
	}
	while (sqlite3_step(st) == SQLITE_ROW)
		fprintf(out, "  • %s (%s)\n", sqlite3_column_text(st, 0),
			board_column_name(board_status_index((const char *)sqlite3_column_text(st, 1))));
	sqlite3_finalize(st);
	fclose(out);
	return text;
}

/* A work form's name, description and what it asks of a session, from the
 * row cases_describe_werkvorm reads. */
static void describe_form(FILE *out, sqlite3_stmt *st)
{
	char dur[64];

	werkvorm_duration_text(sqlite3_column_int64(st, 5), dur, sizeof dur);
	fprintf(out,
		_("%s\n\n%s\n\nRungs: %s\nGroup: %d to %d people\nTakes: %s\nCost: %s\n"
		  "Works for low literacy: %s\nOnline or offline: %s\n"),
		sqlite3_column_text(st, 0), sqlite3_column_text(st, 1), sqlite3_column_text(st, 2),
		sqlite3_column_int(st, 3), sqlite3_column_int(st, 4), dur,
		werkvorm_cost_mark((const char *)sqlite3_column_text(st, 6)),
		sqlite3_column_int(st, 7) ? _("yes") : _("no"),
		werkvorm_mode_label((const char *)sqlite3_column_text(st, 8)));
	if (sqlite3_column_int(st, 12))
		fprintf(out, "%s\n", _("One of the programme's ten core work forms (kern). The "
				       "handbook does not name the ten: the marks pact ships are an "
				       "example to edit."));
}

/* A communication means has no rungs, group or duration: its name, its
 * description and what it is. */
char *cases_describe_werkvorm(sqlite3 *db, int64_t id)
{
	bool nl = strcmp(i18n_lang(), "nl") == 0;
	sqlite3_stmt *st = sql_query(
		db, NULL,
		"SELECT CASE WHEN ?2 AND name_nl <> '' THEN name_nl ELSE name END, "
		"CASE WHEN ?2 AND description_nl <> '' THEN description_nl ELSE description END, "
		"showrung(rungs), min_group, max_group, minutes, cost, low_literacy, mode, name, name_nl, "
		"type = 'communicatie', core "
		"FROM werkvorm WHERE id = ?1",
		"Id", id, nl ? 1 : 0);
	char *text = NULL, *used;
	size_t size = 0;
	FILE *out;

	if (!st || sqlite3_step(st) != SQLITE_ROW || !(out = open_memstream(&text, &size))) {
		sqlite3_finalize(st);
		return NULL;
	}
	if (sqlite3_column_int(st, 11))
		fprintf(out, "%s\n\n%s\n\n%s\n", sqlite3_column_text(st, 0),
			sqlite3_column_text(st, 1),
			_("A communication means from the handbook's communication plan, not a work "
			  "form: the Wizard does not advise it."));
	else
		describe_form(out, st);
	used = cases_using_werkvorm(db, (const char *)sqlite3_column_text(st, 9),
				    (const char *)sqlite3_column_text(st, 10));
	fprintf(out, "\n%s\n%s", _("Experiments that used it"),
		used && used[0] ? used : _("  none yet\n"));
	free(used);
	sqlite3_finalize(st);
	fclose(out);
	return text;
}

const char *cases_werkvorm_title(sqlite3 *db, int64_t id)
{
	sqlite3_stmt *st = sql_query(db, NULL,
				     "SELECT type = 'communicatie' FROM werkvorm WHERE id = ?1", "I",
				     id);
	bool means = st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);

	sqlite3_finalize(st);
	return means ? _("Communication means") : _("Work form");
}
