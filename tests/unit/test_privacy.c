/* Unit tests of personal-data handling: breakdowns hide groups under five,
 * sessions past their keep-until date are purged (ideas stay, anonymous),
 * one participant can be forgotten, keep-until dates only move earlier,
 * and a readable file is warned about. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "import.h"
#include "kind.h"
#include "privacy.h"
#include "session.h"
#include "sql.h"
#include "testdb.h"

static int64_t session_with(sqlite3 *db, const char *title, const char *retain)
{
	struct pact_err err;
	int64_t id;

	assert_int_equal(session_create(db, &(struct session_fields){ .title = title,
								     .retain_until = retain },
					&id, &err),
			 PACT_OK);
	return id;
}

static void people(sqlite3 *db, int64_t session, int n, const char *role, const char *wijk)
{
	struct pact_err err;

	for (int i = 0; i < n; i++)
		assert_int_equal(sql_exec(db, &err,
					  "INSERT INTO participant(uuid, session_id, alias, name, consent, "
					  "role, wijk) VALUES (lower(hex(randomblob(16))), ?, "
					  "'p' || (SELECT count(*) FROM participant), 'Naam', 1, ?, ?)",
					  "Itt", session, role, wijk),
				 PACT_OK);
}

static void test_breakdown_hides_small_groups(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct privacy_group *g;
	size_t n;
	char shown[24], *text;
	int64_t s = session_with(db, "Wijk", NULL), other = session_with(db, "Ander", NULL);

	people(db, s, 6, "resident", "Oost");
	people(db, s, 4, "entrepreneur", "Oost");
	people(db, s, 1, NULL, "West");
	people(db, other, 9, "institution", NULL);
	assert_int_equal(privacy_breakdown(db, s, &g, &n, &err), PACT_OK);
	/* role: resident 6, entrepreneur 4, not given 1; wijk: Oost 10, West 1; age: not given 11 */
	assert_int_equal(n, 6);
	assert_string_equal(g[0].group, "resident");
	privacy_count_text(&g[0], shown);
	assert_string_equal(shown, "6");
	assert_string_equal(g[1].group, "entrepreneur");
	assert_true(g[1].hidden);
	privacy_count_text(&g[1], shown);
	assert_string_equal(shown, "<5");
	assert_true(g[2].hidden);
	assert_int_equal(g[3].dimension, PRIVACY_WIJK);
	assert_int_equal(g[3].people, 10);
	assert_true(g[4].hidden);
	text = privacy_breakdown_report(g, n, 60, false);
	assert_non_null(strstr(text, "Role\n"));
	assert_non_null(strstr(text, " <5\n"));
	assert_null(strstr(text, " 4\n")); /* the hidden number never shows */
	assert_null(strstr(text, " 1\n"));
	assert_non_null(strstr(text, "not given"));
	free(text);
	privacy_groups_free(g, n);
	/* every session together */
	assert_int_equal(privacy_breakdown(db, 0, &g, &n, &err), PACT_OK);
	assert_string_equal(g[0].group, "institution");
	assert_int_equal(g[0].people, 9);
	privacy_groups_free(g, n);
}

static void test_purge_after_keep_until(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t old = session_with(db, "Oud", "1-1-2020"), later = session_with(db, "Later", "2030-01-01"),
		none = session_with(db, "Geen", ""), due, sessions, removed, n;
	struct session s;

	assert_int_equal(session_get(db, old, &s, &err), PACT_OK);
	assert_string_equal(s.retain_until, "2020-01-01");
	session_free(&s);
	assert_int_equal(session_create(db, &(struct session_fields){ .title = "X",
								     .retain_until = "morgen" },
					NULL, &err),
			 PACT_EINPUT);
	assert_int_equal(strncmp(err.msg, "keep personal data until: ", 26), 0);
	people(db, old, 3, "resident", NULL);
	people(db, later, 2, "resident", NULL);
	people(db, none, 2, "resident", NULL);
	assert_int_equal(sql_exec(db, &err,
				  "INSERT INTO idea(uuid, session_id, participant_id, text, created_at, "
				  "updated_at) SELECT 'i1', ?, min(id), 'Bankjes', 'x', 'x' FROM "
				  "participant WHERE session_id = ?",
				  "II", old, old),
			 PACT_OK);
	assert_int_equal(privacy_due(db, "2026-11-27", &due, &err), PACT_OK);
	assert_int_equal(due, 1);
	assert_int_equal(privacy_purge(db, "2026-11-27", &sessions, &removed, &err), PACT_OK);
	assert_int_equal(sessions, 1);
	assert_int_equal(removed, 3);
	assert_int_equal(sql_int(db, &n, NULL, &err, "SELECT count(*) FROM participant", ""), PACT_OK);
	assert_int_equal(n, 4);
	/* the idea stays, without a name */
	assert_int_equal(sql_int(db, &n, NULL, &err,
				 "SELECT count(*) FROM idea WHERE text = 'Bankjes' AND participant_id IS NULL",
				 ""),
			 PACT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(privacy_due(db, "2026-11-27", &due, &err), PACT_OK);
	assert_int_equal(due, 0);
	/* on the day itself nothing is due yet */
	assert_int_equal(privacy_due(db, "2030-01-01", &due, &err), PACT_OK);
	assert_int_equal(due, 0);
	assert_int_equal(privacy_due(db, "2030-01-02", &due, &err), PACT_OK);
	assert_int_equal(due, 1);
}

static void test_forget_one(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t s = session_with(db, "Wijk", NULL), n;
	sqlite3_stmt *st;
	char uuid[64];

	people(db, s, 2, "resident", NULL);
	st = sql_query(db, &err, "SELECT upper(uuid) FROM participant WHERE id = 2", "");
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(uuid, sizeof uuid, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_int_equal(privacy_forget(db, "1", &err), PACT_OK);
	assert_int_equal(privacy_forget(db, uuid, &err), PACT_OK);
	assert_int_equal(sql_int(db, &n, NULL, &err, "SELECT count(*) FROM participant", ""), PACT_OK);
	assert_int_equal(n, 0);
	assert_int_equal(privacy_forget(db, "1", &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "no participant '1'"));
	assert_int_equal(privacy_forget(db, "x'; DROP TABLE participant; --", &err), PACT_EINPUT);
}

static void import_csv(sqlite3 *db, const char *kind, const char *csv, struct import_stats *st)
{
	struct pact_err err;

	memset(st, 0, sizeof *st);
	if (import_text(db, kind_find(kind), csv, "t.csv", st, &err) != PACT_OK)
		fail_msg("%s", err.msg);
}

static void test_keep_until_only_moves_earlier(void **state)
{
	sqlite3 *db = *state;
	struct import_stats st;
	sqlite3_stmt *q;
	struct pact_err err;
	const char *want[] = { "A|2025-06-01", "B|2025-01-01", "C|2027-01-01", "D|2026-01-01",
			       "E|" };

	import_csv(db, "sessions",
		   "id,title,retain_until\n"
		   "cccccccc-0000-4000-8000-00000000000a,A,2030-01-01\n"
		   "cccccccc-0000-4000-8000-00000000000b,B,2025-01-01\n"
		   "cccccccc-0000-4000-8000-00000000000c,C,\n"
		   "cccccccc-0000-4000-8000-00000000000d,D,2026-01-01\n"
		   "cccccccc-0000-4000-8000-00000000000e,E,\n",
		   &st);
	/* earlier wins; a date wins over none; none and none stays none */
	import_csv(db, "sessions",
		   "id,title,retain_until\n"
		   "cccccccc-0000-4000-8000-00000000000a,A,1-6-2025\n"
		   "cccccccc-0000-4000-8000-00000000000b,B,2030-01-01\n"
		   "cccccccc-0000-4000-8000-00000000000c,C,2027-01-01\n"
		   "cccccccc-0000-4000-8000-00000000000d,D,\n"
		   "cccccccc-0000-4000-8000-00000000000e,E,\n",
		   &st);
	assert_int_equal(st.updated, 5);
	/* a file without the column leaves every date alone */
	import_csv(db, "sessions", "id,title\ncccccccc-0000-4000-8000-00000000000b,B\n", &st);
	q = sql_query(db, &err,
		      "SELECT title || '|' || coalesce(retain_until, '') FROM session ORDER BY title",
		      "");
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		assert_int_equal(sqlite3_step(q), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(q, 0), want[i]);
	}
	assert_int_equal(sqlite3_step(q), SQLITE_DONE);
	sqlite3_finalize(q);
}

static void test_mode_warning(void **state)
{
	char msg[512];

	(void)state;
	chmod(testdb_path, 0600);
	assert_false(privacy_mode_warning(testdb_path, msg, sizeof msg));
	chmod(testdb_path, 0644);
	assert_true(privacy_mode_warning(testdb_path, msg, sizeof msg));
	assert_non_null(strstr(msg, "can be read by other users of this computer (mode 0644)"));
	chmod(testdb_path, 0600);
	assert_false(privacy_mode_warning("/nonexistent/pact.db", msg, sizeof msg));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_breakdown_hides_small_groups, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_purge_after_keep_until, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_forget_one, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_keep_until_only_moves_earlier, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_mode_warning, open_db, close_db),
	};

	setlocale(LC_ALL, "C");
	return cmocka_run_group_tests_name("privacy", tests, NULL, NULL);
}
