/* Fuzz target: every CSV import kind. The first byte chooses the kind and
 * the delimiter (detected, ',', ';' or tab), the rest is the file. Each
 * input is imported in a transaction that is then rolled back, so every
 * input meets the same database. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "csvin.h"
#include "db.h"
#include "import.h"
#include "kind.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sqlite3 *db;

static void close_db(void)
{
	char path[64];

	db_close(db);
	snprintf(path, sizeof path, "/tmp/pact-fuzz-%d.db", (int)getpid());
	unlink(path);
	snprintf(path, sizeof path, "/tmp/pact-fuzz-%d.db-wal", (int)getpid());
	unlink(path);
	snprintf(path, sizeof path, "/tmp/pact-fuzz-%d.db-shm", (int)getpid());
	unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delims[4] = { 0, ',', ';', '\t' };
	struct pact_err err;
	struct import_stats stats;
	const struct kind *k;

	if (!db) {
		char path[64];
		snprintf(path, sizeof path, "/tmp/pact-fuzz-%d.db", (int)getpid());
		unlink(path);
		if (db_open(path, &db, &err) != PACT_OK) {
			fprintf(stderr, "fuzz_import: %s\n", err.msg);
			abort();
		}
		atexit(close_db);
	}
	if (size < 1)
		return 0;
	k = kinds[(data[0] & 0x3f) % nkinds];
	if (db_begin(db, &err) != PACT_OK)
		abort();
	import_mem(db, k, (const char *)data + 1, size - 1, "fuzz.csv",
		   &(struct csvin_opts){ .delim = delims[data[0] >> 6] }, &stats, &err);
	db_rollback(db);
	return 0;
}
