/* The budget pots experiment cards draw on, and the budget report: per pot
 * what the cards plan and spend, and where that goes over the pot. */
#ifndef PACT_POT_H
#define PACT_POT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "pager.h"

/* A cost booked on a pot that is no experiment (table pot_cost). */
struct pot_cost {
	int64_t id;
	char *description;
	char date[11]; /* YYYY-MM-DD */
	int64_t amount; /* cents */
};

/* A budget pot with what the cards that draw on it plan and spend, and
 * its costs. A cost is money spent: it counts in planned and in spent
 * alike (so remaining is the pot less the cards' spent and the costs). */
struct pot_budget {
	int64_t id;
	char *name;
	int year;
	int64_t amount, planned, spent; /* cents, costs included */
	int cards;
	int64_t costs;           /* the costs' sum, cents */
	struct pot_cost *items;  /* by date */
	size_t ncosts;
};

/* The pots of one year together. */
struct pot_year {
	int year;
	int pots;
	int64_t amount, planned, spent; /* cents */
};

/* Every pot, by year and name, with its costs (*pots freed with
 * pot_budgets_free). */
int pot_budgets(sqlite3 *db, struct pot_budget **pots, size_t *n, struct pact_err *err);
void pot_budgets_free(struct pot_budget *pots, size_t n);

/* What remains of the pot after what was spent (negative when overspent). */
int64_t pot_remaining(const struct pot_budget *p);
/* How far the cards' planned and spent amounts go over the pot: 0 when
 * they stay within it (equal to the pot is within). */
int64_t pot_planned_over(const struct pot_budget *p);
int64_t pot_spent_over(const struct pot_budget *p);

/* The totals per year of pots in year order (as pot_budgets gives them):
 * out has room for n; returns how many years it wrote. */
size_t pot_years(const struct pot_budget *pots, size_t n, struct pot_year *out);

/* The budget report as text in the user's language: per pot its amount,
 * planned, spent, remaining, how many experiments draw on it, its costs
 * (date, description, amount) and a "!" line for planned or spent over
 * the pot; then the total of each year ("2019: € 250.000,00 in 2 pots;
 * planned …, spent …, remaining …"). Amounts as value_amount_show
 * writes them (dutch: "€ 1.234,56"). NULL when out of memory; the caller
 * frees it. */
char *pot_report(const struct pot_budget *pots, size_t n, bool dutch);

/* The budget pots, by year and name: rows of id, name, year, amount. */
int pot_pager(struct pager *p, sqlite3 *db, bool dutch, struct pact_err *err);
/* A new pot (id 0) or a change to one: name, year (1900–9999) and amount
 * in euros as typed; the message names the field. */
int pot_save(sqlite3 *db, int64_t id, const char *name, const char *year, const char *amount,
	     struct pact_err *err);
/* The cards that drew on it keep their amounts, without a pot; its costs
 * go with it. */
int pot_delete(sqlite3 *db, int64_t id, struct pact_err *err);

#endif
