/* The monitoring figures of the experiment board: experiments per column
 * and per track, people reached per month, the share of experiments that
 * reached each target group, and the participation rungs used. */
#ifndef PACT_MONITOR_H
#define PACT_MONITOR_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "barchart.h"
#include "board.h"
#include "card.h"
#include "err.h"

#define MONITOR_RAN_SQL BOARD_RAN_SQL

/* At most this many months are kept: the latest ones; what earlier months
 * reached is summed in earlier_people. */
#define MONITOR_MONTHS 24

struct monitor_month {
	char month[8];  /* "YYYY-MM" */
	int64_t people; /* people reached by experiments ending (else starting) then */
};

struct monitor_rung {
	char *rung;
	int64_t experiments;
};

struct monitor_chart;

struct monitor {
	int64_t total;
	int64_t per_column[BOARD_COLUMNS];
	int64_t per_track[BOARD_TRACKS];
	/* The months with people reached, oldest first, the latest
	 * MONITOR_MONTHS of them; when the first to the last fit in
	 * MONITOR_MONTHS, the months between are there too (with 0). */
	struct monitor_month months[MONITOR_MONTHS];
	int nmonths;
	int64_t earlier_people; /* reached in months before those kept */
	int earlier_months;
	int64_t undated_people; /* reached by experiments without dates */
	/* Experiments that ran (Running, Evaluating, Anchored or Stopped after
	 * starting) and how many of them reached each group. */
	int64_t ran;
	int64_t reached_group[CARD_GROUPS];
	/* Rungs used, in ladder order (informeren first; a rung the ladder
	 * does not know after them, by name); experiments without a rung are
	 * counted in no_rung. */
	struct monitor_rung *rungs;
	int nrungs;
	int64_t no_rung;
	/* The programme's own charts (monitor_programme_charts): each
	 * indicator against its target per period, then the afspiegeling. */
	struct monitor_chart *extra;
	int nextra;
};

int monitor_compute(sqlite3 *db, struct monitor *m, struct pact_err *err);
void monitor_free(struct monitor *m);

/* The dashboard's charts, built once for the screen and for the report:
 * columns, tracks, people per month, target groups, rungs. A chart with
 * n == 0 has nothing to draw; empty then says why (or is NULL: leave it
 * out). notes are lines to show under the chart ("" when none). */
#define MONITOR_CHARTS 5
#define MONITOR_ROWS (MONITOR_MONTHS > BOARD_COLUMNS ? MONITOR_MONTHS : BOARD_COLUMNS)

struct monitor_chart {
	char heading[256];
	struct barchart_row rows[MONITOR_ROWS];
	int n;
	int64_t scale; /* the value of a full bar; 0: the largest value */
	const char *empty;
	char notes[512];
	char labels[MONITOR_ROWS][96]; /* the rows' labels where the chart owns them */
};

/* The charts of the programme's ambitions and of the afspiegeling: a chart
 * per indicator (its value per period against its target: "120 / 100
 * met"), or one that says how to add them; a chart per dimension of
 * diversity that has counts (the participants' share of each group, as
 * suppressed, beside the city's share), or one that says how to record
 * them, with a note where the city's figures are missing. The caller
 * frees *charts. */
int monitor_programme_charts(sqlite3 *db, struct monitor_chart **charts, int *n,
			     struct pact_err *err);

void monitor_charts(const struct monitor *m, struct monitor_chart charts[MONITOR_CHARTS]);

/* The dashboard as text lines of at most width columns: a bar chart per
 * figure (Unicode blocks, or '#' without Unicode), labels in the user's
 * language. The caller frees it. */
char *monitor_report(const struct monitor *m, int width, bool unicode);

/* The share as a whole percentage, rounded half up; 0 when of is 0. */
int monitor_percent(int64_t part, int64_t of);

#endif
