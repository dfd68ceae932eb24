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
#include "brainstorm_idea.h"
#include "brainstorm_round.h"
#include "brainstorm_session.h"
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
	int64_t id = new_session(db, "  Wijkavond\tNoord\x01 "), bad_id;

	assert_int_equal(session_get(db, id, &s, &err), PACT_OK);
	assert_string_equal(s.title, "Wijkavond Noord\x01"); /* tab → space, control kept as typed */
	assert_int_equal(strlen(s.date), 10);
	assert_true(stamp_date_valid(s.date));
	assert_int_equal(strlen(s.uuid), 36);
	session_free(&s);
	/* the one message for a wrong date, naming both forms that are read */
	assert_int_equal(session_create(db, &bad_date, NULL, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "date: '31-02-2026' is not a valid date; write for example "
				     "2026-11-27 or 27-11-2026");
	bad_date.date = "27 november 2026"; /* longer than a date: still its message */
	assert_int_equal(session_create(db, &bad_date, NULL, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "date: '27 november 2026' is not a valid date; write for "
				     "example 2026-11-27 or 27-11-2026");
	bad_date.date = "7-12-2026";
	assert_int_equal(session_create(db, &bad_date, &bad_id, &err), PACT_OK);
	assert_int_equal(session_get(db, bad_id, &s, &err), PACT_OK);
	assert_string_equal(s.date, "2026-12-07");
	session_free(&s);
	bad_date.date = "  ";
	assert_int_equal(session_create(db, &bad_date, &bad_id, &err), PACT_OK); /* blank: today */
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

/* A form's role and age choices and the keys stored come from one table:
 * choice i is the table's row i - 1, 0 is "(not given)". */
static void test_role_and_age_choices(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	const char *const *roles = participant_role_choices();
	const char *const *ages = participant_age_choices();
	int64_t s = new_session(db, "Keuzes"), id;
	struct participant_fields pf = { .alias = "Dewi" };
	int n = 0;

	assert_string_equal(roles[0], "(not given)");
	assert_string_equal(roles[4], "civil servant");
	assert_string_equal(roles[6], "other");
	assert_null(roles[7]);
	assert_null(participant_role_key(0));
	assert_string_equal(participant_role_key(1), "resident");
	assert_string_equal(participant_role_key(4), "civil_servant");
	assert_string_equal(participant_role_key(5), "council_member");
	assert_null(participant_role_key(7));
	assert_string_equal(ages[0], "(not given)");
	assert_string_equal(ages[1], "under 18");
	assert_string_equal(ages[5], "65+");
	assert_null(ages[6]);
	assert_null(participant_age_key(0));
	assert_string_equal(participant_age_key(1), "under 18");
	assert_string_equal(participant_age_key(2), "18-29");
	assert_string_equal(participant_age_key(5), "65+");
	assert_null(participant_age_key(6));
	/* every role the form offers is one participant_add takes */
	for (int i = 1; roles[i]; i++, n++) {
		char alias[16];

		snprintf(alias, sizeof alias, "p%d", i);
		pf.alias = alias;
		pf.role = participant_role_key(i);
		pf.age_band = participant_age_key(i % 6);
		assert_int_equal(participant_add(db, s, &pf, &id, &err), PACT_OK);
	}
	assert_int_equal(n, 6);
	pf.alias = "Dewi";
	pf.role = participant_role_key(4);
	pf.age_band = participant_age_key(3);
	assert_int_equal(participant_add(db, s, &pf, &id, &err), PACT_OK);
	assert_int_equal(sql_int(db, &id, NULL, &err,
				 "SELECT count(*) FROM participant WHERE alias = 'Dewi' AND "
				 "role = 'civil_servant' AND age_band = '30-44'",
				 ""),
			 PACT_OK);
	assert_int_equal(id, 1);
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
	int64_t groen, veilig, a, b, c, x, n;
	char *name;

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
	assert_int_equal(idea_cluster(db, c, &n, &err), PACT_OK);
	assert_int_equal(n, veilig);
	assert_int_equal(idea_cluster(db, b, &n, &err), PACT_OK);
	assert_int_equal(n, 0);
	name = cluster_name(db, veilig);
	assert_string_equal(name, "Veiligheid");
	free(name);
	assert_null(cluster_name(db, veilig + 100));
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

/* --- undo by UUID ------------------------------------------------------ */

/* One column (an SQL expression) of the idea with this UUID, as text; the
 * caller frees it. NULL when there is no such idea. */
static char *idea_field(sqlite3 *db, const char *expr, const char *uuid)
{
	char sql[256];
	sqlite3_stmt *st;
	char *out = NULL;

	snprintf(sql, sizeof sql, "SELECT %s FROM idea WHERE uuid = ?", expr);
	st = sql_query(db, NULL, sql, "t", uuid);
	assert_non_null(st);
	if (sqlite3_step(st) == SQLITE_ROW)
		out = sql_text(st, 0);
	sqlite3_finalize(st);
	return out;
}

static void expect_field(sqlite3 *db, const char *expr, const char *uuid, const char *want)
{
	char *got = idea_field(db, expr, uuid);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void expect_number(sqlite3 *db, const char *expr, const char *uuid, int64_t want)
{
	char text[24];

	snprintf(text, sizeof text, "%lld", (long long)want);
	expect_field(db, expr, uuid, text);
}

/* The row id of the idea with this UUID, 0 if there is none. */
static int64_t id_of(sqlite3 *db, const char *uuid)
{
	int64_t id = 0;
	int found;

	assert_int_equal(sql_int(db, &id, &found, NULL, "SELECT id FROM idea WHERE uuid = ?", "t",
				 uuid),
			 PACT_OK);
	return found ? id : 0;
}

/* The UUID of idea id, into out. */
static void uuid_of(sqlite3 *db, int64_t id, char out[37])
{
	sqlite3_stmt *st = sql_query(db, NULL, "SELECT uuid FROM idea WHERE id = ?", "I", id);

	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, 37, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* A participant forgotten while their deleted idea waits in the undo stack:
 * the idea comes back anonymous, with its own UUID, round and cluster, and
 * the newcomer who got the forgotten participant's row id is not made its
 * author. */
static void test_undo_after_participant_forgotten(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct idea_undo undo;
	struct participant_fields ans = { .alias = "Ans", .name = "Ans de Wit", .consent = true };
	struct participant_fields bram = { .alias = "Bram" }, cor = { .alias = "Cor" };
	int64_t s = new_session(db, "Vergeten"), r, c, p, p2, p3, i, j;
	char uuid[37];

	assert_int_equal(round_add(db, s, "Diverge", 300, &r, &err), PACT_OK);
	assert_int_equal(round_start(db, r, 1000, &err), PACT_OK);
	assert_int_equal(cluster_add(db, s, "Groen", &c, &err), PACT_OK);
	assert_int_equal(participant_add(db, s, &ans, &p, &err), PACT_OK);
	assert_int_equal(idea_add(db, s, "Idee van Ans", p, 1010, &i, &err), PACT_OK);
	assert_int_equal(idea_set_cluster(db, i, c, &err), PACT_OK);
	uuid_of(db, i, uuid);
	assert_int_equal(idea_delete(db, i, &undo, &err), PACT_OK);
	assert_int_equal(participant_forget(db, p, &err), PACT_OK);
	assert_int_equal(participant_add(db, s, &bram, &p2, &err), PACT_OK);
	assert_int_equal(p2, p); /* SQLite gave Bram the forgotten one's row id */
	assert_int_equal(idea_restore(db, &undo, &err), PACT_OK);
	idea_undo_free(&undo);
	expect_field(db, "text", uuid, "Idee van Ans");
	expect_field(db, "coalesce(participant_id, 'none')", uuid, "none");
	expect_number(db, "session_id", uuid, s);
	expect_number(db, "round_id", uuid, r);
	expect_number(db, "cluster_id", uuid, c);
	assert_int_equal(count_of(db, "SELECT count(*) FROM idea WHERE participant_id = ?", p2), 0);

	/* A forget that keeps the row but leaves its tombstone (forgotten) is a
	 * forget too: the idea still comes back without its author. */
	assert_int_equal(participant_add(db, s, &cor, &p3, &err), PACT_OK);
	assert_int_equal(idea_add(db, s, "Idee van Cor", p3, 1020, &j, &err), PACT_OK);
	uuid_of(db, j, uuid);
	assert_int_equal(idea_delete(db, j, &undo, &err), PACT_OK);
	assert_int_equal(sql_exec(db, &err,
				  "INSERT INTO forgotten(uuid, kind, date) SELECT uuid, 'participant', "
				  "'2026-01-01' FROM participant WHERE id = ?",
				  "I", p3),
			 PACT_OK);
	assert_int_equal(idea_restore(db, &undo, &err), PACT_OK);
	idea_undo_free(&undo);
	expect_field(db, "coalesce(participant_id, 'none')", uuid, "none");
}

/* Another terminal adds an idea that takes the deleted one's row id: undo
 * brings the deleted idea back under a fresh row id, with the duplicates
 * that were merged into it, and leaves the newcomer as it was. */
static void test_undo_after_row_id_reused(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct idea_undo undo;
	int64_t s = new_session(db, "Hergebruik"), aap, beer, cavia, groen, back;
	char beer_uuid[37], cavia_uuid[37], aap_uuid[37];

	assert_int_equal(cluster_add(db, s, "Groen", &groen, &err), PACT_OK);
	assert_int_equal(idea_add(db, s, "Aap", 0, 1, &aap, &err), PACT_OK);
	assert_int_equal(idea_add(db, s, "Beer", 0, 2, &beer, &err), PACT_OK);
	assert_int_equal(idea_merge(db, aap, beer, NULL, &err), PACT_OK);
	uuid_of(db, aap, aap_uuid);
	uuid_of(db, beer, beer_uuid);
	assert_int_equal(idea_delete(db, beer, &undo, &err), PACT_OK);
	assert_int_equal(idea_add(db, s, "Cavia", 0, 3, &cavia, &err), PACT_OK);
	assert_int_equal(cavia, beer); /* the row id came back */
	assert_int_equal(idea_set_cluster(db, cavia, groen, &err), PACT_OK);
	uuid_of(db, cavia, cavia_uuid);

	assert_int_equal(idea_restore(db, &undo, &err), PACT_OK);
	idea_undo_free(&undo);
	back = id_of(db, beer_uuid);
	assert_true(back > 0);
	assert_true(back != beer);
	expect_field(db, "text", beer_uuid, "Beer");
	expect_field(db, "coalesce(cluster_id, 'none')", beer_uuid, "none");
	expect_number(db, "merged_into", aap_uuid, back);
	/* The newcomer: same row, same UUID, text and cluster, nothing merged. */
	assert_int_equal(id_of(db, cavia_uuid), cavia);
	expect_field(db, "text", cavia_uuid, "Cavia");
	expect_number(db, "cluster_id", cavia_uuid, groen);
	expect_field(db, "coalesce(merged_into, 'none')", cavia_uuid, "none");
	assert_int_equal(count_of(db, "SELECT count(*) FROM idea WHERE merged_into = ?", cavia), 0);
	/* A second undo of the same delete refuses: the idea is there. */
	assert_int_equal(idea_delete(db, aap, &undo, &err), PACT_OK);
	assert_int_equal(idea_restore(db, &undo, &err), PACT_OK);
	assert_int_equal(idea_restore(db, &undo, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "already"));
	idea_undo_free(&undo);

	/* Undo refuses, saying why, when the idea's session is gone. */
	assert_int_equal(idea_delete(db, back, &undo, &err), PACT_OK);
	assert_int_equal(session_delete(db, s, &err), PACT_OK);
	assert_int_equal(idea_restore(db, &undo, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "session"));
	idea_undo_free(&undo);
	assert_int_equal(id_of(db, beer_uuid), 0);
}

/* Undo of a merge after another terminal changed the row ids (the two
 * ideas taken out and read in again, as an import does, and a new idea
 * given the merged one's old row id): the merge is taken back on the two
 * ideas themselves, found by UUID, and the new idea is left alone. */
static void test_unmerge_by_uuid_after_ids_changed(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct idea_undo undo;
	int64_t s = new_session(db, "Samenvoegen"), b, a2, a, dolfijn, b_now, a_now;
	char a_uuid[37], a2_uuid[37], b_uuid[37], d_uuid[37];

	assert_int_equal(idea_add(db, s, "Bankjes", 0, 1, &b, &err), PACT_OK);
	assert_int_equal(idea_add(db, s, "bankjes!!", 0, 2, &a2, &err), PACT_OK);
	assert_int_equal(idea_add(db, s, "meer bankjes", 0, 3, &a, &err), PACT_OK);
	uuid_of(db, a, a_uuid);
	uuid_of(db, a2, a2_uuid);
	uuid_of(db, b, b_uuid);
	assert_int_equal(idea_merge(db, a2, a, NULL, &err), PACT_OK);
	assert_int_equal(idea_merge(db, a, b, &undo, &err), PACT_OK); /* a and a2 into b */

	assert_int_equal(sql_exec(db, &err, "DELETE FROM idea WHERE id IN (?, ?)", "II", a, b),
			 PACT_OK);
	assert_int_equal(idea_add(db, s, "Dolfijn", 0, 4, &dolfijn, &err), PACT_OK);
	assert_int_equal(dolfijn, a); /* the merged idea's old row id */
	uuid_of(db, dolfijn, d_uuid);
	assert_int_equal(sql_exec(db, &err,
				  "INSERT INTO idea(uuid, session_id, text, created_at, updated_at) "
				  "VALUES (?, ?, 'Bankjes', '', '')",
				  "tI", b_uuid, s),
			 PACT_OK);
	b_now = id_of(db, b_uuid);
	assert_int_equal(sql_exec(db, &err,
				  "INSERT INTO idea(uuid, session_id, text, merged_into, created_at, "
				  "updated_at) VALUES (?, ?, 'meer bankjes', ?, '', '')",
				  "tII", a_uuid, s, b_now),
			 PACT_OK);
	a_now = id_of(db, a_uuid);
	assert_int_equal(sql_exec(db, &err, "UPDATE idea SET merged_into = ? WHERE id = ?", "II",
				  b_now, a2),
			 PACT_OK);
	assert_true(a_now != a && b_now != b);

	assert_int_equal(idea_unmerge(db, &undo, &err), PACT_OK);
	idea_undo_free(&undo);
	expect_field(db, "coalesce(merged_into, 'none')", a_uuid, "none");
	expect_number(db, "merged_into", a2_uuid, a_now);
	assert_int_equal(id_of(db, d_uuid), dolfijn);
	expect_field(db, "text || '|' || coalesce(merged_into, 'none')", d_uuid, "Dolfijn|none");
	assert_int_equal(count_of(db, "SELECT count(*) FROM idea WHERE merged_into = ?", dolfijn),
			 0);
	expect_field(db, "coalesce(merged_into, 'none')", b_uuid, "none");

	/* The merged idea deleted meanwhile: undo refuses and changes nothing. */
	assert_int_equal(idea_merge(db, a_now, b_now, &undo, &err), PACT_OK);
	assert_int_equal(sql_exec(db, &err, "DELETE FROM idea WHERE id = ?", "I", a_now), PACT_OK);
	assert_int_equal(idea_unmerge(db, &undo, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "idea"));
	idea_undo_free(&undo);
	expect_number(db, "merged_into", a2_uuid, b_now);
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
		cmocka_unit_test_setup_teardown(test_role_and_age_choices, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_idea_text_rules, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_ideas_go_into_the_current_round_and_late,
						open_db, close_db),
		cmocka_unit_test_setup_teardown(test_delete_and_undo, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_clusters_and_merge, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_merge_and_unmerge, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_undo_after_participant_forgotten, open_db,
						close_db),
		cmocka_unit_test_setup_teardown(test_undo_after_row_id_reused, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_unmerge_by_uuid_after_ids_changed, open_db,
						close_db),
		cmocka_unit_test_setup_teardown(test_many_ideas_page, open_db, close_db),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("brainstorm", tests, NULL, NULL);
}
