/* The SQLite store: finding, opening, checking and migrating pact's one
 * database file, and the transactions every user action runs in. */
#ifndef PACT_DB_H
#define PACT_DB_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* The schema text embedded at build time from data/schema.sql. */
extern const char pact_schema_sql[];

/* The newest schema version this pact knows (the last "-- version N"). */
int db_schema_latest(void);

/* pact's mark in the SQLite header (PRAGMA application_id, bytes 68-71 of
 * the file): the ASCII of "pact". Files of earlier pacts carry 0 and are
 * recognised by their tables, then marked when they are upgraded. */
#define DB_APPLICATION_ID 0x70616374

/* Run the schema's "-- version N" blocks with from < N <= to, each in its
 * own transaction. */
int db_migrate(sqlite3 *db, int from, int to, struct pact_err *err);

/* Whether db (at path) is pact's: marked with DB_APPLICATION_ID, or marked
 * 0 with pact's settings table (an earlier pact), or new_file and empty;
 * and its schema objects are exactly those pact's migrations up to version
 * create. Reads only. The message names what is foreign or missing. */
int db_recognise(sqlite3 *db, const char *path, int app_id, int version, bool new_file,
		 struct pact_err *err);

/* The database path: option (may be NULL), else $PACT_DB, else
 * $XDG_DATA_HOME/pact/pact.db, else ~/.local/share/pact/pact.db. */
int db_resolve_path(const char *option, char *out, size_t outsz, struct pact_err *err);

/* Open (creating when missing) and migrate the database at path. Refuses,
 * leaving the file untouched, a file that is not pact's (see db_recognise),
 * one made by a newer pact, a path whose last part is a symbolic link (a
 * link to a folder on the way is followed), and a folder that cannot be
 * created or written. Nothing is written before the file is recognised. */
int db_open(const char *path, sqlite3 **out, struct pact_err *err);

/* A file without write permission — for this user, or marked read-only for
 * everyone (chmod a-w), which counts even for root — opens read-only: it
 * can be looked at, and every change is refused with a message saying so. */
bool db_file_writable(const char *path);
bool db_readonly(sqlite3 *db);
void db_close(sqlite3 *db);

/* Open a file to read only, leaving nothing beside it: immutable=1 (no
 * lock, no -shm, no -wal) when no other pact has it open and its -wal is
 * empty; a plain read-only open otherwise. */
int db_open_readonly(const char *path, sqlite3 **db, struct pact_err *err);
/* Check, without writing to it, that another pact's file can be read: a
 * pact file (db_recognise) whose schema is not newer than ours and that
 * passes PRAGMA quick_check. */
int db_check_other(const char *path, struct pact_err *err);

/* PRAGMA integrity_check; PACT_OK when it says "ok", else the problems. */
int db_check(sqlite3 *db, struct pact_err *err);

/* Transactions: BEGIN IMMEDIATE so a writer waits for the busy timeout
 * instead of failing half-way. */
int db_begin(sqlite3 *db, struct pact_err *err);
int db_commit(sqlite3 *db, struct pact_err *err);
void db_rollback(sqlite3 *db);

/* Copy the write-ahead log (the -wal file) into the database file and cut
 * the log to zero bytes (PRAGMA wal_checkpoint(TRUNCATE)), so that older
 * versions of pages, which secure_delete cannot reach, leave the -wal. Run
 * it after the transaction that deleted something that must not linger.
 * PACT_OK when the log is empty (or there is none); PACT_EDB when another
 * connection kept reading it past a short wait, or the checkpoint failed.
 * It waits for nothing else and changes no data. */
int db_checkpoint_truncate(sqlite3 *db, struct pact_err *err);

/* Changes when another connection (another pact) has committed since the
 * last call. */
int64_t db_data_version(sqlite3 *db);

/* Count this connection's own commits from now on (a commit hook), so that
 * db_change_count sees them; db_close stops it. */
int db_watch(sqlite3 *db, struct pact_err *err);

/* One number that changes whenever the database changed: another
 * connection's commit (data_version) or one of this connection's own
 * (once db_watch was called). The screens refresh when it moves. */
int64_t db_change_count(sqlite3 *db);

/* A stored setting, or NULL; the caller frees the result. */
char *db_setting_get(sqlite3 *db, const char *key);
int db_setting_set(sqlite3 *db, const char *key, const char *value, struct pact_err *err);

#endif
