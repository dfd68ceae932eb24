/* Unit tests of the evaluation form for every subject: the questions about
 * fit with Schiedam, public value and diversity (optional, checked), an
 * evaluation of a session or an advice (a participation trajectory that is
 * no experiment) as a case in the library, exactly one subject in the raw
 * database, and a file from schema 16 that keeps its evaluations and
 * cases. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "board.h"
#include "brainstorm_session.h"
#include "cases.h"
#include "card.h"
#include "evaluation.h"
#include "sql.h"
#include "testdb.h"

static int64_t count_of(sqlite3 *db, const char *sql)
{
	int64_t n = -1;

	assert_int_equal(sql_int(db, &n, NULL, NULL, sql, ""), PACT_OK);
	return n;
}

static int64_t a_session(sqlite3 *db, const char *title)
{
	struct pact_err err;
	int64_t id = 0;

	assert_int_equal(session_create(db, &(struct session_fields){ .title = title,
								       .question = "Hoe maken we de haven levendig?" },
					&id, &err),
			 PACT_OK);
	return id;
}

static int64_t an_advice(sqlite3 *db, const char *title)
{
	struct pact_err err;
	int64_t id = 0;

	assert_int_equal(advice_save(db, &(struct advice_fields){ .title = title, .author = "Ayse",
								   .outcome = "co-produce",
								   .rung = "co-produce" },
				     &id, &err),
			 PACT_OK);
	return id;
}

static const struct board_evaluation full = {
	.goal = "4", .repeat = "changes", .evaluated_by = "Jan", .date = "2019-05-01",
	.dos = "Begin klein", .fits = "partly", .fits_why = "Past bij de wijk, niet bij de raad",
	.satisfaction = "4", .satisfaction_note = "Bewoners waren tevreden",
	.support = "", .support_note = "Nog niet gemeten", .legitimacy = "5",
	.diversity = "Jongeren en ondernemers uit Nieuwland",
};

/* The new questions are stored and read back; not answering is allowed. */
static void test_new_questions_round_trip(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	char *v[BOARD_EVAL_FIELDS];
	int64_t card;

	assert_int_equal(board_card_new(db, "Wijkbudget", "Fatima", NULL, &card, &err), PACT_OK);
	assert_int_equal(board_evaluation_save(db, card, &full, &err), PACT_OK);
	assert_int_equal(board_evaluation_get(db, card, v, &err), PACT_OK);
	assert_string_equal(v[11], "partly");
	assert_string_equal(v[12], "Past bij de wijk, niet bij de raad");
	assert_string_equal(v[13], "4");
	assert_string_equal(v[14], "Bewoners waren tevreden");
	assert_string_equal(v[15], ""); /* support: not answered */
	assert_string_equal(v[16], "Nog niet gemeten");
	assert_string_equal(v[17], "5");
	assert_string_equal(v[19], "Jongeren en ondernemers uit Nieuwland");
	for (int i = 0; i < BOARD_EVAL_FIELDS; i++)
		free(v[i]);
	assert_int_equal(count_of(db, "SELECT count(*) FROM evaluation WHERE support IS NULL AND "
				      "satisfaction = 4 AND legitimacy = 5 AND fits = 'partly'"),
			 1);
	/* an evaluation with none of them answered is complete and anchors */
	assert_int_equal(board_evaluate(db, card,
					&(struct board_evaluation){ .goal = "3", .repeat = "yes",
								    .evaluated_by = "Jan" },
					true, &err),
			 PACT_OK);
	assert_int_equal(count_of(db, "SELECT count(*) FROM evaluation WHERE fits IS NULL AND "
				      "satisfaction IS NULL AND diversity = ''"),
			 1);
}

/* A wrong answer is named and nothing is stored. */
static void test_wrong_answers_are_named(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct board_evaluation e = full;
	int64_t card;

	assert_int_equal(board_card_new(db, "Wijkbudget", "", NULL, &card, &err), PACT_OK);
	e.satisfaction = "6";
	assert_int_equal(board_evaluation_save(db, card, &e, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "satisfaction"));
	e = full;
	e.legitimacy = "hoog";
	assert_int_equal(board_evaluation_save(db, card, &e, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "legitimacy"));
	assert_string_equal(err.msg, "legitimacy: 'hoog' is not a whole number; write a whole "
				     "number from 1 to 5 (or leave it empty: not answered)");
	/* The goal is required (NOT NULL): empty says it is empty, a word says
	 * what to write; neither names a number out of range. */
	e = full;
	e.goal = "";
	assert_int_equal(board_evaluation_save(db, card, &e, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "goal reached: empty; write a whole number from 1 to 5");
	e.goal = "goed";
	assert_int_equal(board_evaluation_save(db, card, &e, &err), PACT_EINPUT);
	assert_string_equal(err.msg,
			    "goal reached: 'goed' is not a whole number; write a whole number from 1 to 5");
	e = full;
	e.support = "0";
	assert_int_equal(board_evaluation_save(db, card, &e, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "support"));
	e = full;
	e.fits = "maybe";
	assert_int_equal(board_evaluation_save(db, card, &e, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "fits Schiedam"));
	assert_int_equal(count_of(db, "SELECT count(*) FROM evaluation"), 0);
	/* a subject that is not there */
	assert_int_equal(evaluation_save(db, EVAL_SESSION, 999, &full, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "no session 999"));
	assert_int_equal(evaluation_save(db, EVAL_ADVICE, 999, &full, &err), PACT_EINPUT);
	assert_int_equal(evaluation_save(db, 7, 1, &full, &err), PACT_EINPUT);
}

/* The titles of the cases found for typed, joined by "|", without marks. */
static void found(sqlite3 *db, const char *typed, char *out, size_t size)
{
	struct pact_err err;
	struct case_hit *hits;
	size_t n;
	int64_t total;

	assert_int_equal(cases_search(db, typed, 50, &hits, &n, &total, &err), PACT_OK);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strncat(out, "|", size - strlen(out) - 1);
		for (const char *p = hits[i].title; *p; p++)
			if (*p != CASES_MARK_ON && *p != CASES_MARK_OFF)
				strncat(out, p, 1);
	}
	cases_free(hits, n);
}

/* A session and an advice evaluated with the same form are cases that say
 * what they evaluated, found by their notes too, and follow their subject. */
static void test_trajectories_are_cases(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct board_evaluation e = full;
	int64_t s = a_session(db, "Opreksessie havens"), a = an_advice(db, "Parkeren Singel");
	char got[512], *text;

	assert_int_equal(evaluation_save(db, EVAL_SESSION, s, &full, &err), PACT_OK);
	e.diversity = "Vooral ouderen";
	e.date = "2019-06-01";
	assert_int_equal(evaluation_save(db, EVAL_ADVICE, a, &e, &err), PACT_OK);
	/* saving again replaces, never a second evaluation */
	assert_int_equal(evaluation_save(db, EVAL_ADVICE, a, &e, &err), PACT_OK);
	assert_int_equal(count_of(db, "SELECT count(*) FROM evaluation"), 2);
	found(db, "", got, sizeof got);
	assert_string_equal(got, "Advice: Parkeren Singel|Session: Opreksessie havens");
	found(db, "nieuwland", got, sizeof got);
	assert_string_equal(got, "Session: Opreksessie havens");
	found(db, "ouderen", got, sizeof got);
	assert_string_equal(got, "Advice: Parkeren Singel");
	found(db, "levendig", got, sizeof got); /* the session's question */
	assert_string_equal(got, "Session: Opreksessie havens");
	/* the case in words, with the new answers */
	text = cases_describe_case(db, evaluation_of(db, EVAL_SESSION, s));
	assert_non_null(text);
	assert_non_null(strstr(text, "Session: Opreksessie havens\n"));
	assert_non_null(strstr(text, "Fits Schiedam: partly — Past bij de wijk, niet bij de raad\n"));
	assert_non_null(strstr(text, "Satisfaction: 4 / 5 — Bewoners waren tevreden\n"));
	assert_non_null(strstr(text, "Support: Nog niet gemeten\n"));
	assert_non_null(strstr(text, "Legitimacy: 5 / 5\n"));
	assert_non_null(strstr(text, "Diversity reached: Jongeren en ondernemers uit Nieuwland\n"));
	free(text);
	/* a renamed session is found by its new title; a deleted one is gone */
	assert_int_equal(sql_exec(db, &err, "UPDATE session SET title = 'Stadshavens' WHERE id = ?",
				  "I", s),
			 PACT_OK);
	found(db, "stadshavens", got, sizeof got);
	assert_string_equal(got, "Session: Stadshavens");
	assert_int_equal(session_delete(db, s, &err), PACT_OK);
	found(db, "", got, sizeof got);
	assert_string_equal(got, "Advice: Parkeren Singel");
	assert_int_equal(count_of(db, "SELECT count(*) FROM evaluation"), 1);
}

/* The database itself refuses an evaluation of nothing or of two things. */
static void test_exactly_one_subject_in_the_database(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t card, s = a_session(db, "Sessie");

	assert_int_equal(board_card_new(db, "Kaart", "", NULL, &card, &err), PACT_OK);
	assert_int_not_equal(sql_exec(db, &err,
				      "INSERT INTO evaluation(uuid, goal, repeat, evaluated_by, date) "
				      "VALUES ('u1', 3, 'yes', 'Jan', '2019-01-01')",
				      ""),
			     PACT_OK);
	assert_int_not_equal(sql_exec(db, &err,
				      "INSERT INTO evaluation(uuid, experiment_id, session_id, goal, "
				      "repeat, evaluated_by, date) VALUES ('u2', ?, ?, 3, 'yes', 'Jan', "
				      "'2019-01-01')",
				      "II", card, s),
			     PACT_OK);
	assert_int_not_equal(sql_exec(db, &err,
				      "INSERT INTO evaluation(uuid, session_id, goal, repeat, "
				      "evaluated_by, date, satisfaction) VALUES ('u3', ?, 3, 'yes', "
				      "'Jan', '2019-01-01', 9)",
				      "I", s),
			     PACT_OK);
	assert_int_equal(count_of(db, "SELECT count(*) FROM evaluation"), 0);
}

/* The card view shows the card's evaluation with the new answers. */
static void test_card_view_shows_them(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t card;
	char *text;

	assert_int_equal(board_card_new(db, "Wijkbudget", "", NULL, &card, &err), PACT_OK);
	text = card_describe(db, card);
	assert_null(strstr(text, "Fits Schiedam"));
	free(text);
	assert_int_equal(board_evaluation_save(db, card, &full, &err), PACT_OK);
	text = card_describe(db, card);
	assert_non_null(strstr(text, "\nEvaluation\nGoal reached: 4 / 5\n"));
	assert_non_null(strstr(text, "Fits Schiedam: partly"));
	assert_non_null(strstr(text, "Diversity reached: Jongeren"));
	free(text);
}

/* A file from schema 16 keeps its evaluations, which stay cases found as
 * before, now keyed by the evaluation. */
static void test_schema_16_file_migrates(void **state)
{
	sqlite3 *db;
	struct pact_err err;

	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), PACT_OK);
	assert_int_equal(db_migrate(db, 0, 16, &err), PACT_OK);
	assert_int_equal(
		sql_exec(db, &err,
			 "INSERT INTO experiment(id, uuid, title, created_at, updated_at) VALUES "
			 "(7, 'x7', 'Casuïstiek', 'n', 'n'), (8, 'x8', 'Havens', 'n', 'n')",
			 ""),
		PACT_OK);
	assert_int_equal(
		sql_exec(db, &err,
			 "INSERT INTO evaluation(id, uuid, experiment_id, goal, repeat, evaluated_by, "
			 "date, donts) VALUES (3, 'e3', 8, 4, 'yes', 'Jan', '2019-01-01', 'geen jargon')",
			 ""),
		PACT_OK);
	assert_int_equal(db_migrate(db, 16, db_schema_latest(), &err), PACT_OK);
	assert_int_equal(count_of(db, "SELECT count(*) FROM evaluation WHERE id = 3 AND "
				      "experiment_id = 8 AND fits IS NULL AND support IS NULL"),
			 1);
	assert_int_equal(count_of(db, "SELECT rowid FROM case_fts WHERE case_fts MATCH 'jargon'"), 3);
	assert_int_equal(count_of(db, "SELECT rowid FROM case_fts WHERE case_fts MATCH 'havens' AND "
				      "title = 'Havens'"),
			 3);
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_new_questions_round_trip, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_wrong_answers_are_named, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_trajectories_are_cases, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_exactly_one_subject_in_the_database, open_db,
						close_db),
		cmocka_unit_test_setup_teardown(test_card_view_shows_them, open_db, close_db),
		cmocka_unit_test(test_schema_16_file_migrates),
	};

	setlocale(LC_ALL, "C");
	return cmocka_run_group_tests_name("evaluation", tests, NULL, NULL);
}
