/* Unit tests of the experiment board's core: new cards, moves between and
 * within columns, the history of column changes, and the rule that only an
 * evaluated experiment is anchored. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "advice.h"
#include "board.h"
#include "card.h"
#include "pot.h"
#include "db.h"
#include "sql.h"
#include "testdb.h"


static int64_t number(sqlite3 *db, const char *sql, int64_t id)
{
	struct pact_err err;
	int64_t n = -1;

	assert_int_equal(sql_int(db, &n, NULL, &err, sql, "I", id), PACT_OK);
	return n;
}

static int64_t card(sqlite3 *db, const char *title)
{
	struct pact_err err;
	int64_t id = 0;

	assert_int_equal(board_card_new(db, title, "Fatima", "contact", &id, &err), PACT_OK);
	assert_true(id > 0);
	return id;
}

/* The titles of a column, top to bottom, "|" between. */
static void column_titles(sqlite3 *db, int column, char *out, size_t size)
{
	struct pact_err err;
	sqlite3_stmt *st = sql_query(db, &err,
				     "SELECT title FROM experiment WHERE status = ? "
				     "ORDER BY position, id",
				     "t", board_status_key(column));

	assert_non_null(st);
	out[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (out[0])
			strncat(out, "|", size - strlen(out) - 1);
		strncat(out, (const char *)sqlite3_column_text(st, 0), size - strlen(out) - 1);
	}
	sqlite3_finalize(st);
}

static void test_keys_and_names(void **state)
{
	(void)state;
	assert_string_equal(board_status_key(BOARD_IDEA), "idea");
	assert_string_equal(board_status_key(BOARD_STOPPED), "stopped");
	assert_string_equal(board_status_key(BOARD_COLUMNS), "");
	assert_int_equal(board_status_index("anchored"), BOARD_ANCHORED);
	assert_int_equal(board_status_index("Anchored"), -1);
	assert_int_equal(board_status_index(NULL), -1);
	assert_string_equal(board_column_name(BOARD_EVALUATING), "Evaluating");
	assert_int_equal(board_track_index("letting-go"), 2);
	assert_string_equal(board_track_name(2), "Letting go");
	assert_int_equal(board_track_index("loslaten"), -1);
}

static void test_new_card(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t id = 0, counts[BOARD_COLUMNS];
	char titles[200];

	id = card(db, "Woonvisie in co-design");
	card(db, "Wijknetwerk van de toekomst");
	assert_int_equal(board_card_column(db, id, &err), BOARD_IDEA);
	column_titles(db, BOARD_IDEA, titles, sizeof titles);
	assert_string_equal(titles, "Woonvisie in co-design|Wijknetwerk van de toekomst");
	assert_int_equal(number(db, "SELECT count(*) FROM experiment_event WHERE experiment_id = ? "
				    "AND from_status IS NULL AND to_status = 'idea'",
				id),
			 1);
	assert_int_equal(board_counts(db, counts, &err), PACT_OK);
	assert_int_equal(counts[BOARD_IDEA], 2);
	assert_int_equal(counts[BOARD_RUNNING], 0);

	assert_int_equal(board_card_new(db, "  ", "", NULL, &id, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "title"));
	assert_int_equal(board_card_new(db, "X", "", "loslaten", &id, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "track"));
	assert_non_null(strstr(err.msg, "loslaten"));
	assert_int_equal(board_counts(db, counts, &err), PACT_OK);
	assert_int_equal(counts[BOARD_IDEA], 2);
}

static void test_move_through_columns(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t a = card(db, "A"), b = card(db, "B"), counts[BOARD_COLUMNS];
	char titles[200], *text;

	assert_int_equal(board_move(db, a, BOARD_PREPARING, &err), PACT_OK);
	assert_int_equal(board_move(db, b, BOARD_PREPARING, &err), PACT_OK);
	assert_int_equal(board_move(db, a, BOARD_RUNNING, &err), PACT_OK);
	assert_int_equal(board_move(db, a, BOARD_PREPARING, &err), PACT_OK);
	/* back in Preparing, A goes to the bottom */
	column_titles(db, BOARD_PREPARING, titles, sizeof titles);
	assert_string_equal(titles, "B|A");
	assert_int_equal(board_move(db, a, BOARD_PREPARING, &err), PACT_OK);
	assert_int_equal(board_move(db, a, BOARD_STOPPED, &err), PACT_OK);
	assert_int_equal(board_card_column(db, a, &err), BOARD_STOPPED);
	/* one event per real change, in order */
	assert_int_equal(number(db, "SELECT count(*) FROM experiment_event WHERE experiment_id = ?",
				a),
			 5);
	assert_int_equal(number(db, "SELECT count(*) FROM experiment_event WHERE experiment_id = ? "
				    "AND from_status = 'running' AND to_status = 'preparing'",
				a),
			 1);
	assert_int_equal(number(db, "SELECT to_status = 'stopped' FROM experiment_event WHERE "
				    "experiment_id = ? ORDER BY id DESC LIMIT 1",
				a),
			 1);
	assert_int_equal(board_counts(db, counts, &err), PACT_OK);
	assert_int_equal(counts[BOARD_PREPARING], 1);
	assert_int_equal(counts[BOARD_STOPPED], 1);

	assert_int_equal(sql_exec(db, &err, "UPDATE experiment SET planned = 150050, reached = 40, "
				  "groups = 'residents,others', opgave = 'Wonen' WHERE id = ?", "I", a),
			 PACT_OK);
	text = card_describe(db, a);
	assert_non_null(text);
	assert_non_null(strstr(text, "Column: Stopped\nOpgave: Wonen\nPlanned: €1,500.50\n"
				     "People reached: 40\nTarget groups: Residents Others\n"));
	assert_int_equal(strncmp(text, "A\n\nOwner: Fatima\nTrack: Contact with the city\n"
				       "Rung: —\nWork form: —\nColumn: Stopped\n",
				 strlen("A\n\nOwner: Fatima\nTrack: Contact with the city\nRung: —\n"
					"Work form: —\nColumn: Stopped\n")),
			 0);
	assert_non_null(strstr(text, "\n\nHistory\n"));
	assert_non_null(strstr(text, "  new in Idea\n"));
	assert_non_null(strstr(text, "  Running → Preparing\n"));
	assert_non_null(strstr(text, "  Preparing → Stopped\n"));
	free(text);
	assert_null(card_describe(db, 9999));

	assert_int_equal(board_move(db, 9999, BOARD_RUNNING, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "9999"));
	assert_int_equal(board_move(db, a, BOARD_COLUMNS, &err), PACT_EINPUT);
}

static void test_anchored_needs_evaluation(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t a = card(db, "Ideeënloodser");
	bool done = true;

	assert_int_equal(board_move(db, a, BOARD_EVALUATING, &err), PACT_OK);
	assert_int_equal(board_move(db, a, BOARD_ANCHORED, &err), BOARD_NEEDS_EVALUATION);
	assert_non_null(strstr(err.msg, "evaluation"));
	assert_int_equal(board_card_column(db, a, &err), BOARD_EVALUATING);
	assert_int_equal(number(db, "SELECT count(*) FROM experiment_event WHERE experiment_id = ?",
				a),
			 2);
	assert_int_equal(board_evaluated(db, a, &done, &err), PACT_OK);
	assert_false(done);

	assert_int_equal(sql_exec(db, &err,
				  "INSERT INTO evaluation(uuid, experiment_id, goal, repeat, evaluated_by, "
				  "date) VALUES (hex(randomblob(16)), ?, 4, 'changes', 'Pool', '2026-11-27')",
				  "I", a),
			 PACT_OK);
	assert_int_equal(board_evaluated(db, a, &done, &err), PACT_OK);
	assert_true(done);
	assert_int_equal(board_move(db, a, BOARD_ANCHORED, &err), PACT_OK);
	assert_int_equal(board_card_column(db, a, &err), BOARD_ANCHORED);
}

static void test_shift_within_column(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t a = card(db, "A"), b = card(db, "B"), c = card(db, "C");
	bool moved;
	char titles[200];

	(void)a;
	assert_int_equal(board_shift(db, c, -1, &moved, &err), PACT_OK);
	assert_true(moved);
	column_titles(db, BOARD_IDEA, titles, sizeof titles);
	assert_string_equal(titles, "A|C|B");
	assert_int_equal(board_shift(db, c, -1, &moved, &err), PACT_OK);
	assert_int_equal(board_shift(db, c, -1, &moved, &err), PACT_OK);
	assert_false(moved);
	column_titles(db, BOARD_IDEA, titles, sizeof titles);
	assert_string_equal(titles, "C|A|B");
	assert_int_equal(board_shift(db, b, 1, &moved, &err), PACT_OK);
	assert_false(moved);
	assert_int_equal(board_shift(db, a, 1, &moved, &err), PACT_OK);
	assert_true(moved);
	column_titles(db, BOARD_IDEA, titles, sizeof titles);
	assert_string_equal(titles, "C|B|A");

	/* equal places, as an import may leave them, are ordered by id and
	 * still move one step */
	assert_int_equal(sql_exec(db, &err, "UPDATE experiment SET position = 7", ""), PACT_OK);
	assert_int_equal(board_shift(db, c, -1, &moved, &err), PACT_OK);
	assert_true(moved);
	column_titles(db, BOARD_IDEA, titles, sizeof titles);
	assert_string_equal(titles, "A|C|B");
	assert_int_equal(board_shift(db, b, 2, &moved, &err), PACT_EINPUT);
	assert_int_equal(board_shift(db, 9999, 1, &moved, &err), PACT_EINPUT);
	assert_false(moved);
}

static void test_delete_takes_history(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t a = card(db, "A"), b = card(db, "B");

	assert_int_equal(board_move(db, a, BOARD_RUNNING, &err), PACT_OK);
	assert_int_equal(sql_exec(db, &err,
				  "INSERT INTO evaluation(uuid, experiment_id, goal, repeat, evaluated_by, "
				  "date) VALUES (hex(randomblob(16)), ?, 2, 'no', 'Pool', '2026-11-27')",
				  "I", a),
			 PACT_OK);
	assert_int_equal(board_card_delete(db, a, &err), PACT_OK);
	assert_int_equal(number(db, "SELECT count(*) FROM experiment_event WHERE experiment_id = ?",
				a),
			 0);
	assert_int_equal(number(db, "SELECT count(*) FROM evaluation WHERE experiment_id = ?", a),
			 0);
	assert_int_equal(number(db, "SELECT count(*) FROM experiment WHERE id = ?", b), 1);
}

static void test_card_from_advice(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct advice_fields f = {
		.title = "Herinrichting Broersveld", .author = "Sanne", .outcome = "co",
		.rung = "coproduceren", .forms = "Ontwerpatelier; Wijkwandeling; Enquête",
	};
	int64_t advice = 0, card = 0, again = 0;
	bool existed = true;
	sqlite3_stmt *st;

	assert_int_equal(advice_save(db, &f, &advice, &err), PACT_OK);
	assert_int_equal(board_card_from_advice(db, advice, &card, &existed, &err), PACT_OK);
	assert_false(existed);
	assert_int_equal(board_card_column(db, card, &err), BOARD_IDEA);
	st = sql_query(db, &err,
		       "SELECT x.title, x.owner, x.rung, x.werkvorm, x.advice_uuid = a.uuid "
		       "FROM experiment x, advice a WHERE x.id = ? AND a.id = ?",
		       "II", card, advice);
	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 0), "Herinrichting Broersveld");
	assert_string_equal(sqlite3_column_text(st, 1), "Sanne");
	assert_string_equal(sqlite3_column_text(st, 2), "coproduceren");
	assert_string_equal(sqlite3_column_text(st, 3), "Ontwerpatelier");
	assert_int_equal(sqlite3_column_int(st, 4), 1);
	sqlite3_finalize(st);
	assert_int_equal(number(db, "SELECT count(*) FROM experiment_event WHERE experiment_id = ?",
				card),
			 1);

	/* the same advice again: the card it has, no second one */
	assert_int_equal(board_card_from_advice(db, advice, &again, &existed, &err), PACT_OK);
	assert_true(existed);
	assert_int_equal(again, card);
	assert_int_equal(number(db, "SELECT count(*) FROM experiment WHERE id >= ?", 0), 1);

	/* an advice without forms gives a card without one */
	f.forms = "";
	advice = 0;
	assert_int_equal(advice_save(db, &f, &advice, &err), PACT_OK);
	assert_int_equal(board_card_from_advice(db, advice, &card, &existed, &err), PACT_OK);
	assert_false(existed);
	assert_int_equal(number(db, "SELECT length(werkvorm) FROM experiment WHERE id = ?", card), 0);

	assert_int_equal(board_card_from_advice(db, 9999, &card, &existed, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "9999"));
}

static void test_evaluation_form(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t a = card(db, "Klantreis dienstverlening");
	struct board_evaluation e = {
		.goal = "4", .participants = "23", .who = "bewoners, twee ondernemers",
		.worked = "Klantreizen lopen", .dos = "Begin klein", .donts = "Geen jargon",
		.repeat = "changes", .learnings = "Loslaten werkt", .evaluated_by = "Pool",
		.date = "27-11-2026",
	};
	static const struct {
		const char *field, *value, *says;
	} bad[] = {
		{ "goal", "6", "goal reached: " },
		{ "goal", "", "goal reached: " },
		{ "participants", "-1", "participants: " },
		{ "participants", "veel", "participants: " },
		{ "repeat", "misschien", "would repeat: 'misschien' is not an answer; write yes, no or changes" },
		{ "date", "31-02-2026", "date: " },
		{ "evaluated_by", "  ", "evaluated by: " },
	};
	char *v[BOARD_EVAL_FIELDS];
	bool done;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct board_evaluation b = e;

		if (strcmp(bad[i].field, "goal") == 0)
			b.goal = bad[i].value;
		else if (strcmp(bad[i].field, "participants") == 0)
			b.participants = bad[i].value;
		else if (strcmp(bad[i].field, "repeat") == 0)
			b.repeat = bad[i].value;
		else if (strcmp(bad[i].field, "date") == 0)
			b.date = bad[i].value;
		else
			b.evaluated_by = bad[i].value;
		assert_int_equal(board_evaluation_save(db, a, &b, &err), PACT_EINPUT);
		if (strncmp(err.msg, bad[i].says, strlen(bad[i].says)) != 0)
			fail_msg("%s '%s': %s", bad[i].field, bad[i].value, err.msg);
		assert_int_equal(number(db, "SELECT count(*) FROM evaluation WHERE experiment_id = ?", a),
				 0);
	}
	assert_int_equal(board_move(db, a, BOARD_ANCHORED, &err), BOARD_NEEDS_EVALUATION);
	assert_int_equal(board_evaluation_get(db, a, v, &err), PACT_OK);
	for (int i = 0; i < BOARD_EVAL_FIELDS; i++)
		assert_null(v[i]);

	assert_int_equal(board_evaluation_save(db, a, &e, &err), PACT_OK);
	assert_int_equal(board_evaluation_get(db, a, v, &err), PACT_OK);
	assert_string_equal(v[0], "4");
	assert_string_equal(v[1], "23");
	assert_string_equal(v[6], "Geen jargon");
	assert_string_equal(v[7], "changes");
	assert_string_equal(v[9], "Pool");
	assert_string_equal(v[10], "2026-11-27");
	for (int i = 0; i < BOARD_EVAL_FIELDS; i++)
		free(v[i]);
	assert_int_equal(board_evaluated(db, a, &done, &err), PACT_OK);
	assert_true(done);
	assert_int_equal(number(db, "SELECT goal * 1000 + participants FROM evaluation WHERE "
				    "experiment_id = ? AND date = '2026-11-27' AND repeat = 'changes'",
				a),
			 4023);
	/* saved again: replaced, not doubled */
	e.goal = "2";
	e.participants = "";
	e.date = "";
	assert_int_equal(board_evaluation_save(db, a, &e, &err), PACT_OK);
	assert_int_equal(number(db, "SELECT count(*) FROM evaluation WHERE experiment_id = ?", a), 1);
	assert_int_equal(number(db, "SELECT goal * 1000 + participants + (length(date) = 10) * 100 "
				    "FROM evaluation WHERE experiment_id = ?",
				a),
			 2100);
	assert_int_equal(board_move(db, a, BOARD_ANCHORED, &err), PACT_OK);
	assert_int_equal(board_evaluation_save(db, 9999, &e, &err), PACT_EINPUT);
}

/* Saving the evaluation and anchoring the card are one transaction: when
 * the move fails, no evaluation is stored, the card stays, and the status
 * is the move's. */
static void test_evaluate_and_anchor_is_one_transaction(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t a = card(db, "Wijkbudget"), b = card(db, "Buurttafel");
	struct board_evaluation e = {
		.goal = "3", .participants = "12", .repeat = "yes", .evaluated_by = "Pool",
		.date = "2026-11-27",
	};
	char titles[200];

	assert_int_equal(sql_exec(db, &err,
				  "CREATE TEMP TRIGGER no_anchor BEFORE UPDATE OF status ON experiment "
				  "WHEN NEW.status = 'anchored' AND OLD.title = 'Wijkbudget' "
				  "BEGIN SELECT RAISE(ABORT, 'anchoring is closed'); END",
				  ""),
			 PACT_OK);
	assert_int_equal(board_evaluate(db, a, &e, true, &err), PACT_EDB);
	assert_non_null(strstr(err.msg, "anchoring is closed"));
	assert_int_equal(number(db, "SELECT count(*) FROM evaluation WHERE experiment_id = ?", a), 0);
	assert_int_equal(board_card_column(db, a, &err), BOARD_IDEA);
	assert_int_equal(number(db, "SELECT count(*) FROM experiment_event WHERE experiment_id = ?",
				a),
			 1);
	/* a wrong field: nothing saved, nothing moved, the field named */
	e.goal = "9";
	assert_int_equal(board_evaluate(db, b, &e, true, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "goal reached: "));
	assert_int_equal(number(db, "SELECT count(*) FROM evaluation WHERE experiment_id = ?", b), 0);
	assert_int_equal(board_card_column(db, b, &err), BOARD_IDEA);
	/* both go through together */
	e.goal = "4";
	assert_int_equal(board_evaluate(db, b, &e, true, &err), PACT_OK);
	assert_int_equal(number(db, "SELECT goal FROM evaluation WHERE experiment_id = ?", b), 4);
	column_titles(db, BOARD_ANCHORED, titles, sizeof titles);
	assert_string_equal(titles, "Buurttafel");
	/* without anchor the card stays where it is */
	assert_int_equal(board_evaluate(db, a, &e, false, &err), PACT_OK);
	assert_int_equal(number(db, "SELECT goal FROM evaluation WHERE experiment_id = ?", a), 4);
	assert_int_equal(board_card_column(db, a, &err), BOARD_IDEA);
}

/* The budget report: figures per pot, what remains, and the over-the-pot
 * rule (over means more than the pot; equal is within). */
static void test_budget_report(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct pot_budget *pots;
	size_t n;
	char *text;
	int64_t a = card(db, "A"), b = card(db, "B"), c = card(db, "C");

	assert_int_equal(pot_budgets(db, &pots, &n, &err), PACT_OK);
	text = pot_report(pots, n, false);
	/* the way on the screen first, the command line second */
	assert_string_equal(text, "No budget pots yet. To add one here, press P on the Board and "
				  "then n. Or import them with: pact import budgets FILE (columns "
				  "name, year, amount).\n");
	free(text);
	pot_budgets_free(pots, n);
	assert_int_equal(sql_exec(db, &err,
				  "INSERT INTO budget_pot(uuid, name, year, amount) VALUES "
				  "('p1', 'Pact met de stad', 2019, 10000000), "
				  "('p2', 'Open Schiedam', 2019, 500000)",
				  ""),
			 PACT_OK);
	/* Pact met de stad: planned 90.000 + 12.500,50 = 102.500,50 (over by
	 * 2.500,50), spent 100.000,01 (over by 0,01) */
	assert_int_equal(sql_exec(db, &err,
				  "UPDATE experiment SET pot_id = 1, planned = 9000000, spent = 10000001 "
				  "WHERE id = ?",
				  "I", a),
			 PACT_OK);
	assert_int_equal(sql_exec(db, &err, "UPDATE experiment SET pot_id = 1, planned = 1250050 "
					    "WHERE id = ?",
				  "I", b),
			 PACT_OK);
	/* Open Schiedam: planned exactly the pot, spent 1.200 */
	assert_int_equal(sql_exec(db, &err, "UPDATE experiment SET pot_id = 2, planned = 500000, "
					    "spent = 120000 WHERE id = ?",
				  "I", c),
			 PACT_OK);
	assert_int_equal(pot_budgets(db, &pots, &n, &err), PACT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(pot_planned_over(&pots[0]), 0);
	assert_int_equal(pot_spent_over(&pots[0]), 0);
	assert_int_equal(pot_remaining(&pots[0]), 380000);
	assert_int_equal(pot_planned_over(&pots[1]), 250050);
	assert_int_equal(pot_spent_over(&pots[1]), 1);
	assert_int_equal(pot_remaining(&pots[1]), -1);
	text = pot_report(pots, n, false);
	assert_string_equal(text, "Open Schiedam (2019)\n"
				  "  pot €5,000.00   planned €5,000.00\n"
				  "  spent €1,200.00   remaining €3,800.00\n"
				  "  1 experiment draws on it.\n"
				  "\n"
				  "Pact met de stad (2019)\n"
				  "  pot €100,000.00   planned €102,500.50\n"
				  "  spent €100,000.01   remaining -€0.01\n"
				  "  2 experiments draw on it.\n"
				  "  ! Planned is over the pot by €2,500.50.\n"
				  "  ! Spent is over the pot by €0.01.\n"
				  "\n"
				  "Total per year\n"
				  "  2019: €105,000.00 in 2 pots; planned €107,500.50, spent "
				  "€101,200.01, remaining €3,799.99\n");
	free(text);
	pot_budgets_free(pots, n);
}

static void test_pots(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct pot_budget *pots;
	size_t n;
	int64_t a = card(db, "A"), b = card(db, "B");

	assert_int_equal(pot_budgets(db, &pots, &n, &err), PACT_OK);
	assert_int_equal(n, 0);
	pot_budgets_free(pots, n);
	assert_int_equal(sql_exec(db, &err,
				  "INSERT INTO budget_pot(uuid, name, year, amount) VALUES "
				  "('p1', 'Pact met de stad', 2019, 10000000), "
				  "('p2', 'Open Schiedam', 2019, 15000000), ('p3', 'Oud', 2018, 5)",
				  ""),
			 PACT_OK);
	assert_int_equal(sql_exec(db, &err,
				  "UPDATE experiment SET pot_id = 1, planned = 9000000, spent = ? "
				  "WHERE id = ?",
				  "II", (int64_t)10000001, a),
			 PACT_OK);
	assert_int_equal(sql_exec(db, &err,
				  "UPDATE experiment SET pot_id = 1, planned = 1250050 WHERE id = ?", "I",
				  b),
			 PACT_OK);
	assert_int_equal(pot_budgets(db, &pots, &n, &err), PACT_OK);
	assert_int_equal(n, 3);
	/* by year, then name */
	assert_string_equal(pots[0].name, "Oud");
	assert_string_equal(pots[1].name, "Open Schiedam");
	assert_int_equal(pots[1].cards, 0);
	assert_int_equal(pots[1].planned, 0);
	assert_string_equal(pots[2].name, "Pact met de stad");
	assert_int_equal(pots[2].year, 2019);
	assert_int_equal(pots[2].amount, 10000000);
	assert_int_equal(pots[2].planned, 10250050);
	assert_int_equal(pots[2].spent, 10000001);
	assert_int_equal(pots[2].cards, 2);
	pot_budgets_free(pots, n);
	/* a deleted pot leaves its cards without one */
	assert_int_equal(sql_exec(db, &err, "DELETE FROM budget_pot WHERE id = 1", ""), PACT_OK);
	assert_int_equal(number(db, "SELECT count(*) FROM experiment WHERE pot_id IS NULL AND id >= ?",
				0),
			 2);
}

/* The titles the filter lets through, "|" between, column by column in
 * board order. */
static void filtered_titles(sqlite3 *db, const struct board_filter *f, char *out, size_t size)
{
	struct pact_err err;
	struct board_cards c;

	assert_int_equal(board_cards_load(db, f, &c, &err), PACT_OK);
	out[0] = '\0';
	for (int k = 0; k < BOARD_COLUMNS; k++)
		for (size_t i = 0; i < c.n[k]; i++) {
			if (out[0])
				strncat(out, "|", size - strlen(out) - 1);
			strncat(out, c.col[k][i].title, size - strlen(out) - 1);
		}
	board_cards_free(&c);
}

/* The board's cards by column, in their order, with what a card shows. */
static void test_cards_by_column(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct board_cards c;
	int64_t a, b, d, e;

	assert_int_equal(board_cards_load(db, &(struct board_filter){ NULL, NULL, NULL, -1, false, NULL }, &c,
					  &err),
			 PACT_OK);
	for (int k = 0; k < BOARD_COLUMNS; k++)
		assert_int_equal(c.n[k], 0);
	board_cards_free(&c);
	assert_int_equal(board_card_new(db, "Woonvisie", "Fatima", "visions", &a, &err), PACT_OK);
	assert_int_equal(board_card_new(db, "Klantreis", "", "contact", &b, &err), PACT_OK);
	assert_int_equal(board_card_new(db, "Wijknetwerk", "Jan", "letting-go", &d, &err), PACT_OK);
	assert_int_equal(board_card_new(db, "Stadsgesprek", "Zoë", NULL, &e, &err), PACT_OK);
	assert_int_equal(board_move(db, b, BOARD_STOPPED, &err), PACT_OK);
	assert_int_equal(board_move(db, d, BOARD_RUNNING, &err), PACT_OK);
	assert_int_equal(board_move(db, a, BOARD_RUNNING, &err), PACT_OK);

	assert_int_equal(board_cards_load(db, &(struct board_filter){ "", "", "", -1, false, NULL }, &c, &err),
			 PACT_OK);
	assert_int_equal(c.n[BOARD_IDEA], 1);
	assert_int_equal(c.n[BOARD_PREPARING], 0);
	assert_int_equal(c.n[BOARD_RUNNING], 2);
	assert_int_equal(c.n[BOARD_EVALUATING], 0);
	assert_int_equal(c.n[BOARD_ANCHORED], 0);
	assert_int_equal(c.n[BOARD_STOPPED], 1);
	assert_int_equal(c.col[BOARD_IDEA][0].id, e);
	assert_string_equal(c.col[BOARD_IDEA][0].title, "Stadsgesprek");
	assert_string_equal(c.col[BOARD_IDEA][0].owner, "Zoë");
	assert_int_equal(c.col[BOARD_IDEA][0].track, 4); /* other */
	/* moved in last, at the bottom */
	assert_int_equal(c.col[BOARD_RUNNING][0].id, d);
	assert_string_equal(c.col[BOARD_RUNNING][0].owner, "Jan");
	assert_int_equal(c.col[BOARD_RUNNING][0].track, 2);
	assert_int_equal(c.col[BOARD_RUNNING][1].id, a);
	assert_string_equal(c.col[BOARD_RUNNING][1].title, "Woonvisie");
	assert_int_equal(c.col[BOARD_RUNNING][1].track, 0);
	assert_int_equal(c.col[BOARD_STOPPED][0].id, b);
	assert_string_equal(c.col[BOARD_STOPPED][0].owner, "");
	assert_int_equal(c.col[BOARD_STOPPED][0].track, 1);
	board_cards_free(&c);
	for (int k = 0; k < BOARD_COLUMNS; k++) {
		assert_null(c.col[k]);
		assert_int_equal(c.n[k], 0);
	}
	/* the filter applies */
	assert_int_equal(board_cards_load(db, &(struct board_filter){ "", "jan", "", -1, false, NULL }, &c, &err),
			 PACT_OK);
	assert_int_equal(c.n[BOARD_IDEA] + c.n[BOARD_RUNNING] + c.n[BOARD_STOPPED], 1);
	assert_int_equal(c.col[BOARD_RUNNING][0].id, d);
	board_cards_free(&c);
}

static void test_filter(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t id;
	char got[200];

	assert_int_equal(board_card_new(db, "Woonvisie", "Fatima", "visions", &id, &err), PACT_OK);
	assert_int_equal(board_card_new(db, "Klantreis", "Jan", "contact", &id, &err), PACT_OK);
	assert_int_equal(sql_exec(db, &err,
				  "UPDATE experiment SET opgave = 'Dienstverlening', "
				  "notes = 'met de KLANTENRAAD' WHERE id = ?",
				  "I", id),
			 PACT_OK);
	assert_int_equal(board_card_new(db, "Wijknetwerk", "Jan de Wit", "letting-go", &id, &err),
			 PACT_OK);
	assert_int_equal(board_move(db, 1, BOARD_RUNNING, &err), PACT_OK);

	filtered_titles(db, &(struct board_filter){ NULL, NULL, NULL, -1, false, NULL }, got, sizeof got);
	assert_string_equal(got, "Klantreis|Wijknetwerk|Woonvisie");
	filtered_titles(db, &(struct board_filter){ "", "jan", "", -1, false, NULL }, got, sizeof got);
	assert_string_equal(got, "Klantreis|Wijknetwerk");
	filtered_titles(db, &(struct board_filter){ "klantenraad", "", "", -1, false, NULL }, got, sizeof got);
	assert_string_equal(got, "Klantreis");
	filtered_titles(db, &(struct board_filter){ "", "", "dienst", -1, false, NULL }, got, sizeof got);
	assert_string_equal(got, "Klantreis");
	filtered_titles(db, &(struct board_filter){ "", "JAN", "", 2, false, NULL }, got, sizeof got);
	assert_string_equal(got, "Wijknetwerk");
	filtered_titles(db, &(struct board_filter){ "woon", "jan", "", -1, false, NULL }, got, sizeof got);
	assert_string_equal(got, "");
	/* only the opgaveteam's focus experiments */
	assert_int_equal(sql_exec(db, &err, "UPDATE experiment SET focus = 1 WHERE title IN "
				  "('Woonvisie', 'Wijknetwerk')", ""), PACT_OK);
	filtered_titles(db, &(struct board_filter){ NULL, NULL, NULL, -1, true, NULL }, got, sizeof got);
	assert_string_equal(got, "Wijknetwerk|Woonvisie");
	filtered_titles(db, &(struct board_filter){ "", "jan", "", -1, true, NULL }, got, sizeof got);
	assert_string_equal(got, "Wijknetwerk");
	/* a LIKE pattern is plain text here */
	filtered_titles(db, &(struct board_filter){ "%", "", "", -1, false, NULL }, got, sizeof got);
	assert_string_equal(got, "");
	/* accents and capitals do not matter, in the card or in the filter */
	assert_int_equal(board_card_new(db, "Ideeënloodser", "Zoë", "contact", &id, &err), PACT_OK);
	filtered_titles(db, &(struct board_filter){ "IDEEEN", "zoe", "", -1, false, NULL }, got, sizeof got);
	assert_string_equal(got, "Ideeënloodser");
	filtered_titles(db, &(struct board_filter){ "ideeën", "", "", -1, false, NULL }, got, sizeof got);
	assert_string_equal(got, "Ideeënloodser");
	filtered_titles(db, &(struct board_filter){ "IDEEËN", "ZOË", "", -1, false, NULL }, got, sizeof got);
	assert_string_equal(got, "Ideeënloodser");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys_and_names),
		cmocka_unit_test_setup_teardown(test_new_card, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_move_through_columns, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_anchored_needs_evaluation, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_shift_within_column, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_delete_takes_history, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_card_from_advice, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_evaluation_form, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_pots, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_evaluate_and_anchor_is_one_transaction, open_db,
						close_db),
		cmocka_unit_test_setup_teardown(test_budget_report, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_filter, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_cards_by_column, open_db, close_db),
	};

	setlocale(LC_ALL, "C");
	return cmocka_run_group_tests_name("board", tests, NULL, NULL);
}
