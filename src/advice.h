/* Saved advice from the stappenplan. */
#ifndef PACT_ADVICE_H
#define PACT_ADVICE_H

#include <sqlite3.h>
#include <stdint.h>

#include "err.h"
#include "pager.h"

struct advice_fields {
	const char *title;        /* the vraagstuk */
	const char *author;
	const char *tree_version;
	const char *answers;      /* "question=answer" pairs, one space between */
	const char *outcome;      /* the outcome node's id */
	const char *rung;
	const char *forms;        /* recommended work forms, "; " between */
	const char *revision_of;  /* the UUID of the advice this re-runs, or NULL */
};

/* A new advice (*id 0), or the same run's advice again (its outcome
 * changed after going Back): one run is one advice. */
int advice_save(sqlite3 *db, const struct advice_fields *f, int64_t *id, struct pact_err *err);

/* Columns: title, date, rung, author. Newest first. */
int advice_pager(struct pager *p, sqlite3 *db, struct pact_err *err);

/* One advice's fields as text (the caller frees out with advice_text_free):
 * uuid, title, author, date, tree_version, answers, outcome, rung, forms. */
struct advice_text {
	char *uuid, *title, *author, *date, *tree_version, *answers, *outcome, *rung, *forms;
};
int advice_get(sqlite3 *db, int64_t id, struct advice_text *out, struct pact_err *err);
void advice_text_free(struct advice_text *a);

#endif
