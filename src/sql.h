/* Small helpers around prepared statements: run a statement with bound
 * values in one call, read one number. Values are always bound, never
 * spliced into SQL. */
#ifndef PACT_SQL_H
#define PACT_SQL_H

#include <sqlite3.h>
#include <stdint.h>

#include "err.h"

/* Bind values by a type string: 'I' int64_t, 'd' int, 't' const char *
 * (NULL binds NULL). */
int sql_exec(sqlite3 *db, struct pact_err *err, const char *sql, const char *types, ...);

/* Run a query and store the first column of its first row in *out;
 * PACT_OK with *found false when there is no row (found may be NULL: then
 * no row is an error). */
int sql_int(sqlite3 *db, int64_t *out, int *found, struct pact_err *err, const char *sql,
	    const char *types, ...);

/* Prepare and bind, for queries that read several columns. The caller
 * steps and finalizes. NULL on error (err filled). */
sqlite3_stmt *sql_query(sqlite3 *db, struct pact_err *err, const char *sql, const char *types,
			...);

/* What went wrong with db's last call, in words for people: a read-only
 * file, a full disk, a lock held by another program and a damaged file get
 * a message of their own (translated); anything else is SQLite's. */
const char *sql_errmsg(sqlite3 *db);

/* A copy of column i as text ("" for NULL); the caller frees it. */
char *sql_text(sqlite3_stmt *st, int i);

/* The first column of every row of st (which it finalizes; NULL is taken
 * as no rows) as a NULL-terminated list; free it with sql_strings_free.
 * NULL only when out of memory at the start. */
char **sql_strings(sqlite3_stmt *st);
void sql_strings_free(char **v);

/* rc, or PACT_EINPUT ("no such <what>") when rc is PACT_OK but the
 * statement just run changed no row. */
int sql_changed_one(sqlite3 *db, int rc, struct pact_err *err, const char *what);

#endif
