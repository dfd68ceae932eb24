/* Unit tests of the store: where the file goes, how it is opened and
 * migrated, what is refused (leaving the file as it was), and the pager
 * over a query of a million rows. */
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
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "pager.h"

static char tmpdir[PATH_MAX];

static int make_tmp(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/pact-test-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmp(void **state)
{
	char cmd[PATH_MAX + 16];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd);
}

static void path_in_tmp(char *out, size_t outsz, const char *name)
{
	snprintf(out, outsz, "%s/%s", tmpdir, name);
}

static char *slurp(const char *path, long *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	*len = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)*len + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)*len, f), (size_t)*len);
	fclose(f);
	return buf;
}

static long pragma_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	long v = -1;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void test_resolve_path(void **state)
{
	char out[PATH_MAX];

	(void)state;
	setenv("HOME", "/home/ada", 1);
	unsetenv("PACT_DB");
	unsetenv("XDG_DATA_HOME");
	assert_int_equal(db_resolve_path(NULL, out, sizeof out, NULL), PACT_OK);
	assert_string_equal(out, "/home/ada/.local/share/pact/pact.db");
	setenv("XDG_DATA_HOME", "/data", 1);
	db_resolve_path(NULL, out, sizeof out, NULL);
	assert_string_equal(out, "/data/pact/pact.db");
	setenv("XDG_DATA_HOME", "relative", 1); /* the spec says: ignore */
	db_resolve_path(NULL, out, sizeof out, NULL);
	assert_string_equal(out, "/home/ada/.local/share/pact/pact.db");
	setenv("PACT_DB", "/env.db", 1);
	db_resolve_path(NULL, out, sizeof out, NULL);
	assert_string_equal(out, "/env.db");
	db_resolve_path("/option.db", out, sizeof out, NULL);
	assert_string_equal(out, "/option.db");
	unsetenv("PACT_DB");
	unsetenv("XDG_DATA_HOME");
}

static void test_open_creates_private_store(void **state)
{
	char path[PATH_MAX], dir[PATH_MAX];
	struct pact_err err;
	struct stat st;
	sqlite3 *db;

	(void)state;
	path_in_tmp(dir, sizeof dir, "new/pact");
	path_in_tmp(path, sizeof path, "new/pact/pact.db");
	assert_int_equal(db_open(path, &db, &err), PACT_OK);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(pragma_int(db, "PRAGMA user_version"), db_schema_latest());
	assert_int_equal(pragma_int(db, "PRAGMA foreign_keys"), 1);
	/* Set by pact, not left to how SQLite was built on this machine. */
	assert_int_equal(pragma_int(db, "PRAGMA secure_delete"), 1);
	assert_int_equal(pragma_int(db, "PRAGMA application_id"), DB_APPLICATION_ID);
	assert_true(pragma_int(db, "PRAGMA busy_timeout") >= 5000);
	assert_int_equal(db_setting_set(db, "tab", "vote", &err), PACT_OK);
	db_close(db);

	/* Reopening keeps what was stored and runs no migration twice. */
	assert_int_equal(db_open(path, &db, &err), PACT_OK);
	{
		sqlite3_stmt *st2;
		char *tab = db_setting_get(db, "tab");
		assert_string_equal(tab, "vote");
		free(tab);
		assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st2, NULL),
				 SQLITE_OK);
		assert_int_equal(sqlite3_step(st2), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(st2, 0), "wal");
		sqlite3_finalize(st2);
	}
	assert_int_equal(db_check(db, &err), PACT_OK);
	db_close(db);
}

static void test_schema_has_versions(void **state)
{
	const char *p = pact_schema_sql;
	int blocks = 0;

	(void)state;
	/* Every "-- version N" line is counted, and the last one is the newest. */
	while ((p = strstr(p, "\n-- version ")) != NULL)
		blocks += p[12] >= '0' && p[12] <= '9', p++;
	assert_int_equal(db_schema_latest(), blocks);
	assert_non_null(strstr(pact_schema_sql, "CREATE TABLE settings"));
}

/* A database written by a future pact: refused, bytes unchanged, no WAL
 * files left behind. */
static void test_refuses_newer_schema(void **state)
{
	char path[PATH_MAX], wal[PATH_MAX + 8];
	struct pact_err err;
	sqlite3 *db;
	char *before, *after;
	long n1, n2;

	(void)state;
	path_in_tmp(path, sizeof path, "future.db");
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE x(y); PRAGMA user_version = 999;", NULL,
				      NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	before = slurp(path, &n1);
	assert_int_equal(db_open(path, &db, &err), PACT_EDB);
	assert_null(db);
	assert_non_null(strstr(err.msg, "newer pact"));
	assert_non_null(strstr(err.msg, "999"));
	after = slurp(path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, (size_t)n1);
	snprintf(wal, sizeof wal, "%s-wal", path);
	assert_int_not_equal(access(wal, F_OK), 0);
	free(before);
	free(after);
}

static void test_refuses_non_database(void **state)
{
	char path[PATH_MAX];
	struct pact_err err;
	sqlite3 *db;
	FILE *f;
	char *before, *after;
	long n1, n2;

	(void)state;
	path_in_tmp(path, sizeof path, "ideas.csv");
	f = fopen(path, "w");
	assert_non_null(f);
	for (int i = 0; i < 50; i++)
		fprintf(f, "idea %d;Meer bankjes in de wijk\n", i);
	fclose(f);
	before = slurp(path, &n1);
	assert_int_equal(db_open(path, &db, &err), PACT_EDB);
	assert_non_null(strstr(err.msg, "not a pact database"));
	after = slurp(path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, (size_t)n1);
	free(before);
	free(after);
}

static void test_refuses_folder_it_cannot_create(void **state)
{
	char blocker[PATH_MAX], path[PATH_MAX];
	struct pact_err err;
	sqlite3 *db;
	FILE *f;

	(void)state;
	path_in_tmp(blocker, sizeof blocker, "plainfile");
	f = fopen(blocker, "w");
	assert_non_null(f);
	fclose(f);
	path_in_tmp(path, sizeof path, "plainfile/sub/pact.db");
	assert_int_equal(db_open(path, &db, &err), PACT_EDB);
	assert_non_null(strstr(err.msg, "cannot create folder"));
	assert_non_null(strstr(err.msg, "plainfile"));
}

/* A pact file with a trigger someone added is refused, naming it, and a
 * read-only open (secure_delete on) creates no -shm beside the file. */
static void test_refuses_added_trigger_and_readonly_leaves_no_shm(void **state)
{
	char path[PATH_MAX], shm[PATH_MAX + 8];
	struct pact_err err;
	sqlite3 *db;

	(void)state;
	path_in_tmp(path, sizeof path, "trig.db");
	assert_int_equal(db_open(path, &db, &err), PACT_OK);
	db_close(db);
	chmod(path, 0444);
	assert_int_equal(db_open(path, &db, &err), PACT_OK);
	assert_true(db_readonly(db));
	assert_int_equal(pragma_int(db, "PRAGMA secure_delete"), 1);
	db_close(db);
	snprintf(shm, sizeof shm, "%s-shm", path);
	assert_int_not_equal(access(shm, F_OK), 0);
	chmod(path, 0600);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
				      "CREATE TRIGGER copy AFTER DELETE ON participant BEGIN "
				      "INSERT INTO settings VALUES ('x', old.name); END;",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(db_open(path, &db, &err), PACT_EDB);
	assert_null(db);
	assert_non_null(strstr(err.msg, "trigger copy"));
	assert_int_equal(db_check_other(path, &err), PACT_EDB);
	assert_non_null(strstr(err.msg, "trigger copy"));
}

/* A million rows: the pager reads only the window it needs. */
static void test_pager_million_rows(void **state)
{
	sqlite3 *db;
	struct pager p;
	struct pact_err err;
	const struct pager_row *r;

	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
				      "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, grp INT);"
				      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
				      "LIMIT 1000000) INSERT INTO t SELECT x, printf('row %07d', x), "
				      "x % 2 FROM c;",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(pager_open(&p, db, "SELECT count(*) FROM t WHERE grp >= :grp",
				    "SELECT id, name FROM t WHERE grp >= :grp ORDER BY id "
				    "LIMIT :limit OFFSET :offset",
				    &err),
			 PACT_OK);
	pager_bind_int(&p, ":grp", 0);
	assert_int_equal(pager_reload(&p, &err), PACT_OK);
	assert_int_equal(pager_count(&p), 1000000);
	r = pager_get(&p, 999999);
	assert_non_null(r);
	assert_int_equal(r->id, 1000000);
	assert_string_equal(r->cols[0], "row 1000000");
	assert_true(p.win_n <= PAGER_WINDOW);
	r = pager_get(&p, 0);
	assert_string_equal(r->cols[0], "row 0000001");
	assert_null(pager_get(&p, 1000000));
	assert_null(pager_get(&p, -1));
	assert_int_equal(pager_find(&p, 0, "ROW 05", 0), 499999);
	assert_int_equal(pager_find(&p, 0, "row 0000002", 500000), 1); /* wraps around */
	assert_int_equal(pager_find(&p, 0, "nothing", 0), -1);
	pager_bind_int(&p, ":grp", 1);
	assert_int_equal(pager_reload(&p, &err), PACT_OK);
	assert_int_equal(pager_count(&p), 500000);
	assert_int_equal(pager_get(&p, 0)->id, 1);
	assert_int_equal(pager_get(&p, 1)->id, 3);
	pager_close(&p);
	sqlite3_close(db);
}

/* Fixed rows before and after a query's rows ("New cluster…", "(no
 * cluster)"): counted, read and found in their places, the search going
 * round from the end to the first row. */
static void test_pager_fixed_rows(void **state)
{
	sqlite3 *db;
	struct pager p;
	struct pact_err err;

	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
				      "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT);"
				      "INSERT INTO t VALUES (7, 'Groen'), (9, 'Nieuwbouw');",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(pager_open(&p, db, "SELECT count(*) FROM t",
				    "SELECT id, name FROM t ORDER BY id LIMIT :limit OFFSET :offset", &err),
			 PACT_OK);
	assert_int_equal(pager_reload(&p, &err), PACT_OK);
	pager_add_extra(&p, -1, "New cluster");
	pager_add_extra_last(&p, 0, "(no cluster)");
	assert_int_equal(pager_count(&p), 4);
	assert_int_equal(pager_get(&p, 0)->id, -1);
	assert_int_equal(pager_get(&p, 1)->id, 7);
	assert_int_equal(pager_get(&p, 2)->id, 9);
	assert_int_equal(pager_get(&p, 3)->id, 0);
	assert_string_equal(pager_get(&p, 3)->cols[0], "(no cluster)");
	assert_null(pager_get(&p, 4));
	assert_int_equal(pager_find(&p, 0, "(no", 0), 3);
	assert_int_equal(pager_find(&p, 0, "n", 1), 2);  /* Nieuwbouw, below */
	assert_int_equal(pager_find(&p, 0, "n", 3), 0);  /* round to New cluster */
	assert_int_equal(pager_find(&p, 0, "gr", 2), 1); /* round, past the first row */
	assert_int_equal(pager_find(&p, 0, "x", 0), -1);
	assert_int_equal(pager_reload(&p, &err), PACT_OK);
	assert_int_equal(pager_count(&p), 4);
	assert_int_equal(pager_get(&p, 3)->id, 0);
	pager_close(&p);
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve_path),
		cmocka_unit_test(test_schema_has_versions),
		cmocka_unit_test(test_open_creates_private_store),
		cmocka_unit_test(test_refuses_newer_schema),
		cmocka_unit_test(test_refuses_non_database),
		cmocka_unit_test(test_refuses_folder_it_cannot_create),
		cmocka_unit_test(test_refuses_added_trigger_and_readonly_leaves_no_shm),
		cmocka_unit_test(test_pager_million_rows),
		cmocka_unit_test(test_pager_fixed_rows),
	};

	setlocale(LC_ALL, "C.UTF-8");
	umask(022);
	return cmocka_run_group_tests_name("db", tests, make_tmp, remove_tmp);
}
