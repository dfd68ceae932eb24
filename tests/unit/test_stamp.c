/* UUIDs: time-ordered (version 7) for new records, so that an index on them
 * grows at its end; random (version 4) for ballots, ballots cast with a
 * voter code, participants and people, whose time or order must stay
 * secret. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "brainstorm_idea.h"
#include "brainstorm_session.h"
#include "import.h"
#include "kind.h"
#include "poll.h"
#include "poll_cast.h"
#include "sql.h"
#include "stamp.h"
#include "testdb.h"
#include "votecode.h"

/* 8-4-4-4-12 lower-case hex digits, the version digit as given, and the
 * RFC 9562 variant (10xx: 8, 9, a or b). */
static void assert_uuid(const char *u, char version)
{
	assert_int_equal(strlen(u), 36);
	for (int i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23)
			assert_int_equal(u[i], '-');
		else
			assert_non_null(strchr("0123456789abcdef", u[i]));
	}
	assert_int_equal(u[14], version);
	assert_non_null(strchr("89ab", u[19]));
}

/* The first 48 bits of a version 7 UUID: milliseconds since 1970. */
static uint64_t uuid_ms(const char *u)
{
	char hex[13];

	memcpy(hex, u, 8);
	memcpy(hex + 8, u + 9, 4);
	hex[12] = '\0';
	return strtoull(hex, NULL, 16);
}

static void test_ordered_uuids_increase_and_carry_the_time(void **state)
{
	char prev[37], u[37];
	uint64_t before = (uint64_t)time(NULL) * 1000, after;

	(void)state;
	stamp_uuid_ordered(prev);
	assert_uuid(prev, '7');
	/* many in one millisecond: the counter keeps them in order */
	for (int i = 0; i < 20000; i++) {
		stamp_uuid_ordered(u);
		assert_uuid(u, '7');
		assert_true(strcmp(prev, u) < 0);
		memcpy(prev, u, sizeof u);
	}
	after = (uint64_t)time(NULL) * 1000 + 1000;
	assert_true(uuid_ms(u) >= before && uuid_ms(u) <= after + 5000);
}

static void test_random_uuids_are_version_4(void **state)
{
	char a[37], b[37];

	(void)state;
	stamp_uuid(a);
	stamp_uuid(b);
	assert_uuid(a, '4');
	assert_uuid(b, '4');
	assert_string_not_equal(a, b);
	assert_true(stamp_order_private("ballot"));
	assert_true(stamp_order_private("participant"));
	assert_true(stamp_order_private("person"));
	assert_false(stamp_order_private("idea"));
}

static char *uuid_of(sqlite3 *db, const char *sql, int64_t id)
{
	sqlite3_stmt *st;
	char *u = NULL;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		u = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_non_null(u);
	return u;
}

static void assert_all(sqlite3 *db, const char *sql, int64_t id, char version, int64_t n)
{
	sqlite3_stmt *st;
	int64_t seen = 0;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		assert_uuid((const char *)sqlite3_column_text(st, 0), version);
		seen++;
	}
	sqlite3_finalize(st);
	assert_int_equal(seen, n);
}

/* New ideas (typed or imported without an id) get version 7 in the order
 * they came; ballots (by name, with a voter code, secret) and
 * participants stay version 4. */
static void test_records_get_the_right_version(void **state)
{
	sqlite3 *db = *state;
	struct session_fields sf = { .title = "Wijkavond" };
	struct participant_fields pf = { .alias = "Ans" };
	struct poll_params pp = { .method = TALLY_SCORE, .lo = 0, .hi = 9, .open = true };
	struct poll_params secret = { .method = TALLY_SCORE, .lo = 0, .hi = 9, .open = false };
	const uint32_t options[2] = { 0, 1 };
	const int64_t values[2] = { 1, 2 };
	char(*codes)[VOTECODE_SIZE] = NULL;
	int64_t session, idea1, idea2, person, poll, secret_poll;
	struct pact_err err;
	char *a, *b;

	assert_int_equal(session_create(db, &sf, &session, &err), PACT_OK);
	assert_int_equal(idea_add(db, session, "Meer groen", 0, time(NULL), &idea1, &err), PACT_OK);
	assert_int_equal(idea_add(db, session, "Bankjes", 0, time(NULL), &idea2, &err), PACT_OK);
	a = uuid_of(db, "SELECT uuid FROM idea WHERE id = ?", idea1);
	b = uuid_of(db, "SELECT uuid FROM idea WHERE id = ?", idea2);
	assert_uuid(a, '7');
	assert_uuid(b, '7');
	assert_true(strcmp(a, b) < 0);
	free(a);
	free(b);
	assert_int_equal(import_text(db, kind_find("ideas"),
				     "session,idea\nWijkavond,Een\nWijkavond,Twee\n", "t.csv", NULL,
				     &err),
			 PACT_OK);
	assert_all(db, "SELECT uuid FROM idea WHERE session_id = ? AND id > 2 ORDER BY id", session,
		   '7', 2);
	assert_int_equal(sql_int(db, &idea2, NULL, &err,
				 "SELECT (SELECT uuid FROM idea WHERE id = 3) < "
				 "(SELECT uuid FROM idea WHERE id = 4)",
				 ""),
			 PACT_OK);
	assert_int_equal(idea2, 1);

	assert_int_equal(participant_add(db, session, &pf, &person, &err), PACT_OK);
	assert_int_equal(import_text(db, kind_find("participants"), "session,alias\nWijkavond,Bo\n",
				     "p.csv", NULL, &err),
			 PACT_OK);
	assert_all(db, "SELECT uuid FROM participant WHERE session_id = ?", session, '4', 2);

	assert_int_equal(poll_create(db, 0, "Wat eerst?", &pp, POLL_FROM_NONE, &poll, &err), PACT_OK);
	assert_int_equal(poll_add_option(db, poll, "A", 0, &err), PACT_OK);
	assert_int_equal(poll_add_option(db, poll, "B", 0, &err), PACT_OK);
	assert_int_equal(poll_cast(db, poll, "Bram", NULL, options, values, 2, &err), PACT_OK);
	assert_int_equal(votecode_make(db, poll, 1, &codes, &err), PACT_OK);
	assert_int_equal(poll_live_cast(db, poll, codes[0], "Cor", options, values, 2, &err),
			 PACT_OK);
	free(codes);
	assert_all(db, "SELECT uuid FROM ballot WHERE poll_id = ?", poll, '4', 2);

	assert_int_equal(poll_create(db, 0, "Geheim", &secret, POLL_FROM_NONE, &secret_poll, &err),
			 PACT_OK);
	assert_int_equal(poll_add_option(db, secret_poll, "A", 0, &err), PACT_OK);
	assert_int_equal(poll_add_option(db, secret_poll, "B", 0, &err), PACT_OK);
	assert_int_equal(votecode_make(db, secret_poll, 2, &codes, &err), PACT_OK);
	assert_int_equal(poll_live_cast(db, secret_poll, codes[0], "", options, values, 2, &err),
			 PACT_OK);
	assert_int_equal(poll_live_cast(db, secret_poll, codes[1], "", options, values, 2, &err),
			 PACT_OK);
	free(codes);
	assert_all(db, "SELECT uuid FROM ballot WHERE poll_id = ?", secret_poll, '4', 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ordered_uuids_increase_and_carry_the_time),
		cmocka_unit_test(test_random_uuids_are_version_4),
		cmocka_unit_test_setup_teardown(test_records_get_the_right_version, open_db, close_db),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
