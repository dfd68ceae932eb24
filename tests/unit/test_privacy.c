/* Unit tests of personal-data handling: breakdowns hide groups under five,
 * sessions past their keep-until date are purged (ideas stay, anonymous),
 * one participant can be forgotten, forgetting is final (tombstones that
 * imports respect, keep-until dates that only move earlier, a -wal that is
 * emptied), and a readable file is warned about. */
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
#include <time.h>

#include "import.h"
#include "kind.h"
#include "privacy.h"
#include "session.h"
#include "sql.h"
#include "stamp.h"
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
					  "role, wijk) VALUES (lower(printf('%s-%s-4%s-8%s-%s', "
					  "hex(randomblob(4)), hex(randomblob(2)), substr(hex(randomblob(2)), 2), "
					  "substr(hex(randomblob(2)), 2), hex(randomblob(6)))), ?, "
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

static int64_t count(sqlite3 *db, const char *sql)
{
	struct pact_err err;
	int64_t n = -1;

	assert_int_equal(sql_int(db, &n, NULL, &err, sql, ""), PACT_OK);
	return n;
}

static void import_csv(sqlite3 *db, const char *kind, const char *csv, struct import_stats *st)
{
	struct pact_err err;

	memset(st, 0, sizeof *st);
	if (import_text(db, kind_find(kind), csv, "t.csv", st, &err) != PACT_OK)
		fail_msg("%s", err.msg);
}

#define ANS "aaaaaaaa-0000-4000-8000-000000000001"

static void test_forget_leaves_a_tombstone_that_imports_respect(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct import_stats st;
	char today[11], want[128];
	sqlite3_stmt *q;

	session_with(db, "Wijkavond", NULL);
	import_csv(db, "participants",
		   "id,session,alias,name,consent,wijk\n" ANS ",Wijkavond,Ans,Zeldzame Geheimnaam,1,Oost\n"
		   "aaaaaaaa-0000-4000-8000-000000000002,Wijkavond,Bas,,0,West\n",
		   &st);
	import_csv(db, "ideas", "session,idea,participant\nWijkavond,Meer bankjes," ANS "\n", &st);
	assert_int_equal(privacy_forget(db, "AAAAAAAA-0000-4000-8000-000000000001", &err), PACT_OK);
	/* the tombstone: the UUID, the kind and the date; no name, nothing else */
	stamp_date(time(NULL), today);
	snprintf(want, sizeof want, "%s|participant|%s", ANS, today);
	q = sql_query(db, &err, "SELECT uuid || '|' || kind || '|' || date FROM forgotten", "");
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(q, 0), want);
	assert_int_equal(sqlite3_step(q), SQLITE_DONE);
	sqlite3_finalize(q);
	assert_int_equal(count(db, "SELECT count(*) FROM pragma_table_info('forgotten')"), 3);
	assert_int_equal(count(db, "SELECT count(*) FROM idea WHERE participant_id IS NULL"), 1);
	/* an older CSV with the person: skipped, the other row updated */
	import_csv(db, "participants",
		   "id,session,alias,name,consent\n" ANS ",Wijkavond,Ans,Zeldzame Geheimnaam,1\n"
		   "aaaaaaaa-0000-4000-8000-000000000002,Wijkavond,Bas,,0\n",
		   &st);
	assert_int_equal(st.forgotten, 1);
	assert_int_equal(st.rows, 1);
	assert_int_equal(st.updated, 1);
	assert_int_equal(count(db, "SELECT count(*) FROM participant WHERE uuid = '" ANS "' OR "
				   "name IS NOT NULL OR alias = 'Ans'"),
			 0);
	/* ideas naming the forgotten person by UUID come in without a participant */
	import_csv(db, "ideas",
		   "session,idea,participant\n"
		   "Wijkavond,Een speeltuin,AAAAAAAA-0000-4000-8000-000000000001\n",
		   &st);
	assert_int_equal(st.rows, 1);
	assert_int_equal(st.unlinked, 1);
	assert_int_equal(st.forgotten, 0);
	assert_int_equal(count(db, "SELECT count(*) FROM idea WHERE participant_id IS NULL"), 2);
	assert_int_equal(count(db, "SELECT count(*) FROM participant"), 1);
	/* forgetting again is refused, and the tombstone stays one */
	assert_int_equal(privacy_forget(db, ANS, &err), PACT_EINPUT);
	assert_int_equal(count(db, "SELECT count(*) FROM forgotten"), 1);
}

static void test_forgotten_required_reference_skips_the_row(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct import_stats st;

	/* Only participants are forgotten today; a row that cannot stand
	 * without a forgotten record is skipped, not stored half. */
	assert_int_equal(sql_exec(db, &err,
				  "INSERT INTO forgotten VALUES ('bbbbbbbb-0000-4000-8000-000000000001', "
				  "'session', '2026-01-01')",
				  ""),
			 PACT_OK);
	import_csv(db, "ideas",
		   "id,session,idea,merged_into\n"
		   "eeeeeeee-0000-4000-8000-000000000001,bbbbbbbb-0000-4000-8000-000000000001,Weg ermee,"
		   "eeeeeeee-0000-4000-8000-000000000002\n",
		   &st);
	assert_int_equal(st.forgotten, 1);
	assert_int_equal(st.rows, 0);
	assert_int_equal(count(db, "SELECT count(*) FROM idea"), 0);
	/* a UUID nobody forgot is still an error that names the cell */
	assert_int_equal(import_text(db, kind_find("ideas"),
				     "session,idea\nbbbbbbbb-0000-4000-8000-000000000002,Weg ermee\n",
				     "t.csv", &st, &err),
			 PACT_EINPUT);
	assert_non_null(strstr(err.msg, "t.csv:2:1: column 'session': no session"));
}

/* A participants CSV of the people of session 1 as they were, with the
 * name "Terug". */
static void older_csv(sqlite3 *db, char *csv, size_t size)
{
	struct pact_err err;
	sqlite3_stmt *q = sql_query(db, &err, "SELECT uuid FROM was WHERE session_id = 1", "");
	size_t n = (size_t)snprintf(csv, size, "id,session,alias,name,consent\n");

	for (int i = 0; sqlite3_step(q) == SQLITE_ROW; i++)
		n += (size_t)snprintf(csv + n, size - n, "%s,Oud,p%d,Terug,1\n",
				      sqlite3_column_text(q, 0), i);
	sqlite3_finalize(q);
}

static void test_purge_leaves_tombstones(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	struct import_stats st;
	int64_t old = session_with(db, "Oud", "2020-01-01"), sessions, removed;
	char csv[1024];

	people(db, old, 3, "resident", NULL);
	people(db, session_with(db, "Nieuw", "2099-01-01"), 1, "resident", NULL);
	assert_int_equal(sql_exec(db, &err,
				  "CREATE TEMP TABLE was AS SELECT uuid, session_id FROM participant", ""),
			 PACT_OK);
	assert_int_equal(privacy_purge(db, "2026-11-27", &sessions, &removed, &err), PACT_OK);
	assert_int_equal(removed, 3);
	assert_int_equal(count(db, "SELECT count(*) FROM forgotten f JOIN was w USING (uuid) WHERE "
				   "f.kind = 'participant' AND f.date = '2026-11-27' AND w.session_id = 1"),
			 3);
	assert_int_equal(count(db, "SELECT count(*) FROM forgotten"), 3);
	/* the purged people do not come back with an older CSV */
	older_csv(db, csv, sizeof csv);
	import_csv(db, "participants", csv, &st);
	assert_int_equal(st.forgotten, 3);
	assert_int_equal(st.rows, 0);
	assert_int_equal(count(db, "SELECT count(*) FROM participant WHERE session_id = 1"), 0);
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

static void test_scrub_empties_the_wal_or_says_why(void **state)
{
	sqlite3 *db = *state, *reader;
	struct pact_err err;
	struct stat st;
	char wal[PATH_MAX + 8];
	int64_t s = session_with(db, "Wijk", NULL), n;

	snprintf(wal, sizeof wal, "%s-wal", testdb_path);
	people(db, s, 2, "resident", NULL);
	/* another connection in the middle of reading holds the log */
	assert_int_equal(db_open(testdb_path, &reader, &err), PACT_OK);
	assert_int_equal(sql_exec(reader, &err, "BEGIN", ""), PACT_OK);
	assert_int_equal(sql_int(reader, &n, NULL, &err, "SELECT count(*) FROM participant", ""),
			 PACT_OK);
	assert_int_equal(privacy_forget(db, "1", &err), PACT_OK);
	assert_int_equal(db_checkpoint_truncate(db, &err), PACT_EDB);
	assert_int_equal(privacy_scrub(db, testdb_path, &err), PACT_EDB);
	assert_non_null(strstr(err.msg, "another program is reading the database"));
	assert_non_null(strstr(err.msg, "-wal until the other program"));
	assert_int_equal(stat(wal, &st), 0);
	assert_true(st.st_size > 0);
	/* once it has finished, the log is emptied to zero bytes */
	assert_int_equal(sql_exec(reader, &err, "COMMIT", ""), PACT_OK);
	assert_int_equal(privacy_scrub(db, testdb_path, &err), PACT_OK);
	assert_int_equal(stat(wal, &st), 0);
	assert_int_equal(st.st_size, 0);
	/* an idle second connection does not stand in the way */
	assert_int_equal(privacy_forget(db, "2", &err), PACT_OK);
	assert_int_equal(db_checkpoint_truncate(db, &err), PACT_OK);
	assert_int_equal(stat(wal, &st), 0);
	assert_int_equal(st.st_size, 0);
	db_close(reader);
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
		cmocka_unit_test_setup_teardown(test_forget_leaves_a_tombstone_that_imports_respect,
						open_db, close_db),
		cmocka_unit_test_setup_teardown(test_forgotten_required_reference_skips_the_row,
						open_db, close_db),
		cmocka_unit_test_setup_teardown(test_purge_leaves_tombstones, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_keep_until_only_moves_earlier, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_scrub_empties_the_wal_or_says_why, open_db,
						close_db),
		cmocka_unit_test_setup_teardown(test_mode_warning, open_db, close_db),
	};

	setlocale(LC_ALL, "C");
	return cmocka_run_group_tests_name("privacy", tests, NULL, NULL);
}
