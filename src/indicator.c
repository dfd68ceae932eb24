/* Indicators: stored, checked, and computed per period. */
#include "indicator.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "array.h"
#include "card.h"
#include "diversity.h"
#include "i18n.h"
#include "barchart.h"
#include "board.h"
#include "sql.h"
#include "stamp.h"
#include "text.h"
#include "value.h"

static int db_error(sqlite3 *db, struct pact_err *err)
{
	return err_set(err, PACT_EDB, "%s", sql_errmsg(db));
}

static int key_index(const char *const *keys, const char *key)
{
	for (int i = 0; key && keys[i]; i++)
		if (strcmp(keys[i], key) == 0)
			return i;
	return -1;
}

bool indicator_is_share(int measure)
{
	return measure == IM_TARGET_GROUP || measure == IM_DIVERSITY;
}

bool indicator_met(int64_t value, int64_t target)
{
	return value >= target;
}

void indicator_period_of(const char *date, int period, char out[8])
{
	int month = (date[5] - '0') * 10 + (date[6] - '0');

	if (period == IP_QUARTER && strlen(date) >= 7 && month >= 1 && month <= 12)
		snprintf(out, 8, "%.4s-Q%d", date, (month + 2) / 3);
	else
		snprintf(out, 8, "%.4s", date);
}

void indicator_list_free(struct indicator *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].ambition);
		free(list[i].name);
		free(list[i].subject);
	}
	free(list);
}

int indicator_list(sqlite3 *db, struct indicator **list, size_t *n, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT id, ambition, name, measure, subject, target, period "
				     "FROM indicator ORDER BY ambition COLLATE NOCASE, name "
				     "COLLATE NOCASE, id",
				     "");
	size_t cap = 0;
	int rc;

	*list = NULL;
	*n = 0;
	if (!st)
		return PACT_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct indicator *more = array_room(*list, *n, &cap, sizeof *more), *i;

		if (!more) {
			rc = SQLITE_NOMEM;
			break;
		}
		*list = more;
		i = &more[(*n)++];
		*i = (struct indicator){
			.id = sqlite3_column_int64(st, 0),
			.ambition = sql_text(st, 1),
			.name = sql_text(st, 2),
			.measure = key_index(indicator_measure_keys,
					     (const char *)sqlite3_column_text(st, 3)),
			.subject = sql_text(st, 4),
			.target = sqlite3_column_int64(st, 5),
			.period = key_index(indicator_period_keys,
					    (const char *)sqlite3_column_text(st, 6)),
		};
		if (i->period < 0)
			i->period = IP_YEAR;
		if (!i->ambition || !i->name || !i->subject) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return PACT_OK;
	indicator_list_free(*list, *n);
	*list = NULL;
	*n = 0;
	return rc == SQLITE_NOMEM ? err_nomem(err) : db_error(db, err);
}

/* --- the values per period ---------------------------------------------- */

struct points {
	struct indicator_point *v;
	size_t n, cap;
};

/* The point of period, made when it is not there yet (periods come in
 * order from the queries). */
static struct indicator_point *point_at(struct points *p, const char *period)
{
	struct indicator_point *more;

	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->v[i].period, period) == 0)
			return &p->v[i];
	if (!(more = array_room(p->v, p->n, &p->cap, sizeof *more)))
		return NULL;
	p->v = more;
	more[p->n] = (struct indicator_point){ 0 };
	snprintf(more[p->n].period, sizeof more[p->n].period, "%.7s", period);
	return &more[p->n++];
}

/* A query of rows (period, value), one per period. */
static int sum_query(sqlite3 *db, struct points *p, struct pact_err *err, const char *sql,
		     const char *types, int64_t a)
{
	sqlite3_stmt *st = sql_query(db, err, sql, types, a);
	int rc;

	if (!st)
		return PACT_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *period = (const char *)sqlite3_column_text(st, 0);
		struct indicator_point *pt;

		if (!period || !period[0])
			continue;
		if (!(pt = point_at(p, period))) {
			rc = SQLITE_NOMEM;
			break;
		}
		pt->value = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_NOMEM)
		return err_nomem(err);
	return rc == SQLITE_DONE ? PACT_OK : db_error(db, err);
}

#define PERIOD(d) DIVERSITY_PERIOD_SQL(d, "?1")

/* The experiments that ran in each period: the share that reached group g. */
static int target_group(sqlite3 *db, struct points *p, int period, int g, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT " PERIOD("coalesce(end_date, start_date)") " AS per, "
				     "groups FROM experiment WHERE " BOARD_RAN_SQL " AND "
				     "coalesce(end_date, start_date) IS NOT NULL ORDER BY per",
				     "I", (int64_t)(period == IP_QUARTER));
	int64_t *ran = NULL;
	size_t cap = 0, nran = 0;
	int rc;

	if (!st)
		return PACT_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct indicator_point *pt = point_at(p, (const char *)sqlite3_column_text(st, 0));
		int64_t *more;

		if (!pt || !(more = array_room(ran, p->n, &cap, sizeof *more))) {
			rc = SQLITE_NOMEM;
			break;
		}
		ran = more;
		for (; nran < p->n; nran++)
			ran[nran] = 0;
		ran[pt - p->v]++;
		pt->value += card_has_group((const char *)sqlite3_column_text(st, 1), g);
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < p->n && i < nran; i++)
		p->v[i].value = barchart_percent(p->v[i].value, ran[i]);
	free(ran);
	if (rc == SQLITE_NOMEM)
		return err_nomem(err);
	return rc == SQLITE_DONE ? PACT_OK : db_error(db, err);
}

/* The share of group (of dimension dim) among the people counted in dim,
 * per period, from the suppressed sums of the counts in that period. */
static int diversity_share(sqlite3 *db, struct points *p, int period, int dim,
			   const char *group, struct pact_err *err)
{
	bool quarter = period == IP_QUARTER;
	char **periods = sql_strings(sql_query(
		db, err,
		"SELECT DISTINCT " PERIOD("coalesce(s.date, x.end_date, x.start_date)") " AS per "
		"FROM diversity_count c LEFT JOIN session s ON s.id = c.session_id LEFT JOIN "
		"experiment x ON x.id = c.experiment_id WHERE c.people > 0 AND c.dimension = ?2 "
		"AND per IS NOT NULL ORDER BY per",
		"It", (int64_t)quarter, diversity_dimension_keys[dim]));
	int rc = periods ? PACT_OK : err_nomem(err);

	for (size_t i = 0; rc == PACT_OK && periods[i]; i++) {
		struct diversity_cell *c;
		struct indicator_point *pt;
		size_t n;

		if ((rc = diversity_cells(db, DIVERSITY_SESSION, 0, periods[i], quarter, &c, &n,
					  err)) != PACT_OK)
			break;
		if (!(pt = point_at(p, periods[i])))
			rc = err_nomem(err);
		for (size_t k = 0; pt && k < n; k++) {
			if (c[k].dim != dim || strcmp(c[k].group, group) != 0)
				continue;
			pt->value = barchart_percent(c[k].people,
						    diversity_dimension_total(c, n, dim));
			if (c[k].mark != SUPPRESS_SHOWN) {
				pt->hidden = true;
				diversity_count_text(&c[k], pt->shown);
			}
		}
		diversity_cells_free(c, n);
	}
	sql_strings_free(periods);
	return rc;
}

static int compute(sqlite3 *db, const struct indicator *ind, struct points *p,
		   struct pact_err *err)
{
	int64_t q = ind->period == IP_QUARTER;
	const char *colon;
	int dim;

	switch (ind->measure) {
	case IM_REACHED:
		return sum_query(db, p, err,
				 "SELECT " PERIOD("coalesce(end_date, start_date)") " AS per, "
				 "sum(reached) FROM experiment WHERE coalesce(end_date, start_date) "
				 "IS NOT NULL GROUP BY per ORDER BY per",
				 "I", q);
	case IM_EVALUATED:
		return sum_query(db, p, err,
				 "SELECT " PERIOD("date") " AS per, count(*) FROM evaluation "
				 "GROUP BY per ORDER BY per",
				 "I", q);
	case IM_PARTICIPANTS:
		/* a session's participants: those registered, or where more, the
		 * people its diversity counts name (its largest dimension) */
		return sum_query(
			db, p, err,
			"WITH per_session AS (SELECT s.date AS date, max((SELECT count(*) FROM "
			"participant p WHERE p.session_id = s.id), coalesce((SELECT max(t) FROM "
			"(SELECT sum(people) AS t FROM diversity_count c WHERE c.session_id = s.id "
			"GROUP BY dimension)), 0)) AS n FROM session s) SELECT " PERIOD("date")
			" AS per, (2 * sum(n) + count(*)) / (2 * count(*)) FROM per_session WHERE n > 0 "
			"GROUP BY per ORDER BY per",
			"I", q);
	case IM_TARGET_GROUP:
		dim = key_index(card_group_keys, ind->subject);
		return dim < 0 ? PACT_OK : target_group(db, p, ind->period, dim, err);
	case IM_DIVERSITY:
		colon = strchr(ind->subject, ':');
		if (!colon || !colon[1])
			return PACT_OK;
		{
			char key[32];

			snprintf(key, sizeof key, "%.*s", (int)(colon - ind->subject), ind->subject);
			dim = diversity_dimension_index(key);
		}
		return dim < 0 ? PACT_OK : diversity_share(db, p, ind->period, dim, colon + 1, err);
	case IM_MANUAL:
		return sum_query(db, p, err,
				 q ? "SELECT period, value FROM indicator_value WHERE indicator_id "
				     "= ? AND length(period) = 7 ORDER BY period"
				   : "SELECT period, value FROM indicator_value WHERE indicator_id "
				     "= ? AND length(period) = 4 ORDER BY period",
				 "I", ind->id);
	default:
		return PACT_OK;
	}
}

static int by_period(const void *a, const void *b)
{
	return strcmp(((const struct indicator_point *)a)->period,
		      ((const struct indicator_point *)b)->period);
}

int indicator_points(sqlite3 *db, const struct indicator *ind, struct indicator_point **points,
		     size_t *n, struct pact_err *err)
{
	struct points p = { 0 };
	int rc = compute(db, ind, &p, err);

	*points = NULL;
	*n = 0;
	if (rc != PACT_OK) {
		free(p.v);
		return rc;
	}
	if (p.n > 1)
		qsort(p.v, p.n, sizeof *p.v, by_period);
	if (p.n > INDICATOR_PERIODS) {
		memmove(p.v, p.v + (p.n - INDICATOR_PERIODS), INDICATOR_PERIODS * sizeof *p.v);
		p.n = INDICATOR_PERIODS;
	}
	*points = p.v;
	*n = p.n;
	return PACT_OK;
}

/* --- storing ------------------------------------------------------------ */

/* The subject a measure needs, checked and in its stored form. */
static int clean_subject(int measure, const char *in, char out[128], struct pact_err *err)
{
	const char *colon;
	char *group = NULL;
	char key[32];

	out[0] = '\0';
	if (measure == IM_TARGET_GROUP) {
		char *s = NULL;
		if (text_clean(in ? in : "", _("subject"), 60, false, false, &s, err) != PACT_OK)
			return PACT_EINPUT;
		snprintf(out, 128, "%s", s);
		free(s);
		if (key_index(card_group_keys, out) < 0)
			return err_set(err, PACT_EINPUT,
				       _("subject: '%.60s' is not a target group; write residents, "
					 "entrepreneurs, institutions or others"),
				       out);
		return PACT_OK;
	}
	if (measure != IM_DIVERSITY)
		return PACT_OK;
	colon = in ? strchr(in, ':') : NULL;
	snprintf(key, sizeof key, "%.*s", colon ? (int)(colon - in) : 0, in ? in : "");
	if (!colon || diversity_dimension_index(key) < 0 ||
	    text_clean(colon + 1, _("subject"), DIVERSITY_GROUP_MAX, true, false, &group, err) !=
		    PACT_OK)
		return err_set(err, PACT_EINPUT,
			       _("subject: '%.60s' is not a diversity group; write the dimension "
				 "(age, household, background, culture or literacy), a colon and "
				 "the group, for example household:single"),
			       in ? in : "");
	snprintf(out, 128, "%s:%s", key, group);
	free(group);
	return PACT_OK;
}

int indicator_save(sqlite3 *db, int64_t id, const struct indicator_fields *f, int64_t *out_id,
		   struct pact_err *err)
{
	char *ambition = NULL, *name = NULL, subject[128], uuid[37], now[21];
	int measure = key_index(indicator_measure_keys, f->measure);
	int period = key_index(indicator_period_keys, f->period);
	int64_t target = 0;
	int rc;

	if (measure < 0)
		return err_set(err, PACT_EINPUT,
			       _("measure: '%.60s' is not a measure; write reached, participants, "
				 "evaluated, target-group, diversity or manual"),
			       f->measure ? f->measure : "");
	if (period < 0)
		return err_set(err, PACT_EINPUT,
			       _("period: '%.60s' is not a period; write year or quarter"),
			       f->period ? f->period : "");
	rc = text_clean(f->ambition ? f->ambition : "", _("ambition"), INDICATOR_NAME_MAX, true,
			false, &ambition, err);
	if (rc == PACT_OK)
		rc = text_clean(f->name ? f->name : "", _("indicator"), INDICATOR_NAME_MAX, true,
				false, &name, err);
	if (rc == PACT_OK)
		rc = clean_subject(measure, f->subject, subject, err);
	if (rc == PACT_OK && !value_is_blank(f->target ? f->target : "") &&
	    value_int(f->target, 0, indicator_is_share(measure) ? 100 : INDICATOR_TARGET_MAX,
		      &target, err) != PACT_OK)
		rc = err_set(err, PACT_EINPUT, "%s: %s", _("target"), err->msg);
	stamp_uuid_ordered(uuid);
	stamp_iso(time(NULL), now);
	if (rc == PACT_OK && id)
		rc = sql_changed_one(db,
				     sql_exec(db, err,
					      "UPDATE indicator SET ambition = ?, name = ?, measure = "
					      "?, subject = ?, target = ?, period = ?, updated_at = ? "
					      "WHERE id = ?",
					      "ttttIttI", ambition, name, indicator_measure_keys[measure],
					      subject, target, indicator_period_keys[period], now, id),
				     err, _("indicator"));
	else if (rc == PACT_OK)
		rc = sql_exec(db, err,
			      "INSERT INTO indicator(uuid, ambition, name, measure, subject, target, "
			      "period, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?8, ?8)",
			      "tttttItt", uuid, ambition, name, indicator_measure_keys[measure],
			      subject, target, indicator_period_keys[period], now);
	if (rc == PACT_OK && out_id)
		*out_id = id ? id : sqlite3_last_insert_rowid(db);
	if (rc == PACT_EDB && sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE)
		rc = err_set(err, PACT_EINPUT,
			     _("indicator: the ambition \"%s\" has an indicator \"%s\" already"),
			     ambition, name);
	free(ambition);
	free(name);
	return rc;
}

int indicator_delete(sqlite3 *db, int64_t id, struct pact_err *err)
{
	int rc = sql_exec(db, err, "DELETE FROM indicator WHERE id = ?", "I", id);

	return sql_changed_one(db, rc, err, _("indicator"));
}

int indicator_pager(struct pager *p, sqlite3 *db, struct pact_err *err)
{
	static const char *const names[] = { ":reached", ":participants", ":evaluated",
					     ":target", ":diversity", ":manual" };
	int rc = pager_open(
		p, db, "SELECT count(*) FROM indicator",
		"SELECT id, ambition, name, CASE measure WHEN 'reached' THEN :reached WHEN "
		"'participants' THEN :participants WHEN 'evaluated' THEN :evaluated WHEN "
		"'target-group' THEN :target || ': ' || subject WHEN 'diversity' THEN :diversity || "
		"': ' || subject ELSE :manual END, target || CASE WHEN measure IN ('target-group', "
		"'diversity') THEN '%' ELSE '' END || ' / ' || CASE period WHEN 'quarter' THEN "
		":quarter ELSE :year END FROM indicator ORDER BY ambition COLLATE NOCASE, name "
		"COLLATE NOCASE, id LIMIT :limit OFFSET :offset",
		err);

	if (rc != PACT_OK)
		return rc;
	for (int m = 0; m < IM_MEASURES; m++)
		pager_bind_text(p, names[m], _(indicator_measure_labels[m]));
	pager_bind_text(p, ":year", _("year"));
	pager_bind_text(p, ":quarter", _("quarter"));
	return pager_reload(p, err);
}

int indicator_value_pager(struct pager *p, sqlite3 *db, int64_t indicator,
			  struct pact_err *err)
{
	int rc = pager_open(p, db,
			    "SELECT count(*) FROM indicator_value WHERE indicator_id = :indicator",
			    "SELECT id, period, value FROM indicator_value WHERE indicator_id = "
			    ":indicator ORDER BY period LIMIT :limit OFFSET :offset",
			    err);

	if (rc != PACT_OK)
		return rc;
	pager_bind_int(p, ":indicator", indicator);
	return pager_reload(p, err);
}

/* "2024" for a year, "2024-Q1" for a quarter. */
static bool period_ok(const char *s, int period)
{
	size_t n = strlen(s);

	for (size_t i = 0; i < 4; i++)
		if (i >= n || s[i] < '0' || s[i] > '9')
			return false;
	if (period == IP_YEAR)
		return n == 4;
	return n == 7 && s[4] == '-' && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4';
}

int indicator_value_save(sqlite3 *db, int64_t indicator, const char *period, const char *value,
			 struct pact_err *err)
{
	char *per = NULL, uuid[37], now[21];
	int64_t kind_is_quarter = 0, v;
	int found = 0, rc;

	rc = sql_int(db, &kind_is_quarter, &found, err,
		     "SELECT period = 'quarter' FROM indicator WHERE id = ?", "I", indicator);
	if (rc == PACT_OK && !found)
		rc = err_set(err, PACT_EINPUT, "%s", _("There is no such indicator."));
	if (rc == PACT_OK)
		rc = text_clean(period ? period : "", _("period"), 7, true, false, &per, err);
	if (rc == PACT_OK && !period_ok(per, kind_is_quarter ? IP_QUARTER : IP_YEAR))
		rc = err_set(err, PACT_EINPUT,
			     kind_is_quarter
				     ? _("period: '%.20s' is not a quarter; write for example 2024-Q1")
				     : _("period: '%.20s' is not a year; write for example 2024"),
			     per);
	if (rc == PACT_OK && value_int(value ? value : "", 0, INDICATOR_TARGET_MAX, &v, err) !=
				     PACT_OK)
		rc = err_set(err, PACT_EINPUT, "%s: %s", _("value"), err->msg);
	stamp_uuid_ordered(uuid);
	stamp_iso(time(NULL), now);
	if (rc == PACT_OK)
		rc = sql_exec(db, err,
			      "INSERT INTO indicator_value(uuid, indicator_id, period, value, "
			      "created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(indicator_id, period) "
			      "DO UPDATE SET value = excluded.value",
			      "tItIt", uuid, indicator, per, v, now);
	free(per);
	return rc;
}

int indicator_value_delete(sqlite3 *db, int64_t id, struct pact_err *err)
{
	int rc = sql_exec(db, err, "DELETE FROM indicator_value WHERE id = ?", "I", id);

	return sql_changed_one(db, rc, err, _("value"));
}
