/* Exports of records as CSV files. */
#ifndef PACT_EXPORT_H
#define PACT_EXPORT_H

#include <sqlite3.h>
#include <stdint.h>

#include "csv.h"
#include "err.h"

/* The columns of an ideas export, in order. */
extern const char *const export_idea_columns[];

/* Every idea of the session, merged ones included, oldest first, to path
 * ("-" is stdout). *count gets the number of rows written. */
int export_ideas(sqlite3 *db, int64_t session_id, const char *path,
		 const struct csv_out_opts *opts, int64_t *count, struct pact_err *err);

#endif
