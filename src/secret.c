/* Secret ballots: stored so that no file pact keeps tells the order in
 * which they were cast, and the facilitator's PIN that guards a secret vote
 * on the laptop.
 *
 * Why the order is gone by construction. SQLite keeps a row where free
 * space happens to be: a new cell goes below the last one written on its
 * page, so the byte position of rows (and of their index entries) follows
 * the order of the INSERTs, whatever the row ids; and in WAL mode every
 * commit appends the pages it changed to the -wal file, so the frames
 * replay the ballots one by one. pact therefore never adds a secret ballot
 * on its own: each cast rewrites all unlabelled ballots of the poll, with
 * their marks, in a fresh random order under fresh random row ids, in the
 * same transaction (secure_delete zeroes the space the old rows held); and
 * after the commit the -wal is checkpointed and truncated to zero bytes.
 * What remains on disk is then one arrangement of the whole set, drawn at
 * random, in which the newest ballot is as likely anywhere as the oldest.
 * A ballot's time is not kept either: cast_at holds the poll's date. */
#include "secret.h"

#include <crypt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "i18n.h"
#include "poll.h"
#include "sql.h"
#include "stamp.h"

struct old_ballot {
	int64_t id, new_id;
	char uuid[40];
};

struct old_mark {
	int64_t ballot, option, value;
};

static uint64_t random_below(uint64_t n)
{
	uint64_t r, limit = UINT64_MAX - UINT64_MAX % n;

	do
		stamp_random(&r, sizeof r);
	while (r >= limit);
	return r % n;
}

/* Fisher–Yates with the kernel's random numbers. */
static void shuffle(void *base, size_t n, size_t size)
{
	unsigned char tmp[sizeof(struct old_ballot) + sizeof(struct old_mark)];
	unsigned char *a = base;

	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)random_below(i);
		memcpy(tmp, a + (i - 1) * size, size);
		memmove(a + (i - 1) * size, a + j * size, size);
		memcpy(a + j * size, tmp, size);
	}
}

static int by_id(const void *a, const void *b)
{
	int64_t x = ((const struct old_ballot *)a)->id, y = ((const struct old_ballot *)b)->id;

	return (x > y) - (x < y);
}

static int oom(struct pact_err *err)
{
	return err_nomem(err);
}

/* The poll's unlabelled ballots and their marks, into memory. */
static int read_set(sqlite3 *db, int64_t poll, struct old_ballot **bs, size_t *nb,
		    struct old_mark **ms, size_t *nm, struct pact_err *err)
{
	int64_t count[2];
	sqlite3_stmt *st;

	if (sql_int(db, &count[0], NULL, err,
		    "SELECT count(*) FROM ballot WHERE poll_id = ? AND voter IS NULL", "I",
		    poll) != PACT_OK ||
	    sql_int(db, &count[1], NULL, err,
		    "SELECT count(*) FROM mark WHERE ballot_id IN (SELECT id FROM ballot WHERE "
		    "poll_id = ? AND voter IS NULL)",
		    "I", poll) != PACT_OK)
		return PACT_EDB;
	*bs = calloc((size_t)count[0] + 1, sizeof **bs);
	*ms = calloc((size_t)count[1] + 1, sizeof **ms);
	if (!*bs || !*ms)
		return oom(err);
	*nb = *nm = 0;
	st = sql_query(db, err, "SELECT id, uuid FROM ballot WHERE poll_id = ? AND voter IS NULL",
		       "I", poll);
	while (st && *nb < (size_t)count[0] && sqlite3_step(st) == SQLITE_ROW) {
		(*bs)[*nb].id = sqlite3_column_int64(st, 0);
		snprintf((*bs)[(*nb)++].uuid, sizeof(*bs)->uuid, "%s", sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	st = st ? sql_query(db, err,
			    "SELECT ballot_id, option_id, value FROM mark WHERE ballot_id IN (SELECT "
			    "id FROM ballot WHERE poll_id = ? AND voter IS NULL)",
			    "I", poll)
		: NULL;
	while (st && *nm < (size_t)count[1] && sqlite3_step(st) == SQLITE_ROW)
		(*ms)[(*nm)++] = (struct old_mark){ sqlite3_column_int64(st, 0),
						    sqlite3_column_int64(st, 1),
						    sqlite3_column_int64(st, 2) };
	sqlite3_finalize(st);
	return st ? PACT_OK : PACT_EDB;
}

/* A new row id: random, positive, below 2^53 (exact in every tool that
 * reads numbers as doubles), and not taken. */
static int insert_ballot(sqlite3_stmt *ins, struct old_ballot *b, int64_t poll, const char *date)
{
	int rc;

	do {
		uint64_t r;
		stamp_random(&r, sizeof r);
		b->new_id = (int64_t)(r & ((UINT64_C(1) << 53) - 1)) + 1;
		sqlite3_bind_int64(ins, 1, b->new_id);
		sqlite3_bind_text(ins, 2, b->uuid, -1, SQLITE_STATIC);
		sqlite3_bind_int64(ins, 3, poll);
		sqlite3_bind_text(ins, 4, date, -1, SQLITE_STATIC);
		rc = sqlite3_step(ins);
		sqlite3_reset(ins);
	} while (rc == SQLITE_CONSTRAINT);
	return rc == SQLITE_DONE ? PACT_OK : PACT_EDB;
}

static int write_set(sqlite3 *db, int64_t poll, struct old_ballot *bs, size_t nb,
		     struct old_mark *ms, size_t nm, struct pact_err *err)
{
	sqlite3_stmt *ins = NULL, *mark = NULL;
	char date[11] = "";
	sqlite3_stmt *st = sql_query(db, err, "SELECT substr(created_at, 1, 10) FROM poll WHERE id = ?",
				     "I", poll);
	int rc = PACT_OK;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		snprintf(date, sizeof date, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db,
			       "INSERT INTO ballot(id, uuid, poll_id, voter, token, cast_at) "
			       "VALUES (?, ?, ?, NULL, NULL, ?)",
			       -1, &ins, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO mark(ballot_id, option_id, value) VALUES (?, ?, ?)",
			       -1, &mark, NULL) != SQLITE_OK)
		rc = PACT_EDB;
	shuffle(bs, nb, sizeof *bs);
	for (size_t i = 0; rc == PACT_OK && i < nb; i++)
		rc = insert_ballot(ins, &bs[i], poll, date);
	qsort(bs, nb, sizeof *bs, by_id); /* by old id, to find each mark's ballot */
	shuffle(ms, nm, sizeof *ms);
	for (size_t i = 0; rc == PACT_OK && i < nm; i++) {
		struct old_ballot key = { .id = ms[i].ballot }, *b;
		b = bsearch(&key, bs, nb, sizeof *bs, by_id);
		sqlite3_bind_int64(mark, 1, b ? b->new_id : 0);
		sqlite3_bind_int64(mark, 2, ms[i].option);
		sqlite3_bind_int64(mark, 3, ms[i].value);
		rc = sqlite3_step(mark) == SQLITE_DONE && b ? PACT_OK : PACT_EDB;
		sqlite3_reset(mark);
	}
	if (rc != PACT_OK)
		err_set(err, PACT_EDB, _("cannot store the ballots: %s"), sql_errmsg(db));
	sqlite3_finalize(ins);
	sqlite3_finalize(mark);
	return rc;
}

int secret_shuffle(sqlite3 *db, int64_t poll_id, struct pact_err *err)
{
	struct old_ballot *bs = NULL;
	struct old_mark *ms = NULL;
	size_t nb = 0, nm = 0;
	int rc = read_set(db, poll_id, &bs, &nb, &ms, &nm, err);

	if (rc == PACT_OK)
		rc = sql_exec(db, err,
			      "DELETE FROM mark WHERE ballot_id IN (SELECT id FROM ballot WHERE "
			      "poll_id = ?1 AND voter IS NULL)",
			      "I", poll_id);
	if (rc == PACT_OK)
		rc = sql_exec(db, err, "DELETE FROM ballot WHERE poll_id = ? AND voter IS NULL", "I",
			      poll_id);
	if (rc == PACT_OK)
		rc = write_set(db, poll_id, bs, nb, ms, nm, err);
	free(bs);
	free(ms);
	return rc;
}

int secret_hash(const char *text, const char *setting, char *out, size_t outsz,
		struct pact_err *err)
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	struct crypt_data *cd = calloc(1, sizeof *cd);
	const char *h;

	if (!cd)
		return oom(err);
	/* yescrypt at cost 3: about 7 ms a hash here, slow enough to make
	 * trying every code or PIN from a copy of the file costly. */
	if (!setting && !(setting = crypt_gensalt_rn("$y$", 3, NULL, 0, salt, sizeof salt))) {
		free(cd);
		return err_set(err, PACT_EDB, "%s", _("cannot make a salt for hashing"));
	}
	h = crypt_rn(text, setting, cd, sizeof *cd);
	if (!h || h[0] == '*' || strlen(h) >= outsz) {
		free(cd);
		return err_set(err, PACT_EDB, "%s", _("cannot hash the code"));
	}
	memcpy(out, h, strlen(h) + 1);
	free(cd);
	return PACT_OK;
}

/* The salt part of a crypt hash ("$y$j7T$salt$hash" → "$y$j7T$salt"). */
void secret_setting(const char *hash, char *out, size_t outsz)
{
	const char *end = strrchr(hash, '$');
	size_t n = end ? (size_t)(end - hash) : 0;

	if (n >= outsz)
		n = 0;
	memcpy(out, hash, n);
	out[n] = '\0';
}

int secret_start(sqlite3 *db, int64_t poll_id, const char *pin, struct pact_err *err)
{
	char hash[CRYPT_OUTPUT_SIZE];
	struct poll_info info;
	int rc = poll_get_open(db, poll_id, &info, err);

	if (rc != PACT_OK)
		return rc;
	if (info.secret_running)
		return err_set(err, PACT_EINPUT, "%s", _("a secret vote is running on this poll already"));
	if (strlen(pin) < 4)
		return err_set(err, PACT_EINPUT, "%s",
			       _("PIN: give at least 4 characters; you need it to end the vote"));
	if ((rc = secret_hash(pin, NULL, hash, sizeof hash, err)) != PACT_OK)
		return rc;
	if ((rc = db_begin(db, err)) != PACT_OK)
		return rc;
	rc = sql_exec(db, err, "UPDATE poll SET pin = ? WHERE id = ? AND pin IS NULL AND closed = 0",
		      "tI", hash, poll_id);
	if (rc == PACT_OK && sqlite3_changes(db) != 1)
		rc = err_set(err, PACT_EINPUT, "%s",
			     _("the poll was closed or a secret vote was started meanwhile"));
	if (rc == PACT_OK)
		rc = poll_event_add(db, poll_id, "secret-start", err);
	return rc == PACT_OK ? db_commit(db, err) : (db_rollback(db), rc);
}

static int clear_pin(sqlite3 *db, int64_t poll_id, const char *event, struct pact_err *err)
{
	int rc = sql_exec(db, err, "UPDATE poll SET pin = NULL WHERE id = ?", "I", poll_id);

	if (rc == PACT_OK)
		rc = poll_event_add(db, poll_id, event, err);
	return rc;
}

int secret_end(sqlite3 *db, int64_t poll_id, const char *pin, struct pact_err *err)
{
	char hash[CRYPT_OUTPUT_SIZE], setting[CRYPT_OUTPUT_SIZE];
	sqlite3_stmt *st;
	char *stored = NULL;
	int rc = db_begin(db, err);

	if (rc != PACT_OK)
		return rc;
	st = sql_query(db, err, "SELECT pin FROM poll WHERE id = ? AND pin IS NOT NULL", "I",
		       poll_id);
	if (st && sqlite3_step(st) == SQLITE_ROW)
		stored = sql_text(st, 0);
	sqlite3_finalize(st);
	if (!st)
		rc = PACT_EDB;
	else if (!stored)
		rc = err_set(err, PACT_EINPUT, "%s", _("no secret vote is running on this poll"));
	if (rc == PACT_OK) {
		secret_setting(stored, setting, sizeof setting);
		rc = secret_hash(pin, setting, hash, sizeof hash, err);
	}
	if (rc == PACT_OK && strcmp(hash, stored) != 0)
		rc = err_set(err, PACT_EINPUT, "%s", _("wrong PIN; the secret vote goes on"));
	if (rc == PACT_OK)
		rc = clear_pin(db, poll_id, "secret-end", err);
	free(stored);
	return rc == PACT_OK ? db_commit(db, err) : (db_rollback(db), rc);
}

int secret_override(sqlite3 *db, int64_t poll_id, struct pact_err *err)
{
	int64_t running;
	int rc = db_begin(db, err);

	if (rc != PACT_OK)
		return rc;
	rc = sql_int(db, &running, NULL, err, "SELECT pin IS NOT NULL FROM poll WHERE id = ?", "I",
		     poll_id);
	if (rc == PACT_OK && !running)
		rc = err_set(err, PACT_EINPUT, "%s", _("no secret vote is running on this poll"));
	if (rc == PACT_OK)
		rc = clear_pin(db, poll_id, "secret-override", err);
	return rc == PACT_OK ? db_commit(db, err) : (db_rollback(db), rc);
}
