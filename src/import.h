/* Importing records of any registered kind: a header, then rows, checked
 * by the kind's declaration, references resolved, upserted by UUID. The
 * caller holds the transaction, so a failure anywhere undoes everything.
 * Forgetting is final: a row whose UUID has a tombstone is skipped, and a
 * reference to such a record is left empty (a row whose required
 * reference is forgotten is skipped too). */
#ifndef PACT_IMPORT_H
#define PACT_IMPORT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "kind.h"

struct import;

/* forgotten: rows skipped because their record was forgotten here (a
 * tombstone in the table forgotten); unlinked: references to forgotten
 * records left empty; erased (merges only): records deleted here because
 * the other file had forgotten them. */
struct import_stats {
	int64_t rows, added, updated, forgotten, unlinked, erased;
};

/* name is used in messages ("FILE:LINE:COLUMN: …"). excel: undo the "'"
 * that an --excel export put before formula-like cells. */
int import_begin(struct import **out, sqlite3 *db, const struct kind *k, const char *name,
		 bool excel, struct pact_err *err);
int import_header(struct import *im, char **fields, size_t n, long line, struct pact_err *err);
int import_row(struct import *im, char **fields, size_t n, long line, struct pact_err *err);
/* Resolve references to records that came later in the input. */
int import_finish(struct import *im, struct import_stats *stats, struct pact_err *err);
void import_free(struct import *im);

struct import_opts {
	char delim;           /* 0: detect */
	const char *encoding; /* NULL: UTF-8 */
	bool excel;
};

/* The whole file (path "-" is stdin) in one transaction: all or nothing. */
int import_file(sqlite3 *db, const struct kind *k, const char *path,
		const struct import_opts *opts, struct import_stats *stats, struct pact_err *err);

/* Shipped CSV text (a comma-separated file with a header) inside the
 * caller's transaction; name is used in messages. stats may be NULL. */
int import_text(sqlite3 *db, const struct kind *k, const char *text, const char *name,
		struct import_stats *stats, struct pact_err *err);

/* CSV in memory (len bytes, not NUL-terminated) read as opts say, inside
 * the caller's transaction. */
struct csvin_opts;
int import_mem(sqlite3 *db, const struct kind *k, const char *data, size_t len,
	       const char *name, const struct csvin_opts *opts, struct import_stats *stats,
	       struct pact_err *err);

/* A message listing the kind's columns, e.g. "id, session, round, …". */
void import_columns(const struct kind *k, char *out, size_t outsz);

#endif
