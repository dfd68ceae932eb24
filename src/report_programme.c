/* The programme report: every experiment of the board by column, a count
 * per track, the budget per pot (pot_budgets), the monitoring figures
 * (monitor_compute) as bar charts, and a time line of the experiments. */
#include "report.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "board.h"
#include "card_comm.h"
#include "evaluation.h"
#include "i18n.h"
#include "monitor.h"
#include "pot.h"
#include "rung.h"
#include "sql.h"

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

static const char *repeat_label(const char *key)
{
	for (int i = 0; board_repeat_keys[i]; i++)
		if (strcmp(board_repeat_keys[i], key) == 0)
			return _(board_repeat_labels[i]);
	return key;
}

static void amount_fact(struct report *r, const char *label, int64_t cents)
{
	char shown[40];

	report_amount(r, cents, shown);
	report_fact(r, label, shown);
}

/* Columns of the experiment query below. */
enum { X_TITLE, X_TRACK, X_OWNER, X_RUNG, X_WERKVORM, X_START, X_END, X_POT, X_PLANNED,
       X_SPENT, X_REACHED, X_GOAL, X_REPEAT, X_DOS, X_DONTS, X_STATUS, X_FOCUS, X_ID };

/* The card's communication plan as a table Audience | Message | Means
 * (nothing when it has none). */
static int communication(struct report *r, sqlite3 *db, int64_t card, struct pact_err *err)
{
	const char *head[] = { _("Audience"), _("Message"), _("Means") };
	struct card_comm plan;
	int rc = card_comm_get(db, card, &plan, err);

	if (rc != PACT_OK)
		return rc;
	if (card_comm_count(&plan))
		report_table_begin(r, _("Communication"), 3, head, "lll");
	for (int i = 0; i < COMM_AUDIENCES; i++)
		if (plan.message[i][0] || plan.means[i][0])
			report_table_row(r, (const char *const[]){ _(comm_audience_labels[i]),
								   plan.message[i], plan.means[i] });
	if (card_comm_count(&plan))
		report_table_end(r);
	card_comm_free(&plan);
	return PACT_OK;
}

/* The answers about fit, public value and diversity of an evaluation. */
static int evaluation_report(struct report *r, sqlite3 *db, int64_t evaluation,
			     struct pact_err *err)
{
	struct eval_fact f[EVAL_FACTS];
	int n, rc = evaluation_facts(db, evaluation, f, &n, err);

	for (int i = 0; rc == PACT_OK && i < n; i++)
		report_fact(r, f[i].label, f[i].value);
	if (rc == PACT_OK)
		evaluation_facts_free(f, n);
	return rc;
}

static int experiment(struct report *r, sqlite3 *db, sqlite3_stmt *st, struct pact_err *err)
{
	char from[32], to[32], dates[80], num[64];
	const char *rung = rung_label(col(st, X_RUNG));

	report_heading(r, 4, col(st, X_TITLE));
	if (sqlite3_column_int(st, X_FOCUS))
		report_paragraph(r, _("Focus experiment of the opgaveteam"));
	report_fact(r, _("Track"), board_track_name(board_track_index(col(st, X_TRACK))));
	report_fact(r, _("Owner"), col(st, X_OWNER));
	report_fact(r, _("Rung"), rung ? rung : col(st, X_RUNG));
	report_fact(r, _("Work form"), col(st, X_WERKVORM));
	report_date(r, col(st, X_START), from);
	report_date(r, col(st, X_END), to);
	snprintf(dates, sizeof dates, "%s – %s", *from ? from : "?", *to ? to : "?");
	report_fact(r, _("Dates"), *from || *to ? dates : "");
	report_fact(r, _("Budget pot"), col(st, X_POT));
	amount_fact(r, _("Budget planned"), sqlite3_column_int64(st, X_PLANNED));
	amount_fact(r, _("Spent"), sqlite3_column_int64(st, X_SPENT));
	snprintf(num, sizeof num, "%lld", (long long)sqlite3_column_int64(st, X_REACHED));
	report_fact(r, _("People reached"), num);
	if (communication(r, db, sqlite3_column_int64(st, X_ID), err) != PACT_OK)
		return err->status;
	if (sqlite3_column_type(st, X_GOAL) == SQLITE_NULL)
		return PACT_OK;
	snprintf(num, sizeof num, _("%d of 5"), sqlite3_column_int(st, X_GOAL));
	report_fact(r, _("Goal reached"), num);
	report_fact(r, _("Would repeat"), repeat_label(col(st, X_REPEAT)));
	report_fact(r, _("Do's"), col(st, X_DOS));
	report_fact(r, _("Don'ts"), col(st, X_DONTS));
	return evaluation_report(r, db, evaluation_of(db, EVAL_EXPERIMENT, sqlite3_column_int64(st, X_ID)),
				 err);
}

static int experiments(struct report *r, sqlite3 *db, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(
		db, err,
		"SELECT x.title, x.track, x.owner, x.rung, x.werkvorm, coalesce(x.start_date, ''), "
		"coalesce(x.end_date, ''), coalesce(p.name || ' ' || p.year, ''), x.planned, x.spent, "
		"x.reached, e.goal, e.repeat, e.dos, e.donts, x.status, x.focus, x.id FROM experiment x "
		"LEFT JOIN budget_pot p ON p.id = x.pot_id "
		"LEFT JOIN evaluation e ON e.experiment_id = x.id ORDER BY x.status, x.position, x.id",
		"");
	int column = -1, rc = SQLITE_DONE, failed = PACT_OK;

	report_heading(r, 2, _("Experiments per column"));
	if (!st)
		return PACT_EDB;
	/* the columns in board order, not the keys' alphabetical one */
	for (int c = 0; c < BOARD_COLUMNS && failed == PACT_OK; c++) {
		sqlite3_reset(st);
		while (failed == PACT_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (board_status_index(col(st, X_STATUS)) != c)
				continue;
			if (column != c)
				report_heading(r, 3, board_column_name(c));
			column = c;
			failed = experiment(r, db, st, err);
		}
		if (rc != SQLITE_DONE)
			break;
	}
	sqlite3_finalize(st);
	if (failed != PACT_OK)
		return failed;
	if (rc != SQLITE_DONE)
		return err_set(err, PACT_EDB, "%s", sql_errmsg(db));
	if (column < 0)
		report_paragraph(r, _("No experiments on the board yet."));
	return PACT_OK;
}

/* The participation trajectories that are no experiment and were
 * evaluated: sessions and carried-out advices, newest first. */
static int trajectories(struct report *r, sqlite3 *db, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(
		db, err,
		"SELECT CASE WHEN v.session_id IS NOT NULL THEN 1 ELSE 2 END, "
		"coalesce(s.title, a.title), v.date, v.goal, v.repeat, v.dos, v.donts, v.id "
		"FROM evaluation v LEFT JOIN session s ON s.id = v.session_id "
		"LEFT JOIN advice a ON a.id = v.advice_id WHERE v.experiment_id IS NULL "
		"ORDER BY v.date DESC, v.id DESC",
		"");
	int rc = PACT_OK, step;
	bool any = false;

	if (!st)
		return PACT_EDB;
	while (rc == PACT_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		char date[32], num[64], *title = evaluation_subject_title(sqlite3_column_int(st, 0),
									   col(st, 1));

		if (!any)
			report_heading(r, 2, _("Other evaluated participation trajectories"));
		any = true;
		report_heading(r, 3, title ? title : col(st, 1));
		free(title);
		report_date(r, col(st, 2), date);
		report_fact(r, _("Date"), date);
		snprintf(num, sizeof num, _("%d of 5"), sqlite3_column_int(st, 3));
		report_fact(r, _("Goal reached"), num);
		report_fact(r, _("Would repeat"), repeat_label(col(st, 4)));
		report_fact(r, _("Do's"), col(st, 5));
		report_fact(r, _("Don'ts"), col(st, 6));
		rc = evaluation_report(r, db, sqlite3_column_int64(st, 7), err);
	}
	sqlite3_finalize(st);
	if (rc == PACT_OK && step != SQLITE_DONE)
		rc = err_set(err, PACT_EDB, "%s", sql_errmsg(db));
	return rc;
}

/* A table of tracks against columns. */
static int per_track(struct report *r, sqlite3 *db, struct pact_err *err)
{
	const char *head[BOARD_COLUMNS + 2];
	char align[BOARD_COLUMNS + 3], cells[BOARD_COLUMNS + 1][24];
	int64_t n[BOARD_TRACKS][BOARD_COLUMNS] = { { 0 } };
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT track, status, count(*) FROM experiment GROUP BY 1, 2", "");
	int rc;

	if (!st)
		return PACT_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int t = board_track_index(col(st, 0)), c = board_status_index(col(st, 1));

		if (t >= 0 && c >= 0)
			n[t][c] = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return err_set(err, PACT_EDB, "%s", sql_errmsg(db));
	head[0] = _("Track");
	for (int c = 0; c < BOARD_COLUMNS; c++)
		head[c + 1] = board_column_name(c);
	head[BOARD_COLUMNS + 1] = _("All");
	memset(align, 'r', sizeof align - 1);
	align[0] = 'l';
	align[sizeof align - 1] = '\0';
	report_heading(r, 2, _("Experiments per track"));
	report_table_begin(r, NULL, BOARD_COLUMNS + 2, head, align);
	for (int t = 0; t < BOARD_TRACKS; t++) {
		const char *row[BOARD_COLUMNS + 2] = { board_track_name(t) };
		int64_t all = 0;

		for (int c = 0; c < BOARD_COLUMNS; c++) {
			all += n[t][c];
			snprintf(cells[c], sizeof cells[c], "%lld", (long long)n[t][c]);
			row[c + 1] = cells[c];
		}
		snprintf(cells[BOARD_COLUMNS], sizeof cells[BOARD_COLUMNS], "%lld", (long long)all);
		row[BOARD_COLUMNS + 1] = cells[BOARD_COLUMNS];
		report_table_row(r, row);
	}
	report_table_end(r);
	return PACT_OK;
}

/* Every pot's costs outside the experiments, by pot and date. */
static void pot_costs(struct report *r, const struct pot_budget *p, size_t n)
{
	const char *head[] = { _("Pot"), _("Year"), _("Date"), _("Description"), _("Amount") };
	bool any = false;

	for (size_t i = 0; i < n; i++)
		for (size_t c = 0; c < p[i].ncosts; c++) {
			char year[16], date[32], amount[40];

			if (!any) {
				report_heading(r, 3, _("Costs outside the experiments"));
				report_table_begin(r, NULL, 5, head, "lrllr");
				any = true;
			}
			snprintf(year, sizeof year, "%d", p[i].year);
			report_date(r, p[i].items[c].date, date);
			report_amount(r, p[i].items[c].amount, amount);
			report_table_row(r, (const char *[]){ p[i].name, year, date,
							      p[i].items[c].description, amount });
		}
	if (any)
		report_table_end(r);
}

/* Each year's pots together. */
static void pot_year_totals(struct report *r, const struct pot_budget *p, size_t n)
{
	const char *head[] = { _("Year"), _("Pots"), _("Amount"), _("Planned"), _("Spent"),
			       _("Remaining") };
	struct pot_year *years = calloc(n ? n : 1, sizeof *years);
	size_t ny = years ? pot_years(p, n, years) : 0;

	if (ny) {
		report_heading(r, 3, _("Total per year"));
		report_table_begin(r, NULL, 6, head, "rrrrrr");
	}
	for (size_t i = 0; i < ny; i++) {
		char year[16], pots_n[16], amount[40], planned[40], spent[40], left[40];

		snprintf(year, sizeof year, "%d", years[i].year);
		snprintf(pots_n, sizeof pots_n, "%d", years[i].pots);
		report_amount(r, years[i].amount, amount);
		report_amount(r, years[i].planned, planned);
		report_amount(r, years[i].spent, spent);
		report_amount(r, years[i].amount - years[i].spent, left);
		report_table_row(r, (const char *[]){ year, pots_n, amount, planned, spent, left });
	}
	if (ny)
		report_table_end(r);
	free(years);
}

static int pots(struct report *r, sqlite3 *db, struct pact_err *err)
{
	const char *head[] = { _("Pot"), _("Year"), _("Amount"), _("Planned"), _("Spent"),
			       _("Remaining"), _("Experiments") };
	struct pot_budget *p = NULL;
	size_t n = 0;
	int rc = pot_budgets(db, &p, &n, err);

	report_heading(r, 2, _("Budget per pot"));
	if (rc != PACT_OK)
		return rc;
	if (!n)
		report_paragraph(r, _("No budget pots yet."));
	else
		report_table_begin(r, NULL, 7, head, "lrrrrrr");
	for (size_t i = 0; i < n; i++) {
		char year[16], amount[40], planned[40], spent[40], left[40], cards[24];

		snprintf(year, sizeof year, "%d", p[i].year);
		report_amount(r, p[i].amount, amount);
		report_amount(r, p[i].planned, planned);
		report_amount(r, p[i].spent, spent);
		report_amount(r, pot_remaining(&p[i]), left);
		snprintf(cards, sizeof cards, "%d", p[i].cards);
		report_table_row(r, (const char *[]){ p[i].name, year, amount, planned, spent, left,
						      cards });
	}
	if (n)
		report_table_end(r);
	for (size_t i = 0; i < n; i++) {
		char over[40], line[512];

		if (pot_spent_over(&p[i]) || pot_planned_over(&p[i])) {
			report_amount(r, pot_spent_over(&p[i]) ? pot_spent_over(&p[i])
							       : pot_planned_over(&p[i]), over);
			snprintf(line, sizeof line,
				 pot_spent_over(&p[i]) ? _("%s %d: spent %s more than the pot holds.")
						       : _("%s %d: planned %s more than the pot holds."),
				 p[i].name, p[i].year, over);
			report_paragraph(r, line);
		}
	}
	pot_costs(r, p, n);
	pot_year_totals(r, p, n);
	pot_budgets_free(p, n);
	return PACT_OK;
}

/* The monitoring figures: the dashboard's charts (monitor_charts). */
static void figures(struct report *r, const struct monitor *m)
{
	struct monitor_chart *c = malloc(MONITOR_CHARTS * sizeof *c);

	if (!c) {
		r->nomem = true;
		return;
	}
	report_heading(r, 2, _("Monitoring"));
	monitor_charts(m, c);
	for (int i = 0; i < MONITOR_CHARTS; i++) {
		if (c[i].n)
			report_bars(r, c[i].heading, c[i].rows, (size_t)c[i].n, c[i].scale);
		if (*c[i].notes)
			report_paragraph(r, c[i].notes);
	}
	free(c);
	report_heading(r, 2, _("Ambitions and afspiegeling"));
	for (int i = 0; i < m->nextra; i++) {
		const struct monitor_chart *x = &m->extra[i];

		if (x->n)
			report_bars(r, x->heading, x->rows, (size_t)x->n, x->scale);
		else if (x->empty) {
			report_heading(r, 3, x->heading);
			report_paragraph(r, x->empty);
		}
		if (*x->notes)
			report_paragraph(r, x->notes);
	}
}

static void spans_free(struct report_span *spans, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free((char *)spans[i].label);
		free((char *)spans[i].start);
		free((char *)spans[i].end);
	}
	free(spans);
}

static int timeline(struct report *r, sqlite3 *db, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT title, start_date, coalesce(end_date, '') FROM experiment "
				     "WHERE start_date IS NOT NULL ORDER BY start_date, id",
				     "");
	struct report_span *spans = NULL;
	size_t n = 0, cap = 0;
	int rc = SQLITE_DONE;

	report_heading(r, 2, _("Time line"));
	if (!st)
		return PACT_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_span *more = array_room(spans, n, &cap, sizeof *more);

		if (!more) {
			rc = SQLITE_NOMEM;
			break;
		}
		spans = more;
		spans[n++] = (struct report_span){ sql_text(st, 0), sql_text(st, 1), sql_text(st, 2) };
		if (!spans[n - 1].label || !spans[n - 1].start || !spans[n - 1].end) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE && n)
		report_timeline(r, _("Experiments by start and end date"), spans, n);
	else if (rc == SQLITE_DONE)
		report_paragraph(r, _("No experiment has a start date yet."));
	spans_free(spans, n);
	if (rc == SQLITE_NOMEM)
		return err_nomem(err);
	return rc == SQLITE_DONE ? PACT_OK : err_set(err, PACT_EDB, "%s", sql_errmsg(db));
}

int report_programme(sqlite3 *db, FILE *out, enum report_format format, struct pact_err *err)
{
	struct report r;
	struct monitor m;
	int rc;

	report_begin(&r, out, format, i18n_lang(), _("Programme report"));
	rc = experiments(&r, db, err);
	if (rc == PACT_OK)
		rc = trajectories(&r, db, err);
	if (rc == PACT_OK)
		rc = per_track(&r, db, err);
	if (rc == PACT_OK)
		rc = pots(&r, db, err);
	if (rc == PACT_OK && (rc = monitor_compute(db, &m, err)) == PACT_OK) {
		figures(&r, &m);
		monitor_free(&m);
	}
	if (rc == PACT_OK)
		rc = timeline(&r, db, err);
	if (rc == PACT_OK)
		rc = report_end(&r, err);
	else
		report_end(&r, NULL);
	return rc;
}
