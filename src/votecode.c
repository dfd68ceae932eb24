/* Voter codes: one-time codes for live voting (pact vote). Each code is
 * six characters from an alphabet without look-alikes (no 0/O, 1/I, 2/Z,
 * 5/S, 6/G, 8/B), printed as 7KQ-M4P. The file keeps only each code's hash
 * (yescrypt, with one salt per poll) and whether it was used: nothing links
 * a code to the ballot it cast, and the ballot is stored like every secret
 * ballot, in a random arrangement (see secret.c). */
#include "votecode.h"

#include <ctype.h>
#include <crypt.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "db.h"
#include "i18n.h"
#include "poll.h"
#include "secret.h"
#include "sql.h"
#include "stamp.h"

static const char alphabet[] = "ACDEFHJKLMNPQRTUVWXY3479";

#define CODE_CHARS 6

int votecode_normalise(const char *typed, char out[VOTECODE_SIZE], struct pact_err *err)
{
	size_t n = 0;

	for (const char *c = typed; *c; c++) {
		int u = toupper((unsigned char)*c);
		if (*c == '-' || *c == ' ')
			continue;
		if (n == CODE_CHARS || !u || !strchr(alphabet, u))
			return err_set(err, PACT_EINPUT,
				       _("'%s' is not a voter code: a code has six letters and digits, "
					 "like 7KQ-M4P"),
				       typed);
		out[n < 3 ? n : n + 1] = (char)u;
		n++;
	}
	if (n != CODE_CHARS)
		return err_set(err, PACT_EINPUT,
			       _("'%s' is not a voter code: a code has six letters and digits, like "
				 "7KQ-M4P"),
			       typed);
	out[3] = '-';
	out[7] = '\0';
	return PACT_OK;
}

/* The poll's salt, made when its first codes are. */
static int poll_salt(sqlite3 *db, int64_t poll, bool make, char *out, size_t outsz,
		     struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err, "SELECT code_salt FROM poll WHERE id = ?", "I", poll);
	const unsigned char *salt;
	int rc = PACT_OK;

	if (!st)
		return PACT_EDB;
	out[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW && (salt = sqlite3_column_text(st, 0)))
		snprintf(out, outsz, "%s", salt);
	sqlite3_finalize(st);
	if (!out[0] && make) {
		char hash[CRYPT_OUTPUT_SIZE];
		if ((rc = secret_hash("", NULL, hash, sizeof hash, err)) == PACT_OK) {
			secret_setting(hash, out, outsz);
			rc = sql_exec(db, err, "UPDATE poll SET code_salt = ? WHERE id = ?", "tI", out,
				      poll);
		}
	}
	return rc;
}

static void random_code(char out[VOTECODE_SIZE])
{
	unsigned char r[CODE_CHARS * 2];
	size_t n = 0, k = sizeof alphabet - 1;

	while (n < CODE_CHARS) {
		stamp_random(r, sizeof r);
		for (size_t i = 0; i < sizeof r && n < CODE_CHARS; i++)
			if (r[i] < 256 - 256 % k) /* no bias towards the first letters */
				out[n < 3 ? n : n + 1] = alphabet[r[i] % k], n++;
	}
	out[3] = '-';
	out[7] = '\0';
}

static int hash_code(const char *code, const char *salt, char *out, size_t outsz,
		     struct pact_err *err)
{
	char bare[CODE_CHARS + 1];

	memcpy(bare, code, 3);
	memcpy(bare + 3, code + 4, 3);
	bare[CODE_CHARS] = '\0';
	return secret_hash(bare, salt, out, outsz, err);
}

int votecode_make(sqlite3 *db, int64_t poll_id, int64_t count, char (**codes)[VOTECODE_SIZE],
		  struct pact_err *err)
{
	char salt[CRYPT_OUTPUT_SIZE], hash[CRYPT_OUTPUT_SIZE], what[64];
	struct poll_info info;
	int rc = poll_get_open(db, poll_id, &info, err);

	*codes = NULL;
	if (rc != PACT_OK)
		return rc;
	if (count < 1 || count > VOTECODE_MAX)
		return err_set(err, PACT_EINPUT, _("--count: give a number from 1 to %d"), VOTECODE_MAX);
	if (!(*codes = calloc((size_t)count, sizeof **codes)))
		return err_nomem(err);
	if ((rc = db_begin(db, err)) != PACT_OK)
		return rc;
	rc = poll_salt(db, poll_id, true, salt, sizeof salt, err);
	for (int64_t i = 0; rc == PACT_OK && i < count; i++) {
		random_code((*codes)[i]);
		rc = hash_code((*codes)[i], salt, hash, sizeof hash, err);
		if (rc == PACT_OK)
			rc = sql_exec(db, err,
				      "INSERT INTO voter_code(poll_id, hash) VALUES (?, ?) "
				      "ON CONFLICT DO NOTHING",
				      "It", poll_id, hash);
		if (rc == PACT_OK && sqlite3_changes(db) == 0)
			i--; /* the same code twice: draw again */
	}
	snprintf(what, sizeof what, "codes:%lld", (long long)count);
	if (rc == PACT_OK)
		rc = poll_event_add(db, poll_id, what, err);
	rc = rc == PACT_OK ? db_commit(db, err) : (db_rollback(db), rc);
	if (rc != PACT_OK) {
		free(*codes);
		*codes = NULL;
	}
	return rc;
}

/* 1 unused, 0 used, -1 unknown. */
static int code_state(sqlite3 *db, int64_t poll, const char *typed, const char **hash_out,
		      char *hash, size_t hashsz, int *state, struct pact_err *err)
{
	char code[VOTECODE_SIZE], salt[CRYPT_OUTPUT_SIZE];
	int64_t used;
	int found, rc = votecode_normalise(typed, code, err);

	if (rc != PACT_OK)
		return rc;
	if ((rc = poll_salt(db, poll, false, salt, sizeof salt, err)) != PACT_OK)
		return rc;
	if (!salt[0])
		return err_set(err, PACT_EINPUT, "%s",
			       _("this poll has no voter codes; the facilitator makes them with "
				 "'pact poll codes'"));
	if ((rc = hash_code(code, salt, hash, hashsz, err)) != PACT_OK)
		return rc;
	if (sql_int(db, &used, &found, err,
		    "SELECT used FROM voter_code WHERE poll_id = ? AND hash = ?", "It", poll,
		    hash) != PACT_OK)
		return PACT_EDB;
	*state = !found ? -1 : used ? 0 : 1;
	if (hash_out)
		*hash_out = hash;
	return PACT_OK;
}

static int refuse(int state, const char *typed, struct pact_err *err)
{
	if (state < 0)
		return err_set(err, PACT_EINPUT,
			       _("%s is not a voter code of this poll; check it and try again"), typed);
	return err_set(err, PACT_EINPUT, _("%s has been used; each code casts one ballot"), typed);
}

int votecode_check(sqlite3 *db, int64_t poll_id, const char *typed, struct pact_err *err)
{
	char hash[CRYPT_OUTPUT_SIZE];
	int state, rc = code_state(db, poll_id, typed, NULL, hash, sizeof hash, &state, err);

	if (rc != PACT_OK)
		return rc;
	return state == 1 ? PACT_OK : refuse(state, typed, err);
}

int votecode_use(sqlite3 *db, int64_t poll_id, const char *typed, struct pact_err *err)
{
	char hash[CRYPT_OUTPUT_SIZE];
	int state, rc = code_state(db, poll_id, typed, NULL, hash, sizeof hash, &state, err);

	if (rc != PACT_OK)
		return rc;
	if (state != 1)
		return refuse(state, typed, err);
	return sql_exec(db, err, "UPDATE voter_code SET used = 1 WHERE poll_id = ? AND hash = ?",
			"It", poll_id, hash);
}

int votecode_counts(sqlite3 *db, int64_t poll_id, int64_t *total, int64_t *used,
		    struct pact_err *err)
{
	if (sql_int(db, total, NULL, err, "SELECT count(*) FROM voter_code WHERE poll_id = ?", "I",
		    poll_id) != PACT_OK ||
	    sql_int(db, used, NULL, err,
		    "SELECT count(*) FROM voter_code WHERE poll_id = ? AND used = 1", "I",
		    poll_id) != PACT_OK)
		return PACT_EDB;
	return PACT_OK;
}

int votecode_write(const char *path, bool csv, char (*codes)[VOTECODE_SIZE], int64_t count,
		   struct pact_err *err)
{
	static const char *const header[] = { "code", NULL };
	struct csv_out w;
	int rc = csv_out_open(&w, path, NULL, err);

	if (rc != PACT_OK)
		return rc;
	if (csv)
		rc = csv_out_header(&w, header);
	for (int64_t i = 0; rc == PACT_OK && i < count; i++)
		if ((rc = csv_out_field(&w, codes[i])) == PACT_OK)
			rc = csv_out_end_row(&w);
	if (rc != PACT_OK) {
		csv_out_abort(&w);
		return err_set(err, PACT_EINPUT, _("cannot write %s"), path);
	}
	return csv_out_close(&w, err);
}
