/* Costs on a budget pot that are no experiment. */
#include "pot_cost.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "kind.h"
#include "sql.h"
#include "stamp.h"
#include "text.h"
#include "value.h"

#define COST_TEXT_MAX 300

/* The checked fields of a cost; *description is the caller's to free. */
static int check(sqlite3 *db, int64_t pot_id, const char *in_description, const char *in_date,
		 const char *in_amount, char **description, char date[11], int64_t *amount,
		 struct pact_err *err)
{
	struct pact_err why;
	int64_t pot = 0;
	int found = 0;

	*description = NULL;
	if (sql_int(db, &pot, &found, err, "SELECT id FROM budget_pot WHERE id = ?", "I", pot_id) !=
	    PACT_OK)
		return PACT_EDB;
	if (!found)
		return err_set(err, PACT_EINPUT, "%s: %s", _("budget pot"),
			       _("choose a budget pot that exists"));
	if (text_clean(in_description ? in_description : "", _("description"), COST_TEXT_MAX, true,
		       false, description, err) != PACT_OK)
		return PACT_EINPUT;
	if (value_is_blank(in_date))
		err_set(err, PACT_EINPUT, "%s: %s", _("date"),
			_("give the date of the cost, for example 2019-03-01"));
	else if (value_date(in_date, date, &why) != PACT_OK)
		err_set(err, PACT_EINPUT, "%s: %s", _("date"), why.msg);
	else if (value_is_blank(in_amount))
		err_set(err, PACT_EINPUT, "%s: %s", _("amount"),
			_("give the amount in euros, for example 1.250,00"));
	else if (value_amount_field(in_amount, _("amount"), amount, err) == PACT_OK)
		return PACT_OK;
	free(*description);
	*description = NULL;
	return PACT_EINPUT;
}

int pot_cost_add(sqlite3 *db, int64_t pot_id, const char *in_description, const char *in_date,
		 const char *in_amount, int64_t *id, struct pact_err *err)
{
	char *description, date[11], uuid[37], now[21];
	int64_t amount = 0;
	int rc = check(db, pot_id, in_description, in_date, in_amount, &description, date, &amount,
		       err);

	if (rc != PACT_OK)
		return rc;
	stamp_uuid_ordered(uuid);
	stamp_iso(time(NULL), now);
	rc = sql_exec(db, err,
		      "INSERT INTO pot_cost(uuid, pot_id, description, date, amount, created_at, "
		      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
		      "tIttItt", uuid, pot_id, description, date, amount, now, now);
	if (rc == PACT_OK && id)
		*id = sqlite3_last_insert_rowid(db);
	free(description);
	return rc;
}

int pot_cost_edit(sqlite3 *db, int64_t id, int64_t pot_id, const char *in_description,
		  const char *in_date, const char *in_amount, struct pact_err *err)
{
	char *description, date[11], now[21];
	int64_t amount = 0;
	int rc = check(db, pot_id, in_description, in_date, in_amount, &description, date, &amount,
		       err);

	if (rc != PACT_OK)
		return rc;
	stamp_iso(time(NULL), now);
	rc = sql_exec(db, err,
		      "UPDATE pot_cost SET pot_id = ?, description = ?, date = ?, amount = ?, "
		      "updated_at = ? WHERE id = ?",
		      "IttItI", pot_id, description, date, amount, now, id);
	free(description);
	return sql_changed_one(db, rc, err, kind_noun("pot_cost", 1));
}

int pot_cost_delete(sqlite3 *db, int64_t id, struct pact_err *err)
{
	return sql_changed_one(db, sql_exec(db, err, "DELETE FROM pot_cost WHERE id = ?", "I", id),
			       err, kind_noun("pot_cost", 1));
}

int pot_cost_get(sqlite3 *db, int64_t id, bool dutch, struct pot_cost_form *out,
		 struct pact_err *err)
{
	sqlite3_stmt *st = sql_query(db, err,
				     "SELECT pot_id, description, date, amount FROM pot_cost "
				     "WHERE id = ?",
				     "I", id);
	const unsigned char *date;
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return PACT_EDB;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		date = sqlite3_column_text(st, 2);
		out->pot_id = sqlite3_column_int64(st, 0);
		out->description = sql_text(st, 1);
		snprintf(out->date, sizeof out->date, "%s", date ? (const char *)date : "");
		value_amount_csv(sqlite3_column_int64(st, 3), dutch, out->amount);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return err_set(err, PACT_EINPUT, _("no such %s"), kind_noun("pot_cost", 1));
	if (rc != SQLITE_ROW)
		return err_set(err, PACT_EDB, "%s", sql_errmsg(db));
	return out->description ? PACT_OK : err_nomem(err);
}

void pot_cost_form_free(struct pot_cost_form *c)
{
	free(c->description);
	c->description = NULL;
}

int pot_cost_pager(struct pager *p, sqlite3 *db, int64_t pot_id, bool dutch,
		   struct pact_err *err)
{
	int rc = pager_open(p, db, "SELECT count(*) FROM pot_cost WHERE pot_id = :pot",
			    "SELECT id, description, CASE WHEN :dutch THEN substr(date, 9, 2) || '-' || "
			    " substr(date, 6, 2) || '-' || substr(date, 1, 4) ELSE date END, "
			    "CASE WHEN :dutch THEN "
			    " '€ ' || replace(printf('%,d', amount / 100), ',', '.') || ',' || "
			    " printf('%02d', amount % 100) ELSE "
			    " '€' || printf('%,d', amount / 100) || '.' || printf('%02d', amount % 100) "
			    "END FROM pot_cost WHERE pot_id = :pot ORDER BY date, id "
			    "LIMIT :limit OFFSET :offset",
			    err);

	if (rc == PACT_OK) {
		pager_bind_int(p, ":dutch", dutch ? 1 : 0);
		pager_bind_int(p, ":pot", pot_id);
		rc = pager_reload(p, err);
	}
	return rc;
}
