/* Unit tests of the register of people (the accelerator pool): adding and
 * changing a person (each field checked and named; contact only with
 * consent, in the core and in the table itself), team lists, renaming on
 * the cards, forgetting (tombstone, name off every card), the names a card
 * gives that the register lacks, the pool's counts per column and the
 * board's person filter, and the roles in both languages. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "people.h"
#include "sql.h"
#include "testdb.h"
#include "testlang.h"

static int64_t add(sqlite3 *db, const char *name, const char *role, bool consent,
		   const char *contact)
{
	struct person_form f = { .name = name, .role = role, .consent = consent, .contact = contact };
	struct pact_err err;
	int64_t id = 0;

	assert_int_equal(people_save(db, 0, &f, &id, &err), PACT_OK);
	assert_true(id > 0);
	return id;
}

static char *text(sqlite3 *db, const char *sql)
{
	struct pact_err err;
	sqlite3_stmt *st = sql_query(db, &err, sql, "");
	char *out;

	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	out = sql_text(st, 0);
	sqlite3_finalize(st);
	return out;
}

static void expect_text(sqlite3 *db, const char *sql, const char *want)
{
	char *got = text(db, sql);

	assert_string_equal(got, want);
	free(got);
}

static void card(sqlite3 *db, const char *title, const char *status, const char *owner,
		 const char *team)
{
	struct pact_err err;

	assert_int_equal(sql_exec(db, &err,
				  "INSERT INTO experiment(uuid, title, status, owner, team, created_at, "
				  "updated_at) VALUES (lower(hex(randomblob(16))), ?, ?, ?, ?, 'x', 'x')",
				  "tttt", title, status, owner, team),
			 PACT_OK);
}

static void test_save_checks_each_field(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct person p;
	int64_t id = add(db, "  Ans de Wit ", "accelerator", true, " ans@example.org ");
	struct person_form f = { .name = "", .role = "accelerator" };

	assert_int_equal(people_get(db, id, &p, &err), PACT_OK);
	assert_string_equal(p.name, "Ans de Wit");
	assert_string_equal(p.role, "accelerator");
	assert_string_equal(p.contact, "ans@example.org");
	assert_true(p.consent);
	assert_int_equal(strlen(p.uuid), 36);
	people_person_free(&p);

	assert_int_equal(people_save(db, 0, &f, NULL, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "name"));
	f.name = "Bas, Cor";
	assert_int_equal(people_save(db, 0, &f, NULL, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "comma"));
	f.name = "ANS DE WIT";
	assert_int_equal(people_save(db, 0, &f, NULL, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "in the register already"));
	f.name = "Bas";
	f.role = "boss";
	assert_int_equal(people_save(db, 0, &f, NULL, &err), PACT_EINPUT);
	assert_true(strncmp(err.msg, "role:", 5) == 0);
	f.role = "opgaveteam";
	f.contact = "06 12345678";
	assert_int_equal(people_save(db, 0, &f, NULL, &err), PACT_EINPUT);
	assert_true(strncmp(err.msg, "contact:", 8) == 0);
	assert_non_null(strstr(err.msg, "consent"));
	assert_int_equal(sql_int(db, &id, NULL, &err, "SELECT count(*) FROM person", ""), PACT_OK);
	assert_int_equal(id, 1); /* nothing of the refused ones stored */
	/* the same person may keep their own name when edited */
	f = (struct person_form){ .name = "Ans de Wit", .role = "facilitator" };
	assert_int_equal(people_save(db, 1, &f, NULL, &err), PACT_OK);
	/* consent taken back without contact: the contact is gone */
	expect_text(db, "SELECT coalesce(contact, 'none') || role FROM person", "nonefacilitator");
}

/* The table itself refuses contact without consent, whoever writes. */
static void test_table_refuses_contact_without_consent(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;

	assert_int_not_equal(sql_exec(db, &err,
				      "INSERT INTO person(uuid, name, consent, contact, created_at, "
				      "updated_at) VALUES ('u1', 'X', 0, 'x@example.org', 'x', 'x')",
				      ""),
			     PACT_OK);
	add(db, "Y", "other", true, "y@example.org");
	assert_int_not_equal(sql_exec(db, &err, "UPDATE person SET consent = 0", ""), PACT_OK);
}

static void test_team_lists(void **state)
{
	char **names = people_split(" Ans ,, Bas de Wit,Cor ,");
	char *s;

	(void)state;
	assert_non_null(names);
	assert_string_equal(names[0], "Ans");
	assert_string_equal(names[1], "Bas de Wit");
	assert_string_equal(names[2], "Cor");
	assert_null(names[3]);
	sql_strings_free(names);
	s = people_join_team("Ans,Bas ,  Cor");
	assert_string_equal(s, "Ans, Bas, Cor");
	free(s);
	assert_true(people_team_has("Ans, Bas", "Bas"));
	assert_false(people_team_has("Ans, Bastiaan", "Bas"));
	s = people_team_add("Ans", "Bas");
	assert_string_equal(s, "Ans, Bas");
	free(s);
	s = people_team_add("Ans, Bas", "Bas");
	assert_string_equal(s, "Ans, Bas");
	free(s);
	s = people_team_add("", "Bas");
	assert_string_equal(s, "Bas");
	free(s);
}

static void test_rename_renames_on_cards(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t ans = add(db, "Ans", "accelerator", false, "");
	struct person_form f = { .name = "Ans de Wit", .role = "accelerator" };

	card(db, "Een", "idea", "Ans", "Bas, Ans");
	card(db, "Twee", "running", "Bas", "Ans,Cor");
	card(db, "Drie", "running", "Anselm", "Anselm, Hans");
	assert_int_equal(people_save(db, ans, &f, NULL, &err), PACT_OK);
	expect_text(db, "SELECT group_concat(owner || '|' || team, ';') FROM (SELECT * FROM "
			"experiment ORDER BY id)",
		    "Ans de Wit|Bas, Ans de Wit;Bas|Ans de Wit, Cor;Anselm|Anselm, Hans");
}

static void test_forget_takes_the_name_off_the_cards(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	char ref[24], *uuid;
	int64_t n;

	add(db, "Bas", "opgaveteam", false, "");
	add(db, "Zeldzame Naam", "accelerator", true, "zn@example.org");
	card(db, "Een", "idea", "Zeldzame Naam", "Bas, Zeldzame Naam");
	card(db, "Twee", "running", "Bas", "Zeldzame Naam,Zeldzame Naam , Cor");
	uuid = text(db, "SELECT uuid FROM person WHERE name = 'Zeldzame Naam'");
	assert_int_equal(people_forget(db, "99", &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "no person '99'"));
	snprintf(ref, sizeof ref, "2");
	assert_int_equal(people_forget(db, ref, &err), PACT_OK);
	expect_text(db, "SELECT group_concat(owner || '|' || team, ';') FROM (SELECT * FROM "
			"experiment ORDER BY id)",
		    "|Bas;Bas|Cor");
	assert_int_equal(sql_int(db, &n, NULL, &err,
				 "SELECT count(*) FROM forgotten WHERE kind = 'person' AND uuid = ?",
				 "t", uuid),
			 PACT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(sql_int(db, &n, NULL, &err, "SELECT count(*) FROM person", ""), PACT_OK);
	assert_int_equal(n, 1);
	free(uuid);
}

static void test_missing_names_and_adding_them(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	char **missing;
	int64_t added;

	add(db, "Ans", "accelerator", false, "");
	missing = people_missing(db, "Dirk", " ans, Eva ,Dirk,Eva", &err);
	assert_non_null(missing);
	assert_string_equal(missing[0], "Dirk");
	assert_string_equal(missing[1], "Eva");
	assert_null(missing[2]);
	assert_int_equal(people_add_names(db, (const char *const *)missing, &added, &err), PACT_OK);
	assert_int_equal(added, 2);
	sql_strings_free(missing);
	expect_text(db, "SELECT group_concat(name || ':' || role, ' ') FROM (SELECT * FROM person "
			"ORDER BY id)",
		    "Ans:accelerator Dirk:other Eva:other");
	missing = people_missing(db, "", "Ans, Dirk", &err);
	assert_non_null(missing);
	assert_null(missing[0]);
	sql_strings_free(missing);
}

static void test_pool_counts_and_board_filter(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct pager p = { 0 };
	struct board_cards c;
	char *described;

	add(db, "Ans", "accelerator", false, "");
	add(db, "Bas", "opgaveteam", false, "");
	card(db, "Een", "idea", "Ans", "");
	card(db, "Twee", "idea", "Cor", "Bas, ans");
	card(db, "Drie", "running", "Bas", "");
	card(db, "Vier", "stopped", "Dirk", "Anselm");
	assert_int_equal(people_pool_pager(&p, db, &err), PACT_OK);
	assert_int_equal(pager_count(&p), 2);
	const struct pager_row *r = pager_get(&p, 0);
	assert_string_equal(r->cols[0], "Ans");
	assert_string_equal(r->cols[1], "accelerator");
	assert_string_equal(r->cols[2], "2"); /* idea: owner of one, in the team of another */
	assert_string_equal(r->cols[4], "");
	assert_string_equal(r->cols[7], "");
	r = pager_get(&p, 1);
	assert_string_equal(r->cols[2], "1");
	assert_string_equal(r->cols[4], "1");
	pager_close(&p);

	assert_int_equal(board_cards_load(db, &(struct board_filter){ .track = -1, .person = "ANS" },
					  &c, &err),
			 PACT_OK);
	assert_int_equal(c.n[BOARD_IDEA], 2);
	assert_int_equal(c.n[BOARD_STOPPED], 0);
	board_cards_free(&c);

	described = people_describe(db, 1);
	assert_non_null(described);
	assert_non_null(strstr(described, "Idea\n  Een (owner)\n  Twee (team)\n"));
	free(described);
}

static void test_roles_in_both_languages(void **state)
{
	(void)state;
	assert_string_equal(people_role_label("accelerator"), "accelerator (versneller)");
	assert_string_equal(people_role_label("opgaveteam"), "member of the opgaveteam");
	speak("nl");
	assert_string_equal(people_role_label("accelerator"), "versneller");
	assert_string_equal(people_role_label("opgaveteam"), "lid opgaveteam");
	assert_string_equal(people_role_label("other"), "anders");
	assert_string_equal(people_role_label("facilitator"), "facilitator");
	assert_string_equal(people_role_short("opgaveteam"), "lid opgaveteam");
	speak("en");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_save_checks_each_field, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_table_refuses_contact_without_consent, open_db,
						close_db),
		cmocka_unit_test(test_team_lists),
		cmocka_unit_test_setup_teardown(test_rename_renames_on_cards, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_forget_takes_the_name_off_the_cards, open_db,
						close_db),
		cmocka_unit_test_setup_teardown(test_missing_names_and_adding_them, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_pool_counts_and_board_filter, open_db, close_db),
		cmocka_unit_test(test_roles_in_both_languages),
	};

	return cmocka_run_group_tests(tests, english, NULL);
}
