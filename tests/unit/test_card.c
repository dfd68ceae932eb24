/* Unit tests of editing a card (every field, checked and named in
 * messages), the opgaven list, the budget pots, and the monitoring figures. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "card.h"
#include "opgave.h"
#include "monitor.h"
#include "pot.h"
#include "sql.h"
#include "testdb.h"

static int64_t card(sqlite3 *db, const char *title)
{
	struct pact_err err;
	int64_t id = 0;

	assert_int_equal(board_card_new(db, title, "Fatima", "contact", &id, &err), PACT_OK);
	return id;
}

static void free_fields(char *v[CARD_FIELDS])
{
	for (int i = 0; i < CARD_FIELDS; i++)
		free(v[i]);
}

/* A complete set of fields for card_save. */
static void fields(const char *v[CARD_FIELDS])
{
	memset(v, 0, sizeof(char *) * CARD_FIELDS);
	v[CF_TITLE] = "  Woonvisie in co-design ";
	v[CF_DESCRIPTION] = "Bewoners schrijven mee.\nTwee avonden.";
	v[CF_TRACK] = "visions";
	v[CF_OPGAVE] = "Wonen";
	v[CF_OWNER] = "Jan";
	v[CF_TEAM] = "Wonen, Participatie";
	v[CF_RUNG] = "co-produce";
	v[CF_WERKVORM] = "World café";
	v[CF_START] = "1-3-2019";
	v[CF_END] = "2019-06-30";
	v[CF_POT] = "";
	v[CF_PLANNED] = "1.234,56";
	v[CF_SPENT] = "1000";
	v[CF_REACHED] = "1.200";
	v[CF_GROUPS] = "institutions, residents";
	v[CF_NOTES] = "";
	v[CF_FOCUS] = "ja";
}

static void test_save_and_get_every_field(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	const char *in[CARD_FIELDS];
	char *v[CARD_FIELDS];
	int64_t id = card(db, "Eerst"), pot;

	assert_int_equal(pot_save(db, 0, "Pact met de stad", "2019", "100.000", &err), PACT_OK);
	assert_int_equal(sql_int(db, &pot, NULL, &err, "SELECT id FROM budget_pot", ""), PACT_OK);
	fields(in);
	char potid[24];
	snprintf(potid, sizeof potid, "%lld", (long long)pot);
	in[CF_POT] = potid;
	assert_int_equal(card_save(db, id, in, &err), PACT_OK);

	assert_int_equal(card_get(db, id, true, v, &err), PACT_OK);
	assert_string_equal(v[CF_TITLE], "Woonvisie in co-design");
	assert_string_equal(v[CF_DESCRIPTION], "Bewoners schrijven mee.\nTwee avonden.");
	assert_string_equal(v[CF_TRACK], "visions");
	assert_string_equal(v[CF_START], "2019-03-01");
	assert_string_equal(v[CF_END], "2019-06-30");
	assert_string_equal(v[CF_POT], potid);
	assert_string_equal(v[CF_PLANNED], "1234,56");
	assert_string_equal(v[CF_SPENT], "1000");
	assert_string_equal(v[CF_REACHED], "1200");
	assert_string_equal(v[CF_GROUPS], "residents,institutions");
	assert_string_equal(v[CF_WERKVORM], "World café");
	assert_string_equal(v[CF_FOCUS], "1");
	free_fields(v);
	/* the card view says it is a focus experiment, under its title */
	char *text = card_describe(db, id);
	assert_non_null(text);
	assert_non_null(strstr(text, "Woonvisie in co-design\n\nFocus experiment of the opgaveteam\n\n"));
	free(text);
	/* English writes the amount back with a decimal point */
	assert_int_equal(card_get(db, id, false, v, &err), PACT_OK);
	assert_string_equal(v[CF_PLANNED], "1234.56");
	free_fields(v);
	assert_int_equal(sql_int(db, &pot, NULL, &err, "SELECT planned FROM experiment WHERE id = ?",
				 "I", id), PACT_OK);
	assert_int_equal(pot, 123456);
	assert_true(card_has_group("residents,institutions", 0));
	assert_false(card_has_group("residents,institutions", 1));
	assert_true(card_has_group("residents,institutions", 2));
}

/* Each wrong field is refused with its name, and the card stays as it was. */
static void test_bad_fields_are_named(void **state)
{
	static const struct {
		int field;
		const char *value, *message;
	} cases[] = {
		{ CF_TITLE, "   ", "title" },
		{ CF_TRACK, "sideways", "track: unknown track \"sideways\"" },
		{ CF_START, "31-2-2019", "start date" },
		{ CF_END, "2019-01-01", "end date: 2019-01-01 is before the start date 2019-03-01" },
		{ CF_PLANNED, "veel", "planned" },
		{ CF_SPENT, "-5", "spent: '-5' is negative; an amount is 0 or more" },
		{ CF_REACHED, "-1", "people reached" },
		{ CF_REACHED, "1,5", "people reached: '1,5' is not a whole number of people; write for example 40" },
		{ CF_POT, "999", "budget pot: there is no such pot" },
		{ CF_FOCUS, "misschien", "focus experiment: " },
		{ CF_GROUPS, "residents, aliens", "target groups: 'aliens' is not a target group; write "
						  "residents, entrepreneurs, institutions or others" },
	};
	sqlite3 *db = *state;
	struct pact_err err;
	const char *in[CARD_FIELDS];
	char *v[CARD_FIELDS];
	int64_t id = card(db, "Blijft zo");

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fields(in);
		in[cases[i].field] = cases[i].value;
		assert_int_equal(card_save(db, id, in, &err), PACT_EINPUT);
		/* the message starts with the field's name */
		assert_int_equal(strncmp(err.msg, cases[i].message, strlen(cases[i].message)), 0);
	}
	assert_int_equal(card_get(db, id, false, v, &err), PACT_OK);
	assert_string_equal(v[CF_TITLE], "Blijft zo");
	assert_string_equal(v[CF_PLANNED], "");
	free_fields(v);
	fields(in);
	assert_int_equal(card_save(db, id + 100, in, &err), PACT_EINPUT);
	assert_int_equal(card_get(db, id + 100, false, v, &err), PACT_EINPUT);
}

static void test_opgaven(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	const char *in[CARD_FIELDS];
	char **names;
	int64_t id = card(db, "Kaart"), wonen, n;

	/* the list is shipped with the programme's main tasks */
	names = opgave_names(db, &err);
	assert_non_null(names);
	assert_string_equal(names[0], "Binnenstad");
	sql_strings_free(names);
	assert_int_equal(opgave_add(db, "  Klimaat ", &err), PACT_OK);
	assert_int_equal(opgave_add(db, "Klimaat", &err), PACT_EINPUT);
	assert_string_equal(err.msg, "opgave: \"Klimaat\" is on the list already");
	assert_int_equal(opgave_add(db, "", &err), PACT_EINPUT);
	/* names that differ only in capitals are the same opgave */
	assert_int_equal(opgave_add(db, "klimaat", &err), PACT_EINPUT);
	assert_string_equal(err.msg, "opgave: \"klimaat\" is on the list already");
	fields(in);
	assert_int_equal(card_save(db, id, in, &err), PACT_OK);
	/* renaming the opgave renames it on the card */
	assert_int_equal(sql_int(db, &wonen, NULL, &err, "SELECT id FROM opgave WHERE name = 'Wonen'",
				 ""), PACT_OK);
	assert_int_equal(opgave_rename(db, wonen, "Klimaat", &err), PACT_EINPUT);
	assert_int_equal(opgave_rename(db, wonen, "Wonen en bouwen", &err), PACT_OK);
	assert_int_equal(sql_int(db, &n, NULL, &err,
				 "SELECT count(*) FROM experiment WHERE opgave = 'Wonen en bouwen'", ""),
			 PACT_OK);
	assert_int_equal(n, 1);
	/* deleting it leaves the card's text */
	assert_int_equal(opgave_delete(db, wonen, &err), PACT_OK);
	assert_int_equal(sql_int(db, &n, NULL, &err,
				 "SELECT count(*) FROM experiment WHERE opgave = 'Wonen en bouwen'", ""),
			 PACT_OK);
	assert_int_equal(n, 1);
}

/* The handbook names none of the college's eight main tasks: the shipped
 * opgaven are examples, and the list says so until one is renamed; an
 * opgave of the programme's own is no example. */
static void test_opgaven_shipped_as_examples(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct pager p;
	const struct pager_row *row;
	int64_t binnenstad, n;

	assert_int_equal(sql_int(db, &n, NULL, &err, "SELECT count(*) FROM opgave WHERE example", ""),
			 PACT_OK);
	assert_int_equal(n, 8);
	assert_int_equal(opgave_add(db, "Klimaat", &err), PACT_OK);
	assert_int_equal(sql_int(db, &binnenstad, NULL, &err,
				 "SELECT id FROM opgave WHERE name = 'Binnenstad'", ""), PACT_OK);
	assert_int_equal(opgave_rename(db, binnenstad, "Binnenstad en haven", &err), PACT_OK);
	assert_int_equal(opgave_pager(&p, db, &err), PACT_OK);
	assert_int_equal(pager_count(&p), 9);
	row = pager_get(&p, 0);
	assert_non_null(row);
	assert_string_equal(row->cols[0], "Binnenstad en haven");
	assert_string_equal(row->cols[1], "");
	row = pager_get(&p, 1);
	assert_string_equal(row->cols[0], "Dienstverlening");
	assert_string_equal(row->cols[1], "example to edit");
	row = pager_get(&p, 3);
	assert_string_equal(row->cols[0], "Klimaat");
	assert_string_equal(row->cols[1], "");
	pager_close(&p);
	assert_int_equal(sql_int(db, &n, NULL, &err, "SELECT count(*) FROM opgave WHERE example", ""),
			 PACT_OK);
	assert_int_equal(n, 7);
}

static void test_pot_editing(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct pot_budget *pots;
	size_t n;

	assert_int_equal(pot_save(db, 0, "Open Schiedam", "2019", "€ 150.000", &err), PACT_OK);
	assert_int_equal(pot_save(db, 0, "Open Schiedam", "2019", "1", &err), PACT_EINPUT);
	assert_string_equal(err.msg, "name: there is a pot \"Open Schiedam\" for 2019 already");
	assert_int_equal(pot_save(db, 0, "Open Schiedam", "2020", "1", &err), PACT_OK);
	assert_int_equal(pot_save(db, 0, "X", "19", "1", &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "year: "));
	assert_int_equal(pot_save(db, 0, "X", "2019", "-3", &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "amount: "));
	assert_int_equal(pot_budgets(db, &pots, &n, &err), PACT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(pots[0].amount, 15000000);
	assert_int_equal(pot_save(db, pots[1].id, "Open Schiedam", "2021", "2.500,50", &err), PACT_OK);
	assert_int_equal(pot_delete(db, pots[0].id, &err), PACT_OK);
	pot_budgets_free(pots, n);
	assert_int_equal(pot_budgets(db, &pots, &n, &err), PACT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(pots[0].year, 2021);
	assert_int_equal(pots[0].amount, 250050);
	pot_budgets_free(pots, n);
}

static void set(sqlite3 *db, int64_t id, const char *status, const char *start, const char *end,
		int reached, const char *groups, const char *rung)
{
	struct pact_err err;

	assert_int_equal(sql_exec(db, &err,
				  "UPDATE experiment SET status = ?, start_date = ?, end_date = ?, "
				  "reached = ?, groups = ?, rung = ? WHERE id = ?",
				  "tttdttI", status, start, end, reached, groups, rung, id),
			 PACT_OK);
}

static void test_monitor_figures(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct monitor m;
	int64_t a = card(db, "A"), b = card(db, "B"), c = card(db, "C"), d = card(db, "D"),
		e = card(db, "E");

	set(db, a, "running", "2019-01-10", NULL, 40, "residents", "coproduceren");
	set(db, b, "anchored", "2019-01-05", "2019-03-20", 60, "residents,entrepreneurs",
	    "coproduceren");
	set(db, c, "stopped", NULL, NULL, 0, "", "adviseren");   /* stopped before it ran */
	set(db, d, "idea", NULL, NULL, 7, "institutions", ""); /* reached, but no dates */
	set(db, e, "evaluating", "2019-03-01", NULL, 5, "", "informeren");
	assert_int_equal(sql_exec(db, &err, "UPDATE experiment SET track = 'letting-go' WHERE id = ?",
				  "I", e), PACT_OK);

	assert_int_equal(monitor_compute(db, &m, &err), PACT_OK);
	assert_int_equal(m.total, 5);
	assert_int_equal(m.per_column[BOARD_IDEA], 1);
	assert_int_equal(m.per_column[BOARD_RUNNING], 1);
	assert_int_equal(m.per_column[BOARD_ANCHORED], 1);
	assert_int_equal(m.per_column[BOARD_STOPPED], 1);
	assert_int_equal(m.per_column[BOARD_EVALUATING], 1);
	assert_int_equal(m.per_track[board_track_index("contact")], 4);
	assert_int_equal(m.per_track[board_track_index("letting-go")], 1);
	/* January 40, February none, March 60 + 5; d has no dates */
	assert_int_equal(m.nmonths, 3);
	assert_string_equal(m.months[0].month, "2019-01");
	assert_int_equal(m.months[0].people, 40);
	assert_string_equal(m.months[1].month, "2019-02");
	assert_int_equal(m.months[1].people, 0);
	assert_string_equal(m.months[2].month, "2019-03");
	assert_int_equal(m.months[2].people, 65);
	assert_int_equal(m.undated_people, 7);
	/* a, b and e ran; c stopped before it started; d is an idea */
	assert_int_equal(m.ran, 3);
	assert_int_equal(m.reached_group[0], 2);
	assert_int_equal(m.reached_group[1], 1);
	assert_int_equal(m.reached_group[2], 0);
	assert_int_equal(monitor_percent(m.reached_group[0], m.ran), 67);
	assert_int_equal(monitor_percent(m.reached_group[1], m.ran), 33);
	assert_int_equal(monitor_percent(1, 0), 0);
	assert_int_equal(monitor_percent(1, 8), 13);
	/* rungs: in ladder order, not by how often they are used */
	assert_int_equal(m.nrungs, 3);
	assert_string_equal(m.rungs[0].rung, "informeren");
	assert_int_equal(m.rungs[0].experiments, 1);
	assert_string_equal(m.rungs[1].rung, "adviseren");
	assert_string_equal(m.rungs[2].rung, "coproduceren");
	assert_int_equal(m.rungs[2].experiments, 2);
	assert_int_equal(m.no_rung, 1);
	monitor_free(&m);
}

/* Gaps are filled only when the span fits the chart; a longer span shows
 * the months that reached people, the latest MONITOR_MONTHS of them, and
 * says what the earlier ones reached. */
static void test_monitor_keeps_latest_months(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct monitor m;
	char date[32], *text;

	set(db, card(db, "Oud"), "running", "2015-05-01", NULL, 3, "", "");
	set(db, card(db, "Nieuw"), "running", "2019-12-01", NULL, 9, "", "");
	assert_int_equal(monitor_compute(db, &m, &err), PACT_OK);
	assert_int_equal(m.nmonths, 2);
	assert_string_equal(m.months[0].month, "2015-05");
	assert_int_equal(m.months[0].people, 3);
	assert_string_equal(m.months[1].month, "2019-12");
	assert_int_equal(m.earlier_people, 0);
	monitor_free(&m);
	/* thirty months in a row with someone reached each */
	assert_int_equal(sql_exec(db, &err, "DELETE FROM experiment", ""), PACT_OK);
	for (int i = 0; i < 30; i++) {
		snprintf(date, sizeof date, "%04d-%02d-15", 2017 + i / 12, 1 + i % 12);
		set(db, card(db, "Maand"), "running", date, NULL, i + 1, "", "");
	}
	assert_int_equal(monitor_compute(db, &m, &err), PACT_OK);
	assert_int_equal(m.nmonths, MONITOR_MONTHS);
	assert_string_equal(m.months[0].month, "2017-07");
	assert_int_equal(m.months[0].people, 7);
	assert_string_equal(m.months[MONITOR_MONTHS - 1].month, "2019-06");
	assert_int_equal(m.earlier_people, 1 + 2 + 3 + 4 + 5 + 6);
	assert_int_equal(m.earlier_months, 6);
	text = monitor_report(&m, 76, false);
	assert_non_null(strstr(text, "Not in the chart: 6 earlier months (people reached: 21)."));
	assert_non_null(strstr(text, "  2019-06 "));
	assert_non_null(strstr(text, "#"));
	free(text);
	monitor_free(&m);
	/* an empty board has empty figures */
	assert_int_equal(sql_exec(db, &err, "DELETE FROM experiment", ""), PACT_OK);
	assert_int_equal(monitor_compute(db, &m, &err), PACT_OK);
	assert_int_equal(m.total, 0);
	assert_int_equal(m.nmonths, 0);
	assert_int_equal(m.nrungs, 0);
	monitor_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_save_and_get_every_field, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_bad_fields_are_named, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_opgaven, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_opgaven_shipped_as_examples, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_pot_editing, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_monitor_figures, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_monitor_keeps_latest_months, open_db, close_db),
	};

	setlocale(LC_ALL, "C");
	return cmocka_run_group_tests_name("card", tests, NULL, NULL);
}
