/* A fresh database for each unit test: cmocka setup and teardown that
 * open one in /tmp (named after the process) and remove it with its WAL
 * files afterwards. Included by the suites that need a store. */
#ifndef PACT_TESTDB_H
#define PACT_TESTDB_H

#include <limits.h>
#include <stdio.h>
#include <unistd.h>

#include "db.h"

static char testdb_path[PATH_MAX];

static int open_db(void **state)
{
	sqlite3 *db;
	struct pact_err err;

	snprintf(testdb_path, sizeof testdb_path, "/tmp/pact-unit-%d.db", (int)getpid());
	unlink(testdb_path);
	if (db_open(testdb_path, &db, &err) != PACT_OK)
		return -1;
	*state = db;
	return 0;
}

static int close_db(void **state)
{
	char aux[PATH_MAX + 8];

	db_close(*state);
	unlink(testdb_path);
	snprintf(aux, sizeof aux, "%s-wal", testdb_path);
	unlink(aux);
	snprintf(aux, sizeof aux, "%s-shm", testdb_path);
	unlink(aux);
	return 0;
}

#endif
