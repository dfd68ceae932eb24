/* Unit tests of a card's communication plan: reading, saving one audience
 * or the whole plan, removing a line, the checks (named in messages), and
 * the plan in the card view. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "card.h"
#include "card_comm.h"
#include "sql.h"
#include "testdb.h"

static int64_t card(sqlite3 *db, const char *title)
{
	struct pact_err err;
	int64_t id = 0;

	assert_int_equal(board_card_new(db, title, "Fatima", "contact", &id, &err), PACT_OK);
	return id;
}

static int64_t lines(sqlite3 *db)
{
	struct pact_err err;
	int64_t n = -1;

	assert_int_equal(sql_int(db, &n, NULL, &err, "SELECT count(*) FROM card_comm", ""), PACT_OK);
	return n;
}

static void test_keys_and_labels(void **state)
{
	(void)state;
	assert_int_equal(comm_audience_index("raad"), 0);
	assert_int_equal(comm_audience_index("collegas"), 2);
	assert_int_equal(comm_audience_index("vakgenoten"), 7);
	assert_int_equal(comm_audience_index("Raad"), -1);
	assert_int_equal(comm_audience_index(NULL), -1);
	assert_null(comm_audience_keys[COMM_AUDIENCES]);
	assert_string_equal(comm_audience_labels[6], "The press");
	char label[64];
	card_comm_field_label("Means", 6, label, sizeof label);
	assert_string_equal(label, "Means (The press)");
	card_comm_field_label("Means", -1, label, sizeof label);
	assert_string_equal(label, "Means");
}

static void test_save_read_and_remove(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct card_comm plan;
	int64_t a = card(db, "Woonvisie"), b = card(db, "Wijknetwerk"), n = 0;
	char uuid[64] = "", again[64] = "";

	assert_int_equal(card_comm_save(db, a, "raad", "  Wat de raad moet weten \n",
					"raadsbijeenkomst", &err), PACT_OK);
	assert_int_equal(card_comm_save(db, a, "pers", "", "persbericht", &err), PACT_OK);
	assert_int_equal(card_comm_save(db, b, "raad", "Ander", "", &err), PACT_OK);
	assert_int_equal(lines(db), 3);
	assert_int_equal(card_comm_get(db, a, &plan, &err), PACT_OK);
	assert_string_equal(plan.message[0], "Wat de raad moet weten");
	assert_string_equal(plan.means[0], "raadsbijeenkomst");
	assert_string_equal(plan.message[6], "");
	assert_string_equal(plan.means[6], "persbericht");
	assert_string_equal(plan.message[1], "");
	assert_int_equal(card_comm_count(&plan), 2);
	card_comm_free(&plan);
	/* saving again changes the line, keeping its UUID */
	sqlite3_stmt *st = sql_query(db, &err, "SELECT uuid FROM card_comm WHERE experiment_id = ? "
				     "AND audience = 'raad'", "I", a);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(uuid, sizeof uuid, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_int_equal(card_comm_save(db, a, "raad", "Nieuw", "dropping", &err), PACT_OK);
	st = sql_query(db, &err, "SELECT uuid FROM card_comm WHERE experiment_id = ? AND "
		       "audience = 'raad'", "I", a);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(again, sizeof again, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_string_equal(uuid, again);
	assert_int_equal(lines(db), 3);
	/* both empty removes the line; the other card keeps its own */
	assert_int_equal(card_comm_save(db, a, "raad", " ", "", &err), PACT_OK);
	assert_int_equal(lines(db), 2);
	assert_int_equal(sql_int(db, &n, NULL, &err, "SELECT count(*) FROM card_comm WHERE "
				 "experiment_id = ? AND audience = 'raad'", "I", b), PACT_OK);
	assert_int_equal(n, 1);
	/* a deleted card takes its plan with it */
	assert_int_equal(board_card_delete(db, b, &err), PACT_OK);
	assert_int_equal(lines(db), 1);
	assert_int_equal(card_comm_get(db, b, &plan, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "There is no such card.");
}

static void test_bad_input_is_named(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t a = card(db, "Woonvisie");
	char long_means[COMM_MEANS_MAX + 2];

	assert_int_equal(card_comm_save(db, a, "wethouder", "x", "y", &err), PACT_EINPUT);
	assert_string_equal(err.msg, "audience: 'wethouder' is not an audience; write raad, "
				     "college, collegas, schiedammers, ondernemers, instellingen, "
				     "pers or vakgenoten");
	memset(long_means, 'm', sizeof long_means - 1);
	long_means[sizeof long_means - 1] = '\0';
	assert_int_equal(card_comm_save(db, a, "pers", "x", long_means, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "means"));
	assert_int_equal(strncmp(err.msg, "means", 5), 0);
	assert_int_equal(card_comm_save(db, a, "pers", "\xff", "", &err), PACT_EINPUT);
	assert_int_equal(strncmp(err.msg, "message", 7), 0);
	assert_int_equal(card_comm_save(db, 9999, "pers", "x", "", &err), PACT_EINPUT);
	assert_string_equal(err.msg, "There is no such card.");
	assert_int_equal(lines(db), 0);
}

static void test_save_all(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct card_comm plan;
	int64_t a = card(db, "Woonvisie");
	const char *message[COMM_AUDIENCES] = { "Raad", NULL, NULL, "Doe mee", NULL, NULL, NULL,
						NULL };
	const char *means[COMM_AUDIENCES] = { "dropping", NULL, NULL, "placemats", NULL, NULL,
					      NULL, "" };
	char bad[COMM_MEANS_MAX + 2];

	assert_int_equal(card_comm_save_all(db, a, message, means, &err), PACT_OK);
	assert_int_equal(lines(db), 2);
	/* one wrong field: named with its audience, and nothing changes */
	memset(bad, 'b', sizeof bad - 1);
	bad[sizeof bad - 1] = '\0';
	message[0] = NULL;
	means[0] = NULL;
	means[6] = bad;
	assert_int_equal(card_comm_save_all(db, a, message, means, &err), PACT_EINPUT);
	assert_int_equal(strncmp(err.msg, "means (The press): ", 19), 0);
	assert_int_equal(lines(db), 2);
	/* emptied audiences go, the rest stays */
	means[6] = "persbericht";
	assert_int_equal(card_comm_save_all(db, a, message, means, &err), PACT_OK);
	assert_int_equal(card_comm_get(db, a, &plan, &err), PACT_OK);
	assert_string_equal(plan.message[0], "");
	assert_string_equal(plan.means[0], "");
	assert_string_equal(plan.message[3], "Doe mee");
	assert_string_equal(plan.means[6], "persbericht");
	assert_int_equal(card_comm_count(&plan), 2);
	card_comm_free(&plan);
	assert_int_equal(lines(db), 2);
	assert_int_equal(card_comm_save_all(db, 9999, message, means, &err), PACT_EINPUT);
}

static void test_card_view_shows_the_plan(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t a = card(db, "Woonvisie");
	char *text = card_describe(db, a);

	assert_non_null(text);
	assert_null(strstr(text, "Communication"));
	free(text);
	assert_int_equal(card_comm_save(db, a, "pers", "Schiedam is de voorbeeldstad", "", &err),
			 PACT_OK);
	assert_int_equal(card_comm_save(db, a, "raad", "Doe mee", "dropping", &err), PACT_OK);
	text = card_describe(db, a);
	assert_non_null(text);
	assert_non_null(strstr(text, "\nCommunication\nThe council\n  Message: Doe mee\n"
				     "  Means: dropping\nThe press\n"
				     "  Message: Schiedam is de voorbeeldstad\n\nHistory\n"));
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys_and_labels),
		cmocka_unit_test_setup_teardown(test_save_read_and_remove, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_bad_input_is_named, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_save_all, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_card_view_shows_the_plan, open_db, close_db),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
