/* Prepared-statement helpers. */
#include "sql.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

static int bind_all(sqlite3_stmt *st, const char *types, va_list ap)
{
	int rc = SQLITE_OK;

	for (int i = 0; types[i] && rc == SQLITE_OK; i++) {
		const char *t;
		switch (types[i]) {
		case 'I':
			rc = sqlite3_bind_int64(st, i + 1, va_arg(ap, int64_t));
			break;
		case 'd':
			rc = sqlite3_bind_int(st, i + 1, va_arg(ap, int));
			break;
		case 't':
			t = va_arg(ap, const char *);
			rc = t ? sqlite3_bind_text(st, i + 1, t, -1, SQLITE_TRANSIENT)
			       : sqlite3_bind_null(st, i + 1);
			break;
		default:
			rc = SQLITE_MISUSE;
		}
	}
	return rc;
}

static sqlite3_stmt *prepare(sqlite3 *db, struct pact_err *err, const char *sql,
			     const char *types, va_list ap)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK ||
	    bind_all(st, types, ap) != SQLITE_OK) {
		err_set(err, PACT_EDB, _("database error: %s"), sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

int sql_exec(sqlite3 *db, struct pact_err *err, const char *sql, const char *types, ...)
{
	va_list ap;
	sqlite3_stmt *st;
	int rc;

	va_start(ap, types);
	st = prepare(db, err, sql, types, ap);
	va_end(ap);
	if (!st)
		return PACT_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return err_set(err, PACT_EDB, _("database error: %s"), sqlite3_errmsg(db));
	return PACT_OK;
}

int sql_int(sqlite3 *db, int64_t *out, int *found, struct pact_err *err, const char *sql,
	    const char *types, ...)
{
	va_list ap;
	sqlite3_stmt *st;
	int rc;

	va_start(ap, types);
	st = prepare(db, err, sql, types, ap);
	va_end(ap);
	if (!st)
		return PACT_EDB;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (found)
		*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW || (rc == SQLITE_DONE && found))
		return PACT_OK;
	if (rc == SQLITE_DONE)
		return err_set(err, PACT_EDB, _("database error: %s"), _("no such record"));
	return err_set(err, PACT_EDB, _("database error: %s"), sqlite3_errmsg(db));
}

sqlite3_stmt *sql_query(sqlite3 *db, struct pact_err *err, const char *sql, const char *types,
			...)
{
	va_list ap;
	sqlite3_stmt *st;

	va_start(ap, types);
	st = prepare(db, err, sql, types, ap);
	va_end(ap);
	return st;
}

char *sql_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return strdup(t ? (const char *)t : "");
}
