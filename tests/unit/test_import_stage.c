/* The import's stage: rows stored in batches by one statement each, more
 * rows than one batch holds (STAGE_BUDGET), in the order of the file; the
 * last row for a UUID wins across batches; a row that cannot be stored in
 * a later batch is named by its line, and nothing of the file stays. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "brainstorm_session.h"
#include "db.h"
#include "import.h"
#include "import_stage.h"
#include "kind.h"
#include "sql.h"
#include "testdb.h"

#define ROWS 3000
#define TEXT 1900 /* ROWS rows of this are more than one stage holds */

/* ROWS ideas of session "S", the first one again as the last row with
 * another text; extra (may be NULL) is added as one more row. */
static char *ideas_file(const char *extra)
{
	size_t cap = (size_t)(ROWS + 2) * (TEXT + 100), o = 0;
	char *csv = malloc(cap), text[TEXT + 1];

	assert_non_null(csv);
	memset(text, 'x', TEXT);
	text[TEXT] = '\0';
	assert_true((size_t)ROWS * TEXT > STAGE_BUDGET);
	o += (size_t)snprintf(csv + o, cap - o, "id,session,idea\n");
	for (int i = 0; i < ROWS; i++)
		o += (size_t)snprintf(csv + o, cap - o, "00000000-0000-4000-8000-%012d,S,%d %s\n",
				      ROWS - i, i, text);
	o += (size_t)snprintf(csv + o, cap - o, "00000000-0000-4000-8000-%012d,S,the last one\n",
			      ROWS);
	if (extra)
		snprintf(csv + o, cap - o, "%s", extra);
	return csv;
}

static int64_t number(sqlite3 *db, const char *sql)
{
	int64_t n = -1;
	struct pact_err err;

	assert_int_equal(sql_int(db, &n, NULL, &err, sql, ""), PACT_OK);
	return n;
}

static void test_more_rows_than_a_stage_in_file_order(void **state)
{
	sqlite3 *db = *state;
	struct session_fields sf = { .title = "S" };
	struct import_stats stats;
	struct pact_err err;
	int64_t session;
	char *csv = ideas_file(NULL);

	assert_int_equal(session_create(db, &sf, &session, &err), PACT_OK);
	assert_int_equal(db_begin(db, &err), PACT_OK);
	assert_int_equal(import_text(db, kind_find("ideas"), csv, "i.csv", &stats, &err), PACT_OK);
	assert_int_equal(db_commit(db, &err), PACT_OK);
	free(csv);
	assert_int_equal(stats.rows, ROWS + 1);
	assert_int_equal(stats.added, ROWS);
	assert_int_equal(stats.updated, 1);
	assert_int_equal(number(db, "SELECT count(*) FROM idea"), ROWS);
	/* ids in the order of the file, though the UUIDs come down */
	assert_int_equal(number(db, "SELECT count(*) FROM idea a JOIN idea b ON b.id = a.id + 1 "
				    "WHERE b.uuid > a.uuid"),
			 0);
	assert_int_equal(number(db, "SELECT text = 'the last one' FROM idea WHERE uuid = "
				    "'00000000-0000-4000-8000-000000003000'"),
			 1);
	assert_int_equal(number(db, "SELECT min(id) FROM idea WHERE text LIKE '0 %' OR text = "
				    "'the last one'"),
			 number(db, "SELECT min(id) FROM idea"));
}

/* A row that breaks a rule of the table, after the first batch was stored:
 * the error names its line and nothing of the file stays. */
static void test_a_row_that_cannot_be_stored_is_named_by_its_line(void **state)
{
	sqlite3 *db = *state;
	struct session_fields sf = { .title = "S" };
	struct session_fields other = { .title = "T" };
	struct pact_err err;
	int64_t session, t;
	char line[64], *csv;

	assert_int_equal(session_create(db, &sf, &session, &err), PACT_OK);
	assert_int_equal(session_create(db, &other, &t, &err), PACT_OK);
	/* an idea of session T here, which the file puts in S */
	assert_int_equal(import_text(db, kind_find("ideas"),
				     "id,session,idea\n00000000-0000-4000-8000-999999999999,T,hier\n",
				     "t.csv", NULL, &err),
			 PACT_OK);
	csv = ideas_file("00000000-0000-4000-8000-999999999999,S,daar\n");
	assert_int_equal(db_begin(db, &err), PACT_OK);
	assert_int_equal(import_text(db, kind_find("ideas"), csv, "i.csv", NULL, &err),
			 PACT_EINPUT);
	db_rollback(db);
	free(csv);
	snprintf(line, sizeof line, "i.csv:%d:", ROWS + 3);
	assert_non_null(strstr(err.msg, line));
	assert_non_null(strstr(err.msg, "'T'"));
	assert_int_equal(number(db, "SELECT count(*) FROM idea"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_more_rows_than_a_stage_in_file_order, open_db,
						close_db),
		cmocka_unit_test_setup_teardown(test_a_row_that_cannot_be_stored_is_named_by_its_line,
						open_db, close_db),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
