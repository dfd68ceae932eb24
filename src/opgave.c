/* The opgaven list that experiment cards choose from. */
#include "opgave.h"

#include <stdlib.h>

#include "array.h"
#include "i18n.h"
#include "sql.h"
#include "stamp.h"
#include "text.h"

int opgave_pager(struct pager *p, sqlite3 *db, struct pact_err *err)
{
	int rc = pager_open(p, db, "SELECT count(*) FROM opgave",
			    "SELECT id, name, CASE WHEN example THEN :example ELSE '' END FROM opgave "
			    "ORDER BY name COLLATE NOCASE, id LIMIT :limit OFFSET :offset",
			    err);

	if (rc != PACT_OK)
		return rc;
	pager_bind_text(p, ":example", _("example to edit"));
	return pager_reload(p, err);
}

char **opgave_names(sqlite3 *db, struct pact_err *err)
{
	sqlite3_stmt *st =
		sql_query(db, err, "SELECT name FROM opgave ORDER BY name COLLATE NOCASE, id", "");

	return sql_strings(st);
}

/* A cleaned opgave name that no other opgave has. */
static int opgave_name(sqlite3 *db, int64_t id, const char *in, char **name,
		       struct pact_err *err)
{
	int64_t other;
	int found;

	if (text_clean(in ? in : "", _("opgave"), 200, true, false, name, err) != PACT_OK)
		return PACT_EINPUT;
	if (sql_int(db, &other, &found, err,
		    "SELECT id FROM opgave WHERE name = ? COLLATE NOCASE AND id <> ?", "tI", *name,
		    id) != PACT_OK) {
		free(*name);
		return PACT_EDB;
	}
	if (found) {
		err_set(err, PACT_EINPUT, _("opgave: \"%s\" is on the list already"), *name);
		free(*name);
		return PACT_EINPUT;
	}
	return PACT_OK;
}

int opgave_add(sqlite3 *db, const char *in, struct pact_err *err)
{
	char *name, uuid[37];
	int rc;

	if (opgave_name(db, 0, in, &name, err) != PACT_OK)
		return PACT_EINPUT;
	stamp_uuid_ordered(uuid);
	rc = sql_exec(db, err, "INSERT INTO opgave(uuid, name) VALUES (?, ?)", "tt", uuid, name);
	free(name);
	return rc;
}

int opgave_rename(sqlite3 *db, int64_t id, const char *in, struct pact_err *err)
{
	char *name;
	int rc;

	if (opgave_name(db, id, in, &name, err) != PACT_OK)
		return PACT_EINPUT;
	rc = sql_exec(db, err, "UPDATE opgave SET name = ? WHERE id = ?", "tI", name, id);
	free(name);
	return rc;
}

int opgave_delete(sqlite3 *db, int64_t id, struct pact_err *err)
{
	return sql_exec(db, err, "DELETE FROM opgave WHERE id = ?", "I", id);
}
