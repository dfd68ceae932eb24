/* The monitoring figures, computed in SQL and counted here. */
#include "monitor.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "barchart.h"
#include "i18n.h"
#include "sql.h"
#include "text.h"
#include "utf8.h"
#include "werkvorm.h"

#define RAN MONITOR_RAN_SQL

static int db_error(sqlite3 *db, struct pact_err *err)
{
	return err_set(err, PACT_EDB, "%s", sql_errmsg(db));
}

static int counts(sqlite3 *db, struct monitor *m, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err, "SELECT status, track, groups, " RAN " FROM experiment",
				     "");
	int rc;

	if (!st)
		return PACT_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int c = board_status_index((const char *)sqlite3_column_text(st, 0));
		int t = board_track_index((const char *)sqlite3_column_text(st, 1));
		const char *groups = (const char *)sqlite3_column_text(st, 2);

		m->total++;
		if (c >= 0)
			m->per_column[c]++;
		m->per_track[t >= 0 ? t : BOARD_TRACKS - 1]++;
		if (!sqlite3_column_int(st, 3))
			continue;
		m->ran++;
		for (int g = 0; g < CARD_GROUPS; g++)
			if (card_has_group(groups, g))
				m->reached_group[g]++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? PACT_OK : db_error(db, err);
}

/* The month after "YYYY-MM". */
static void next_month(char month[8])
{
	int y = atoi(month), mo = atoi(month + 5);

	if (++mo > 12) {
		mo = 1;
		y++;
	}
	snprintf(month, 8, "%04u-%02u", (unsigned)y % 10000u, (unsigned)mo % 100u);
}

static void add_month(struct monitor *m, const char *month, int64_t people)
{
	if (m->nmonths == MONITOR_MONTHS) {
		m->earlier_people += m->months[0].people;
		m->earlier_months += m->months[0].people ? 1 : 0;
		memmove(m->months, m->months + 1, (MONITOR_MONTHS - 1) * sizeof m->months[0]);
		m->nmonths--;
	}
	snprintf(m->months[m->nmonths].month, 8, "%.7s", month);
	m->months[m->nmonths++].people = people;
}

static int months(sqlite3 *db, struct monitor *m, struct pact_err *err)
{
	static const char sql[] = "SELECT substr(coalesce(end_date, start_date), 1, 7) AS month, "
				  "sum(reached) FROM experiment WHERE reached > 0 "
				  "GROUP BY month ORDER BY month IS NOT NULL, month";
	sqlite3_stmt *st = sql_query(db, err, sql, "");
	char first[8] = "", last[8] = "", at[8];
	bool fill;
	int rc, span = 0;

	if (!st)
		return PACT_EDB;
	/* The months between are filled in (with 0) only when the whole span
	 * fits; a longer span shows the months that reached people. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *month = (const char *)sqlite3_column_text(st, 0);
		if (!month)
			continue;
		if (!first[0])
			snprintf(first, sizeof first, "%.7s", month);
		snprintf(last, sizeof last, "%.7s", month);
	}
	for (snprintf(at, sizeof at, "%s", first); first[0] && strcmp(at, last) <= 0; next_month(at))
		span++;
	fill = span <= MONITOR_MONTHS;
	if (rc != SQLITE_DONE || sqlite3_reset(st) != SQLITE_OK) {
		sqlite3_finalize(st);
		return db_error(db, err);
	}
	at[0] = '\0';
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *month = (const char *)sqlite3_column_text(st, 0);
		int64_t people = sqlite3_column_int64(st, 1);

		if (!month) {
			m->undated_people = people;
			continue;
		}
		if (!at[0] || !fill)
			snprintf(at, sizeof at, "%.7s", month);
		for (; strcmp(at, month) < 0; next_month(at))
			add_month(m, at, 0);
		add_month(m, month, people);
		next_month(at);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? PACT_OK : db_error(db, err);
}

/* Ladder order: informeren first, then up; a rung the ladder does not know
 * (typed into an imported file) after them, by name. */
static int ladder_order(const void *a, const void *b)
{
	const struct monitor_rung *x = a, *y = b;
	int i = rung_index(x->rung, strlen(x->rung));
	int j = rung_index(y->rung, strlen(y->rung));

	if (i < 0 || j < 0)
		return i >= 0 ? -1 : j >= 0 ? 1 : strcmp(x->rung, y->rung);
	return (i > j) - (i < j);
}

/* One more rung, its name copied, at the end of m->rungs; false when out
 * of memory. */
static bool add_rung(struct monitor *m, size_t *cap, const char *rung, int64_t experiments)
{
	struct monitor_rung *more;
	char *copy;

	if (!(more = array_room(m->rungs, (size_t)m->nrungs, cap, sizeof *more)))
		return false;
	m->rungs = more;
	if (!(copy = strdup(rung)))
		return false;
	more[m->nrungs].experiments = experiments;
	more[m->nrungs++].rung = copy; /* last: gcc 12's analyser loses it under later stores */
	return true;
}

static int rungs(sqlite3 *db, struct monitor *m, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT rung, count(*) AS n FROM experiment GROUP BY rung", "");
	size_t cap = 0;
	int rc;

	if (!st)
		return PACT_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *rung = (const char *)sqlite3_column_text(st, 0);

		if (!rung || !rung[0])
			m->no_rung = sqlite3_column_int64(st, 1);
		else if (!add_rung(m, &cap, rung, sqlite3_column_int64(st, 1))) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (m->nrungs > 1)
		qsort(m->rungs, (size_t)m->nrungs, sizeof *m->rungs, ladder_order);
	if (rc == SQLITE_NOMEM)
		return err_nomem(err);
	return rc == SQLITE_DONE ? PACT_OK : db_error(db, err);
}

int monitor_compute(sqlite3 *db, struct monitor *m, struct pact_err *err)
{
	int rc;

	memset(m, 0, sizeof *m);
	rc = counts(db, m, err);
	if (rc == PACT_OK)
		rc = months(db, m, err);
	if (rc == PACT_OK)
		rc = rungs(db, m, err);
	if (rc == PACT_OK)
		rc = monitor_programme_charts(db, &m->extra, &m->nextra, err);
	if (rc != PACT_OK)
		monitor_free(m);
	return rc;
}

void monitor_free(struct monitor *m)
{
	for (int i = 0; i < m->nrungs; i++)
		free(m->rungs[i].rung);
	free(m->rungs);
	m->rungs = NULL;
	m->nrungs = 0;
	free(m->extra);
	m->extra = NULL;
	m->nextra = 0;
}

int monitor_percent(int64_t part, int64_t of)
{
	return barchart_percent(part, of);
}

static void count_row(struct barchart_row *r, const char *label, int64_t value)
{
	*r = (struct barchart_row){ .label = label, .value = value };
	snprintf(r->shown, sizeof r->shown, "%lld", (long long)value);
}

/* One more line of notes under a chart. */
static void note_add(char *notes, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void note_add(char *notes, size_t size, const char *fmt, ...)
{
	size_t used = strlen(notes);
	va_list ap;

	if (used && used + 1 < size)
		notes[used++] = '\n', notes[used] = '\0';
	va_start(ap, fmt);
	vsnprintf(notes + used, size - used, fmt, ap);
	va_end(ap);
}

void monitor_charts(const struct monitor *m, struct monitor_chart c[MONITOR_CHARTS])
{
	memset(c, 0, MONITOR_CHARTS * sizeof *c);
	snprintf(c[0].heading, sizeof c[0].heading, _("Experiments per column (%lld in all)"),
		 (long long)m->total);
	for (int i = 0; i < BOARD_COLUMNS; i++)
		count_row(&c[0].rows[c[0].n++], board_column_name(i), m->per_column[i]);

	snprintf(c[1].heading, sizeof c[1].heading, "%s", _("Experiments per track"));
	for (int t = 0; t < BOARD_TRACKS; t++)
		count_row(&c[1].rows[c[1].n++], board_track_name(t), m->per_track[t]);

	snprintf(c[2].heading, sizeof c[2].heading, "%s",
		 m->nmonths ? _("People reached per month (by end date, else start date)")
			    : _("People reached per month"));
	for (int i = 0; i < m->nmonths; i++)
		count_row(&c[2].rows[c[2].n++], m->months[i].month, m->months[i].people);
	c[2].empty = _("No dated experiment has reached anyone yet.");
	if (m->earlier_people)
		note_add(c[2].notes, sizeof c[2].notes,
			 ngettext("Not in the chart: %d earlier month (people reached: %lld).",
				  "Not in the chart: %d earlier months (people reached: %lld).",
				  (unsigned long)m->earlier_months),
			 m->earlier_months, (long long)m->earlier_people);
	if (m->undated_people)
		note_add(c[2].notes, sizeof c[2].notes,
			 ngettext("Not in the chart: %lld person reached by experiments without "
				  "dates.",
				  "Not in the chart: %lld people reached by experiments without "
				  "dates.",
				  (unsigned long)m->undated_people),
			 (long long)m->undated_people);

	snprintf(c[3].heading, sizeof c[3].heading,
		 ngettext("Target groups reached by the %lld experiment that ran",
			  "Target groups reached by the %lld experiments that ran", (unsigned long)m->ran),
		 (long long)m->ran);
	for (int g = 0; g < CARD_GROUPS && m->ran; g++) {
		struct barchart_row *r = &c[3].rows[c[3].n++];

		r->label = _(card_group_labels[g]);
		r->value = m->reached_group[g];
		snprintf(r->shown, sizeof r->shown, "%3d%% (%lld)",
			 monitor_percent(m->reached_group[g], m->ran), (long long)m->reached_group[g]);
	}
	c[3].scale = m->ran;
	c[3].empty = _("No experiment has run yet.");

	snprintf(c[4].heading, sizeof c[4].heading, "%s", _("Participation rungs used"));
	for (int i = 0; i < m->nrungs && i < MONITOR_ROWS; i++)
		count_row(&c[4].rows[c[4].n++],
			  rung_label(m->rungs[i].rung) ? rung_label(m->rungs[i].rung)
							 : m->rungs[i].rung,
			  m->rungs[i].experiments);
	if (m->no_rung)
		note_add(c[4].notes, sizeof c[4].notes,
			 ngettext("No rung set: %lld experiment.", "No rung set: %lld experiments.",
				  (unsigned long)m->no_rung),
			 (long long)m->no_rung);
}

/* One chart as text: its bars, or why it has none, and its notes; a
 * blank line after each but the last. */
static void chart_text(FILE *out, const struct monitor_chart *c, int width, bool unicode,
		       bool last)
{
	if (c->n)
		barchart_chart(out, c->heading, c->rows, c->n, c->scale, width, unicode);
	else if (c->empty)
		fprintf(out, "%s\n  %s\n\n", c->heading, c->empty);
	for (const char *line = c->notes; *line;) {
		size_t len = strcspn(line, "\n");

		fprintf(out, "  %.*s\n%s", (int)len, line, !last ? "\n" : "");
		line += len + (line[len] == '\n');
	}
}

char *monitor_report(const struct monitor *m, int width, bool unicode)
{
	struct monitor_chart *c = malloc(MONITOR_CHARTS * sizeof *c);
	char *text = NULL;
	size_t size = 0;
	FILE *out = c ? open_memstream(&text, &size) : NULL;

	if (!out) {
		free(c);
		return NULL;
	}
	width = width < 30 ? 30 : width;
	if (m->total == 0) {
		fprintf(out, "%s\n\n", _("No experiments on the board yet: the charts fill as cards are "
				       "added (or try pact demo on a new file)."));
	} else {
		monitor_charts(m, c);
		for (int i = 0; i < MONITOR_CHARTS; i++)
			chart_text(out, &c[i], width, unicode, false);
	}
	for (int i = 0; i < m->nextra; i++)
		chart_text(out, &m->extra[i], width, unicode, i + 1 == m->nextra);
	free(c);
	return text_stream_close(out, &text);
}
