/* Casting one ballot: checked by the method's rules, with a voter code used
 * up (live voting), stored, and, when it carries no name, the poll's
 * unlabelled ballots shuffled (see secret.c). Apart from poll.c, which
 * secret.c and votecode.c build on. */
#include "poll_cast.h"

#include <stdlib.h>
#include <time.h>

#include "db.h"
#include "i18n.h"
#include "poll.h"
#include "secret.h"
#include "sql.h"
#include "stamp.h"
#include "tally.h"
#include "votecode.h"

/* The ballot's rows, inside the caller's transaction. */
static int store_one(sqlite3 *db, const struct poll_info *info, const char *voter,
		     const uint32_t *options, const int64_t *values, size_t n, char *uuid,
		     struct pact_err *err)
{
	char now[21];
	int64_t ballot;
	int rc;

	stamp_uuid(uuid);
	stamp_iso(time(NULL), now);
	rc = sql_exec(db, err, "INSERT INTO ballot(uuid, poll_id, voter, cast_at) VALUES (?, ?, ?, ?)",
		      "tItt", uuid, info->id, voter, now);
	ballot = sqlite3_last_insert_rowid(db);
	for (size_t i = 0; rc == PACT_OK && i < n; i++)
		rc = sql_exec(db, err,
			      "INSERT INTO mark(ballot_id, option_id, value) VALUES (?1, (SELECT id "
			      "FROM poll_option WHERE poll_id = ?2 ORDER BY position, id LIMIT 1 "
			      "OFFSET ?3), ?4)",
			      "IIII", ballot, info->id, (int64_t)options[i], values[i]);
	/* A ballot without a label: the whole set again, in a random order. */
	if (rc == PACT_OK && !voter)
		rc = secret_shuffle(db, info->id, err);
	return rc;
}

/* The ballot checked by the method's rules, against the options as they
 * are in this transaction. */
static int check_one(sqlite3 *db, const struct poll_info *info, const uint32_t *options,
		     const int64_t *values, size_t n, struct pact_err *err)
{
	struct tally_input in = { 0 };
	size_t start[2] = { 0, n }, mark, noptions;
	char **names;
	int rc;

	if (n == 0)
		return err_set(err, PACT_EINPUT, "%s",
			       _("the ballot is empty; mark at least one option"));
	if ((rc = poll_option_names(db, info->id, &names, &noptions, err)) != PACT_OK)
		return rc;
	poll_params_apply(&in, &info->params);
	in.noptions = noptions;
	in.names = (const char *const *)names;
	in.nvoters = 1;
	in.start = start;
	in.option = options;
	in.value = values;
	rc = tally_check(&in, &mark, err);
	for (size_t i = 0; i < noptions; i++)
		free(names[i]);
	free(names);
	return rc;
}

/* poll_cast, with the new ballot's UUID left in uuid (37 bytes). */
static int cast(sqlite3 *db, int64_t poll_id, const char *voter, const char *code,
		const uint32_t *options, const int64_t *values, size_t n, char *uuid,
		struct pact_err *err)
{
	struct poll_info info;
	struct pact_err ignored;
	int rc = db_begin(db, err);

	if (rc != PACT_OK)
		return rc;
	if ((rc = poll_get(db, poll_id, &info, err)) == PACT_OK && info.closed)
		rc = err_set(err, PACT_EINPUT, "%s", _("the poll is closed; no more ballots"));
	if (rc == PACT_OK && voter && !info.params.open)
		rc = err_set(err, PACT_EINPUT, "%s",
			     _("this poll is secret: its ballots carry no name"));
	if (rc == PACT_OK)
		rc = check_one(db, &info, options, values, n, err);
	if (rc == PACT_OK && code)
		rc = votecode_use(db, poll_id, code, err);
	if (rc == PACT_OK)
		rc = store_one(db, &info, voter, options, values, n, uuid, err);
	if (rc != PACT_OK) {
		db_rollback(db);
		return rc;
	}
	if ((rc = db_commit(db, err)) == PACT_OK && !voter)
		db_checkpoint_truncate(db, &ignored); /* a reader left: the next cast empties it */
	return rc;
}

int poll_cast(sqlite3 *db, int64_t poll_id, const char *voter, const char *code,
	      const uint32_t *options, const int64_t *values, size_t n, struct pact_err *err)
{
	char uuid[37];

	return cast(db, poll_id, voter, code, options, values, n, uuid, err);
}

int poll_cast_typed(sqlite3 *db, int64_t poll_id, const uint32_t *options, const int64_t *values,
		    size_t n, char uuid[37], struct pact_err *err)
{
	return cast(db, poll_id, NULL, NULL, options, values, n, uuid, err);
}

int poll_take_back(sqlite3 *db, int64_t poll_id, const char *uuid, struct pact_err *err)
{
	struct poll_info info;
	struct pact_err ignored;
	int64_t ballot = 0;
	int found = 0, rc = db_begin(db, err);

	if (rc != PACT_OK)
		return rc;
	if ((rc = poll_get(db, poll_id, &info, err)) == PACT_OK && info.closed)
		rc = err_set(err, PACT_EINPUT, "%s",
			     _("the poll is closed; its ballots stay as they are"));
	if (rc == PACT_OK && info.secret_running)
		rc = err_set(err, PACT_EINPUT, "%s",
			     _("a secret vote is running; no ballot can be taken back now"));
	if (rc == PACT_OK)
		rc = sql_int(db, &ballot, &found, err,
			     "SELECT id FROM ballot WHERE poll_id = ? AND uuid = ? AND voter IS NULL",
			     "It", poll_id, uuid);
	if (rc == PACT_OK && !found)
		rc = err_set(err, PACT_EINPUT, "%s", _("that ballot is no longer in this poll"));
	if (rc == PACT_OK)
		rc = sql_exec(db, err, "DELETE FROM mark WHERE ballot_id = ?", "I", ballot);
	if (rc == PACT_OK)
		rc = sql_exec(db, err, "DELETE FROM ballot WHERE id = ?", "I", ballot);
	if (rc == PACT_OK)
		rc = poll_event_add(db, poll_id, "taken-back", err);
	if (rc != PACT_OK) {
		db_rollback(db);
		return rc;
	}
	if ((rc = db_commit(db, err)) == PACT_OK)
		db_checkpoint_truncate(db, &ignored); /* the -wal held the deleted rows */
	return rc;
}

int poll_live_check(sqlite3 *db, int64_t poll_id, const char *code, bool *ask_name,
		    struct pact_err *err)
{
	struct poll_info info;
	int rc;

	*ask_name = false;
	if ((rc = poll_get_open(db, poll_id, &info, err)) != PACT_OK ||
	    (rc = votecode_check(db, poll_id, code ? code : "", err)) != PACT_OK)
		return rc;
	*ask_name = info.params.open;
	return PACT_OK;
}

int poll_live_cast(sqlite3 *db, int64_t poll_id, const char *code, const char *typed_name,
		   const uint32_t *options, const int64_t *values, size_t n, struct pact_err *err)
{
	struct poll_info info;
	int rc;

	if ((rc = poll_get(db, poll_id, &info, err)) != PACT_OK)
		return rc;
	if (!info.params.open || !typed_name || !typed_name[0])
		typed_name = NULL;
	return poll_cast(db, poll_id, typed_name, code ? code : "", options, values, n, err);
}
