/* Pabulib participatory-budgeting files (.pb): reading one into ballots for
 * a count or an import, and writing a poll's ballots back out. The format
 * is described at the top of pabulib.c. */
#ifndef PACT_PABULIB_H
#define PACT_PABULIB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ballot_file.h"
#include "err.h"

enum pabulib_vote { PABULIB_APPROVAL, PABULIB_CUMULATIVE, PABULIB_SCORING, PABULIB_ORDINAL };

/* A limit or a number that the META section leaves out. Not -1: scoring
 * points may be negative. */
#define PABULIB_UNSET INT64_MIN

/* Amounts (budget, costs) are at most this many euros, as ballots.c allows
 * for costs; points at most this much either way. */
#define PABULIB_EUROS_MAX INT64_C(1000000000000)
#define PABULIB_POINTS_MAX INT64_C(1000000000000)

/* The META values pact reads and writes. Text values are NULL when absent;
 * pabulib_read fills them with strings pabulib_info_free frees, a writer's
 * caller points them at its own. */
struct pabulib_meta {
	int64_t budget; /* cents */
	enum pabulib_vote vote_type;
	/* Ballot limits, PABULIB_UNSET when absent. Lengths count projects;
	 * sum_cost in cents; points as the file gives them. */
	int64_t min_length, max_length;
	int64_t min_sum_cost, max_sum_cost;
	int64_t min_points, max_points, min_sum_points, max_sum_points;
	int64_t default_score;
	const char *description, *country, *unit, *subunit, *instance, *rule;
	const char *date_begin, *date_end, *language, *currency, *comment;
};

struct pabulib_info {
	struct pabulib_meta meta;
	/* Option number o of the ballots is project o of the file: its
	 * project_id, and its name (NULL when the file gives none). */
	size_t nprojects;
	char **project_ids, **project_names;
	size_t nvotes;      /* rows in VOTES */
	size_t empty_votes; /* of which without marks (empty, which needs min_length 0,
			     * or only 0 points): voters without marks */
	long meta_line, budget_line; /* where they are, for messages */
};

/* Read path ("-" = standard input) into b, fresh from ballots_init. Each
 * project becomes an option in file order, labelled with its name (with
 * " (ID)" after it when two projects share a name) or else its project_id,
 * its cost in b->costs (cents). Each vote becomes marks of the voter
 * labelled voter_id: 1 for approval, the points for cumulative (0 points
 * are left out) and scoring, the rank 1, 2, … for ordinal (first listed =
 * 1). Other columns (age, sex, district, …) are skipped and kept nowhere.
 * Each mark keeps its line, and b->file, col_option (vote) and col_value
 * (points, else vote) are set, so ballots_where names a mark tally_check
 * refuses. info is filled even on failure (free it with
 * pabulib_info_free). Errors are PACT_EINPUT with "FILE:LINE:COLUMN: …"
 * messages. "choose-1" is read as approval with max_length 1. */
int pabulib_read(const char *path, struct ballots *b, struct pabulib_info *info,
		 struct pact_err *err);
void pabulib_info_free(struct pabulib_info *info);

/* Reading an amount as Pabulib writes it ("106165.64", "2500", "12,5") into
 * cents: digits, then at most one '.' or ',' and decimals (beyond the
 * second, only zeros); no sign, no thousands separators, at most
 * PABULIB_EUROS_MAX euros. The message quotes s. */
int pabulib_amount(const char *s, int64_t *cents, struct pact_err *err);
/* cents as Pabulib writes them: "1500", "106165.64", "0.50". */
void pabulib_amount_format(int64_t cents, char out[32]);

struct pabulib_project {
	const char *id;   /* non-empty, without ',' or surrounding spaces */
	const char *name; /* NULL or "" when none */
	int64_t cost;     /* cents */
};

/* What pabulib_write writes. Voter v's marks are [start[v], start[v + 1])
 * of option[] (project numbers) and value[], as in struct tally_input:
 * value is ignored for approval, the points for cumulative and scoring,
 * the rank for ordinal (written in rank order; ranks may not tie). */
struct pabulib_doc {
	struct pabulib_meta meta;
	size_t nprojects;
	const struct pabulib_project *projects;
	size_t nvoters;
	const char *const *voters; /* voter_id of each voter, unique */
	const size_t *start;
	const uint32_t *option;
	const int64_t *value;
};

/* Write doc to path ("-" = standard output) through csv_out: META with
 * every required key, PROJECTS (project_id;cost;votes;name, and score
 * after votes for cumulative and scoring), VOTES (voter_id;vote, and
 * points for cumulative and scoring). A file is replaced only when all of
 * it is written. */
int pabulib_write(const char *path, const struct pabulib_doc *doc, struct pact_err *err);

/* The name in the file ("approval", …) and back. */
const char *pabulib_vote_name(enum pabulib_vote v);

#endif
