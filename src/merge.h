/* Merging another laptop's pact database into this one: every kind of
 * record, by UUID, in one transaction; running it twice changes nothing the
 * second time. */
#ifndef PACT_MERGE_H
#define PACT_MERGE_H

#include <sqlite3.h>

#include "err.h"
#include "import.h"
#include "kind.h"

/* Per kind (in the order of kinds[]) what came in. The other file's
 * tombstones come in first: participants it forgot are forgotten here
 * too (counted in the participants' erased), and records forgotten in
 * either file are skipped. Run privacy_scrub after a merge that erased. */
int merge_file(sqlite3 *db, const char *path, struct import_stats *stats,
	       struct pact_err *err);

/* How a table of the schema is merged ("merged: …") or why it need not be
 * ("derived: …"); NULL for a table merge does not know, which a test
 * forbids. */
const char *merge_table_policy(const char *table);

#endif
