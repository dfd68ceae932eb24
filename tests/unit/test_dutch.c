/* Unit tests of what the screens say in Dutch and in English, through the
 * real catalogue (build/locale, made by make): key names, rung and work
 * form names, numbers that agree with their nouns, and messages about
 * wrong values. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "board.h"
#include "brainstorm_session.h"
#include "card.h"
#include "cases.h"
#include "demo.h"
#include "i18n.h"
#include "ui/keys.h"
#include "kind.h"
#include "monitor.h"
#include "sql.h"
#include "testdb.h"
#include "tree.h"
#include "value.h"
#include "werkvorm.h"

#include <curses.h>

#include "testlang.h"

static const char *key(int k)
{
	static char buf[64];

	return keys_name(k, buf, sizeof buf);
}

/* --- key names ---------------------------------------------------------- */

static void test_key_names(void **state)
{
	(void)state;
	speak("nl");
	assert_string_equal(key(K_FN(KEY_UP)), "↑");
	assert_string_equal(key(K_FN(KEY_DOWN)), "↓");
	assert_string_equal(key(K_FN(KEY_LEFT)), "←");
	assert_string_equal(key(K_FN(KEY_RIGHT)), "→");
	assert_string_equal(key(' '), "Spatie");
	assert_string_equal(key(K_FN(KEY_BTAB)), "Shift-Tab");
	assert_string_equal(key(K_CTRL('l')), "Ctrl-L");
	/* One English word, two Dutch ones: the End and Delete keys keep
	 * their names, the end of a card and deleting one do not. */
	assert_string_equal(key(K_FN(KEY_END)), "End");
	assert_string_equal(key(K_FN(KEY_DC)), "Delete");
	assert_string_equal(_("End"), "Einde");
	assert_string_equal(_("Delete"), "Verwijderen");
	speak("en");
	assert_string_equal(key(K_FN(KEY_UP)), "Up");
	assert_string_equal(key(' '), "Space");
	assert_string_equal(key(K_FN(KEY_END)), "End");
	assert_string_equal(_("Delete"), "Delete");
	/* Key scripts keep reading the English names. */
	speak("nl");
	assert_int_equal(keys_parse("Up"), K_FN(KEY_UP));
	assert_int_equal(keys_parse("End"), K_FN(KEY_END));
	/* Function keys F1 to F24, the number read whole. */
	assert_int_equal(keys_parse("F1"), K_FN(KEY_F(1)));
	assert_int_equal(keys_parse("f24"), K_FN(KEY_F(24)));
	assert_int_equal(keys_parse("F25"), -1);
	assert_int_equal(keys_parse("F1x"), -1);
	assert_int_equal(keys_parse("F 2"), -1);
}

/* --- rungs and work forms ---------------------------------------------- */

/* The rungs' names are the built-in tree's, in both languages. */
static void test_rung_names_are_the_trees(void **state)
{
	struct tree t;
	struct tree_report rep = { 0 };
	const char *const langs[] = { "en", "nl" };

	(void)state;
	assert_int_equal(tree_load_builtin(&t, &rep), PACT_OK);
	assert_int_equal(t.nrungs, 6);
	for (int l = 0; l < 2; l++) {
		speak(langs[l]);
		for (size_t i = 0; i < t.nrungs; i++) {
			assert_string_equal(rung_ids[i], t.rungs[i].id);
			assert_string_equal(rung_label(t.rungs[i].id),
					    tree_str(&t.rungs[i].name, langs[l]));
		}
	}
	tree_free(&t);
	tree_report_free(&rep);
	speak("nl");
	assert_string_equal(rung_label("stad-aan-zet"), "De stad aan zet");
	assert_string_equal(rung_label("Coproduceren"), "Coproduceren");
	assert_null(rung_label("ladder"));
	char *shown = rung_list_shown("raadplegen  adviseren,stad-aan-zet zelf");
	assert_string_equal(shown, "Raadplegen, Adviseren, De stad aan zet, zelf");
	free(shown);
}

/* The Dutch demo, with the shipped work forms. */
static int dutch_demo(void **state)
{
	struct demo_counts counts;
	struct pact_err err;

	if (open_db(state))
		return -1;
	speak("nl");
	if (werkvorm_seed(*state, &err) != PACT_OK || demo_fill(*state, &counts, &err) != PACT_OK)
		return -1;
	return 0;
}

static int close_english(void **state)
{
	speak("en");
	return close_db(state);
}

static int64_t card_titled(sqlite3 *db, const char *title)
{
	int64_t id = 0;

	assert_int_equal(sql_int(db, &id, NULL, NULL, "SELECT id FROM experiment WHERE title = ?",
				 "t", title),
			 PACT_OK);
	assert_true(id > 0);
	return id;
}

static int64_t form_named(sqlite3 *db, const char *name)
{
	int64_t id = 0;

	assert_int_equal(sql_int(db, &id, NULL, NULL, "SELECT id FROM werkvorm WHERE name = ?", "t",
				 name),
			 PACT_OK);
	assert_true(id > 0);
	return id;
}

#define assert_has(text, part)                                                              \
	do {                                                                                 \
		if (!strstr((text), (part)))                                                  \
			fail_msg("\"%s\" is not in:\n%s", (part), (text));                      \
	} while (0)
#define assert_lacks(text, part)                                                            \
	do {                                                                                 \
		if (strstr((text), (part)))                                                   \
			fail_msg("\"%s\" should not be in:\n%s", (part), (text));               \
	} while (0)

/* A card stores its work form by name, in the language it was typed in;
 * the screens show it in theirs, and the rung by its name. */
static void test_card_shows_form_and_rung_by_name(void **state)
{
	sqlite3 *db = *state;
	int64_t id = card_titled(db, "Sociale veerkracht");
	char *text = card_describe(db, id);

	assert_has(text, "Werkvorm: Huiskamergesprek");
	assert_has(text, "Trede: Raadplegen");
	assert_lacks(text, "Kitchen");
	free(text);
	speak("en");
	text = card_describe(db, id);
	assert_has(text, "Work form: Kitchen-table talk");
	assert_has(text, "Rung: Consult");
	free(text);
	speak("nl");
	text = cases_describe(db, card_titled(db, "Ideeënloodser voor initiatieven uit de stad"));
	assert_has(text, "Trede: De stad aan zet");
	assert_has(text, "Werkvorm: Ideeënloodser\n");
	assert_lacks(text, "stad-aan-zet");
	assert_lacks(text, "Idea guide");
	free(text);
}

static void test_work_forms_in_dutch(void **state)
{
	sqlite3 *db = *state;
	char *text = cases_describe_werkvorm(db, form_named(db, "Survey"));

	assert_has(text, "Enquête\n");
	assert_has(text, "Treden: Raadplegen\n");
	assert_has(text, "Online of fysiek: online en fysiek\n");
	free(text);
	text = cases_describe_werkvorm(db, form_named(db, "Kitchen-table talk"));
	assert_has(text, "Huiskamergesprek\n");
	assert_has(text, "Online of fysiek: fysiek\n");
	free(text);
	text = cases_describe_werkvorm(db, form_named(db, "Neighbourhood budget"));
	assert_has(text, "Treden: Meebeslissen, De stad aan zet\n");
	free(text);
	text = cases_describe_werkvorm(db, form_named(db, "Right to Challenge"));
	assert_has(text, "Right to Challenge (uitdaagrecht)\n");
	free(text);
	text = cases_describe_werkvorm(db, form_named(db, "Citizens' panel"));
	assert_has(text, "Burgerberaad (gelote groep)\n");
	free(text);
	speak("en");
	text = cases_describe_werkvorm(db, form_named(db, "Social-media poll"));
	assert_has(text, "Rungs: Consult\n");
	assert_has(text, "Online or offline: online\n");
	free(text);
}

/* The monitoring chart lists the rungs up the ladder, by name. */
static void test_monitoring_rungs_in_ladder_order(void **state)
{
	sqlite3 *db = *state;
	struct monitor m;
	struct pact_err err;
	const char *const ladder[] = { "Informeren ", "Raadplegen ", "Adviseren ", "Coproduceren ",
				       "Meebeslissen ", "De stad aan zet " };
	const char *at;
	char *text;

	assert_int_equal(monitor_compute(db, &m, &err), PACT_OK);
	text = monitor_report(&m, 76, true);
	at = strstr(text, "Gebruikte treden");
	assert_non_null(at);
	for (size_t i = 0; i < sizeof ladder / sizeof ladder[0]; i++) {
		const char *next = strstr(at, ladder[i]);
		if (!next)
			fail_msg("\"%s\" is not after the one before it in:\n%s", ladder[i], text);
		at = next;
	}
	assert_lacks(text, "stad-aan-zet");
	assert_lacks(text, "raadplegen");
	free(text);
	monitor_free(&m);
}

/* --- numbers agree with nouns ------------------------------------------ */

static void test_kinds_are_named_in_the_language(void **state)
{
	const struct kind *ideas = kind_find("ideas"), *exps = kind_find("experiments");
	const struct kind_col *budget = NULL, *session = &kind_find("rounds")->cols[1];

	(void)state;
	for (size_t c = 0; c < exps->ncols; c++)
		if (strcmp(exps->cols[c].name, "budget") == 0)
			budget = &exps->cols[c];
	assert_non_null(budget);
	speak("nl");
	assert_string_equal(kind_noun(ideas->table, 1), "idee");
	assert_string_equal(kind_noun(ideas->table, 6), "ideeën");
	assert_string_equal(kind_noun("budget_pot", 2), "budgetpotten");
	assert_string_equal(kind_noun("advice", 0), "adviezen");
	assert_string_equal(kind_ref_text(session), "UUID of naam van een sessie");
	assert_string_equal(kind_ref_text(budget), "UUID van een budgetpot");
	speak("en");
	assert_string_equal(kind_noun(ideas->table, 1), "idea");
	assert_string_equal(kind_noun(ideas->table, 3), "ideas");
	assert_string_equal(kind_ref_text(session), "UUID or name of a session");
	assert_string_equal(kind_ref_text(budget), "UUID of a budget pot");
	for (size_t i = 0; i < nkinds; i++) /* every kind has a noun of its own */
		assert_string_not_equal(kind_noun(kinds[i]->table, 2), kinds[i]->table);
}

static void test_one_experiment_without_a_rung(void **state)
{
	sqlite3 *db = *state;
	struct monitor m;
	struct pact_err err;
	char *text;

	/* the demo has two cards without a rung; give one of them a rung */
	assert_int_equal(sql_exec(db, &err, "UPDATE experiment SET rung = 'adviseren' WHERE id = "
				  "(SELECT min(id) FROM experiment WHERE rung = '')", ""),
			 PACT_OK);
	assert_int_equal(monitor_compute(db, &m, &err), PACT_OK);
	text = monitor_report(&m, 76, true);
	assert_has(text, "Geen trede ingesteld: 1 experiment.\n");
	free(text);
	monitor_free(&m);
}

/* --- wrong values -------------------------------------------------------- */

/* What is wrong first, then an example of what to write. */
static void test_wrong_values_say_what_to_write(void **state)
{
	struct pact_err err = { 0 };
	int64_t v;
	char date[11];
	bool b;

	(void)state;
	speak("nl");
	assert_int_equal(value_amount("1.2.3", &v, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "'1.2.3' is geen geldig bedrag; schrijf bijvoorbeeld 1234,56 of € 1.500");
	value_int("veel", 0, 10, &v, &err);
	assert_string_equal(err.msg, "'veel' is geen geheel getal; schrijf een geheel getal van 0 tot en met 10");
	value_int("veel", 0, INT64_MAX, &v, &err);
	assert_string_equal(err.msg, "'veel' is geen geheel getal; schrijf bijvoorbeeld 12");
	value_int("", 1, 5, &v, &err);
	assert_string_equal(err.msg, "leeg; schrijf een geheel getal van 1 tot en met 5");
	value_int("9", 1, 5, &v, &err);
	assert_string_equal(err.msg, "'9' is te groot; schrijf een geheel getal van 1 tot en met 5");
	value_int("0", 1, INT64_MAX, &v, &err);
	assert_string_equal(err.msg, "'0' is te klein; schrijf een geheel getal van minstens 1");
	value_date("31-02-2026", date, &err);
	assert_string_equal(err.msg, "'31-02-2026' is geen geldige datum; schrijf bijvoorbeeld 27-11-2026 of 2026-11-27");
	value_bool("misschien", &b, &err);
	assert_string_equal(err.msg, "'misschien' is geen ja of nee; schrijf ja of nee (of 1/0, j/n, yes/no, y/n, true/false)");
	speak("en");
	value_amount("1.2.3", &v, &err);
	assert_string_equal(err.msg, "'1.2.3' is not a valid amount; write for example 1234.56 or €1,500");
	value_int("-9", -5, 5, &v, &err);
	assert_string_equal(err.msg, "'-9' is too small; write a whole number from -5 to 5");
}

/* Dates are typed in both forms everywhere, a wrong one gets the message
 * that names both, and dates in messages are written as the screens show
 * them. */
static void test_dates_typed_in_dutch(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct session_fields s = { .title = "Wijkavond", .date = "31-02-2026" };
	int64_t id = card_titled(db, "Sociale veerkracht");
	char *v[CARD_FIELDS];
	const char *in[CARD_FIELDS];

	assert_int_equal(session_create(db, &s, NULL, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "datum: '31-02-2026' is geen geldige datum; schrijf bijvoorbeeld "
				     "27-11-2026 of 2026-11-27");
	s.date = "morgen";
	assert_int_equal(session_create(db, &s, NULL, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "datum: 'morgen' is geen geldige datum; schrijf bijvoorbeeld "
				     "27-11-2026 of 2026-11-27");
	assert_int_equal(card_get(db, id, true, v, &err), PACT_OK);
	for (int i = 0; i < CARD_FIELDS; i++)
		in[i] = v[i];
	in[CF_START] = "1-3-2027";
	in[CF_END] = "28-2-2027";
	assert_int_equal(card_save(db, id, in, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "einddatum: 28-02-2027 ligt voor de startdatum 01-03-2027");
	for (int i = 0; i < CARD_FIELDS; i++)
		free(v[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_key_names, english),
		cmocka_unit_test_teardown(test_rung_names_are_the_trees, english),
		cmocka_unit_test_setup_teardown(test_card_shows_form_and_rung_by_name, dutch_demo,
						close_english),
		cmocka_unit_test_setup_teardown(test_work_forms_in_dutch, dutch_demo, close_english),
		cmocka_unit_test_setup_teardown(test_monitoring_rungs_in_ladder_order, dutch_demo,
						close_english),
		cmocka_unit_test_teardown(test_wrong_values_say_what_to_write, english),
		cmocka_unit_test_teardown(test_kinds_are_named_in_the_language, english),
		cmocka_unit_test_setup_teardown(test_one_experiment_without_a_rung, dutch_demo,
						close_english),
		cmocka_unit_test_setup_teardown(test_dates_typed_in_dutch, dutch_demo, close_english),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
