/* Unit tests of the case library: what counts as a case, the search query
 * made from typing, diacritics-insensitive full-text search with marked
 * matches, and an index that follows every change. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "card.h"
#include "cases.h"
#include "sql.h"
#include "testdb.h"

static int64_t evaluated(sqlite3 *db, const char *title, const char *description,
			 const char *donts, const char *date)
{
	struct pact_err err;
	int64_t id = 0;

	assert_int_equal(board_card_new(db, title, "Fatima", "contact", &id, &err), PACT_OK);
	assert_int_equal(sql_exec(db, &err, "UPDATE experiment SET description = ?, werkvorm = "
				  "'World café', rung = 'co-produce' WHERE id = ?",
				  "tI", description, id), PACT_OK);
	assert_int_equal(board_evaluation_save(db, id,
					       &(struct board_evaluation){
						       .goal = "4", .repeat = "changes",
						       .dos = "Begin klein", .donts = donts,
						       .learnings = "Loslaten werkt",
						       .evaluated_by = "Jan", .date = date },
					       &err),
			 PACT_OK);
	return id;
}

/* The titles found for typed, marks shown as [ and ], joined by "|". */
static void found(sqlite3 *db, const char *typed, char *out, size_t size)
{
	struct pact_err err;
	struct case_hit *hits;
	size_t n;
	int64_t total;

	assert_int_equal(cases_search(db, typed, 50, &hits, &n, &total, &err), PACT_OK);
	assert_int_equal(total, (int64_t)n);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strncat(out, "|", size - strlen(out) - 1);
		for (const char *p = hits[i].title; *p; p++) {
			char c[2] = { *p == CASES_MARK_ON ? '[' : *p == CASES_MARK_OFF ? ']' : *p, 0 };
			strncat(out, c, size - strlen(out) - 1);
		}
	}
	cases_free(hits, n);
}

static void test_query_from_typing(void **state)
{
	char *q;

	(void)state;
	q = cases_query("  casu  klant ");
	assert_string_equal(q, "\"casu\"* \"klant\"*");
	free(q);
	/* operators and quotes are text, not syntax */
	q = cases_query("a\"b OR -");
	assert_string_equal(q, "\"a\"\"b\"* \"OR\"*");
	free(q);
	q = cases_query("  ");
	assert_string_equal(q, "");
	free(q);
	q = cases_query(NULL);
	assert_string_equal(q, "");
	free(q);
}

static void test_search_ignores_diacritics(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	char got[512];
	int64_t id;

	evaluated(db, "Casuïstiek in de wijk", "Casussen bespreken", "Geen jargon", "2019-05-01");
	evaluated(db, "Klantreis dienstverlening", "Customer journeys", "Niet te snel beslissen",
		  "2019-06-01");
	/* a card without evaluation is no case */
	assert_int_equal(board_card_new(db, "Casuïstiek zonder evaluatie", "", NULL, &id, &err),
			 PACT_OK);

	found(db, "casuistiek", got, sizeof got);
	assert_string_equal(got, "[Casuïstiek] in de wijk");
	found(db, "CASUÏST", got, sizeof got);
	assert_string_equal(got, "[Casuïstiek] in de wijk");
	/* every word must match; the last may be a prefix while typing */
	found(db, "wijk casu", got, sizeof got);
	assert_string_equal(got, "[Casuïstiek] in de [wijk]");
	found(db, "wijk klant", got, sizeof got);
	assert_string_equal(got, "");
	/* don'ts and descriptions are searched too */
	found(db, "beslissen", got, sizeof got);
	assert_string_equal(got, "Klantreis dienstverlening");
	found(db, "journeys", got, sizeof got);
	assert_string_equal(got, "Klantreis dienstverlening");
	/* nothing typed: every case, newest first */
	found(db, "", got, sizeof got);
	assert_string_equal(got, "Klantreis dienstverlening|Casuïstiek in de wijk");
	/* syntax of FTS5 in what people type is not an error */
	found(db, "\"(*) AND NOT", got, sizeof got);
	assert_string_equal(got, "");
}

static void test_snippet_marks_the_match(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct case_hit *hits;
	size_t n;
	int64_t total;

	evaluated(db, "Wijknetwerk", "Een netwerk", "Nooit zonder bewoners beslissen", "2019-01-01");
	assert_int_equal(cases_search(db, "bewoner", 10, &hits, &n, &total, &err), PACT_OK);
	assert_int_equal(n, 1);
	assert_non_null(strstr(hits[0].snippet, "\x01" "bewoners" "\x02"));
	assert_string_equal(hits[0].date, "2019-01-01");
	assert_string_equal(hits[0].werkvorm, "World café");
	assert_string_equal(hits[0].rung, "co-produce");
	cases_free(hits, n);
}

static void test_index_follows_changes(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	char got[512];
	int64_t a = evaluated(db, "Havens", "Oud", "Geen", "2019-01-01");
	char *text;

	/* a new title is found, the old one no longer */
	assert_int_equal(sql_exec(db, &err, "UPDATE experiment SET title = 'Stadshavens' WHERE id = ?",
				  "I", a), PACT_OK);
	found(db, "havens", got, sizeof got);
	assert_string_equal(got, "");
	found(db, "stadshavens", got, sizeof got);
	assert_string_equal(got, "[Stadshavens]");
	/* a changed evaluation is searched as changed */
	assert_int_equal(board_evaluation_save(db, a,
					       &(struct board_evaluation){
						       .goal = "3", .repeat = "yes",
						       .donts = "Vergaderen om negen uur",
						       .evaluated_by = "Jan" },
					       &err),
			 PACT_OK);
	found(db, "vergaderen", got, sizeof got);
	assert_string_equal(got, "Stadshavens");
	found(db, "loslaten", got, sizeof got);
	assert_string_equal(got, "");
	/* the whole case in words */
	text = cases_describe(db, a);
	assert_non_null(text);
	assert_non_null(strstr(text, "Stadshavens\n"));
	assert_non_null(strstr(text, "Don'ts\nVergaderen om negen uur\n"));
	assert_non_null(strstr(text, "Would repeat: yes\n"));
	free(text);
	/* the work form knows who used it */
	text = cases_using_werkvorm(db, "world café", "");
	assert_non_null(text);
	assert_non_null(strstr(text, "Stadshavens (Idea)"));
	free(text);
	text = cases_using_werkvorm(db, "Fishbowl", "Vissenkom");
	assert_string_equal(text, "");
	free(text);
	/* a deleted card leaves the library */
	assert_int_equal(board_card_delete(db, a, &err), PACT_OK);
	found(db, "", got, sizeof got);
	assert_string_equal(got, "");
	assert_null(cases_describe(db, a));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_query_from_typing),
		cmocka_unit_test_setup_teardown(test_search_ignores_diacritics, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_snippet_marks_the_match, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_index_follows_changes, open_db, close_db),
	};

	setlocale(LC_ALL, "C");
	return cmocka_run_group_tests_name("cases", tests, NULL, NULL);
}
