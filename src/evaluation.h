/* The evaluation form, whatever it evaluates: an experiment on the board,
 * or a participation trajectory that is no experiment — a brainstorm
 * session, or an advice from the stappenplan that was carried out. One
 * form, one table (evaluation, with exactly one subject); each evaluation
 * is a case in the library. */
#ifndef PACT_EVALUATION_H
#define PACT_EVALUATION_H

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>

#include "err.h"

/* The evaluation form, as typed: every field is text, checked on save. */
struct board_evaluation {
	const char *goal;         /* goal reached, 1 to 5 */
	const char *participants; /* a count, may be empty (0) */
	const char *who, *worked, *not_worked, *dos, *donts;
	const char *repeat;       /* "yes", "no" or "changes" */
	const char *learnings, *evaluated_by;
	const char *date;         /* YYYY-MM-DD or D-M-YYYY; empty: today */
	/* Whether the form of participation fits Schiedam: "yes", "partly",
	 * "no", or empty (not answered), and why. */
	const char *fits, *fits_why;
	/* The public value: satisfaction (tevredenheid), support (draagvlak)
	 * and legitimacy (legitimiteit), each 1 to 5 or empty (not answered),
	 * each with a note. */
	const char *satisfaction, *satisfaction_note;
	const char *support, *support_note;
	const char *legitimacy, *legitimacy_note;
	const char *diversity;    /* which diversity it reached */
};
extern const char *const board_repeat_keys[4];   /* yes, no, changes; NULL */
extern const char *const board_repeat_labels[4]; /* untranslated names */

/* The number of fields of the form, as board_evaluation_get and
 * evaluation_get give them. */
enum { BOARD_EVAL_FIELDS = 20 };

enum eval_subject { EVAL_EXPERIMENT, EVAL_SESSION, EVAL_ADVICE, EVAL_SUBJECTS };

/* Does the form of participation fit Schiedam: index 0 is "not answered"
 * (stored as NULL), then yes, partly, no. NULL-terminated. */
extern const char *const evaluation_fits_keys[5];
extern const char *const evaluation_fits_labels[5]; /* untranslated */

/* The subject's stored evaluation as text (see board_evaluation_get). */
int evaluation_get(sqlite3 *db, int subject, int64_t id, char *v[BOARD_EVAL_FIELDS],
		   struct pact_err *err);

/* Check and store (or replace) the subject's evaluation, inside the
 * caller's transaction. A wrong field is named in err; nothing is stored
 * then. */
int evaluation_store(sqlite3 *db, int subject, int64_t id, const struct board_evaluation *e,
		     struct pact_err *err);

/* The same in a transaction of its own. */
int evaluation_save(sqlite3 *db, int subject, int64_t id, const struct board_evaluation *e,
		    struct pact_err *err);

/* The evaluation of a subject's id, or 0 when it has none (or on error). */
int64_t evaluation_of(sqlite3 *db, int subject, int64_t id);

/* The answers about fit, public value and diversity, each as a label in
 * the screens' language and a value ("4 / 5 — most were positive"), for
 * the evaluation with this id; only the questions answered. */
enum { EVAL_FACTS = 5 };
struct eval_fact {
	const char *label;
	char *value;
};
int evaluation_facts(sqlite3 *db, int64_t evaluation, struct eval_fact f[EVAL_FACTS], int *n,
		     struct pact_err *err);
void evaluation_facts_free(struct eval_fact f[EVAL_FACTS], int n);

/* The same written as "label: value" lines to out; nothing when none was
 * answered. */
void evaluation_facts_write(sqlite3 *db, int64_t evaluation, FILE *out);

/* What a trajectory case evaluated, for its title: "Session: …",
 * "Advice: …" (the caller frees it); the experiment's title for a card. */
char *evaluation_subject_title(int subject, const char *title);

#endif
