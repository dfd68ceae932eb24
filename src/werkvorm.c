/* The werkvormen catalogue: seeding it through the generic importer, and
 * choosing forms for a need with a reason a facilitator can read. */
#include "werkvorm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array.h"
#include "csvin.h"
#include "db.h"
#include "i18n.h"
#include "import.h"
#include "kind.h"
#include "rung.h"
#include "sql.h"

static const char *const cost_keys[] = { "low", "medium", "high" };
static const char *const cost_marks[] = { "€", "€€", "€€€" };

const char *werkvorm_mode_label(const char *mode)
{
	static const char *const keys[] = { "online", "offline", "both" };
	static const char *const labels[] = { N_("online"), N_("offline"), N_("online and offline") };

	for (size_t i = 0; mode && i < 3; i++)
		if (strcmp(mode, keys[i]) == 0)
			return _(labels[i]);
	return mode ? mode : "";
}

const char *werkvorm_cost_mark(const char *cost)
{
	for (size_t i = 0; cost && i < 3; i++)
		if (strcmp(cost, cost_keys[i]) == 0)
			return cost_marks[i];
	return "";
}

/* --- seeding ------------------------------------------------------------- */

static int seed_load(sqlite3 *db, struct pact_err *err)
{
	const struct kind *k = kind_find("werkvormen");

	if (!k)
		return err_set(err, PACT_EDB, "%s", _("the werkvormen kind is not declared"));
	return import_text(db, k, pact_werkvormen_csv, "werkvormen.csv", NULL, err);
}

static int count_forms(sqlite3 *db, int64_t *n, struct pact_err *err)
{
	return sql_int(db, n, NULL, err, "SELECT count(*) FROM werkvorm", "");
}

int werkvorm_seed(sqlite3 *db, struct pact_err *err)
{
	int64_t n = 0;
	int rc;

	/* Look first without a write lock: nearly every start finds forms. A
	 * read-only file is shown as it is. */
	if ((rc = count_forms(db, &n, err)) != PACT_OK || n > 0 || db_readonly(db))
		return rc;
	if ((rc = db_begin(db, err)) != PACT_OK)
		return rc;
	if ((rc = count_forms(db, &n, err)) == PACT_OK && n == 0)
		rc = seed_load(db, err);
	if (rc == PACT_OK)
		return db_commit(db, err);
	db_rollback(db);
	return rc;
}

/* --- recommending -------------------------------------------------------- */

/* ?1 rung, ?2 group size, ?3 minutes available, ?4 hard to reach,
 * ?5 online ok, ?6 language. Rungs are matched as whole words. Only work
 * forms: a communication means informs people, it is no way to involve them
 * at a rung (the handbook keeps it in the communication plan). */
static const char recommend_sql[] =
	"SELECT id, CASE WHEN ?6 = 'nl' AND name_nl <> '' THEN name_nl ELSE name END AS shown, "
	" min_group, max_group, minutes, cost, low_literacy, "
	" (?2 <= 0 OR ?2 BETWEEN min_group AND max_group) AS fits_group, "
	" (?3 <= 0 OR minutes <= ?3) AS fits_time "
	"FROM werkvorm "
	"WHERE type = 'werkvorm' "
	" AND instr(' ' || lower(replace(rungs, char(9), ' ')) || ' ', ' ' || ?1 || ' ') > 0 "
	" AND (?5 OR mode <> 'online') "
	"ORDER BY fits_group DESC, CASE WHEN ?4 THEN low_literacy ELSE 0 END DESC, "
	" fits_time DESC, CASE cost WHEN 'low' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, "
	" shown COLLATE NOCASE, name, id";

void werkvorm_duration_text(int64_t minutes, char *out, size_t outsz)
{
	long long h = minutes / 60;

	if (minutes % 60 == 0)
		snprintf(out, outsz, ngettext("%lld hour", "%lld hours", (unsigned long)h), h);
	else
		snprintf(out, outsz, ngettext("%lld minute", "%lld minutes", (unsigned long)minutes),
			 (long long)minutes);
}

static size_t add_part(char *buf, size_t o, size_t sz, const char *part)
{
	if (o < sz)
		o += (size_t)snprintf(buf + o, sz - o, "%s%s", o ? "; " : "", part);
	return o;
}

static void group_text(const struct werkvorm_pick *p, int64_t size, char *out, size_t outsz)
{
	if (size > 0 && p->fits_group)
		snprintf(out, outsz, ngettext("fits %lld person", "fits %lld people", (unsigned long)size),
			 (long long)size);
	else if (size > 0)
		snprintf(out, outsz, _("made for %lld–%lld people"), (long long)p->min_group,
			 (long long)p->max_group);
	else
		snprintf(out, outsz, _("for %lld–%lld people"), (long long)p->min_group,
			 (long long)p->max_group);
}

/* "suits the rung Advise; fits 40 people; works for low literacy; takes 2 hours" */
static char *reason_text(const struct werkvorm_pick *p, const struct werkvorm_need *need,
			 const char *rung)
{
	char buf[512], part[160], dur[64];
	size_t o = 0;

	snprintf(part, sizeof part, _("suits the rung %s"), rung_label(rung));
	o = add_part(buf, o, sizeof buf, part);
	group_text(p, need->group_size, part, sizeof part);
	o = add_part(buf, o, sizeof buf, part);
	if (p->low_literacy)
		o = add_part(buf, o, sizeof buf, _("works for low literacy"));
	else if (need->hard_to_reach)
		o = add_part(buf, o, sizeof buf, _("needs reading and writing"));
	werkvorm_duration_text(p->minutes, dur, sizeof dur);
	if (p->fits_time)
		snprintf(part, sizeof part, _("takes %s"), dur);
	else
		snprintf(part, sizeof part, _("takes %s, more than the time available"), dur);
	add_part(buf, o, sizeof buf, part);
	return strdup(buf);
}

static const char *cost_key(const char *cost)
{
	for (size_t i = 0; i < 3; i++)
		if (strcmp(cost, cost_keys[i]) == 0)
			return cost_keys[i];
	return cost_keys[2];
}

/* Fill pick from the current row of recommend_sql; PACT_ENOMEM (and
 * nothing to free) when out of memory. */
static int read_pick(sqlite3_stmt *st, const struct werkvorm_need *need, const char *rung,
		     struct werkvorm_pick *p)
{
	*p = (struct werkvorm_pick){
		.id = sqlite3_column_int64(st, 0),
		.min_group = sqlite3_column_int64(st, 2),
		.max_group = sqlite3_column_int64(st, 3),
		.minutes = sqlite3_column_int64(st, 4),
		.cost = cost_key((const char *)sqlite3_column_text(st, 5)),
		.low_literacy = sqlite3_column_int(st, 6) != 0,
		.fits_group = sqlite3_column_int(st, 7) != 0,
		.fits_time = sqlite3_column_int(st, 8) != 0,
	};
	p->name = sql_text(st, 1);
	p->reason = reason_text(p, need, rung);
	if (p->name && p->reason)
		return PACT_OK;
	free(p->name);
	free(p->reason);
	return PACT_ENOMEM;
}

static const char *find_rung(const char *word)
{
	for (size_t i = 0; word && rung_ids[i]; i++)
		if (strcasecmp(rung_ids[i], word) == 0)
			return rung_ids[i];
	return NULL;
}

static void rung_list(char *out, size_t outsz)
{
	size_t o = 0;

	out[0] = '\0';
	for (size_t i = 0; rung_ids[i] && o < outsz; i++)
		o += (size_t)snprintf(out + o, outsz - o, "%s%s", i ? ", " : "", rung_ids[i]);
}

static int grow(struct werkvorm_pick **picks, size_t n, size_t *cap)
{
	struct werkvorm_pick *more = array_room(*picks, n, cap, sizeof *more);

	if (!more)
		return PACT_ENOMEM;
	*picks = more;
	return PACT_OK;
}

int werkvorm_recommend(sqlite3 *db, const struct werkvorm_need *need, struct werkvorm_pick **picks,
		       size_t *n, struct pact_err *err)
{
	const char *rung = find_rung(need->rung);
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc = PACT_OK, step = SQLITE_DONE;
	char list[160];

	*picks = NULL;
	*n = 0;
	if (!rung) {
		rung_list(list, sizeof list);
		return err_set(err, PACT_EINPUT, _("unknown rung '%s'; the rungs are: %s"),
			       need->rung ? need->rung : "", list);
	}
	st = sql_query(db, err, recommend_sql, "tIIddt", rung, need->group_size,
		       need->minutes_available, need->hard_to_reach ? 1 : 0, need->online_ok ? 1 : 0,
		       i18n_lang());
	if (!st)
		return PACT_EDB;
	while (rc == PACT_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct werkvorm_pick pick;

		if ((rc = read_pick(st, need, rung, &pick)) != PACT_OK)
			break;
		if ((rc = grow(picks, *n, &cap)) != PACT_OK) {
			free(pick.name);
			free(pick.reason);
			break;
		}
		(*picks)[(*n)++] = pick; /* the whole element at once */
	}
	if (rc == PACT_OK && step != SQLITE_DONE)
		rc = err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
	else if (rc != PACT_OK)
		err_nomem(err);
	sqlite3_finalize(st);
	if (rc != PACT_OK) {
		werkvorm_picks_free(*picks, *n);
		*picks = NULL;
		*n = 0;
	}
	return rc;
}

void werkvorm_picks_free(struct werkvorm_pick *picks, size_t n)
{
	for (size_t i = 0; picks && i < n; i++) {
		free(picks[i].name);
		free(picks[i].reason);
	}
	free(picks);
}

/* --- the list ------------------------------------------------------------ */

int werkvorm_pager(struct pager *p, sqlite3 *db, enum werkvorm_show show, struct pact_err *err)
{
	static const char where[] =
		"WHERE (:show = 0 OR (:show = 1 AND core = 1) OR (:show = 2 AND type = 'communicatie')) ";
	char count_sql[256], page_sql[1024];
	int rc;

	snprintf(count_sql, sizeof count_sql, "SELECT count(*) FROM werkvorm %s", where);
	snprintf(page_sql, sizeof page_sql,
		 "SELECT id, CASE WHEN :lang = 'nl' AND name_nl <> '' THEN name_nl "
		 " ELSE name END AS shown, "
		 " CASE type WHEN 'communicatie' THEN :means ELSE showrung(rungs) END, "
		 " CASE WHEN type = 'communicatie' THEN '' WHEN cost = 'low' THEN '€' "
		 "  WHEN cost = 'medium' THEN '€€' ELSE '€€€' END, "
		 " CASE WHEN low_literacy = 1 AND type = 'werkvorm' THEN '✓' ELSE '' END, "
		 " CASE WHEN core = 1 THEN :core ELSE '' END "
		 "FROM werkvorm %s ORDER BY shown COLLATE NOCASE, name, id "
		 "LIMIT :limit OFFSET :offset",
		 where);
	rc = pager_open(p, db, count_sql, page_sql, err);
	if (rc == PACT_OK) {
		pager_bind_text(p, ":lang", i18n_lang());
		/* TRANSLATORS: in the Rungs column of the Library's work forms, for
		 * a communication means such as snapchat or a placemat. */
		pager_bind_text(p, ":means", _("communication means"));
		/* TRANSLATORS: the mark of one of the programme's ten core work
		 * forms in the Library; short (5 columns). */
		pager_bind_text(p, ":core", _("core"));
		pager_bind_int(p, ":show", (int64_t)show);
		rc = pager_reload(p, err);
	}
	return rc;
}

int werkvorm_count(sqlite3 *db, enum werkvorm_show show, int64_t *n, struct pact_err *err)
{
	return sql_int(db, n, NULL, err,
		       "SELECT count(*) FROM werkvorm WHERE (?1 = 0 OR (?1 = 1 AND core = 1) "
		       "OR (?1 = 2 AND type = 'communicatie'))",
		       "I", (int64_t)show);
}
