/* The rows of an import, checked and converted, staged before they are
 * stored by one INSERT … SELECT over a virtual table, pact_stage, instead
 * of a statement per row (whose cursors SQLite opens and closes each
 * time). The rows keep the order of the file, so that new records get
 * their ids in that order (exports list by id: the round trip gives the
 * same bytes). Memory stays bounded by STAGE_BUDGET plus one row. */
#ifndef PACT_IMPORT_STAGE_H
#define PACT_IMPORT_STAGE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define STAGE_BUDGET ((size_t)4 << 20) /* bytes of rows held in memory */
#define STAGE_MAX_PARAMS 48

struct stage;

/* Values p1 … pN of the rows (N = nparams), p1 being the UUID. */
struct stage *stage_new(size_t nparams);
void stage_free(struct stage *st);

/* The current row's values, set before stage_add; all NULL to start, and
 * again after stage_add or stage_clear. */
void stage_clear(struct stage *st);
void stage_set_null(struct stage *st, size_t p);
void stage_set_int(struct stage *st, size_t p, int64_t v);
/* len bytes of s are copied by stage_add. */
void stage_set_text(struct stage *st, size_t p, const char *s, size_t len);

/* Keep the row (its values are cleared for the next). PACT_ENOMEM when
 * out of memory. *full: the row was not kept, as the budget is used up:
 * store the rows (stage_ready … stage_done) and add it again. */
int stage_add(struct stage *st, long line, const char uuid[36], bool *full);

/* Whether rows are kept, to be read through pact_stage from the first. */
bool stage_ready(struct stage *st);
/* After the rows were stored: the memory is free for more. */
void stage_done(struct stage *st);

/* The row the statement is at (after a failure, the row that failed). */
long stage_line(const struct stage *st);
void stage_uuid(const struct stage *st, char out[37]);
int64_t stage_int(const struct stage *st, size_t p);

/* The eponymous table-valued function pact_stage(ptr) on db: columns
 * line, p1 … p48, read from the stage bound as a pointer of type
 * STAGE_POINTER_TYPE. */
#define STAGE_POINTER_TYPE "pact_stage"
int stage_register(sqlite3 *db);

#endif
