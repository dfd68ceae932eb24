/* Polls in the store: casting, closing, secret votes with a PIN, voter
 * codes, and the random arrangement of secret ballots. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "poll.h"
#include "poll_cast.h"
#include "secret.h"
#include "sql.h"
#include "testdb.h"
#include "votecode.h"

/* A standalone score poll (0..9) over options A, B, C. */
static int64_t score_poll(sqlite3 *db, bool open)
{
	struct poll_params p = { .method = TALLY_SCORE, .lo = 0, .hi = 9, .open = open };
	struct pact_err err;
	int64_t id;

	assert_int_equal(poll_create(db, 0, "Wat eerst?", &p, POLL_FROM_NONE, &id, &err), PACT_OK);
	assert_int_equal(poll_add_option(db, id, "A", 0, &err), PACT_OK);
	assert_int_equal(poll_add_option(db, id, "B", 0, &err), PACT_OK);
	assert_int_equal(poll_add_option(db, id, "C", 0, &err), PACT_OK);
	return id;
}

static int cast3(sqlite3 *db, int64_t poll, const char *voter, const char *code, int64_t a,
		 int64_t b, int64_t c, struct pact_err *err)
{
	const uint32_t options[3] = { 0, 1, 2 };
	const int64_t values[3] = { a, b, c };

	return poll_cast(db, poll, voter, code, options, values, 3, err);
}

static int64_t count(sqlite3 *db, const char *sql, int64_t poll)
{
	int64_t n = -1;
	struct pact_err err;

	assert_int_equal(sql_int(db, &n, NULL, &err, sql, "I", poll), PACT_OK);
	return n;
}

/* The count reads the stored ballots as numbers: each ballot one voter,
 * each mark at its option's place in the poll's order (reordered options
 * included), never through the options' names. */
static void test_load_reads_ballots_as_numbers(void **state)
{
	sqlite3 *db = *state;
	int64_t poll = score_poll(db, true);
	struct ballots b;
	struct tally_input in;
	struct pact_err err;

	assert_int_equal(cast3(db, poll, "Ayşe", NULL, 1, 2, 3, &err), PACT_OK);
	assert_int_equal(cast3(db, poll, "Bram", NULL, 9, 0, 4, &err), PACT_OK);
	/* C goes first in the poll's order: option 0 is now C. */
	assert_int_equal(sql_exec(db, &err, "UPDATE poll_option SET position = -1 WHERE poll_id = ? "
				  "AND name = 'C'", "I", poll), PACT_OK);
	assert_int_equal(poll_load(db, poll, &b, &in, &err), PACT_OK);
	assert_int_equal(in.noptions, 3);
	assert_string_equal(in.names[0], "C");
	assert_int_equal(in.nvoters, 2);
	assert_int_equal(in.start[0], 0);
	assert_int_equal(in.start[1], 3);
	assert_int_equal(in.start[2], 6);
	/* the first ballot: C 3, A 1, B 2 */
	assert_int_equal(in.option[0], 0);
	assert_int_equal(in.value[0], 3);
	assert_int_equal(in.option[1], 1);
	assert_int_equal(in.value[1], 1);
	assert_int_equal(in.option[2], 2);
	assert_int_equal(in.value[2], 2);
	/* the second: C 4, A 9, B 0 */
	assert_int_equal(in.value[3], 4);
	assert_int_equal(in.value[4], 9);
	assert_int_equal(in.value[5], 0);
	ballots_free(&b);

	/* numbers out of order or past the options are refused */
	ballots_init(&b);
	assert_int_equal(ballots_add_option(&b, "A", 0, &err), PACT_OK);
	assert_int_equal(ballots_add_numbered(&b, 0, 0, 1, &err), PACT_OK);
	assert_int_equal(ballots_add_numbered(&b, 2, 0, 1, &err), PACT_EINPUT);
	assert_int_equal(ballots_add_numbered(&b, 1, 1, 1, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "option number 2, of 1 options"));
	assert_int_equal(ballots_add_numbered(&b, 1, 0, 1, &err), PACT_OK);
	assert_int_equal(ballots_add_numbered(&b, 0, 0, 1, &err), PACT_EINPUT);
	ballots_free(&b);
}

/* Live voting: the code first (used codes and other polls' codes refused),
 * a name asked only in an open poll, and a name typed in a secret poll
 * never stored. */
static void test_live_voter_check_and_cast(void **state)
{
	sqlite3 *db = *state;
	int64_t open_poll = score_poll(db, true), secret_poll = score_poll(db, false);
	char(*codes)[VOTECODE_SIZE] = NULL, (*secret_codes)[VOTECODE_SIZE] = NULL;
	const uint32_t options[3] = { 0, 1, 2 };
	const int64_t values[3] = { 1, 2, 3 };
	struct pact_err err;
	bool ask_name = true;

	assert_int_equal(votecode_make(db, open_poll, 2, &codes, &err), PACT_OK);
	assert_int_equal(votecode_make(db, secret_poll, 1, &secret_codes, &err), PACT_OK);

	assert_int_equal(poll_live_check(db, secret_poll, secret_codes[0], &ask_name, &err),
			 PACT_OK);
	assert_false(ask_name);
	assert_int_equal(poll_live_check(db, secret_poll, codes[0], &ask_name, &err), PACT_EINPUT);
	assert_int_equal(poll_live_cast(db, secret_poll, secret_codes[0], "Ayşe", options, values,
					3, &err), PACT_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM ballot WHERE poll_id = ? AND voter "
			       "IS NOT NULL", secret_poll), 0);
	assert_int_equal(poll_live_check(db, secret_poll, secret_codes[0], &ask_name, &err),
			 PACT_EINPUT); /* used */

	assert_int_equal(poll_live_check(db, open_poll, codes[0], &ask_name, &err), PACT_OK);
	assert_true(ask_name);
	assert_int_equal(poll_live_cast(db, open_poll, codes[0], "Bram", options, values, 3, &err),
			 PACT_OK);
	assert_int_equal(poll_live_cast(db, open_poll, codes[1], "", options, values, 3, &err),
			 PACT_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM ballot WHERE poll_id = ? AND voter = "
			       "'Bram'", open_poll), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM ballot WHERE poll_id = ? AND voter "
			       "IS NULL", open_poll), 1);
	free(codes);
	free(secret_codes);
}

static void test_cast_refused_when_closed(void **state)
{
	sqlite3 *db = *state;
	int64_t poll = score_poll(db, false);
	struct pact_err err;

	assert_int_equal(cast3(db, poll, NULL, NULL, 1, 2, 3, &err), PACT_OK);
	assert_int_equal(poll_close(db, poll, &err), PACT_OK);
	assert_int_equal(cast3(db, poll, NULL, NULL, 3, 2, 1, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "closed"));
	assert_int_equal(count(db, "SELECT count(*) FROM ballot WHERE poll_id = ?", poll), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM poll_event WHERE poll_id = ? AND what = "
				   "'closed'",
			       poll),
			 1);
}

static void test_secret_poll_takes_no_name(void **state)
{
	sqlite3 *db = *state;
	int64_t secret = score_poll(db, false), open;
	struct pact_err err;

	assert_int_equal(cast3(db, secret, "Ans", NULL, 1, 2, 3, &err), PACT_EINPUT);
	assert_int_equal(count(db, "SELECT count(*) FROM ballot WHERE poll_id = ?", secret), 0);
	open = score_poll(db, true);
	assert_int_equal(cast3(db, open, "Ans", NULL, 1, 2, 3, &err), PACT_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM ballot WHERE voter = 'Ans' AND poll_id = ?",
			       open),
			 1);
}

/* Every cast rewrites the secret ballots under new row ids; the marks go
 * with their ballots; the time is the poll's date only. */
static void test_secret_ballots_rewritten(void **state)
{
	sqlite3 *db = *state;
	int64_t poll = score_poll(db, false), before, after, same;
	struct pact_err err;

	assert_int_equal(cast3(db, poll, NULL, NULL, 1, 2, 3, &err), PACT_OK);
	assert_int_equal(cast3(db, poll, NULL, NULL, 4, 5, 6, &err), PACT_OK);
	assert_int_equal(sql_exec(db, &err, "CREATE TEMP TABLE old AS SELECT id, uuid FROM ballot", ""),
			 PACT_OK);
	assert_int_equal(cast3(db, poll, NULL, NULL, 7, 8, 9, &err), PACT_OK);
	before = count(db, "SELECT count(*) FROM temp.old WHERE ? > 0", poll);
	after = count(db, "SELECT count(*) FROM ballot WHERE poll_id = ?", poll);
	same = count(db, "SELECT count(*) FROM ballot b JOIN temp.old o ON o.id = b.id WHERE ? > 0",
		     poll);
	assert_int_equal(before, 2);
	assert_int_equal(after, 3);
	assert_int_equal(same, 0); /* no ballot kept its row id */
	assert_int_equal(count(db, "SELECT count(*) FROM ballot b JOIN temp.old o ON o.uuid = b.uuid "
				   "WHERE ? > 0",
			       poll),
			 2); /* but each kept its UUID */
	assert_int_equal(count(db, "SELECT sum(value) FROM mark WHERE ? > 0", poll), 45);
	assert_int_equal(count(db, "SELECT count(*) FROM (SELECT ballot_id FROM mark GROUP BY "
				   "ballot_id HAVING sum(value) IN (6, 15, 24)) WHERE ? > 0",
			       poll),
			 3);
	assert_int_equal(count(db, "SELECT count(*) FROM ballot WHERE poll_id = ? AND cast_at = "
				   "(SELECT substr(created_at, 1, 10) FROM poll WHERE id = ballot.poll_id)",
			       poll),
			 3);
}

/* A ballot typed wrong is taken back by the UUID poll_cast_typed gave,
 * after other casts rewrote the set; only that one goes, the history says
 * so, and a closed poll, a running secret vote or a labelled ballot refuse. */
static void test_take_back_a_typed_ballot(void **state)
{
	sqlite3 *db = *state;
	int64_t poll = score_poll(db, false), open = score_poll(db, true);
	const uint32_t options[3] = { 0, 1, 2 };
	const int64_t wrong[3] = { 9, 9, 9 };
	char uuid[37], named[37];
	sqlite3_stmt *st;
	struct pact_err err;

	assert_int_equal(cast3(db, poll, NULL, NULL, 1, 2, 3, &err), PACT_OK);
	assert_int_equal(poll_cast_typed(db, poll, options, wrong, 3, uuid, &err), PACT_OK);
	assert_int_equal(strlen(uuid), 36);
	assert_int_equal(cast3(db, poll, NULL, NULL, 4, 5, 6, &err), PACT_OK);
	assert_int_equal(poll_take_back(db, poll, uuid, &err), PACT_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM ballot WHERE poll_id = ?", poll), 2);
	assert_int_equal(count(db, "SELECT sum(value) FROM mark WHERE ballot_id IN (SELECT id FROM "
				   "ballot WHERE poll_id = ?)",
			       poll),
			 21);
	assert_int_equal(count(db, "SELECT count(*) FROM mark WHERE ballot_id NOT IN (SELECT id "
				   "FROM ballot) AND ? > 0",
			       poll),
			 0);
	assert_int_equal(count(db, "SELECT count(*) FROM poll_event WHERE poll_id = ? AND what = "
				   "'taken-back'",
			       poll),
			 1);
	assert_int_equal(poll_take_back(db, poll, uuid, &err), PACT_EINPUT); /* once */
	assert_non_null(strstr(err.msg, "no longer"));
	/* not while a secret vote runs, nor once the poll is closed */
	assert_int_equal(poll_cast_typed(db, poll, options, wrong, 3, uuid, &err), PACT_OK);
	assert_int_equal(secret_start(db, poll, "4711", &err), PACT_OK);
	assert_int_equal(poll_take_back(db, poll, uuid, &err), PACT_EINPUT);
	assert_int_equal(secret_end(db, poll, "4711", &err), PACT_OK);
	assert_int_equal(poll_close(db, poll, &err), PACT_OK);
	assert_int_equal(poll_take_back(db, poll, uuid, &err), PACT_EINPUT);
	assert_int_equal(count(db, "SELECT count(*) FROM ballot WHERE poll_id = ?", poll), 3);
	/* a labelled ballot is not a typed one */
	assert_int_equal(cast3(db, open, "Ans", NULL, 1, 1, 1, &err), PACT_OK);
	st = sql_query(db, &err, "SELECT uuid FROM ballot WHERE voter = 'Ans'", "");
	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(named, sizeof named, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_int_equal(poll_take_back(db, open, named, &err), PACT_EINPUT);
	assert_int_equal(count(db, "SELECT count(*) FROM ballot WHERE poll_id = ?", open), 1);
}

/* The day a poll was made comes with poll_get, and a Pabulib export
 * writes it as the instance (its year) and date_begin. */
static void test_created_date(void **state)
{
	sqlite3 *db = *state;
	struct poll_params p = { .method = TALLY_PB_GREEDY, .budget = 10000 };
	struct poll_info info;
	struct pact_err err;
	char path[] = "/tmp/pact-test-poll-XXXXXX", text[4096];
	int64_t poll, n;
	size_t len;
	FILE *f;
	int fd;

	assert_int_equal(poll_create(db, 0, "Buurtbudget", &p, POLL_FROM_NONE, &poll, &err),
			 PACT_OK);
	assert_int_equal(poll_add_option(db, poll, "Bankjes", 2500, &err), PACT_OK);
	assert_int_equal(poll_add_option(db, poll, "Speeltuin", 6000, &err), PACT_OK);
	assert_int_equal(poll_cast(db, poll, NULL, NULL, (const uint32_t[]){ 0, 1 },
				   (const int64_t[]){ 1, 1 }, 2, &err),
			 PACT_OK);
	assert_int_equal(sql_exec(db, &err,
				  "UPDATE poll SET created_at = '2025-03-14T09:30:00Z' WHERE id = ?",
				  "I", poll),
			 PACT_OK);
	assert_int_equal(poll_get(db, poll, &info, &err), PACT_OK);
	assert_string_equal(info.created, "2025-03-14");

	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	assert_int_equal(poll_export_pabulib(db, poll, path, NULL, true, &n, &err), PACT_OK);
	assert_int_equal(n, 1);
	assert_non_null(f = fopen(path, "r"));
	len = fread(text, 1, sizeof text - 1, f);
	text[len] = '\0';
	fclose(f);
	unlink(path);
	assert_non_null(strstr(text, "\ninstance;2025\n"));
	assert_non_null(strstr(text, "\ndate_begin;2025-03-14\n"));
}

static void test_pin_guards_the_secret_vote(void **state)
{
	sqlite3 *db = *state;
	int64_t poll = score_poll(db, false);
	struct ballots b;
	struct tally_input in;
	struct poll_info info;
	struct pact_err err;

	assert_int_equal(secret_start(db, poll, "12", &err), PACT_EINPUT); /* too short */
	assert_int_equal(secret_start(db, poll, "4711", &err), PACT_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM poll WHERE id = ? AND pin LIKE '%4711%'",
			       poll),
			 0); /* only a hash */
	assert_int_equal(cast3(db, poll, NULL, NULL, 1, 2, 3, &err), PACT_OK);
	/* sealed: no result while it runs */
	assert_int_equal(poll_load(db, poll, &b, &in, &err), PACT_EINPUT);
	ballots_free(&b);
	assert_int_equal(secret_end(db, poll, "0000", &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "wrong PIN"));
	assert_int_equal(poll_get(db, poll, &info, &err), PACT_OK);
	assert_true(info.secret_running);
	assert_int_equal(secret_end(db, poll, "4711", &err), PACT_OK);
	assert_int_equal(poll_get(db, poll, &info, &err), PACT_OK);
	assert_false(info.secret_running);
	assert_int_equal(poll_load(db, poll, &b, &in, &err), PACT_OK);
	ballots_free(&b);
	assert_int_equal(secret_end(db, poll, "4711", &err), PACT_EINPUT); /* nothing runs */
}

static void test_override_is_in_the_history(void **state)
{
	sqlite3 *db = *state;
	int64_t poll = score_poll(db, false);
	struct pact_err err;

	assert_int_equal(secret_override(db, poll, &err), PACT_EINPUT);
	assert_int_equal(secret_start(db, poll, "geheim", &err), PACT_OK);
	assert_int_equal(secret_override(db, poll, &err), PACT_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM poll_event WHERE poll_id = ? AND what IN "
				   "('secret-start', 'secret-override')",
			       poll),
			 2);
}

static void test_codes_cast_once(void **state)
{
	sqlite3 *db = *state;
	int64_t poll = score_poll(db, false);
	char (*codes)[VOTECODE_SIZE], lower[16];
	struct pact_err err;

	assert_int_equal(cast3(db, poll, NULL, "ACD-EFH", 1, 1, 1, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "no voter codes"));
	assert_int_equal(votecode_make(db, poll, 3, &codes, &err), PACT_OK);
	for (int i = 0; i < 3; i++) {
		int64_t plain;
		assert_int_equal(strlen(codes[i]), 7);
		assert_int_equal(codes[i][3], '-');
		assert_int_equal(sql_int(db, &plain, NULL, &err,
					 "SELECT count(*) FROM voter_code WHERE instr(hash, ?) OR "
					 "instr(hash, replace(?, '-', ''))",
					 "tt", codes[i], codes[i]),
				 PACT_OK);
		assert_int_equal(plain, 0); /* hashes only */
	}
	/* typed in small letters, without the dash */
	for (int i = 0; codes[0][i]; i++)
		lower[i] = (char)(codes[0][i] == '-' ? ' ' : codes[0][i] | 0x20);
	lower[7] = '\0';
	assert_int_equal(votecode_check(db, poll, lower, &err), PACT_OK);
	assert_int_equal(cast3(db, poll, NULL, lower, 1, 2, 3, &err), PACT_OK);
	assert_int_equal(cast3(db, poll, NULL, codes[0], 1, 2, 3, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "has been used"));
	assert_int_equal(votecode_check(db, poll, codes[0], &err), PACT_EINPUT);
	assert_int_equal(cast3(db, poll, NULL, "ACD-EFH", 1, 2, 3, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "not a voter code of this poll"));
	assert_int_equal(cast3(db, poll, NULL, "0O1-I25", 1, 2, 3, &err), PACT_EINPUT);
	/* a refused ballot does not use up its code */
	assert_int_equal(cast3(db, poll, NULL, codes[1], 1, 2, 99, &err), PACT_EINPUT);
	assert_int_equal(votecode_check(db, poll, codes[1], &err), PACT_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM ballot WHERE poll_id = ?", poll), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM voter_code WHERE used AND poll_id = ?", poll),
			 1);
	free(codes);
}

static void test_codes_belong_to_their_poll(void **state)
{
	sqlite3 *db = *state;
	int64_t one = score_poll(db, false), two = score_poll(db, false);
	char (*codes)[VOTECODE_SIZE];
	struct pact_err err;

	assert_int_equal(votecode_make(db, one, 1, &codes, &err), PACT_OK);
	free(codes);
	assert_int_equal(votecode_make(db, two, 1, &codes, &err), PACT_OK);
	free(codes);
	assert_int_equal(votecode_make(db, one, 1, &codes, &err), PACT_OK);
	assert_int_equal(cast3(db, two, NULL, codes[0], 1, 2, 3, &err), PACT_EINPUT);
	assert_int_equal(cast3(db, one, NULL, codes[0], 1, 2, 3, &err), PACT_OK);
	free(codes);
	assert_int_equal(votecode_make(db, one, 0, &codes, &err), PACT_EINPUT);
	assert_int_equal(poll_close(db, one, &err), PACT_OK);
	assert_int_equal(votecode_make(db, one, 2, &codes, &err), PACT_EINPUT);
}

/* Counts from paper near the limits: refused, never wrapped round. */
static void test_paper_counts_at_the_limits(void **state)
{
	sqlite3 *db = *state;
	struct poll_params dot = { .method = TALLY_DOT, .dots = INT64_MAX / 2 };
	struct poll_params approval = { .method = TALLY_APPROVAL };
	const int64_t huge[2] = { INT64_MAX, 1 }, many[2] = { 4, 1 };
	struct pact_err err;
	int64_t poll;

	assert_int_equal(poll_create(db, 0, "Stippen", &dot, POLL_FROM_NONE, &poll, &err), PACT_OK);
	assert_int_equal(poll_add_option(db, poll, "A", 0, &err), PACT_OK);
	assert_int_equal(poll_add_option(db, poll, "B", 0, &err), PACT_OK);
	assert_int_equal(poll_set_counts(db, poll, huge, 2, 3, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "past what pact can count"));
	/* dots × voters past the limit: the counts themselves still fit */
	assert_int_equal(poll_set_counts(db, poll, many, 2, 3, &err), PACT_OK);
	assert_int_equal(poll_create(db, 0, "Ja", &approval, POLL_FROM_NONE, &poll, &err), PACT_OK);
	assert_int_equal(poll_add_option(db, poll, "A", 0, &err), PACT_OK);
	assert_int_equal(poll_add_option(db, poll, "B", 0, &err), PACT_OK);
	assert_int_equal(poll_set_counts(db, poll, many, 2, 3, &err), PACT_EINPUT); /* 4 of 3 voters */
	assert_int_equal(count(db, "SELECT count(*) FROM poll_count WHERE poll_id = ?", poll), 0);
}

/* Options typed in the Vote panel, "name ; cost": "2.500" is two thousand
 * five hundred euros, stored as 250000 cents, as pact tally and pact poll
 * new read the same cost from an options file. A cost out of range is
 * refused by both with the same words, and nothing of the poll is kept. */
static void test_typed_options_costs(void **state)
{
	sqlite3 *db = *state;
	struct poll_params p = { .method = TALLY_PB_GREEDY, .budget = 1000000 };
	struct ballots b;
	struct pact_err err;
	char path[64];
	FILE *f;
	int64_t id;

	assert_int_equal(poll_create_typed(db, "Buurt", &p, "Bankjes ; 2.500\n\nSpeeltuin ; 60,50\n",
					   &id, &err),
			 PACT_OK);
	assert_int_equal(count(db, "SELECT cost FROM poll_option WHERE poll_id = ? AND position = 1",
			       id),
			 250000);
	assert_int_equal(count(db, "SELECT cost FROM poll_option WHERE poll_id = ? AND position = 2",
			       id),
			 6050);
	snprintf(path, sizeof path, "/tmp/pact-options-%d.csv", (int)getpid());
	assert_non_null(f = fopen(path, "w"));
	fputs("option,cost\nBankjes,2.500\nReus,2.000.000.000.000\n", f);
	fclose(f);
	ballots_init(&b);
	assert_int_equal(ballots_read_options(&b, path, true, &err), PACT_EINPUT);
	assert_int_equal(b.costs[0], 250000);
	assert_non_null(strstr(err.msg, "column 'cost': '2.000.000.000.000' is out of range; a cost "
					"lies between 0.01 and 1,000,000,000,000 euros"));
	ballots_free(&b);
	unlink(path);
	assert_int_equal(poll_create_typed(db, "Reus", &p, "Bankjes ; 2.500\nReus ; 2.000.000.000.000",
					   &id, &err),
			 PACT_EINPUT);
	assert_string_equal(err.msg, "options: the cost of 'Reus': '2.000.000.000.000' is out of "
				     "range; a cost lies between 0.01 and 1,000,000,000,000 euros");
	assert_int_equal(poll_create_typed(db, "Zonder", &p, "Bankjes\nReus ; 3", &id, &err),
			 PACT_EINPUT);
	assert_non_null(strstr(err.msg, "give each option's cost after a ';'"));
	assert_int_equal(poll_create_typed(db, "Een", &p, "Bankjes ; 3\n \n", &id, &err),
			 PACT_EINPUT);
	assert_string_equal(err.msg, "options: give at least two, one per line");
	assert_int_equal(count(db, "SELECT count(*) FROM poll WHERE ? > 0", 1), 1);
}

/* Denies reading poll_option inside a transaction: the import reads the
 * options before it begins, and the option ids for storing after. */
static int deny_options_in_transaction(void *db, int action, const char *table, const char *column,
				       const char *dbname, const char *trigger)
{
	(void)column, (void)dbname, (void)trigger;
	if (action == SQLITE_READ && table && strcmp(table, "poll_option") == 0 &&
	    !sqlite3_get_autocommit(db))
		return SQLITE_DENY;
	return SQLITE_OK;
}

/* When the option ids cannot be read, the import stores nothing and frees
 * what it took (the leak sanitizer fails this test on a leak). */
static void test_import_refused_when_option_ids_unreadable(void **state)
{
	sqlite3 *db = *state;
	int64_t poll = score_poll(db, true), n = -1;
	struct pact_err err;
	char path[64];
	FILE *f;

	snprintf(path, sizeof path, "/tmp/pact-ballots-%d.csv", (int)getpid());
	assert_non_null(f = fopen(path, "w"));
	fputs("voter,option,value\nAyşe,A,1\nAyşe,B,2\n", f);
	fclose(f);
	sqlite3_set_authorizer(db, deny_options_in_transaction, db);
	assert_int_equal(poll_import_ballots(db, poll, path, &n, &err), PACT_EDB);
	sqlite3_set_authorizer(db, NULL, NULL);
	unlink(path);
	assert_string_equal(err.msg, "database error: access to poll_option.id is prohibited");
	assert_int_equal(n, 0);
	assert_int_equal(count(db, "SELECT count(*) FROM ballot WHERE poll_id = ?", poll), 0);
}

/* One check of a poll's settings for the panel and the command line. */
static void test_params_check(void **state)
{
	sqlite3 *db = *state;
	struct poll_params budget = { .method = TALLY_PB_MES };
	struct poll_params range = { .method = TALLY_SCORE, .lo = 5, .hi = 1 };
	struct pact_err err;
	int64_t id;

	assert_int_equal(poll_params_check(&budget, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "budget: give the amount to share out, above 0"));
	assert_int_equal(poll_create(db, 0, "Scores", &range, POLL_FROM_NONE, &id, &err),
			 PACT_EINPUT);
	assert_string_equal(err.msg, "the score range 5..1 is empty");
	budget.budget = 1;
	assert_int_equal(poll_params_check(&budget, &err), PACT_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM poll WHERE ? > 0", 1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_cast_refused_when_closed, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_take_back_a_typed_ballot, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_live_voter_check_and_cast, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_load_reads_ballots_as_numbers, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_secret_poll_takes_no_name, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_secret_ballots_rewritten, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_created_date, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_pin_guards_the_secret_vote, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_override_is_in_the_history, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_codes_cast_once, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_codes_belong_to_their_poll, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_paper_counts_at_the_limits, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_typed_options_costs, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_params_check, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_import_refused_when_option_ids_unreadable, open_db,
						close_db),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
