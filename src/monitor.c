/* The monitoring figures, computed in SQL and counted here. */
#include "monitor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "sql.h"

/* An experiment that ran: it is running or past it, or it was stopped after
 * it started (it has a start date or was once in Running). */
#define RAN "(status IN ('running', 'evaluating', 'anchored') OR (status = 'stopped' AND " \
	    "(start_date IS NOT NULL OR EXISTS (SELECT 1 FROM experiment_event v " \
	    "WHERE v.experiment_id = experiment.id AND v.to_status = 'running'))))"

static int db_error(sqlite3 *db, struct pact_err *err)
{
	return err_set(err, PACT_EDB, "%s", sqlite3_errmsg(db));
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

static int months(sqlite3 *db, struct monitor *m, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT substr(coalesce(end_date, start_date), 1, 7) AS month, "
				     "sum(reached) FROM experiment WHERE reached > 0 "
				     "GROUP BY month ORDER BY month IS NOT NULL, month",
				     "");
	char at[8] = "";
	int rc;

	if (!st)
		return PACT_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *month = (const char *)sqlite3_column_text(st, 0);
		int64_t people = sqlite3_column_int64(st, 1);

		if (!month) {
			m->undated_people = people;
			continue;
		}
		if (!at[0])
			snprintf(at, sizeof at, "%.7s", month);
		/* The months between with nobody reached, then this one. */
		while (strcmp(at, month) <= 0) {
			if (m->nmonths == MONITOR_MONTHS) {
				memmove(m->months, m->months + 1,
					(MONITOR_MONTHS - 1) * sizeof m->months[0]);
				m->nmonths--;
			}
			snprintf(m->months[m->nmonths].month, 8, "%s", at);
			m->months[m->nmonths++].people = strcmp(at, month) == 0 ? people : 0;
			next_month(at);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? PACT_OK : db_error(db, err);
}

static int rungs(sqlite3 *db, struct monitor *m, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT rung, count(*) AS n FROM experiment "
				     "GROUP BY rung ORDER BY n DESC, rung",
				     "");
	int rc;

	if (!st)
		return PACT_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *rung = (const char *)sqlite3_column_text(st, 0);
		struct monitor_rung *more;

		if (!rung || !rung[0]) {
			m->no_rung = sqlite3_column_int64(st, 1);
			continue;
		}
		if (!(more = realloc(m->rungs, (size_t)(m->nrungs + 1) * sizeof *more)) ||
		    !(more[m->nrungs].rung = strdup(rung))) {
			if (more)
				m->rungs = more;
			rc = SQLITE_NOMEM;
			break;
		}
		m->rungs = more;
		m->rungs[m->nrungs++].experiments = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
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
}

int monitor_percent(int64_t part, int64_t of)
{
	return of > 0 ? (int)((200 * part + of) / (2 * of)) : 0;
}
