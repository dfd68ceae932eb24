/* Telling pact's own files from others: the mark in the header
 * (application_id), and the schema objects compared with what pact's
 * migrations create, so that a trigger, view, table or index someone else
 * added is found before pact writes anything. */
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "i18n.h"
#include "sql.h"

/* The schema objects of one database: "type\tname\ttbl_name\tsql" each. */
struct objs {
	char **v;
	size_t n, cap;
};

static void objs_free(struct objs *o)
{
	for (size_t i = 0; i < o->n; i++)
		free(o->v[i]);
	free(o->v);
	memset(o, 0, sizeof *o);
}

/* The copy goes in before the grown array is stored back: gcc 12's
 * analyser loses an element written after that and reports a leak. */
static int objs_add(struct objs *o, const char *s)
{
	char *copy = s ? strdup(s) : NULL;
	char **v;

	if (!copy)
		return -1;
	if (!(v = array_room(o->v, o->n, &o->cap, sizeof *v))) {
		free(copy);
		return -1;
	}
	v[o->n] = copy;
	o->v = v;
	o->n++;
	return 0;
}

/* Whether o holds s; by_name compares only s's first len bytes ("type\tname"). */
static bool objs_has(const struct objs *o, const char *s, size_t len, bool by_name)
{
	for (size_t i = 0; i < o->n; i++)
		if (by_name ? strncmp(o->v[i], s, len) == 0 && o->v[i][len] == '\t'
			    : strcmp(o->v[i], s) == 0)
			return true;
	return false;
}

/* Statistics tables appear when someone runs ANALYZE; they hold no code.
 * Only ANALYZE's own tables are let through, exactly as SQLite makes them:
 * a trigger, view or other table under their names is listed like any
 * object someone added. */
static int list_objects(sqlite3 *db, const char *path, struct objs *out, struct pact_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
				    "SELECT type || char(9) || name || char(9) || tbl_name || char(9) "
				    "|| coalesce(sql, '') FROM main.sqlite_master WHERE NOT (type = 'table' "
				    "AND name = tbl_name AND sql IN ("
				    "'CREATE TABLE sqlite_stat1(tbl,idx,stat)', "
				    "'CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)'))",
				    -1, &st, NULL);

	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		rc = objs_add(out, (const char *)sqlite3_column_text(st, 0)) == 0 ? SQLITE_OK
										 : SQLITE_NOMEM;
	sqlite3_finalize(st);
	if (rc == SQLITE_NOMEM)
		return err_nomem(err);
	if (rc != SQLITE_DONE)
		return err_set(err, PACT_EDB, _("cannot read %s: %s"), path, sql_errmsg(db));
	return PACT_OK;
}

/* What pact's migrations up to version create, in a database in memory. */
static int expected_objects(int version, struct objs *out, struct pact_err *err)
{
	sqlite3 *mem = NULL;
	int rc = sqlite3_open(":memory:", &mem) == SQLITE_OK ? PACT_OK
		 : err_nomem(err);

	if (rc == PACT_OK)
		rc = db_migrate(mem, 0, version, err);
	if (rc == PACT_OK)
		rc = list_objects(mem, ":memory:", out, err);
	sqlite3_close(mem);
	return rc;
}

/* "trigger steal, view v" into buf: the objects of a that b lacks (by
 * name and type only when by_name, else also by their SQL). */
static size_t name_missing(const struct objs *a, const struct objs *b, bool by_name, char *buf,
			   size_t bufsz)
{
	size_t o = 0, count = 0;

	for (size_t i = 0; i < a->n; i++) {
		const char *s = a->v[i], *tab1 = strchr(s, '\t'), *tab2 = strchr(tab1 + 1, '\t');
		if (objs_has(b, s, (size_t)(tab2 - s), by_name))
			continue;
		count++;
		if (o + 1 < bufsz)
			o += (size_t)snprintf(buf + o, bufsz - o, "%s%.*s %.*s", o ? ", " : "",
					      (int)(tab1 - s), s, (int)(tab2 - tab1 - 1), tab1 + 1);
	}
	return count;
}

static bool has_settings(const struct objs *have)
{
	const char *key = "table\tsettings";

	return objs_has(have, key, strlen(key), true);
}

static int compare(const char *path, const struct objs *have, const struct objs *want,
		   struct pact_err *err)
{
	char names[400];

	if (name_missing(have, want, false, names, sizeof names) > 0)
		return err_set(err, PACT_EDB,
			       _("%s holds objects that pact did not create (or that were changed): "
				 "%s; pact does not open it, so that they cannot act on your data"),
			       path, names);
	if (name_missing(want, have, true, names, sizeof names) > 0)
		return err_set(err, PACT_EDB, _("%s is damaged: pact's %s is missing"), path, names);
	return PACT_OK;
}

int db_recognise(sqlite3 *db, const char *path, int app_id, int version, bool new_file,
		 struct pact_err *err)
{
	struct objs have = { 0 }, want = { 0 };
	int rc = list_objects(db, path, &have, err);

	if (rc != PACT_OK)
		goto out;
	if (app_id != 0 && app_id != DB_APPLICATION_ID)
		rc = err_set(err, PACT_EDB,
			     _("%s is not a pact database (it is marked as another program's: "
			       "application_id 0x%08x)"),
			     path, (unsigned)app_id);
	else if (app_id == 0 && !(new_file && have.n == 0) && (version < 1 || !has_settings(&have)))
		rc = err_set(err, PACT_EDB, _("%s is not a pact database (it lacks pact's tables)"),
			     path);
	else if ((rc = expected_objects(version, &want, err)) == PACT_OK)
		rc = compare(path, &have, &want, err);
out:
	objs_free(&have);
	objs_free(&want);
	return rc;
}
