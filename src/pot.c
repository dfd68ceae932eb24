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

/* The pot's costs by date; SQLITE_DONE when all were read. */
static int load_costs(sqlite3 *db, struct pot_budget *p)
{
	sqlite3_stmt *st = sql_query(db, NULL,
				     "SELECT id, description, date, amount FROM pot_cost "
				     "WHERE pot_id = ? ORDER BY date, id",
				     "I", p->id);
	size_t cap = 0;
	int rc;

	if (!st)
		return SQLITE_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct pot_cost *c, *more = array_room(p->items, p->ncosts, &cap, sizeof *more);
		const unsigned char *date = sqlite3_column_text(st, 2);

		if (!more) {
			rc = SQLITE_NOMEM;
			break;
		}
		p->items = more;
		c = &p->items[p->ncosts++];
		c->id = sqlite3_column_int64(st, 0);
		c->description = sql_text(st, 1);
		snprintf(c->date, sizeof c->date, "%s", date ? (const char *)date : "");
		c->amount = sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	return rc;
}

int pot_budgets(sqlite3 *db, struct pot_budget **pots, size_t *n, struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT p.id, p.name, p.year, p.amount, coalesce(sum(x.planned), 0), "
				     "coalesce(sum(x.spent), 0), count(x.id), (SELECT coalesce(sum(c.amount), "
				     "0) FROM pot_cost c WHERE c.pot_id = p.id) FROM budget_pot p "
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
		p->costs = sqlite3_column_int64(st, 7);
		p->planned += p->costs;
		p->spent += p->costs;
		p->items = NULL;
		p->ncosts = 0;
	}
	sqlite3_finalize(st);
	for (size_t i = 0; rc == SQLITE_DONE && i < *n; i++)
		rc = load_costs(db, &(*pots)[i]);
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
	for (size_t i = 0; i < n; i++) {
		for (size_t c = 0; c < pots[i].ncosts; c++)
			free(pots[i].items[c].description);
		free(pots[i].items);
		free(pots[i].name);
	}
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

size_t pot_years(const struct pot_budget *pots, size_t n, struct pot_year *out)
{
	size_t years = 0;

	for (size_t i = 0; i < n; i++) {
		struct pot_year *y = &out[years ? years - 1 : 0];

		if (!years || y->year != pots[i].year) {
			y = &out[years++];
			*y = (struct pot_year){ .year = pots[i].year };
		}
		y->pots++;
		y->amount += pots[i].amount;
		y->planned += pots[i].planned;
		y->spent += pots[i].spent;
	}
	return years;
}

/* The pot's costs, one line each: date, description, amount. */
static void report_costs(FILE *out, const struct pot_budget *pot, bool dutch)
{
	char date[32], amount[40];

	if (!pot->ncosts)
		return;
	fputs("  ", out);
	fprintf(out,
		ngettext("%zu cost outside the experiments:", "%zu costs outside the experiments:",
			 (unsigned long)pot->ncosts),
		pot->ncosts);
	fputc('\n', out);
	for (size_t i = 0; i < pot->ncosts; i++) {
		value_date_show(pot->items[i].date, dutch, date);
		value_amount_show(pot->items[i].amount, dutch, amount);
		fprintf(out, "    %s  %s  %s\n", date, amount, pot->items[i].description);
	}
}

/* The last lines of the report: each year's pots together. */
static void report_years(FILE *out, const struct pot_budget *pots, size_t n, bool dutch)
{
	struct pot_year *years = calloc(n ? n : 1, sizeof *years);
	size_t ny = years ? pot_years(pots, n, years) : 0;

	if (ny)
		fprintf(out, "%s\n", _("Total per year"));
	for (size_t i = 0; i < ny; i++) {
		char a[40], p[40], sp[40], r[40];

		value_amount_show(years[i].amount, dutch, a);
		value_amount_show(years[i].planned, dutch, p);
		value_amount_show(years[i].spent, dutch, sp);
		value_amount_show(years[i].amount - years[i].spent, dutch, r);
		fprintf(out,
			ngettext("  %d: %s in %d pot; planned %s, spent %s, remaining %s\n",
				 "  %d: %s in %d pots; planned %s, spent %s, remaining %s\n",
				 (unsigned long)years[i].pots),
			years[i].year, a, years[i].pots, p, sp, r);
	}
	free(years);
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
	report_costs(out, pot, dutch);
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
			_("No budget pots yet. To add one here, press P on the Board and then n. "
			  "Or import them with: pact import budgets FILE (columns name, year, "
			  "amount)."));
	for (size_t i = 0; i < n; i++)
		report_pot(out, &pots[i], dutch);
	report_years(out, pots, n, dutch);
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
		stamp_uuid_ordered(uuid);
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
