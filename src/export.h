/* Exporting records of any registered kind as CSV, from the kind's
 * declaration. */
#ifndef PACT_EXPORT_H
#define PACT_EXPORT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "csv.h"
#include "err.h"
#include "kind.h"

struct export_opts {
	struct csv_out_opts csv;
	bool decimal_comma; /* amounts as 1234,56 (with --excel) */
	bool with_names;    /* include personal columns */
	bool refs_as_uuid;  /* references always by UUID, no derived columns (merging) */
	int64_t session_id; /* only this session's records (0: all) */
};

/* The kind's query: one row per record, its columns in declaration order
 * (personal ones only with_names); *cols gets the column of each result
 * column. The caller finalizes the statement. */
int export_query(sqlite3 *db, const struct kind *k, const struct export_opts *o,
		 sqlite3_stmt **st, const struct kind_col **cols, size_t *ncols,
		 struct pact_err *err);

#define EXPORT_MAX_QUASI 4

/* What an export wrote. Without with_names, a kind's quasi-identifiers
 * (KC_QUASI) are generalised so that nobody is singled out. */
struct export_stats {
	int64_t rows;     /* written */
	/* [L]: rows written with their last L quasi-identifiers as "*" */
	int64_t generalised[EXPORT_MAX_QUASI + 1];
	int64_t left_out; /* fewer than SUPPRESS_MIN alike even with all as "*" */
	size_t nquasi;    /* how many quasi-identifiers were generalised as needed */
};

/* Write every record of the kind to path ("-" is stdout). */
int export_kind(sqlite3 *db, const struct kind *k, const char *path, const struct export_opts *o,
		struct export_stats *stats, struct pact_err *err);

/* The excel options: BOM, ';', CRLF, formulas neutralised, decimal comma. */
void export_excel(struct export_opts *o);

#endif
