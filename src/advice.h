/* Saved advice from the stappenplan. */
#ifndef PACT_ADVICE_H
#define PACT_ADVICE_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "pager.h"
#include "tree.h"

struct werkvorm_pick;

struct advice_fields {
	const char *title;        /* the vraagstuk */
	const char *author;
	const char *tree_version;
	const char *answers;      /* advice_answers_format's "question=answer" pairs */
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

/* The answers of a path as an advice stores them: "question=answer" pairs
 * of ids, one space between ("room=has-room initiative=city-initiative").
 * The caller frees it; NULL when out of memory. */
char *advice_answers_format(const struct tree_step *path, size_t n);

/* One stored answer, by the ids stored: the tree may have changed since,
 * so the ids need not be in it. */
struct advice_answer {
	char *question;
	char *answer; /* "" when the pair has no "=" */
};

/* The answers stored (what advice_answers_format made, and what every
 * older advice holds): pairs split at spaces, each at its first "=".
 * Free *out with advice_answers_free; PACT_ENOMEM when out of memory. */
int advice_answers_parse(const char *stored, struct advice_answer **out, size_t *n,
			 struct pact_err *err);
void advice_answers_free(struct advice_answer *answers, size_t n);

/* The answers stored that tree t still knows, as a path: each step the
 * question and the number of its answer, in the order stored (at most max;
 * the count is returned). A question or answer the tree no longer has is
 * left out. */
size_t advice_answers_path(const struct tree *t, const struct advice_answer *answers, size_t n,
			   struct tree_step *path, size_t max);

/* The names of the first ADVICE_FORMS_MAX picks, "; " between, as an advice
 * stores its work forms. The caller frees it; NULL when out of memory. */
#define ADVICE_FORMS_MAX 5
char *advice_forms_format(const struct werkvorm_pick *picks, size_t n);

#endif
