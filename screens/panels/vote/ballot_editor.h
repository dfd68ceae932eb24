/* The ballot editor: the options of a poll with the voter's value for
 * each — dots, a tick, a score or a rank — edited with the arrow keys and
 * digits. Used for ballots typed by the facilitator, secret voting, and
 * live voting from another terminal. */
#ifndef PACT_BALLOT_H
#define PACT_BALLOT_H

#include <stddef.h>
#include <stdint.h>

#include "ui/app.h"
#include "tally.h"

struct ballot_edit {
	enum tally_method method;
	enum tally_mark mark; /* the method's */
	int64_t dots, lo, hi;
	char **names; /* the caller's */
	size_t n, sel, top;
	int64_t *values;
	bool *set;       /* the option has a mark (a score may be 0) */
	int rows;        /* shown by the last draw */
	bool fresh;      /* the marked option was just reached: a digit starts its number */
	/* Counts from paper: totals per option, with a running sum checked
	 * against dots × voters (dot) or voters (approval). */
	bool counts;
	int64_t voters;
};

extern const struct key_binding ballot_keys[];

void ballot_init(struct ballot_edit *b, enum tally_method method, int64_t dots, int64_t lo,
		 int64_t hi, char **names, size_t n);
void ballot_free(struct ballot_edit *b);
void ballot_clear(struct ballot_edit *b);

/* Whether any option has a mark (an empty ballot loses nothing). */
bool ballot_has_marks(const struct ballot_edit *b);

/* An editing key; false when it is not one. Digits build a number: the
 * first on an option just reached starts it, the next ones add to it (1
 * then 2 makes 12) up to the largest value, past which a digit starts a
 * new number; Backspace takes the last digit away. */
bool ballot_key(struct ballot_edit *b, int key);

void ballot_draw(struct app *app, struct ballot_edit *b, const struct rect *r);

/* The marks (options with a value); returns how many. options and values
 * need room for b->n entries. */
size_t ballot_marks(const struct ballot_edit *b, uint32_t *options, int64_t *values);

#endif
