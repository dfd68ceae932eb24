/* Counting votes: the methods of the Vote panel and of `pact tally`, on
 * ballots held in memory. No database, no terminal. Options are numbered
 * 0..n-1 in input order; that order is the last resort of every tie rule
 * that names one. */
#ifndef PACT_TALLY_H
#define PACT_TALLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

enum tally_method {
	TALLY_DOT,
	TALLY_APPROVAL,
	TALLY_SCORE,
	TALLY_BORDA,
	TALLY_IRV,
	TALLY_SCHULZE,
	TALLY_PB_GREEDY,
	TALLY_PB_MES,
};

enum tally_complete { TALLY_COMPLETE_ADD1, TALLY_COMPLETE_NONE };

struct tally_input {
	enum tally_method method;
	size_t noptions;
	const char *const *names; /* option names, for messages */
	const int64_t *costs;     /* pb-*: cost per option in cents; else NULL */
	/* Ballots: voter v's marks are [start[v], start[v + 1]) of option[] and
	 * value[] (dots; 1 for approval and pb-*; a score; a rank, 1 = best). */
	size_t nvoters;
	const size_t *start; /* nvoters + 1 entries */
	const uint32_t *option;
	const int64_t *value;
	/* Parameters. */
	int64_t dots, max_per_option; /* dot: D (default 5) and M (default D) */
	int64_t lo, hi;               /* score: range (default 0..5) */
	int64_t budget;               /* pb-*, in cents (as the costs) */
	bool points;                  /* pb-greedy: ballots give points (cumulative or
				       * scoring, 0 or more each), counted by total points */
	enum tally_complete complete; /* pb-mes */
	bool lot;                     /* break remaining ties by a seeded lot */
	uint64_t seed;
	/* Counts from paper (dot, approval): totals per option added to the
	 * ballots' marks, from extra_voters voters; NULL when none. */
	const int64_t *extra;
	size_t extra_voters;
};

/* One line of the result, in order. position is 1-based and shared by
 * tied options. value: dots, approvals, total score, Borda points; irv:
 * votes in the last round the option took part in; schulze: options it
 * beats (the order is by the Schulze winners, see tally_schulze.c); pb-*: cost (funded options only, in funding order). Values are
 * exact: a count whose totals leave int64_t is refused, never rounded. */
struct tally_row {
	size_t option;
	size_t position;
	int64_t value;
	double mean;  /* score: mean over the voters who scored it */
	size_t count; /* score: how many scored it */
};

struct tally_result {
	struct tally_row *rows;
	size_t nrows;
	/* irv: votes[r * noptions + o] in round r (-1 once eliminated), and the
	 * exhausted ballots of each round. */
	size_t nrounds;
	int64_t *round_votes;
	int64_t *exhausted;
	/* schulze: d and p, noptions × noptions, row-major. */
	int64_t *d, *p;
	/* pb-*: what is left of the budget. */
	int64_t remaining;
	/* How ties went: tied options share a position unless a lot was drawn;
	 * for irv, whether an elimination tie mattered. */
	bool tie;          /* some options share a position */
	bool lot_drawn;    /* a lot decided something (seed says which draw) */
	bool tie_mattered; /* irv: breaking an elimination tie could change the winner */
	char note[512];    /* one line saying what happened with ties, or "" */
};

/* Check every ballot against the method's rules. On a broken rule returns
 * PACT_EINPUT, sets *mark to the offending mark's index and err to the rule
 * ("voter 'A' gives 7 dots; each voter has 5"). */
int tally_check(const struct tally_input *in, size_t *mark, struct pact_err *err);

/* Count. The input must have passed tally_check. A count that cannot be
 * done exactly (a total past INT64_MAX) returns PACT_EINPUT saying what is
 * too large, and no result. */
int tally_run(const struct tally_input *in, struct tally_result *out, struct pact_err *err);
void tally_free(struct tally_result *out);

/* The method's name as on the command line ("pb-mes"), and back. */
const char *tally_method_name(enum tally_method m);
bool tally_method_parse(const char *name, enum tally_method *m);
/* The method's name for people, in the interface language ("Dot voting",
 * "Stippen verdelen"). */
const char *tally_method_label(enum tally_method m);

/* --- for the method files ------------------------------------------------ */

int tally_count_simple(const struct tally_input *in, struct tally_result *out,
		       struct pact_err *err); /* dot, approval, score, borda */
int tally_count_schulze(const struct tally_input *in, struct tally_result *out,
			struct pact_err *err);
int tally_count_irv(const struct tally_input *in, struct tally_result *out,
		    struct pact_err *err);
int tally_count_pb(const struct tally_input *in, struct tally_result *out,
		   struct pact_err *err); /* pb-greedy, pb-mes */

/* A deterministic generator for lots: the same seed gives the same draw
 * everywhere (splitmix64). */
uint64_t tally_random(uint64_t *state);

/* Fill out->rows with every option ordered by value, highest first, tied
 * options sharing a position; with in->lot a seeded lot orders each group
 * of tied options and out->lot_drawn is set. Sets out->tie and a note.
 * values has noptions entries. */
int tally_rank(const struct tally_input *in, const int64_t *values, struct tally_result *out);
/* The same, ordered by key (highest first, equal keys tied) while each row
 * shows values[option]. */
int tally_rank_by(const struct tally_input *in, const int64_t *key, const int64_t *values,
		  struct tally_result *out);

/* The error for a mark on option number option (0-based) of noptions:
 * "marks option number 8; there are 7 options". */
int tally_option_range_error(size_t option, size_t noptions, struct pact_err *err);

/* Option o's name for messages ("#3" when the input has no names). */
const char *tally_option_name(const struct tally_input *in, size_t o, char *buf, size_t size);

#endif
