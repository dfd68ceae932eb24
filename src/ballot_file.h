/* Reading ballots and options for a count from CSV files (pact tally, and
 * the polls' ballot imports): voter,option,value and option,cost. */
#ifndef PACT_BALLOTS_H
#define PACT_BALLOTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "strmap.h"
#include "tally.h"

struct ballots {
	struct strmap options, voters;
	char **names;   /* option names by number */
	char **voter_names; /* voter labels by number */
	size_t capvoters;
	int64_t *costs; /* by option number, in cents; 0 when not given */
	int64_t *paper; /* counts from paper by option number, or NULL */
	size_t noptions, capoptions;
	bool from_file; /* the options came from an options file */
	/* Marks in reading order, then (after ballots_finish) by voter. */
	uint32_t *voter, *option;
	int64_t *value;
	long *line;
	size_t nmarks, capmarks;
	size_t nnumbered; /* voters added by number (ballots_add_numbered) */
	size_t *start;
	const char *file;
	int col_option, col_value; /* 1-based columns, for messages */
};

void ballots_init(struct ballots *b);
void ballots_free(struct ballots *b);

/* An option's cost as typed ("2.500", "1.234,56", "€ 60"): cents above 0
 * and at most a trillion euros, or the refusal saying why. The options
 * file and the options typed in the Vote panel both read costs with it. */
int ballots_cost(const char *text, int64_t *cents, struct pact_err *err);

/* option,cost (cost may be absent or empty unless need_cost). */
int ballots_read_options(struct ballots *b, const char *path, bool need_cost,
			 struct pact_err *err);
/* voter,option,value; "-" is standard input. Options not in an options
 * file are refused when one was read. */
int ballots_read(struct ballots *b, const char *path, struct pact_err *err);

/* One option (with its cost), or one mark, from elsewhere than a file (the
 * polls in the store). line is kept for messages. */
int ballots_add_option(struct ballots *b, const char *name, int64_t cost, struct pact_err *err);
int ballots_add_mark(struct ballots *b, const char *voter, const char *option, int64_t value,
		     long line, struct pact_err *err);
/* A mark by numbers, straight from the store: voter v (0, 1, 2… in order,
 * each with its marks together) gives value to option number option (0-based,
 * as added). No names are made or looked up; not to be mixed with
 * ballots_add_mark. */
int ballots_add_numbered(struct ballots *b, uint32_t voter, uint32_t option, int64_t value,
			 struct pact_err *err);

/* A voter, with or without marks to come (an empty ballot still counts
 * as a voter: in Equal Shares it has its share of the budget). */
int ballots_add_voter(struct ballots *b, const char *voter, struct pact_err *err);
/* The label of voter v as read. */
const char *ballots_voter_name(const struct ballots *b, size_t v);

/* Whether path names a Pabulib file (.pb), read by pabulib.c instead. */
bool ballots_pabulib_path(const char *path);

/* Group the marks by voter and point in at them. */
int ballots_finish(struct ballots *b, struct tally_input *in, struct pact_err *err);

/* The label of the voter who made mark (after ballots_finish). */
const char *ballots_mark_voter(const struct ballots *b, size_t mark);

/* "FILE:LINE:COLUMN: " for a mark (after ballots_finish), into out. */
void ballots_where(const struct ballots *b, size_t mark, bool option_column, char *out,
		   size_t outsz);

#endif
