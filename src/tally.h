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
	TALLY_NMETHODS
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

/* How a ballot marks an option: dots out of each voter's D, a tick (1),
 * a score in lo..hi, or a rank (1 = best). */
enum tally_mark { TALLY_MARK_DOTS, TALLY_MARK_TICK, TALLY_MARK_SCORE, TALLY_MARK_RANK };

/* What a method allows or shows, beyond its marks. */
enum {
	TALLY_DISTINCT_RANKS = 1 << 0, /* each rank at most once, up to the number of options */
	TALLY_BUDGET = 1 << 1,         /* options cost money; rows are the funded options */
	TALLY_PAPER = 1 << 2,          /* takes counts from paper (totals per option) */
	TALLY_SHARES = 1 << 3,         /* rows show a percentage of all values given */
	TALLY_SHARE_OF_VOTERS = 1 << 4, /* the percentage is of the voters (approval) */
	TALLY_MEANS = 1 << 5,          /* rows show the mean and how many marked */
	TALLY_POINTS = 1 << 6,         /* may count ballots with points (pb-greedy) */
};

struct tally_result;

/* The parameters of a check with their defaults filled in. */
struct tally_rules {
	int64_t dots, per_option;
	int64_t lo, hi;
};

/* One counting method: a row of the table in tally_method.c. Adding a
 * method is adding a row (and an enum value) and its count function. */
struct tally_method_info {
	const char *name;        /* on the command line and in the store: "pb-mes" */
	const char *label;       /* for people, N_(): "Budget: equal shares" */
	const char *value_word;  /* what a row's value is, N_(): "dots" */
	const char *value_note;  /* a line under the result on the value, N_(), or NULL */
	const char *share_note;  /* what the percentages are of, N_(), or NULL */
	const char *tie_rule;    /* the tie rule in words, N_(), or NULL for the plain one */
	const char *tie_rule_points; /* the same for ballots with points, or NULL */
	const char *too_large;   /* N_("option '%s': the dots add up past %lld; …") */
	const char *pabulib_rule; /* budget methods: the rule named in a Pabulib file */
	enum tally_mark mark;
	unsigned flags;
	/* The rules one mark's value must meet on its own (see tally_check). */
	int (*check)(const struct tally_input *in, const struct tally_rules *r, int64_t v,
		     struct pact_err *err);
	/* Count a checked input into out (zeroed). */
	int (*count)(const struct tally_input *in, struct tally_result *out,
		     struct pact_err *err);
};

/* The method's row; every enum tally_method below TALLY_NMETHODS has one. */
const struct tally_method_info *tally_method(enum tally_method m);
/* Whether method m has every flag in flags. */
bool tally_method_has(enum tally_method m, unsigned flags);

/* The methods without any of the flags in without, in table order, into
 * out (room for TALLY_NMETHODS); returns how many. */
size_t tally_methods_without(unsigned without, enum tally_method *out);

/* The method's name as on the command line ("pb-mes"), and back. */
const char *tally_method_name(enum tally_method m);
bool tally_method_parse(const char *name, enum tally_method *m);
/* The method's name for people, in the interface language ("Dot voting",
 * "Stippen verdelen"). */
const char *tally_method_label(enum tally_method m);

/* --- for the method files ------------------------------------------------ */

int tally_count_simple(const struct tally_input *in, struct tally_result *out,
		       struct pact_err *err); /* dot, approval, score */
int tally_count_borda(const struct tally_input *in, struct tally_result *out,
		      struct pact_err *err);
int tally_count_schulze(const struct tally_input *in, struct tally_result *out,
			struct pact_err *err);
int tally_count_irv(const struct tally_input *in, struct tally_result *out,
		    struct pact_err *err);
int tally_count_pb_greedy(const struct tally_input *in, struct tally_result *out,
			  struct pact_err *err);
int tally_count_pb_mes(const struct tally_input *in, struct tally_result *out,
		       struct pact_err *err);

/* The mark checks of the table's rows: dots, ticks (or points), scores,
 * ranks. */
int tally_check_dots(const struct tally_input *in, const struct tally_rules *r, int64_t v,
		     struct pact_err *err);
int tally_check_tick(const struct tally_input *in, const struct tally_rules *r, int64_t v,
		     struct pact_err *err);
int tally_check_score(const struct tally_input *in, const struct tally_rules *r, int64_t v,
		      struct pact_err *err);
int tally_check_rank(const struct tally_input *in, const struct tally_rules *r, int64_t v,
		     struct pact_err *err);

/* A deterministic generator for lots: the same seed gives the same draw
 * everywhere (splitmix64). */
uint64_t tally_random(uint64_t *state);

/* Fill out->rows with every option ordered by value, highest first, tied
 * options sharing a position; with in->lot a seeded lot orders each group
 * of tied options and out->lot_drawn is set. Sets out->tie and a note.
 * values has noptions entries. PACT_OK, or PACT_ENOMEM (err not set). */
int tally_rank(const struct tally_input *in, const int64_t *values, struct tally_result *out);
/* The same, ordered by key (highest first, equal keys tied) while each row
 * shows values[option]. */
int tally_rank_by(const struct tally_input *in, const int64_t *key, const int64_t *values,
		  struct tally_result *out);

/* The error for a mark on option number option (0-based) of noptions:
 * "marks option number 8; there are 7 options"; returns PACT_EINPUT (a
 * macro, like err_set, so that analysers see the status). */
int tally_option_range_record(size_t option, size_t noptions, struct pact_err *err);
#define tally_option_range_error(option, noptions, err) \
	err_pass(PACT_EINPUT, tally_option_range_record((option), (noptions), (err)))

/* Option o's name for messages ("#3" when the input has no names). */
const char *tally_option_name(const struct tally_input *in, size_t o, char *buf, size_t size);

#endif
