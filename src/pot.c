/* The budget pots and the budget report. */
#include "pot.h"

#include <stdio.h>
#include <stdlib.h>

#include "array.h"
#include "i18n.h"
#include "sql.h"
#include "stamp.h"
#include "text.h"
#include "value.h"

int pot_budgets(sqlite3 *db, struct pot_budget **pots, size_t *n, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT p.id, p.name, p.year, p.amount, coalesce(sum(x.planned), 0), "
				     "coalesce(sum(x.spent), 0), count(x.id) FROM budget_pot p "
				     "LEFT JOIN experiment x ON x.pot_id = p.id GROUP BY p.id "
				     "ORDER BY p.year, p.name, p.id",
				     "");
	size_t cap = 0;
	int rc;

	*pots = NULL;
	*n = 0;
	if (!st)
		return PACT_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct pot_budget *p, *more = array_room(*pots, *n, &cap, sizeof *more);

		if (!more) {
			rc = SQLITE_NOMEM;
			break;
		}
		*pots = more;
		p = &(*pots)[(*n)++];
		p->id = sqlite3_column_int64(st, 0);
		p->name = sql_text(st, 1);
		p->year = sqlite3_column_int(st, 2);
		p->amount = sqlite3_column_int64(st, 3);
		p->planned = sqlite3_column_int64(st, 4);
		p->spent = sqlite3_column_int64(st, 5);
		p->cards = sqlite3_column_int(st, 6);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		pot_budgets_free(*pots, *n);
		*pots = NULL;
		*n = 0;
		return err_set(err, PACT_EDB, "%s", sql_errmsg(db));
	}
	return PACT_OK;
}

void pot_budgets_free(struct pot_budget *pots, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(pots[i].name);
	free(pots);
}

int64_t pot_remaining(const struct pot_budget *p)
{
	return p->amount - p->spent;
}

int64_t pot_planned_over(const struct pot_budget *p)
{
	return p->planned > p->amount ? p->planned - p->amount : 0;
}

int64_t pot_spent_over(const struct pot_budget *p)
{
	return p->spent > p->amount ? p->spent - p->amount : 0;
}

/* One pot's lines of the report. */
static void report_pot(FILE *out, const struct pot_budget *pot, bool dutch)
{
	char a[40], p[40], sp[40], r[40];

	value_amount_show(pot->amount, dutch, a);
	value_amount_show(pot->planned, dutch, p);
	value_amount_show(pot->spent, dutch, sp);
	value_amount_show(pot_remaining(pot), dutch, r);
	fprintf(out, "%s (%d)\n", pot->name, pot->year);
	fprintf(out, "  %s %s   %s %s\n  %s %s   %s %s\n", _("pot"), a, _("planned"), p, _("spent"),
		sp, _("remaining"), r);
	fputs("  ", out);
	fprintf(out,
		ngettext("%d experiment draws on it.", "%d experiments draw on it.",
			 (unsigned long)pot->cards),
		pot->cards);
	fputc('\n', out);
	if (pot_planned_over(pot)) {
		value_amount_show(pot_planned_over(pot), dutch, p);
		fprintf(out, _("  ! Planned is over the pot by %s.\n"), p);
	}
	if (pot_spent_over(pot)) {
		value_amount_show(pot_spent_over(pot), dutch, sp);
		fprintf(out, _("  ! Spent is over the pot by %s.\n"), sp);
	}
	fputc('\n', out);
}

char *pot_report(const struct pot_budget *pots, size_t n, bool dutch)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	if (!out)
		return NULL;
	if (!n)
		fprintf(out, "%s\n",
			_("No budget pots yet. Import them with: pact import budgets FILE "
			  "(columns name, year, amount)."));
	for (size_t i = 0; i < n; i++)
		report_pot(out, &pots[i], dutch);
	if (fclose(out) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

int pot_pager(struct pager *p, sqlite3 *db, bool dutch, struct pact_err *err)
{
	int rc = pager_open(p, db, "SELECT count(*) FROM budget_pot",
			    "SELECT id, name, year, CASE WHEN :dutch THEN "
			    " '€ ' || replace(printf('%,d', amount / 100), ',', '.') || ',' || "
			    " printf('%02d', amount % 100) ELSE "
			    " '€' || printf('%,d', amount / 100) || '.' || printf('%02d', amount % 100) "
			    "END FROM budget_pot ORDER BY year, name COLLATE NOCASE, id "
			    "LIMIT :limit OFFSET :offset",
			    err);

	if (rc == PACT_OK) {
		pager_bind_int(p, ":dutch", dutch ? 1 : 0);
		rc = pager_reload(p, err);
	}
	return rc;
}

int pot_save(sqlite3 *db, int64_t id, const char *in_name, const char *in_year,
	     const char *in_amount, struct pact_err *err)
{
	struct pact_err why;
	int64_t year, amount, other;
	char *name, uuid[37];
	int found, rc;

	if (text_clean(in_name ? in_name : "", _("name"), 200, true, false, &name, err) != PACT_OK)
		return PACT_EINPUT;
	rc = PACT_EINPUT;
	if (value_int(in_year ? in_year : "", 1900, 9999, &year, &why) != PACT_OK)
		err_set(err, PACT_EINPUT, "%s: %s", _("year"), why.msg);
	else if (value_amount_field(in_amount, _("amount"), &amount, err) != PACT_OK)
		;
	else if ((rc = sql_int(db, &other, &found, err,
			       "SELECT id FROM budget_pot WHERE name = ? AND year = ? AND id <> ?",
			       "tII", name, year, id)) != PACT_OK)
		;
	else if (found)
		rc = err_set(err, PACT_EINPUT, _("name: there is a pot \"%s\" for %d already"), name,
			     (int)year);
	else if (id) {
		rc = sql_exec(db, err, "UPDATE budget_pot SET name = ?, year = ?, amount = ? WHERE id = ?",
			      "tIII", name, year, amount, id);
	} else {
		stamp_uuid(uuid);
		rc = sql_exec(db, err,
			      "INSERT INTO budget_pot(uuid, name, year, amount) VALUES (?, ?, ?, ?)",
			      "ttII", uuid, name, year, amount);
	}
	free(name);
	return rc;
}

int pot_delete(sqlite3 *db, int64_t id, struct pact_err *err)
{
	return sql_exec(db, err, "DELETE FROM budget_pot WHERE id = ?", "I", id);
}
