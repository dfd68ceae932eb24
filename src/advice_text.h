/* An advice from the stappenplan in words: the result of a run as the
 * Wizard shows it, a stored advice read back, and the short Markdown
 * statement written to a file. The texts come from the tree (in the
 * language lang asks for) and from gettext. */
#ifndef PACT_ADVICE_TEXT_H
#define PACT_ADVICE_TEXT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "advice.h"
#include "err.h"
#include "tree.h"

struct werkvorm_pick;

/* A run that reached an outcome: its path, and the work forms picked for
 * it, best first, with their reasons. */
struct advice_run {
	const char *title;  /* the vraagstuk */
	const char *author; /* "" when not given */
	int64_t id;         /* the advice it was saved as (0: not saved) */
	const struct tree_step *path;
	size_t npath;
	const struct tree_node *outcome;
	const struct werkvorm_pick *picks;
	size_t npicks;
};

/* The advice of a run: the rung and its promise, the answers, the
 * outcome's explanation, the first ADVICE_FORMS_MAX work forms with their
 * reasons and a checklist. markdown adds a heading with the title, the
 * author and the advice's number, and writes the parts as sections. */
void advice_run_print(FILE *out, const struct advice_run *run, bool markdown, const char *lang);

/* A stored advice, written from what was stored and what tree t still
 * knows of its ids (an id it no longer knows is written as it is). Plain:
 * the title, author and date, the rung, the answers, the outcome, the work
 * forms and the tree version. markdown: the statement, in the parts of a
 * run's, the work forms without their reasons; id is the advice's number. */
void advice_stored_print(FILE *out, const struct tree *t, const struct advice_text *a, int64_t id,
			 bool markdown, const char *lang);

/* The same as text the caller frees; NULL when out of memory. */
char *advice_run_string(const struct advice_run *run, bool markdown, const char *lang);
char *advice_stored_string(const struct tree *t, const struct advice_text *a, int64_t id,
			   bool markdown, const char *lang);

/* Write text to the file at path ("~/" at its start is the home
 * directory); the path written is put in shown (shown_size bytes). An
 * existing file is refused unless replace. Returns PACT_OK only when every
 * byte is written and the file closed; otherwise the error names the file,
 * and a file this call created is removed again. */
int advice_write_file(const char *path, bool replace, const char *text, char *shown,
		      size_t shown_size, struct pact_err *err);

/* The Markdown statement of advice id written to path, as advice_write_file
 * does: from the run when run is that advice (its work forms have their
 * reasons), else from what the database stored, through tree t. */
int advice_statement_save(sqlite3 *db, const struct tree *t, const struct advice_run *run,
			  int64_t id, const char *lang, const char *path, bool replace, char *shown,
			  size_t shown_size, struct pact_err *err);

#endif
