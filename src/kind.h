/* The registry of record kinds that travel as CSV. A kind is declared once
 * — its columns, their types and the table fields they map to — and the
 * importer, the exporter, `pact export --list`, merging and the tests all
 * work from that declaration. */
#ifndef PACT_KIND_H
#define PACT_KIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum col_type {
	CT_UUID,      /* the record's own UUID (field "uuid") */
	CT_TEXT,      /* one line of text */
	CT_LINES,     /* text that may span lines */
	CT_INT,
	CT_AMOUNT,    /* euros, stored as integer cents */
	CT_DATE,      /* YYYY-MM-DD */
	CT_BOOL,      /* stored 0/1 */
	CT_ENUM,      /* one of keys */
	CT_TIMESTAMP, /* ISO 8601 UTC */
	CT_REF,       /* another record, by UUID or by name */
};

enum {
	KC_REQUIRED = 1, /* the header must have it and no cell may be empty */
	KC_PERSONAL = 2, /* exported only with --with-names */
	/* A date that only ever moves earlier when a record comes in again:
	 * the earlier of two dates wins, and a date wins over none. */
	KC_EARLIEST = 4,
	/* Says, with the others so marked, who someone is (role, wijk, age
	 * band): without --with-names the export writes them so that no
	 * combination singles out fewer than SUPPRESS_MIN people of a session,
	 * turning the last declared ones into "*" first (suppress_kanon). */
	KC_QUASI = 8,
	/* Export only: the value of expr, worked out from the record's other
	 * fields (field names the one it reads, for files that lack it). An
	 * import takes the header and ignores the cells; a merge leaves it out. */
	KC_DERIVED = 16,
};

/* The most columns a kind may declare. */
#define KIND_MAX_COLS 40

struct kind_col {
	const char *name;  /* CSV header */
	enum col_type type;
	const char *field; /* the table's field */
	unsigned flags;
	int64_t min, max;  /* CT_INT bounds; CT_TEXT/CT_LINES: max characters */
	const char *const *keys; /* CT_ENUM */
	/* CT_REF: the target table, its name field (NULL: UUID only), and the
	 * target field that scopes names (e.g. session_id) together with the
	 * column of this kind that gives the scope. */
	const char *ref_table;
	const char *ref_name;
	const char *ref_scope;
	const char *scope_col;
	/* SQL used when the column is missing or the cell empty (NULL: NULL). */
	const char *dflt;
	/* A second field that receives the same value on insert (or NULL). */
	const char *also;
	/* KC_DERIVED: an SQL expression over the record (table alias t). */
	const char *expr;
	/* A value only allowed when the CT_BOOL column of this name is true in
	 * the same row (contact details only with consent). A file whose row
	 * sets that column false without this one leaves this one empty. */
	const char *needs;
};

struct kind {
	const char *name;    /* "ideas" */
	const char *table;   /* "idea" */
	const char *summary; /* N_() */
	const struct kind_col *cols;
	size_t ncols;
	/* The field that ties a record to a session, for --session (or NULL). */
	const char *session_field;
	/* Columns (CT_REF) of which a record names exactly one: what an
	 * evaluation is of (NULL-terminated, or NULL). */
	const char *const *one_of;
};

/* Kinds that belong to one poll and are not a table of their own: its
 * result and its ballots. Declared here beside the others, with their own
 * reading and writing. */
struct csv_out_opts;
struct pact_err;
typedef struct sqlite3 sqlite3;

struct poll_kind {
	const char *name;
	const char *summary;         /* N_() */
	const char *const *columns;  /* the CSV header, NULL-terminated */
	/* with_names: voters' labels as given; without, every ballot numbered
	 * in a random order (a label may be a name) */
	int (*export_fn)(sqlite3 *db, int64_t poll, const char *path, const struct csv_out_opts *o,
			 bool with_names, int64_t *count, struct pact_err *err);
	int (*import_fn)(sqlite3 *db, int64_t poll, const char *path, int64_t *count,
			 struct pact_err *err); /* NULL: export only */
};

extern const struct poll_kind poll_kinds[];
extern const size_t npoll_kinds;
const struct poll_kind *poll_kind_find(const char *name);

/* All kinds, in an order in which each kind's references come first. */
extern const struct kind *const kinds[];
extern const size_t nkinds;

const struct kind *kind_find(const char *name);

/* The noun for n records of a table, in the screens' language: "idea" or
 * "ideas" for "idea", "budget pot(s)" for "budget_pot"; the table's own name
 * for a table that has none. */
const char *kind_noun(const char *table, unsigned long n);

/* What a CT_REF cell takes, in the screens' language: "UUID or name of a
 * session", "UUID of an idea". */
const char *kind_ref_text(const struct kind_col *col);

#endif
