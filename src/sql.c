/* Prepared-statement helpers. */
#include "sql.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "i18n.h"

const char *sql_errmsg(sqlite3 *db)
{
	static char msg[512];

	switch (sqlite3_errcode(db) & 0xff) {
	case SQLITE_READONLY:
		return _("the database file is read-only, so nothing was changed");
	case SQLITE_FULL:
		return _("the disk is full (or the file may not grow any more), so nothing was "
			 "changed; make room and try again");
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return _("another program keeps the database locked (pact waited 10 seconds), so "
			 "nothing was changed; close that program and try again");
	case SQLITE_IOERR:
		if (sqlite3_system_errno(db) == ENOSPC || sqlite3_system_errno(db) == EFBIG)
			return _("the disk is full (or the file may not grow any more), so nothing was "
				 "changed; make room and try again");
		if (sqlite3_extended_errcode(db) == SQLITE_IOERR_WRITE)
			return _("the database file could not be written (is the disk full?), so "
				 "nothing was changed; make room and try again");
		snprintf(msg, sizeof msg,
			 _("the disk could not be read or written (%s); nothing was changed"),
			 sqlite3_errmsg(db));
		return msg;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		snprintf(msg, sizeof msg,
			 _("the database file is damaged (%s); pact check says where, and a backup "
			   "or another laptop's copy can take its place"),
			 sqlite3_errmsg(db));
		return msg;
	default:
		return sqlite3_errmsg(db);
	}
}

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
		err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
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
		return err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
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
	return err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
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

int sql_changed_one(sqlite3 *db, int rc, struct pact_err *err, const char *what)
{
	if (rc == PACT_OK && sqlite3_changes(db) == 0)
		return err_set(err, PACT_EINPUT, _("no such %s"), what);
	return rc;
}

char **sql_strings(sqlite3_stmt *st)
{
	char **names = calloc(1, sizeof *names);
	size_t n = 0, cap = 1;

	while (st && names && sqlite3_step(st) == SQLITE_ROW) {
		char **more = array_room(names, n + 1, &cap, sizeof *more);

		if (!more)
			break;
		names = more;
		names[n] = sql_text(st, 0);
		names[n + 1] = NULL;
		if (names[n])
			n++;
	}
	sqlite3_finalize(st);
	return names;
}

void sql_strings_free(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}
