/* Unit tests of the brainstorm core: timer arithmetic, sessions,
 * participants, rounds, ideas, clusters, merging and undo. */
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

#include "db.h"
#include "idea.h"
#include "round.h"
#include "session.h"
#include "sql.h"
#include "stamp.h"
#include "timer.h"
#include "testdb.h"

/* --- timer ----------------------------------------------------------- */

static void test_timer_runs_pauses_and_resumes(void **state)
{
	struct timer t = { .seconds = 300 };

	(void)state;
	assert_int_equal(timer_state(&t, 1000), TIMER_IDLE);
	assert_int_equal(timer_remaining(&t, 1000), 300);
	timer_start(&t, 1000);
	assert_int_equal(timer_state(&t, 1000), TIMER_RUNNING);
	assert_int_equal(timer_remaining(&t, 1060), 240);
	timer_pause(&t, 1060);
	assert_int_equal(timer_state(&t, 2000), TIMER_PAUSED);
	assert_int_equal(timer_remaining(&t, 2000), 240); /* paused: stands still */
	timer_resume(&t, 2000);
	assert_int_equal(timer_remaining(&t, 2000), 240);
	assert_int_equal(timer_remaining(&t, 2100), 140);
	assert_int_equal(timer_remaining(&t, 2240), 0);
	assert_int_equal(timer_state(&t, 2240), TIMER_UP);
	assert_int_equal(timer_remaining(&t, 9999), 0); /* never below zero */
	timer_pause(&t, 2300); /* a timer that is up cannot be paused */
	assert_int_equal(t.paused_at, 0);
}

static void test_timer_extend(void **state)
{
	struct timer t = { .seconds = 60 };

	(void)state;
	timer_start(&t, 0 + 1);
	timer_extend(&t, 60, 31);
	assert_int_equal(timer_remaining(&t, 31), 90);
	/* Up at 121; extended at 200: a full minute from then, not from 121. */
	assert_int_equal(timer_state(&t, 200), TIMER_UP);
	timer_extend(&t, 60, 200);
	assert_int_equal(timer_state(&t, 200), TIMER_RUNNING);
	assert_int_equal(timer_remaining(&t, 200), 60);
	assert_int_equal(timer_remaining(&t, 230), 30);
}

static void test_timer_end_and_restart(void **state)
{
	struct timer t = { .seconds = 300 };

	(void)state;
	timer_start(&t, 100);
	timer_pause(&t, 150);
	timer_end(&t, 400);
	assert_int_equal(timer_state(&t, 500), TIMER_ENDED);
	assert_int_equal(timer_remaining(&t, 500), 250);
	timer_extend(&t, 60, 500); /* an ended round is not extended */
	assert_int_equal(t.extra, 0);
	timer_start(&t, 1000); /* restart: the full timebox again */
	assert_int_equal(timer_state(&t, 1000), TIMER_RUNNING);
	assert_int_equal(timer_remaining(&t, 1000), 300);
	assert_int_equal(t.paused_total, 0);
}

static void test_timer_parse_and_format(void **state)
{
	int64_t s;
	char out[16];

	(void)state;
	assert_true(timer_parse("5:00", &s));
	assert_int_equal(s, 300);
	assert_true(timer_parse("0:05", &s));
	assert_int_equal(s, 5);
	assert_true(timer_parse("8", &s));
	assert_int_equal(s, 480);
	assert_true(timer_parse(" 12:30 ", &s));
	assert_int_equal(s, 750);
	assert_false(timer_parse("0:00", &s));
	assert_false(timer_parse("5:60", &s));
	assert_false(timer_parse("-1:00", &s));
	assert_false(timer_parse("abc", &s));
	assert_false(timer_parse("5:00x", &s));
	assert_false(timer_parse("", &s));
	timer_format(300, out);
	assert_string_equal(out, "05:00");
	timer_format(59, out);
	assert_string_equal(out, "00:59");
	timer_format(6000, out);
	assert_string_equal(out, "100:00");
	timer_format(-5, out);
	assert_string_equal(out, "00:00");
}

/* --- store ----------------------------------------------------------- */


static int64_t new_session(sqlite3 *db, const char *title)
{
	struct session_fields f = { .title = title,
				    .question = "Hoe maken we de Schiedamse wijken "
						"ontmoetingsvriendelijker?" };
	struct pact_err err;
	int64_t id = 0;

	assert_int_equal(session_create(db, &f, &id, &err), PACT_OK);
	assert_true(id > 0);
	return id;
}

static int64_t count_of(sqlite3 *db, const char *sql, int64_t id)
{
	int64_t n = -1;

	assert_int_equal(sql_int(db, &n, NULL, NULL, sql, "I", id), PACT_OK);
	return n;
}

static void test_session_fields_are_checked(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct session s;
	struct session_fields bad_date = { .title = "Wijkavond", .date = "31-02-2026" };
	struct session_fields empty = { .title = "  \t " };
	int64_t id = new_session(db, "  Wijkavond\tNoord\x01 ");

	assert_int_equal(session_get(db, id, &s, &err), PACT_OK);
	assert_string_equal(s.title, "Wijkavond Noord\x01"); /* tab → space, control kept as typed */
	assert_int_equal(strlen(s.date), 10);
	assert_true(stamp_date_valid(s.date));
	assert_int_equal(strlen(s.uuid), 36);
	session_free(&s);
	assert_int_equal(session_create(db, &bad_date, NULL, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "date"));
	assert_int_equal(session_create(db, &empty, NULL, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "title"));
	assert_int_equal(session_set_archived(db, id, true, &err), PACT_OK);
	assert_int_equal(session_get(db, id, &s, &err), PACT_OK);
	assert_true(s.archived);
	session_free(&s);
	assert_int_equal(session_find(db, "999999", &id, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "999999"));
}

static void test_session_delete_takes_everything(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct participant_fields pf = { .alias = "Ans" };
	int64_t s = new_session(db, "Weg ermee"), r, c, p, i;

	assert_int_equal(round_add(db, s, "Diverge", 300, &r, &err), PACT_OK);
	assert_int_equal(cluster_add(db, s, "Groen", &c, &err), PACT_OK);
	assert_int_equal(participant_add(db, s, &pf, &p, &err), PACT_OK);
	assert_int_equal(idea_add(db, s, "Meer bankjes", p, 1000, &i, &err), PACT_OK);
	assert_int_equal(session_delete(db, s, &err), PACT_OK);
	assert_int_equal(count_of(db, "SELECT count(*) FROM idea WHERE session_id = ?", s), 0);
	assert_int_equal(count_of(db, "SELECT count(*) FROM round WHERE session_id = ?", s), 0);
	assert_int_equal(count_of(db, "SELECT count(*) FROM cluster WHERE session_id = ?", s), 0);
	assert_int_equal(count_of(db, "SELECT count(*) FROM participant WHERE session_id = ?", s), 0);
	assert_int_equal(session_delete(db, s, &err), PACT_EINPUT);
}

static void test_participants_and_consent(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t s = new_session(db, "Deelnemers"), id, found;
	struct participant_fields no_consent = { .alias = "Bas", .name = "Bas de Vries" };
	struct participant_fields with_consent = { .alias = "Bas", .name = "Bas de Vries",
						   .consent = true, .role = "resident",
						   .wijk = "Oost" };
	struct participant_fields bad_role = { .alias = "Cor", .role = "mayor" };

	assert_int_equal(participant_add(db, s, &no_consent, &id, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "consent"));
	assert_int_equal(participant_add(db, s, &with_consent, &id, &err), PACT_OK);
	assert_int_equal(participant_add(db, s, &with_consent, NULL, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "already taken"));
	assert_int_equal(participant_add(db, s, &bad_role, NULL, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "role"));
	assert_int_equal(participant_by_alias(db, s, "Bas", &found, &err), PACT_OK);
	assert_int_equal(found, id);
	assert_int_equal(participant_forget(db, id, &err), PACT_OK);
	assert_int_equal(participant_by_alias(db, s, "Bas", &found, &err), PACT_OK);
	assert_int_equal(found, 0);
}

static void test_idea_text_rules(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t s = new_session(db, "Regels"), id;
	char long_text[2100];
	char *text;

	assert_int_equal(idea_add(db, s, "   ", 0, 1000, &id, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "idea"));
	assert_int_equal(idea_add(db, s, "bad \xff utf", 0, 1000, &id, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "UTF-8"));
	memset(long_text, 'a', 2001);
	long_text[2001] = '\0';
	assert_int_equal(idea_add(db, s, long_text, 0, 1000, &id, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "2001"));
	long_text[2000] = '\0';
	assert_int_equal(idea_add(db, s, long_text, 0, 1000, &id, &err), PACT_OK);
	/* 2,000 characters, not bytes: ö is two bytes. */
	for (int i = 0; i < 1000; i++)
		memcpy(long_text + 2 * i, "\xc3\xb6", 2);
	long_text[2000] = '\0';
	assert_int_equal(idea_add(db, s, long_text, 0, 1000, &id, &err), PACT_OK);
	assert_int_equal(idea_add(db, s, "a\x1b[2Jb, \"quoted\"\nline", 0, 1000, &id, &err),
			 PACT_OK);
	text = idea_text(db, id);
	assert_string_equal(text, "a\x1b[2Jb, \"quoted\"\nline"); /* stored as typed */
	free(text);
	assert_int_equal(idea_add(db, s, "'); DROP TABLE idea; --", 0, 1000, &id, &err), PACT_OK);
	text = idea_text(db, id);
	assert_string_equal(text, "'); DROP TABLE idea; --");
	free(text);
}

static void test_ideas_go_into_the_current_round_and_late(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t s = new_session(db, "Rondes"), r1, r2, i;
	struct round cur;
	bool found;

	assert_int_equal(idea_add(db, s, "voor de rondes", 0, 1000, &i, &err), PACT_OK);
	assert_int_equal(count_of(db, "SELECT coalesce(round_id, 0) FROM idea WHERE id = ?", i), 0);
	assert_int_equal(round_add(db, s, "Diverge", 60, &r1, &err), PACT_OK);
	assert_int_equal(round_add(db, s, "Crazy eights", 480, &r2, &err), PACT_OK);
	assert_int_equal(round_add(db, s, "Nul", 0, NULL, &err), PACT_EINPUT);
	assert_int_equal(round_start(db, r1, 1000, &err), PACT_OK);
	assert_int_equal(idea_add(db, s, "op tijd", 0, 1030, &i, &err), PACT_OK);
	assert_int_equal(count_of(db, "SELECT round_id FROM idea WHERE id = ?", i), r1);
	assert_int_equal(count_of(db, "SELECT late FROM idea WHERE id = ?", i), 0);
	assert_int_equal(idea_add(db, s, "te laat", 0, 1061, &i, &err), PACT_OK);
	assert_int_equal(count_of(db, "SELECT late FROM idea WHERE id = ?", i), 1);
	/* Pausing, extending and restarting persist. */
	assert_int_equal(round_start(db, r2, 2000, &err), PACT_OK);
	assert_int_equal(round_pause(db, r2, 2100, &err), PACT_OK);
	assert_int_equal(round_current(db, s, &cur, &found, &err), PACT_OK);
	assert_true(found);
	assert_int_equal(cur.id, r2);
	assert_int_equal(timer_remaining(&cur.timer, 5000), 380);
	assert_int_equal(round_resume(db, r2, 2200, &err), PACT_OK);
	assert_int_equal(round_extend(db, r2, 60, 2200, &err), PACT_OK);
	assert_int_equal(round_current(db, s, &cur, &found, &err), PACT_OK);
	assert_int_equal(timer_remaining(&cur.timer, 2200), 440);
	/* Starting r2 ended r1. */
	assert_int_equal(count_of(db, "SELECT ended_at FROM round WHERE id = ?", r1), 2000);
	assert_int_equal(round_end(db, r2, 2300, &err), PACT_OK);
	assert_int_equal(idea_add(db, s, "na het einde", 0, 2301, &i, &err), PACT_OK);
	assert_int_equal(count_of(db, "SELECT late FROM idea WHERE id = ?", i), 1);
	assert_int_equal(count_of(db, "SELECT round_id FROM idea WHERE id = ?", i), r2);
	assert_int_equal(idea_set_round(db, i, r1, &err), PACT_OK);
	assert_int_equal(count_of(db, "SELECT round_id FROM idea WHERE id = ?", i), r1);
	assert_int_equal(idea_set_round(db, i, 0, &err), PACT_OK);
	assert_int_equal(count_of(db, "SELECT coalesce(round_id, 0) FROM idea WHERE id = ?", i), 0);
}

static void test_delete_and_undo(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct idea_undo undo;
	int64_t s = new_session(db, "Undo"), keep, dup, n;
	char *text;

	assert_int_equal(idea_add(db, s, "Speeltuin", 0, 1000, &keep, &err), PACT_OK);
	assert_int_equal(idea_add(db, s, "speeltuin!", 0, 1000, &dup, &err), PACT_OK);
	assert_int_equal(idea_merge(db, dup, keep, NULL, &err), PACT_OK);
	assert_int_equal(idea_delete(db, keep, &undo, &err), PACT_OK);
	assert_null(idea_text(db, keep));
	assert_int_equal(count_of(db, "SELECT coalesce(merged_into, 0) FROM idea WHERE id = ?", dup),
			 0);
	assert_int_equal(idea_restore(db, &undo, &err), PACT_OK);
	idea_undo_free(&undo);
	text = idea_text(db, keep);
	assert_string_equal(text, "Speeltuin");
	free(text);
	assert_int_equal(count_of(db, "SELECT merged_into FROM idea WHERE id = ?", dup), keep);
	assert_int_equal(idea_count(db, s, &n, &err), PACT_OK);
	assert_int_equal(n, 1);
}

static void test_clusters_and_merge(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct pager p;
	int64_t s = new_session(db, "Clusters"), other = new_session(db, "Ander");
	int64_t groen, veilig, a, b, c, x;

	assert_int_equal(cluster_add(db, s, "Groen", &groen, &err), PACT_OK);
	assert_int_equal(cluster_add(db, s, "Veilig", &veilig, &err), PACT_OK);
	assert_int_equal(cluster_add(db, s, "Groen", NULL, &err), PACT_EINPUT);
	assert_int_equal(cluster_rename(db, veilig, "Groen", &err), PACT_EINPUT);
	assert_int_equal(cluster_rename(db, veilig, "Veiligheid", &err), PACT_OK);
	assert_int_equal(idea_add(db, s, "Bomen", 0, 1, &a, &err), PACT_OK);
	assert_int_equal(idea_add(db, s, "Meer bomen", 0, 2, &b, &err), PACT_OK);
	assert_int_equal(idea_add(db, s, "Licht in het park", 0, 3, &c, &err), PACT_OK);
	assert_int_equal(idea_add(db, other, "Elders", 0, 4, &x, &err), PACT_OK);
	assert_int_equal(idea_set_cluster(db, a, groen, &err), PACT_OK);
	assert_int_equal(idea_set_cluster(db, c, veilig, &err), PACT_OK);
	assert_int_equal(idea_set_cluster(db, x, groen, &err), PACT_EINPUT); /* other session */
	assert_int_equal(idea_merge(db, b, b, NULL, &err), PACT_EINPUT);
	assert_int_equal(idea_merge(db, x, a, NULL, &err), PACT_EINPUT);
	assert_int_equal(idea_merge(db, b, a, NULL, &err), PACT_OK);
	assert_int_equal(idea_merge(db, a, b, NULL, &err), PACT_EINPUT); /* b went into a */

	/* Grouped by cluster: headers with counts, then the ideas. */
	assert_int_equal(idea_pager(&p, db, s, IDEA_BY_CLUSTER, "late", "No cluster", &err),
			 PACT_OK);
	assert_int_equal(pager_count(&p), 4);
	assert_int_equal(pager_get(&p, 0)->id, -groen);
	assert_string_equal(pager_get(&p, 0)->cols[0], "Groen (1)");
	assert_int_equal(pager_get(&p, 1)->id, a);
	assert_string_equal(pager_get(&p, 1)->cols[0], "Bomen (+1)");
	assert_string_equal(pager_get(&p, 2)->cols[0], "Veiligheid (1)");
	assert_string_equal(pager_get(&p, 3)->cols[3], "Veiligheid");
	pager_close(&p);
	assert_int_equal(cluster_delete(db, groen, &err), PACT_OK);
	assert_int_equal(idea_pager(&p, db, s, IDEA_BY_CLUSTER, "late", "No cluster", &err),
			 PACT_OK);
	assert_int_equal(pager_count(&p), 4);
	assert_string_equal(pager_get(&p, 2)->cols[0], "No cluster (1)");
	assert_int_equal(pager_get(&p, 2)->id, 0);
	pager_close(&p);

	assert_int_equal(cluster_pager(&p, db, s, &err), PACT_OK);
	assert_int_equal(pager_count(&p), 1);
	assert_string_equal(pager_get(&p, 0)->cols[1], "1");
	pager_close(&p);
}

static void test_merge_and_unmerge(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct idea_undo u1, u2;
	int64_t s = new_session(db, "Unmerge"), a, b, c;

	assert_int_equal(idea_add(db, s, "A", 0, 1, &a, &err), PACT_OK);
	assert_int_equal(idea_add(db, s, "B", 0, 2, &b, &err), PACT_OK);
	assert_int_equal(idea_add(db, s, "C", 0, 3, &c, &err), PACT_OK);
	assert_int_equal(idea_merge(db, c, b, &u1, &err), PACT_OK); /* C into B */
	assert_int_equal(idea_merge(db, b, a, &u2, &err), PACT_OK); /* B (and C) into A */
	assert_int_equal(count_of(db, "SELECT merged_into FROM idea WHERE id = ?", c), a);
	assert_int_equal(idea_unmerge(db, &u2, &err), PACT_OK);
	assert_int_equal(count_of(db, "SELECT coalesce(merged_into, 0) FROM idea WHERE id = ?", b), 0);
	assert_int_equal(count_of(db, "SELECT merged_into FROM idea WHERE id = ?", c), b);
	assert_int_equal(idea_unmerge(db, &u1, &err), PACT_OK);
	assert_int_equal(count_of(db, "SELECT coalesce(merged_into, 0) FROM idea WHERE id = ?", c), 0);
	idea_undo_free(&u1);
	idea_undo_free(&u2);
}

static void test_many_ideas_page(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct pager p;
	int64_t s = new_session(db, "Groot");

	assert_int_equal(sql_exec(db, &err,
				  "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
				  "LIMIT 100000) INSERT INTO idea(uuid, session_id, text, created_at, "
				  "updated_at) SELECT 'u' || x, ?, 'idee ' || x, '', '' FROM c",
				  "I", s),
			 PACT_OK);
	assert_int_equal(idea_pager(&p, db, s, IDEA_BY_TIME, "late", "-", &err), PACT_OK);
	assert_int_equal(pager_count(&p), 100000);
	assert_string_equal(pager_get(&p, 0)->cols[0], "idee 100000");
	assert_string_equal(pager_get(&p, 99999)->cols[0], "idee 1");
	pager_close(&p);
	assert_int_equal(session_pager(&p, db, false, &err), PACT_OK);
	assert_true(pager_count(&p) >= 1);
	pager_close(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_timer_runs_pauses_and_resumes),
		cmocka_unit_test(test_timer_extend),
		cmocka_unit_test(test_timer_end_and_restart),
		cmocka_unit_test(test_timer_parse_and_format),
		cmocka_unit_test_setup_teardown(test_session_fields_are_checked, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_session_delete_takes_everything, open_db,
						close_db),
		cmocka_unit_test_setup_teardown(test_participants_and_consent, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_idea_text_rules, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_ideas_go_into_the_current_round_and_late,
						open_db, close_db),
		cmocka_unit_test_setup_teardown(test_delete_and_undo, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_clusters_and_merge, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_merge_and_unmerge, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_many_ideas_page, open_db, close_db),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("brainstorm", tests, NULL, NULL);
}
