/* Unit tests of the programme's ambitions and diversity: indicators
 * computed per year and per quarter from fixed data, the target
 * comparison, the diversity counts with the under-5 suppression, the
 * shares of the afspiegeling beside the city's, and the checks of what is
 * typed (named in messages, nothing stored). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "brainstorm_session.h"
#include "card.h"
#include "diversity.h"
#include "indicator.h"
#include "monitor.h"
#include "sql.h"
#include "testdb.h"

static void exec(sqlite3 *db, const char *sql)
{
	struct pact_err err;

	assert_int_equal(sql_exec(db, &err, sql, ""), PACT_OK);
}

static int64_t card(sqlite3 *db, const char *title)
{
	struct pact_err err;
	int64_t id = 0;

	assert_int_equal(board_card_new(db, title, "Fatima", "contact", &id, &err), PACT_OK);
	return id;
}

static int64_t session(sqlite3 *db, const char *title, const char *date)
{
	struct session_fields f = { .title = title, .date = date };
	struct pact_err err;
	int64_t id = 0;

	assert_int_equal(session_create(db, &f, &id, &err), PACT_OK);
	return id;
}

static int64_t indicator(sqlite3 *db, const char *measure, const char *subject,
			 const char *target, const char *period)
{
	struct indicator_fields f = { "Meer Schiedammers doen mee", measure, measure, subject,
				      target, period };
	struct pact_err err;
	int64_t id = 0;

	assert_int_equal(indicator_save(db, 0, &f, &id, &err), PACT_OK);
	return id;
}

/* The indicator with id, as the list reads it. */
static struct indicator *find(sqlite3 *db, int64_t id, struct indicator **list, size_t *n)
{
	struct pact_err err;

	assert_int_equal(indicator_list(db, list, n, &err), PACT_OK);
	for (size_t i = 0; i < *n; i++)
		if ((*list)[i].id == id)
			return &(*list)[i];
	fail_msg("no indicator %lld", (long long)id);
	return NULL;
}

static void points(sqlite3 *db, int64_t id, struct indicator_point **p, size_t *n)
{
	struct indicator *list, *ind;
	struct pact_err err;
	size_t nl;

	ind = find(db, id, &list, &nl);
	assert_int_equal(indicator_points(db, ind, p, n, &err), PACT_OK);
	indicator_list_free(list, nl);
}

static void test_period_of_a_date(void **state)
{
	char out[8];

	(void)state;
	indicator_period_of("2024-05-10", IP_YEAR, out);
	assert_string_equal(out, "2024");
	indicator_period_of("2024-05-10", IP_QUARTER, out);
	assert_string_equal(out, "2024-Q2");
	indicator_period_of("2019-12-31", IP_QUARTER, out);
	assert_string_equal(out, "2019-Q4");
	indicator_period_of("2019-01-01", IP_QUARTER, out);
	assert_string_equal(out, "2019-Q1");
	assert_true(indicator_met(10, 10));
	assert_true(indicator_met(11, 10));
	assert_false(indicator_met(9, 10));
}

/* People reached: the sum of the experiments' reach, by end date (else
 * start date), per year and per quarter; undated experiments in none. */
static void test_reached_per_year_and_quarter(void **state)
{
	sqlite3 *db = *state;
	struct indicator_point *p;
	size_t n;
	int64_t a = card(db, "A"), b = card(db, "B"), c = card(db, "C");

	(void)a, (void)b, (void)c;
	exec(db, "UPDATE experiment SET reached = 40, start_date = '2024-01-10', end_date = "
		 "'2024-02-01' WHERE title = 'A'");
	exec(db, "UPDATE experiment SET reached = 25, start_date = '2024-05-01' WHERE title = 'B'");
	exec(db, "UPDATE experiment SET reached = 70 WHERE title = 'C'");
	exec(db, "INSERT INTO experiment(uuid, title, reached, end_date, created_at, updated_at) "
		 "VALUES ('u-d', 'D', 100, '2023-11-30', '2023-01-01T00:00:00Z', "
		 "'2023-01-01T00:00:00Z')");
	points(db, indicator(db, "reached", "", "100", "year"), &p, &n);
	assert_int_equal(n, 2);
	assert_string_equal(p[0].period, "2023");
	assert_int_equal(p[0].value, 100);
	assert_string_equal(p[1].period, "2024");
	assert_int_equal(p[1].value, 65);
	assert_false(p[1].hidden);
	free(p);
	points(db, indicator(db, "participants", "", "", "quarter"), &p, &n);
	assert_int_equal(n, 0);
	free(p);
	{
		struct indicator_fields f = { "Bereik", "per kwartaal", "reached", "", "50",
					      "quarter" };
		struct pact_err err;
		int64_t id;

		assert_int_equal(indicator_save(db, 0, &f, &id, &err), PACT_OK);
		points(db, id, &p, &n);
	}
	assert_int_equal(n, 3);
	assert_string_equal(p[0].period, "2023-Q4");
	assert_string_equal(p[1].period, "2024-Q1");
	assert_int_equal(p[1].value, 40);
	assert_string_equal(p[2].period, "2024-Q2");
	assert_int_equal(p[2].value, 25);
	free(p);
}

/* Experiments evaluated per year; participants per session on average,
 * from registered participants or, where more, the diversity counts. */
static void test_evaluated_and_participants(void **state)
{
	sqlite3 *db = *state;
	struct indicator_point *p;
	struct pact_err err;
	size_t n;
	int64_t a = card(db, "A"), b = card(db, "B");
	int64_t s1 = session(db, "Opreksessie", "2024-03-01");
	int64_t s2 = session(db, "Wijkavond", "2024-10-01");
	char sql[400];

	snprintf(sql, sizeof sql,
		 "INSERT INTO evaluation(uuid, experiment_id, goal, repeat, evaluated_by, date) "
		 "VALUES ('e1', %lld, 4, 'yes', 'Sem', '2024-06-01'), ('e2', %lld, 3, 'no', 'Sem', "
		 "'2025-01-02')",
		 (long long)a, (long long)b);
	exec(db, sql);
	points(db, indicator(db, "evaluated", "", "1", "year"), &p, &n);
	assert_int_equal(n, 2);
	assert_string_equal(p[0].period, "2024");
	assert_int_equal(p[0].value, 1);
	assert_string_equal(p[1].period, "2025");
	free(p);

	snprintf(sql, sizeof sql,
		 "INSERT INTO participant(uuid, session_id, alias) VALUES ('p1', %lld, 'A'), "
		 "('p2', %lld, 'B'), ('p3', %lld, 'C')",
		 (long long)s1, (long long)s1, (long long)s1);
	exec(db, sql);
	{
		struct diversity_line l[2] = { { 1, (char *)"family", -1 },
					       { 1, (char *)"single", -1 } };
		const char *people[2] = { "6", "4" };

		assert_int_equal(diversity_save(db, DIVERSITY_SESSION, s2, l, people, 2, &err),
				 PACT_OK);
	}
	/* 3 registered in s1, 10 counted in s2: (3 + 10) / 2 = 6.5, rounded up */
	points(db, indicator(db, "participants", "", "", "year"), &p, &n);
	assert_int_equal(n, 1);
	assert_string_equal(p[0].period, "2024");
	assert_int_equal(p[0].value, 7);
	free(p);
}

/* The share of the experiments that ran that reached a target group. */
static void test_target_group_share(void **state)
{
	sqlite3 *db = *state;
	struct indicator_point *p;
	size_t n;

	card(db, "A"), card(db, "B"), card(db, "C"), card(db, "D");
	exec(db, "UPDATE experiment SET status = 'running', start_date = '2024-02-01', groups = "
		 "'residents' WHERE title = 'A'");
	exec(db, "UPDATE experiment SET status = 'anchored', start_date = '2024-03-01', groups = "
		 "'entrepreneurs' WHERE title = 'B'");
	exec(db, "UPDATE experiment SET status = 'evaluating', start_date = '2024-04-01', groups = "
		 "'residents,others' WHERE title = 'C'");
	exec(db, "UPDATE experiment SET start_date = '2024-04-01', groups = 'residents' WHERE "
		 "title = 'D'");
	/* D is an idea: it did not run */
	points(db, indicator(db, "target-group", "residents", "50", "year"), &p, &n);
	assert_int_equal(n, 1);
	assert_int_equal(p[0].value, 67);
	free(p);
}

/* Counts are suppressed per session: a group of 1 to 4 shows "<5", and one
 * more is hidden ("x") so that it cannot be worked out from the total. */
static void test_counts_are_suppressed(void **state)
{
	sqlite3 *db = *state;
	struct diversity_line *l;
	struct diversity_cell *c;
	struct pact_err err;
	size_t n, nc, small = 0, masked = 0;
	int64_t s = session(db, "Opreksessie", "2024-03-01");
	const char *people[32] = { 0 };
	char shown[24];
	FILE *out;
	char *text = NULL;
	size_t size = 0;

	assert_int_equal(diversity_lines_get(db, DIVERSITY_SESSION, s, &l, &n, &err), PACT_OK);
	assert_int_equal(n, 10); /* five age bands, three households, two literacies */
	assert_int_equal(l[5].dim, 1);
	assert_string_equal(l[5].group, "family");
	assert_int_equal(l[5].people, -1);
	people[5] = "12", people[6] = "3", people[7] = "7";
	assert_int_equal(diversity_save(db, DIVERSITY_SESSION, s, l, people, n, &err), PACT_OK);
	assert_int_equal(diversity_cells(db, DIVERSITY_SESSION, s, NULL, false, &c, &nc, &err),
			 PACT_OK);
	assert_int_equal(nc, 3);
	for (size_t i = 0; i < nc; i++) {
		diversity_count_text(&c[i], shown);
		if (strcmp(c[i].group, "single") == 0) {
			assert_string_equal(shown, "<5");
			small++;
		}
		masked += c[i].mark == SUPPRESS_MASKED;
		if (c[i].mark == SUPPRESS_MASKED)
			assert_string_equal(shown, "x");
	}
	assert_int_equal(small, 1);
	assert_int_equal(masked, 1);
	assert_int_equal(diversity_dimension_total(c, nc, 1), 22);
	diversity_cells_free(c, nc);

	/* the session's words show neither the 3 nor the hidden one */
	out = open_memstream(&text, &size);
	assert_int_equal(diversity_describe(db, DIVERSITY_SESSION, s, out, &err), PACT_OK);
	fclose(out);
	assert_non_null(strstr(text, "living alone <5"));
	assert_null(strstr(text, " 3"));
	assert_non_null(strstr(text, " x"));
	assert_non_null(strstr(text, "Groups of fewer than 5 people are shown as <5"));
	free(text);
	diversity_lines_free(l, n);
}

/* A wrong count is named with its group and nothing is stored; "" removes. */
static void test_counts_are_checked(void **state)
{
	sqlite3 *db = *state;
	struct diversity_line *l;
	struct pact_err err;
	size_t n;
	int64_t s = session(db, "Opreksessie", "2024-03-01"), rows = -1;
	const char *people[32] = { 0 };

	assert_int_equal(diversity_lines_get(db, DIVERSITY_SESSION, s, &l, &n, &err), PACT_OK);
	people[0] = "8", people[6] = "veel";
	assert_int_equal(diversity_save(db, DIVERSITY_SESSION, s, l, people, n, &err),
			 PACT_EINPUT);
	assert_non_null(strstr(err.msg, "Household: living alone: "));
	people[6] = "-2";
	assert_int_equal(diversity_save(db, DIVERSITY_SESSION, s, l, people, n, &err),
			 PACT_EINPUT);
	assert_int_equal(sql_int(db, &rows, NULL, &err, "SELECT count(*) FROM diversity_count", ""),
			 PACT_OK);
	assert_int_equal(rows, 0);
	people[6] = "9";
	assert_int_equal(diversity_save(db, DIVERSITY_SESSION, s, l, people, n, &err), PACT_OK);
	people[6] = "";
	assert_int_equal(diversity_save(db, DIVERSITY_SESSION, s, l, people, n, &err), PACT_OK);
	assert_int_equal(sql_int(db, &rows, NULL, &err,
				 "SELECT count(*) FROM diversity_count WHERE grp = 'single'", ""),
			 PACT_OK);
	assert_int_equal(rows, 0);
	assert_int_equal(diversity_save(db, DIVERSITY_SESSION, 999, l, people, n, &err),
			 PACT_EINPUT);
	diversity_lines_free(l, n);
}

/* The afspiegeling: each group's share of the people counted beside the
 * city's share; a small group hatched as "<5"; without city figures a note
 * says how to add them. */
static void test_afspiegeling_shares(void **state)
{
	sqlite3 *db = *state;
	struct monitor_chart *c;
	struct diversity_line l[3] = { { 1, (char *)"family", -1 }, { 1, (char *)"single", -1 },
				       { 1, (char *)"other", -1 } };
	const char *people[3] = { "5", "12", "7" }, *few[1] = { "2" };
	struct diversity_line lit[1] = { { 4, (char *)"low", -1 } };
	struct pact_err err;
	int n;
	int64_t s = session(db, "Opreksessie", "2024-03-01");
	int64_t k = card(db, "Wijknetwerk");

	assert_int_equal(diversity_save(db, DIVERSITY_SESSION, s, l, people, 3, &err), PACT_OK);
	assert_int_equal(diversity_save(db, DIVERSITY_EXPERIMENT, k, lit, few, 1, &err), PACT_OK);
	assert_int_equal(monitor_programme_charts(db, &c, &n, &err), PACT_OK);
	/* no ambitions; household; literacy */
	assert_int_equal(n, 3);
	assert_string_equal(c[0].heading, "Ambitions and indicators");
	assert_int_equal(c[0].n, 0);
	assert_non_null(strstr(c[1].heading, "Household"));
	assert_int_equal(c[1].n, 3);
	assert_string_equal(c[1].rows[0].label, "family");
	assert_string_equal(c[1].rows[0].shown, "21% · city –");
	assert_string_equal(c[1].rows[1].shown, "50% · city –");
	assert_non_null(strstr(c[1].notes, "No city figures for Household yet"));
	/* literacy: one group of 2, the whole dimension: hidden */
	assert_true(c[2].rows[0].hatched);
	assert_string_equal(c[2].rows[0].shown, "x · city –");
	assert_non_null(strstr(c[2].notes, "x: hidden as well"));
	free(c);

	assert_int_equal(population_save(db, 0, "household", "single", "45", "", &err), PACT_OK);
	assert_int_equal(population_save(db, 0, "household", "family", "40", "", &err), PACT_OK);
	assert_int_equal(population_save(db, 0, "household", "other", "15", "voorbeeld", &err),
			 PACT_OK);
	assert_int_equal(population_save(db, 0, "household", "single", "veel", "", &err),
			 PACT_EINPUT);
	assert_int_equal(population_save(db, 0, "huishouden", "single", "4", "", &err),
			 PACT_EINPUT);
	assert_int_equal(monitor_programme_charts(db, &c, &n, &err), PACT_OK);
	assert_string_equal(c[1].rows[0].shown, "21% · city 40%");
	assert_string_equal(c[1].rows[1].shown, "50% · city 45%");
	assert_string_equal(c[1].rows[2].shown, "29% · city 15%");
	assert_null(strstr(c[1].notes, "No city figures"));
	free(c);
}

/* An indicator's chart: a row per period with the value against the
 * target ("met" where reached); a diversity share hidden where the group
 * is small. */
static void test_indicator_chart_against_target(void **state)
{
	sqlite3 *db = *state;
	struct monitor_chart *c;
	struct pact_err err;
	int n;
	int64_t manual = indicator(db, "manual", "", "10", "quarter");
	int64_t s1 = session(db, "Opreksessie", "2024-03-01");
	int64_t s2 = session(db, "Wijkavond", "2025-03-01");
	struct diversity_line l[2] = { { 1, (char *)"family", -1 }, { 1, (char *)"single", -1 } };
	const char *p1[2] = { "10", "10" }, *p2[2] = { "9", "3" };

	assert_int_equal(indicator_value_save(db, manual, "2024-Q1", "7", &err), PACT_OK);
	assert_int_equal(indicator_value_save(db, manual, "2024-Q2", "12", &err), PACT_OK);
	assert_int_equal(indicator_value_save(db, manual, "2024-Q2", "13", &err), PACT_OK);
	assert_int_equal(indicator_value_save(db, manual, "2024", "13", &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "period"));
	assert_int_equal(indicator_value_save(db, manual, "2024-Q5", "13", &err), PACT_EINPUT);
	assert_int_equal(indicator_value_save(db, manual, "2024-Q3", "-1", &err), PACT_EINPUT);
	assert_int_equal(diversity_save(db, DIVERSITY_SESSION, s1, l, p1, 2, &err), PACT_OK);
	assert_int_equal(diversity_save(db, DIVERSITY_SESSION, s2, l, p2, 2, &err), PACT_OK);
	{
		struct indicator_fields f = { "Meer diversiteit", "Alleenwonenden", "diversity",
					      "household:single", "40", "year" };
		int64_t id;

		assert_int_equal(indicator_save(db, 0, &f, &id, &err), PACT_OK);
	}
	assert_int_equal(monitor_programme_charts(db, &c, &n, &err), PACT_OK);
	/* by ambition: "Meer diversiteit" first */
	assert_string_equal(c[0].heading, "Meer diversiteit — Alleenwonenden (target 40% per year)");
	assert_int_equal(c[0].n, 2);
	assert_string_equal(c[0].rows[0].label, "2024");
	assert_string_equal(c[0].rows[0].shown, "50% / 40% met");
	assert_false(c[0].rows[0].hatched);
	assert_string_equal(c[0].rows[1].label, "2025");
	assert_true(c[0].rows[1].hatched);
	assert_string_equal(c[0].rows[1].shown, "<5 / 40%");
	assert_int_equal(c[0].scale, 40);
	assert_string_equal(c[1].heading,
			    "Meer Schiedammers doen mee — manual (target 10 per quarter)");
	assert_int_equal(c[1].n, 2);
	assert_string_equal(c[1].rows[0].shown, "7 / 10");
	assert_string_equal(c[1].rows[1].shown, "13 / 10 met");
	assert_int_equal(c[1].rows[1].value, 13);
	free(c);
}

/* What is typed for an indicator is checked and named. */
static void test_indicator_fields_checked(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t id, rows = -1;
	struct indicator_fields f = { "Ambitie", "Aandeel", "target-group", "bewoners", "50",
				      "year" };

	assert_int_equal(indicator_save(db, 0, &f, &id, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "subject: 'bewoners' is not a target group"));
	f.measure = "diversity", f.subject = "household";
	assert_int_equal(indicator_save(db, 0, &f, &id, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "is not a diversity group"));
	f.subject = "household:single", f.target = "150";
	assert_int_equal(indicator_save(db, 0, &f, &id, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "target: "));
	f.target = "50", f.period = "month";
	assert_int_equal(indicator_save(db, 0, &f, &id, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "period: 'month'"));
	f.period = "year", f.ambition = "";
	assert_int_equal(indicator_save(db, 0, &f, &id, &err), PACT_EINPUT);
	f.ambition = "Ambitie";
	assert_int_equal(indicator_save(db, 0, &f, &id, &err), PACT_OK);
	assert_int_equal(indicator_save(db, 0, &f, &id, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "has an indicator"));
	assert_int_equal(sql_int(db, &rows, NULL, &err, "SELECT count(*) FROM indicator", ""),
			 PACT_OK);
	assert_int_equal(rows, 1);
}

/* Renaming a group renames it in the counts and the city's figures. */
static void test_group_rename_follows(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t s = session(db, "Opreksessie", "2024-03-01"), id, rows = -1;
	struct diversity_line l[1] = { { 2, (char *)"Turks", -1 } };
	const char *p[1] = { "6" };

	assert_int_equal(diversity_group_add(db, "background", "Turks", &err), PACT_OK);
	assert_int_equal(diversity_group_add(db, "background", "Turks", &err), PACT_EINPUT);
	assert_int_equal(diversity_group_add(db, "religie", "x", &err), PACT_EINPUT);
	assert_int_equal(diversity_save(db, DIVERSITY_SESSION, s, l, p, 1, &err), PACT_OK);
	assert_int_equal(population_save(db, 0, "background", "Turks", "9", "", &err), PACT_OK);
	assert_int_equal(sql_int(db, &id, NULL, &err,
				 "SELECT id FROM diversity_group WHERE name = 'Turks'", ""),
			 PACT_OK);
	assert_int_equal(diversity_group_rename(db, id, "Turkse achtergrond", &err), PACT_OK);
	assert_int_equal(sql_int(db, &rows, NULL, &err,
				 "SELECT (SELECT count(*) FROM diversity_count WHERE grp = 'Turkse "
				 "achtergrond') + (SELECT count(*) FROM population WHERE grp = "
				 "'Turkse achtergrond')",
				 ""),
			 PACT_OK);
	assert_int_equal(rows, 2);
	/* a shipped example loses its mark when renamed */
	assert_int_equal(sql_int(db, &id, NULL, &err,
				 "SELECT id FROM diversity_group WHERE name = '67+' AND example = 1",
				 ""),
			 PACT_OK);
	assert_int_equal(diversity_group_rename(db, id, "65+", &err), PACT_OK);
	assert_int_equal(sql_int(db, &rows, NULL, &err,
				 "SELECT example FROM diversity_group WHERE id = ?", "I", id),
			 PACT_OK);
	assert_int_equal(rows, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_period_of_a_date),
		cmocka_unit_test_setup_teardown(test_reached_per_year_and_quarter, open_db,
						close_db),
		cmocka_unit_test_setup_teardown(test_evaluated_and_participants, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_target_group_share, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_counts_are_suppressed, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_counts_are_checked, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_afspiegeling_shares, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_indicator_chart_against_target, open_db,
						close_db),
		cmocka_unit_test_setup_teardown(test_indicator_fields_checked, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_group_rename_follows, open_db, close_db),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
