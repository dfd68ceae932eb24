/* A card's communication plan: message and means per audience. */
#include "card_comm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "i18n.h"
#include "sql.h"
#include "stamp.h"
#include "text.h"

const char *const comm_audience_keys[COMM_AUDIENCES + 1] = {
	"raad", "college", "collegas", "schiedammers", "ondernemers", "instellingen", "pers",
	"vakgenoten", NULL,
};
const char *const comm_audience_labels[COMM_AUDIENCES + 1] = {
	N_("The council"),
	N_("The college of mayor and aldermen"),
	N_("Colleagues at the municipality of Schiedam"),
	N_("Schiedammers"),
	N_("Schiedam entrepreneurs"),
	N_("Schiedam institutions"),
	N_("The press"),
	N_("Peers, partners and sector organisations"),
	NULL,
};

int comm_audience_index(const char *key)
{
	for (int i = 0; key && i < COMM_AUDIENCES; i++)
		if (strcmp(comm_audience_keys[i], key) == 0)
			return i;
	return -1;
}

void card_comm_free(struct card_comm *plan)
{
	for (int i = 0; i < COMM_AUDIENCES; i++) {
		free(plan->message[i]);
		free(plan->means[i]);
	}
	memset(plan, 0, sizeof *plan);
}

void card_comm_field_label(const char *field, int a, char *out, size_t size)
{
	if (a >= 0 && a < COMM_AUDIENCES)
		snprintf(out, size, "%s (%s)", field, _(comm_audience_labels[a]));
	else
		snprintf(out, size, "%s", field);
}

int card_comm_count(const struct card_comm *plan)
{
	int n = 0;

	for (int i = 0; i < COMM_AUDIENCES; i++)
		n += (plan->message[i] && plan->message[i][0]) || (plan->means[i] && plan->means[i][0]);
	return n;
}

static int card_exists(sqlite3 *db, int64_t card, struct pact_err *err)
{
	int64_t id;
	int found = 0;
	int rc = sql_int(db, &id, &found, err, "SELECT id FROM experiment WHERE id = ?", "I", card);

	if (rc == PACT_OK && !found)
		rc = err_set(err, PACT_EINPUT, _("There is no such card."));
	return rc;
}

int card_comm_get(sqlite3 *db, int64_t card, struct card_comm *plan, struct pact_err *err)
{
	sqlite3_stmt *st;
	int rc = card_exists(db, card, err), step;

	memset(plan, 0, sizeof *plan);
	if (rc != PACT_OK)
		return rc;
	st = sql_query(db, err,
		       "SELECT audience, message, means FROM card_comm WHERE experiment_id = ?", "I",
		       card);
	if (!st)
		return PACT_EDB;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int a = comm_audience_index((const char *)sqlite3_column_text(st, 0));
		if (a < 0 || plan->message[a])
			continue;
		plan->message[a] = sql_text(st, 1);
		plan->means[a] = sql_text(st, 2);
		if (!plan->message[a] || !plan->means[a])
			step = SQLITE_NOMEM;
		if (step != SQLITE_ROW)
			break;
	}
	sqlite3_finalize(st);
	for (int i = 0; step == SQLITE_DONE && i < COMM_AUDIENCES; i++) {
		if (!plan->message[i])
			plan->message[i] = strdup("");
		if (!plan->means[i])
			plan->means[i] = strdup("");
		if (!plan->message[i] || !plan->means[i])
			step = SQLITE_NOMEM;
	}
	if (step == SQLITE_DONE)
		return PACT_OK;
	card_comm_free(plan);
	return step == SQLITE_NOMEM ? err_nomem(err)
				    : err_set(err, PACT_EDB, "%s", sql_errmsg(db));
}

/* Clean one audience's two fields; a and its label (a >= 0) follow the
 * field's name in a message: "means (The press): …", as the form's labels
 * say it. */
static int clean_line(int a, const char *message, const char *means, char **m, char **w,
		      struct pact_err *err)
{
	char field[256];
	int rc;

	*m = *w = NULL;
	card_comm_field_label(_("message"), a, field, sizeof field);
	rc = text_clean(message ? message : "", field, COMM_MESSAGE_MAX, false, true, m, err);
	card_comm_field_label(_("means"), a, field, sizeof field);
	if (rc == PACT_OK)
		rc = text_clean(means ? means : "", field, COMM_MEANS_MAX, false, false, w, err);
	if (rc != PACT_OK) {
		free(*m), free(*w);
		*m = *w = NULL;
	}
	return rc;
}

/* Write one cleaned line: store it, or remove it when both are empty. */
static int store_line(sqlite3 *db, int64_t card, int a, const char *m, const char *w,
		      struct pact_err *err)
{
	char uuid[37], now[21];

	/* a line that is there keeps its UUID, so that merging finds it */
	if (!m[0] && !w[0])
		return sql_exec(db, err,
				"DELETE FROM card_comm WHERE experiment_id = ? AND audience = ?", "It",
				card, comm_audience_keys[a]);
	stamp_uuid_ordered(uuid);
	stamp_iso(time(NULL), now);
	return sql_exec(db, err,
			"INSERT INTO card_comm(uuid, experiment_id, audience, message, means, "
			"created_at, updated_at) VALUES (coalesce((SELECT uuid FROM card_comm "
			"WHERE experiment_id = ?2 AND audience = ?3), ?1), ?2, ?3, ?4, ?5, ?6, ?6) "
			"ON CONFLICT(uuid) DO UPDATE SET message = excluded.message, "
			"means = excluded.means, updated_at = excluded.updated_at "
			"WHERE message IS NOT excluded.message OR means IS NOT excluded.means",
			"tItttt", uuid, card, comm_audience_keys[a], m, w, now);
}

static int audience_error(const char *audience, struct pact_err *err)
{
	return err_set(err, PACT_EINPUT,
		       _("audience: '%.60s' is not an audience; write raad, college, collegas, "
			 "schiedammers, ondernemers, instellingen, pers or vakgenoten"),
		       audience ? audience : "");
}

int card_comm_save(sqlite3 *db, int64_t card, const char *audience, const char *message,
		   const char *means, struct pact_err *err)
{
	int a = comm_audience_index(audience), rc;
	char *m, *w;

	if (a < 0)
		return audience_error(audience, err);
	if ((rc = clean_line(-1, message, means, &m, &w, err)) != PACT_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc == PACT_OK)
		rc = card_exists(db, card, err);
	if (rc == PACT_OK)
		rc = store_line(db, card, a, m, w, err);
	rc = rc == PACT_OK ? db_commit(db, err) : rc;
	if (rc != PACT_OK)
		db_rollback(db);
	free(m), free(w);
	return rc;
}

int card_comm_save_all(sqlite3 *db, int64_t card, const char *const message[COMM_AUDIENCES],
		       const char *const means[COMM_AUDIENCES], struct pact_err *err)
{
	char *m[COMM_AUDIENCES] = { 0 }, *w[COMM_AUDIENCES] = { 0 };
	int rc = PACT_OK;

	for (int i = 0; i < COMM_AUDIENCES && rc == PACT_OK; i++)
		rc = clean_line(i, message[i], means[i], &m[i], &w[i], err);
	if (rc == PACT_OK)
		rc = db_begin(db, err);
	if (rc == PACT_OK) {
		rc = card_exists(db, card, err);
		for (int i = 0; i < COMM_AUDIENCES && rc == PACT_OK; i++)
			rc = store_line(db, card, i, m[i], w[i], err);
		rc = rc == PACT_OK ? db_commit(db, err) : rc;
		if (rc != PACT_OK)
			db_rollback(db);
	}
	for (int i = 0; i < COMM_AUDIENCES; i++)
		free(m[i]), free(w[i]);
	return rc;
}

int card_comm_describe(sqlite3 *db, int64_t card, FILE *out, struct pact_err *err)
{
	struct card_comm plan;
	int rc = card_comm_get(db, card, &plan, err);

	if (rc != PACT_OK)
		return rc;
	if (card_comm_count(&plan))
		fprintf(out, "\n%s\n", _("Communication"));
	for (int i = 0; i < COMM_AUDIENCES; i++) {
		if (!plan.message[i][0] && !plan.means[i][0])
			continue;
		fprintf(out, "%s\n", _(comm_audience_labels[i]));
		if (plan.message[i][0])
			fprintf(out, "  %s: %s\n", _("Message"), plan.message[i]);
		if (plan.means[i][0])
			fprintf(out, "  %s: %s\n", _("Means"), plan.means[i]);
	}
	card_comm_free(&plan);
	return PACT_OK;
}
