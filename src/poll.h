/* Polls: a vote over a session's ideas or clusters (merged duplicates
 * count for the idea they went into), or over options of its own; ballots
 * checked by the method's rules when they come in; the count by tally. */
#ifndef PACT_POLL_H
#define PACT_POLL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "ballot_file.h"
#include "csv.h"
#include "pager.h"
#include "err.h"
#include "tally.h"

enum poll_source { POLL_FROM_NONE, POLL_FROM_IDEAS, POLL_FROM_CLUSTERS };

/* The method and its parameters, as in struct tally_input. */
struct poll_params {
	enum tally_method method;
	int64_t dots, max_per_option, lo, hi, budget;
	enum tally_complete complete;
	bool lot;
	uint64_t seed;
	bool open; /* live ballots may carry a voter's label; secret (false) never */
};

/* A new poll; session_id 0 for one that stands alone (options added with
 * poll_add_option). With a session, the options are its unmerged ideas or
 * its clusters. */
int poll_create(sqlite3 *db, int64_t session_id, const char *title,
		const struct poll_params *params, enum poll_source from, int64_t *id,
		struct pact_err *err);
/* The settings a poll may have, checked the same for the Vote panel and
 * pact poll new (poll_create calls it): a budget method needs a budget
 * above 0; dots per voter and per option at least 1 when given; the score
 * range lowest..highest not empty. */
int poll_params_check(const struct poll_params *p, struct pact_err *err);

/* Options typed one a line, "name ; cost" (the cost as ballots_cost reads
 * it; needed when need_cost), into b (ballots_init'd; the caller frees).
 * Blank lines are skipped; at least two options. */
int poll_options_parse(const char *text, bool need_cost, struct ballots *b,
		       struct pact_err *err);
/* b's options (and costs) added to the poll, in order. */
int poll_add_options(sqlite3 *db, int64_t poll_id, const struct ballots *b,
		     struct pact_err *err);
/* A poll with its own options typed as poll_options_parse reads them, made
 * in one transaction: all or nothing. */
int poll_create_typed(sqlite3 *db, const char *title, const struct poll_params *params,
		      const char *options, int64_t *id, struct pact_err *err);

/* Only before the first ballot. */
int poll_add_option(sqlite3 *db, int64_t poll_id, const char *name, int64_t cost,
		    struct pact_err *err);
int poll_close(sqlite3 *db, int64_t poll_id, struct pact_err *err);
/* A poll named on the command line: its number or its UUID. */
int poll_find(sqlite3 *db, const char *ref, int64_t *id, struct pact_err *err);

struct poll_info {
	int64_t id, session_id, ballots, options;
	char title[256];
	struct poll_params params;
	bool closed;
	int64_t paper_voters; /* voters behind the counts from paper */
	bool secret_running;  /* a secret vote runs on a laptop: results sealed */
	char created[11];     /* the day it was made, YYYY-MM-DD (UTC) */
};
int poll_get(sqlite3 *db, int64_t id, struct poll_info *out, struct pact_err *err);
/* The same, refused when the poll is closed (it takes no more ballots). */
int poll_get_open(sqlite3 *db, int64_t id, struct poll_info *out, struct pact_err *err);

/* The poll's options and ballots as a count's input; b holds the memory
 * (ballots_free it). Refused while a secret vote runs: its results are
 * sealed until the facilitator ends it. */
int poll_load(sqlite3 *db, int64_t poll_id, struct ballots *b, struct tally_input *in,
	      struct pact_err *err);

/* A line in the poll's history (what: a stable code, see poll_event_text). */
int poll_event_add(sqlite3 *db, int64_t poll_id, const char *what, struct pact_err *err);
/* The history line for people, in the interface language. */
void poll_event_text(const char *what, char *out, size_t outsz);
/* The poll's history: calls fn(at, text) for each line, oldest first. */
int poll_history(sqlite3 *db, int64_t poll_id, void (*fn)(void *ctx, const char *at,
							   const char *text),
		 void *ctx, struct pact_err *err);

/* Counts from paper for a dot or approval poll: values[i] for option i (in
 * the poll's order, all n of them) from voters voters; they replace earlier
 * counts. Checked: a dot poll's sum is at most dots × voters; an approval
 * count at most voters. */
int poll_set_counts(sqlite3 *db, int64_t poll_id, const int64_t *values, size_t n,
		    int64_t voters, struct pact_err *err);

/* The poll's option names in order; the caller frees each and the array. */
int poll_option_names(sqlite3 *db, int64_t poll_id, char ***names, size_t *n,
		      struct pact_err *err);

/* Polls of a session (session_id 0: all): columns title, method, ballots,
 * state. */
int poll_pager(struct pager *p, sqlite3 *db, int64_t session_id, struct pact_err *err);

/* The result as position,option,value and the ballots as voter,option,value
 * (secret ballots numbered in a random order), to path ("-" is stdout).
 * A voter's label may be a name: without with_names every ballot is
 * numbered in a random order. */
int poll_export_results(sqlite3 *db, int64_t poll_id, const char *path,
			const struct csv_out_opts *o, bool with_names, int64_t *count,
			struct pact_err *err);
int poll_export_ballots(sqlite3 *db, int64_t poll_id, const char *path,
			const struct csv_out_opts *o, bool with_names, int64_t *count,
			struct pact_err *err);

/* Ballots from a voter,option,value file, or from a Pabulib file (.pb)
 * whose vote type suits the poll's method: checked by the poll's rules
 * (FILE:LINE:COLUMN on a broken one), stored all or nothing. */
int poll_import_ballots(sqlite3 *db, int64_t poll_id, const char *path, int64_t *count,
			struct pact_err *err);

/* The same, from a Pabulib file whatever its name. */
int poll_import_pabulib(sqlite3 *db, int64_t poll_id, const char *path, int64_t *count,
			struct pact_err *err);

/* A budget poll's options, costs and ballots as a Pabulib file (approval
 * votes; ballots numbered as in the CSV export). o is ignored. */
int poll_export_pabulib(sqlite3 *db, int64_t poll_id, const char *path,
			const struct csv_out_opts *o, bool with_names, int64_t *count,
			struct pact_err *err);

/* --- for poll.c and poll_pb.c -------------------------------------------- */

/* The poll's counting settings into a tally input. */
void poll_params_apply(struct tally_input *in, const struct poll_params *p);

/* Every poll's stored ballots checked by its method's rules, as poll_load
 * does (polls with a secret vote running are left sealed). */
int poll_check_all(sqlite3 *db, struct pact_err *err);

/* PACT_OK, or the refusal while a secret vote runs (results sealed). */
int poll_sealed(const struct poll_info *info, struct pact_err *err);
/* The poll's options into b, in their order, as if from an options file. */
int poll_load_options(sqlite3 *db, int64_t poll_id, struct ballots *b, struct pact_err *err);
/* The marks of a Pabulib file into b (which holds the poll's options),
 * refused when its vote type does not suit method or it names an option the
 * poll does not have. */
int poll_read_pabulib(const char *path, enum tally_method method, struct ballots *b,
		      struct pact_err *err);
/* voter, option name, value of every mark, as the ballots export writes
 * them; ?1 the poll id, ?2 whether voters' labels are written (else every
 * ballot is numbered in the order of its random UUID). */
extern const char poll_ballots_sql[];

#endif
