/* Unit tests of costs on a budget pot that are no experiment: adding,
 * changing and deleting one (each field checked and named), how a cost
 * counts in its pot (spent and planned, exact cents), a pot deleted with
 * its costs, and the totals per year in the budget report. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "pot.h"
#include "pot_cost.h"
#include "sql.h"
#include "testdb.h"
#include "testlang.h"

static int64_t pot(sqlite3 *db, const char *name, const char *year, const char *amount)
{
	struct pact_err err;
	int64_t id = 0;

	assert_int_equal(pot_save(db, 0, name, year, amount, &err), PACT_OK);
	assert_int_equal(sql_int(db, &id, NULL, &err,
				 "SELECT id FROM budget_pot WHERE name = ? AND year = ?", "tt", name,
				 year),
			 PACT_OK);
	return id;
}

static int64_t count(sqlite3 *db, const char *sql)
{
	struct pact_err err;
	int64_t n = -1;

	assert_int_equal(sql_int(db, &n, NULL, &err, sql, ""), PACT_OK);
	return n;
}

static void test_add_edit_delete(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct pot_cost_form c;
	int64_t p = pot(db, "Pact met de stad", "2019", "100.000"),
		q = pot(db, "Open Schiedam", "2019", "150.000"), id = 0;

	assert_int_equal(pot_cost_add(db, p, "  Handreiking ontwikkelen ", "1-3-2019", "12.500,00",
				      &id, &err),
			 PACT_OK);
	assert_true(id > 0);
	assert_int_equal(pot_cost_get(db, id, true, &c, &err), PACT_OK);
	assert_int_equal(c.pot_id, p);
	assert_string_equal(c.description, "Handreiking ontwikkelen");
	assert_string_equal(c.date, "2019-03-01");
	assert_string_equal(c.amount, "12500,00");
	pot_cost_form_free(&c);
	assert_int_equal(pot_cost_edit(db, id, q, "Begeleiding organisatie", "2019-04-15", "€ 2,500.50",
				       &err),
			 PACT_OK);
	assert_int_equal(pot_cost_get(db, id, false, &c, &err), PACT_OK);
	assert_int_equal(c.pot_id, q);
	assert_string_equal(c.description, "Begeleiding organisatie");
	assert_string_equal(c.date, "2019-04-15");
	assert_string_equal(c.amount, "2500.50");
	pot_cost_form_free(&c);
	assert_int_equal(count(db, "SELECT count(*) FROM pot_cost WHERE created_at <> '' AND "
				   "updated_at >= created_at AND length(uuid) = 36"),
			 1);
	assert_int_equal(pot_cost_delete(db, id, &err), PACT_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM pot_cost"), 0);
	assert_int_equal(pot_cost_delete(db, id, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "no such cost");
	assert_int_equal(pot_cost_edit(db, id, q, "X", "2019-01-01", "1", &err), PACT_EINPUT);
	assert_int_equal(pot_cost_get(db, id, false, &c, &err), PACT_EINPUT);
}

/* Each refusal names its field, and nothing is written. */
static void test_bad_fields_are_named(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t p = pot(db, "Pact met de stad", "2019", "100.000");

	assert_int_equal(pot_cost_add(db, 0, "Drukwerk", "2019-03-01", "10", NULL, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "budget pot: choose a budget pot that exists");
	assert_int_equal(pot_cost_add(db, p, "  ", "2019-03-01", "10", NULL, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "description"));
	assert_int_equal(pot_cost_add(db, p, "Drukwerk", "", "10", NULL, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "date: give the date of the cost, for example 2019-03-01");
	assert_int_equal(pot_cost_add(db, p, "Drukwerk", "31-2-2019", "10", NULL, &err), PACT_EINPUT);
	assert_true(strncmp(err.msg, "date: ", 6) == 0);
	assert_int_equal(pot_cost_add(db, p, "Drukwerk", "2019-03-01", " ", NULL, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "amount: give the amount in euros, for example 1.250,00");
	assert_int_equal(pot_cost_add(db, p, "Drukwerk", "2019-03-01", "-5", NULL, &err), PACT_EINPUT);
	assert_true(strncmp(err.msg, "amount: ", 8) == 0);
	assert_int_equal(count(db, "SELECT count(*) FROM pot_cost"), 0);
}

/* A cost is spent money: it counts in planned and in spent, to the cent. */
static void test_cost_counts_as_spent(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct pot_budget *pots;
	size_t n;
	int64_t p = pot(db, "Pact met de stad", "2019", "100.000"), card = 0;

	assert_int_equal(board_card_new(db, "Woonvisie", "Jan", "visions", &card, &err), PACT_OK);
	assert_int_equal(sql_exec(db, &err,
				  "UPDATE experiment SET pot_id = ?, planned = 1000010, spent = 333333 "
				  "WHERE id = ?",
				  "II", p, card),
			 PACT_OK);
	assert_int_equal(pot_cost_add(db, p, "Handreiking", "2019-03-01", "12.500", NULL, &err),
			 PACT_OK);
	assert_int_equal(pot_cost_add(db, p, "Postzegel", "2019-02-01", "0,01", NULL, &err), PACT_OK);
	assert_int_equal(pot_cost_add(db, p, "Begeleiding", "2019-05-01", "2500.50", NULL, &err),
			 PACT_OK);
	assert_int_equal(pot_budgets(db, &pots, &n, &err), PACT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(pots[0].cards, 1);
	assert_int_equal(pots[0].costs, 1250000 + 1 + 250050);
	assert_int_equal(pots[0].planned, 1000010 + 1500051);
	assert_int_equal(pots[0].spent, 333333 + 1500051);
	assert_int_equal(pot_remaining(&pots[0]), 10000000 - 1833384);
	/* by date */
	assert_int_equal(pots[0].ncosts, 3);
	assert_string_equal(pots[0].items[0].description, "Postzegel");
	assert_string_equal(pots[0].items[0].date, "2019-02-01");
	assert_int_equal(pots[0].items[0].amount, 1);
	assert_string_equal(pots[0].items[2].description, "Begeleiding");
	pot_budgets_free(pots, n);
}

/* A pot's costs go with it; the other pot keeps its own; no cost can be
 * booked on (or moved to) the pot that is gone. */
static void test_cost_on_deleted_pot(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct pot_budget *pots;
	size_t n;
	int64_t p = pot(db, "Pact met de stad", "2019", "100.000"),
		q = pot(db, "Open Schiedam", "2019", "150.000"), keep = 0;

	assert_int_equal(pot_cost_add(db, p, "Handreiking", "2019-03-01", "100", NULL, &err), PACT_OK);
	assert_int_equal(pot_cost_add(db, q, "Begeleiding", "2019-03-01", "7,25", &keep, &err),
			 PACT_OK);
	assert_int_equal(pot_delete(db, p, &err), PACT_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM pot_cost"), 1);
	assert_int_equal(pot_cost_add(db, p, "Later", "2019-04-01", "1", NULL, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "budget pot: choose a budget pot that exists");
	assert_int_equal(pot_cost_edit(db, keep, p, "Begeleiding", "2019-03-01", "7,25", &err),
			 PACT_EINPUT);
	assert_int_equal(pot_budgets(db, &pots, &n, &err), PACT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(pots[0].spent, 725);
	assert_int_equal(pot_remaining(&pots[0]), 15000000 - 725);
	pot_budgets_free(pots, n);
}

/* Two pots of 2019 and one of 2020: the report lists the costs under
 * their pot and ends with each year's total. */
static void test_year_totals(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct pot_budget *pots;
	struct pot_year years[3];
	size_t n;
	char *text;
	int64_t p = pot(db, "Pact met de stad", "2019", "100.000"),
		q = pot(db, "Open Schiedam", "2019", "150.000"), card = 0;

	pot(db, "Pact met de stad", "2020", "80.000,50");
	assert_int_equal(board_card_new(db, "Woonvisie", "Jan", "visions", &card, &err), PACT_OK);
	assert_int_equal(sql_exec(db, &err,
				  "UPDATE experiment SET pot_id = ?, planned = 2000000, spent = 1000000 "
				  "WHERE id = ?",
				  "II", q, card),
			 PACT_OK);
	assert_int_equal(pot_cost_add(db, p, "Handreiking ontwikkelen", "2019-03-01", "12.500,00",
				      NULL, &err),
			 PACT_OK);
	assert_int_equal(pot_cost_add(db, q, "Begeleiding organisatie", "2019-04-01", "2.500,50",
				      NULL, &err),
			 PACT_OK);
	assert_int_equal(pot_budgets(db, &pots, &n, &err), PACT_OK);
	assert_int_equal(n, 3);
	assert_int_equal(pot_years(pots, n, years), 2);
	assert_int_equal(years[0].year, 2019);
	assert_int_equal(years[0].pots, 2);
	assert_int_equal(years[0].amount, 25000000);
	assert_int_equal(years[0].planned, 2000000 + 1250000 + 250050);
	assert_int_equal(years[0].spent, 1000000 + 1250000 + 250050);
	assert_int_equal(years[1].year, 2020);
	assert_int_equal(years[1].pots, 1);
	assert_int_equal(years[1].amount, 8000050);
	assert_int_equal(years[1].spent, 0);
	text = pot_report(pots, n, false);
	assert_string_equal(text, "Open Schiedam (2019)\n"
				  "  pot €150,000.00   planned €22,500.50\n"
				  "  spent €12,500.50   remaining €137,499.50\n"
				  "  1 experiment draws on it.\n"
				  "  1 cost outside the experiments:\n"
				  "    2019-04-01  €2,500.50  Begeleiding organisatie\n"
				  "\n"
				  "Pact met de stad (2019)\n"
				  "  pot €100,000.00   planned €12,500.00\n"
				  "  spent €12,500.00   remaining €87,500.00\n"
				  "  0 experiments draw on it.\n"
				  "  1 cost outside the experiments:\n"
				  "    2019-03-01  €12,500.00  Handreiking ontwikkelen\n"
				  "\n"
				  "Pact met de stad (2020)\n"
				  "  pot €80,000.50   planned €0.00\n"
				  "  spent €0.00   remaining €80,000.50\n"
				  "  0 experiments draw on it.\n"
				  "\n"
				  "Total per year\n"
				  "  2019: €250,000.00 in 2 pots; planned €35,000.50, spent €25,000.50, "
				  "remaining €224,999.50\n"
				  "  2020: €80,000.50 in 1 pot; planned €0.00, spent €0.00, remaining "
				  "€80,000.50\n");
	free(text);
	speak("nl");
	text = pot_report(pots, n, true);
	assert_non_null(strstr(text, "  1 kostenpost buiten de experimenten:\n"
				     "    01-03-2019  € 12.500,00  Handreiking ontwikkelen\n"));
	assert_non_null(strstr(text, "Totaal per jaar\n"
				     "  2019: € 250.000,00 in 2 potten; gepland € 35.000,50, "
				     "besteed € 25.000,50, over € 224.999,50\n"));
	free(text);
	speak("en");
	pot_budgets_free(pots, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_edit_delete, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_bad_fields_are_named, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_cost_counts_as_spent, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_cost_on_deleted_pot, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_year_totals, open_db, close_db),
	};

	return cmocka_run_group_tests(tests, english, NULL);
}
