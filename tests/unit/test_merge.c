/* Merging loses nothing by construction: every table of a fresh database
 * is either merged or declared derived, in the one list in src/merge.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "merge.h"
#include "testdb.h"

static void every_table_is_merged_or_derived(void **state)
{
	sqlite3 *db = *state;
	sqlite3_stmt *st;
	char bad[256] = "";
	int n = 0;

	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT name FROM sqlite_master WHERE type = 'table' "
					    "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
					    -1, &st, NULL),
			 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(st, 0);
		const char *how = merge_table_policy(table);
		if (!*bad && (!how || (strncmp(how, "merged: ", 8) != 0 &&
				       strncmp(how, "derived: ", 9) != 0)))
			snprintf(bad, sizeof bad, "%s", table);
		n++;
	}
	sqlite3_finalize(st);
	if (*bad)
		fail_msg("table %s is neither merged nor declared derived in src/merge.c", bad);
	assert_true(n >= 25); /* the schema's tables were really listed */
}

static void an_unknown_table_has_no_policy(void **state)
{
	(void)state;
	assert_null(merge_table_policy("poll_secret_extra"));
	assert_null(merge_table_policy(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_table_is_merged_or_derived, open_db, close_db),
		cmocka_unit_test(an_unknown_table_has_no_policy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
