/* The experiment board: cards in six columns, their order within a column,
 * and the history of every column change. The Anchored column takes only
 * cards with a completed evaluation. */
#ifndef PACT_BOARD_H
#define PACT_BOARD_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "evaluation.h"

enum board_column {
	BOARD_IDEA,
	BOARD_PREPARING,
	BOARD_RUNNING,
	BOARD_EVALUATING,
	BOARD_ANCHORED,
	BOARD_STOPPED,
	BOARD_COLUMNS
};

/* A column's key as stored and in CSV ("idea", "preparing", …). */
const char *board_status_key(int column);
/* A column's name in the user's language. */
const char *board_column_name(int column);
/* The column whose key is s, or -1. */
int board_status_index(const char *s);

/* The tracks of the accelerator pool. */
enum { BOARD_TRACKS = 5 };
extern const char *const board_track_keys[BOARD_TRACKS + 1]; /* NULL-terminated */
/* Their names, untranslated (for gettext at the point of showing), NULL-terminated. */
extern const char *const board_track_labels[BOARD_TRACKS + 1];
const char *board_track_name(int track);
/* A track's name in a word or two ("Loslaten", "Rollen"), for a card's
 * line on the board. */
const char *board_track_short(int track);
int board_track_index(const char *s);

/* A move the board refuses because the card has no completed evaluation:
 * the screen opens the evaluation form instead. */
#define BOARD_NEEDS_EVALUATION 100

/* A new card at the bottom of the Idea column; its history starts there.
 * track is a key of board_track_keys or NULL for "other". */
int board_card_new(sqlite3 *db, const char *title, const char *owner, const char *track,
		   int64_t *id, struct pact_err *err);

/* The same inside the caller's transaction. */
int board_card_insert(sqlite3 *db, const char *title, const char *owner, const char *track,
		      int64_t *id, struct pact_err *err);

/* An experiment card made from a saved advice: its question as the title,
 * its author as owner, its rung and first recommended work form. An advice
 * that has a card already gets no second one: *card is that card and
 * *existed true. */
int board_card_from_advice(sqlite3 *db, int64_t advice, int64_t *card, bool *existed,
			   struct pact_err *err);

/* Move the card to the bottom of another column, recording the change.
 * Into Anchored without a completed evaluation: BOARD_NEEDS_EVALUATION
 * (err says so, nothing changes). Moving to its own column does nothing. */
int board_move(sqlite3 *db, int64_t id, int column, struct pact_err *err);

/* Swap the card with its neighbour above (delta -1) or below (+1) in its
 * column; at the edge nothing changes and *moved is false. */
int board_shift(sqlite3 *db, int64_t id, int delta, bool *moved, struct pact_err *err);

/* The card's column, or -1 when there is no such card. */
int board_card_column(sqlite3 *db, int64_t id, struct pact_err *err);

/* Which cards the board shows: empty strings and track -1 let all through.
 * text is looked for in title, description, notes, work form and team;
 * owner and opgave are parts of those fields (case and accents ignored). */
struct board_filter {
	const char *text, *owner, *opgave;
	int track;
	bool focus; /* only the opgaveteam's focus experiments */
	/* Only the cards that name this person (people.h) as owner or in the
	 * team: the whole name, case and accents ignored (NULL or "": all). */
	const char *person;
};

/* SQL: whether a card (table alias x) names a person (people.h) NAME (an expression)
 * as owner or in its team, case and accents ignored. */
#define BOARD_CARD_NAMES(name)                                                                \
	"(fold(x.owner) = fold(" name ") OR instr(',' || fold(replace(replace(x.team, ', ', "   \
	"','), ' ,', ',')) || ',', ',' || fold(" name ") || ',') > 0)"

/* A card as the board shows it: track is an index of board_track_keys, or
 * -1 when the stored key is none of them. */
struct board_card {
	int64_t id;
	char *title, *owner;
	int track;
};

/* The board's cards: n[c] of them in column c, top first. */
struct board_cards {
	struct board_card *col[BOARD_COLUMNS];
	size_t n[BOARD_COLUMNS];
};

/* The cards that pass the filter into c, each column in board order. On
 * error c holds no cards (err filled); board_cards_free c either way. */
int board_cards_load(sqlite3 *db, const struct board_filter *f, struct board_cards *c,
		     struct pact_err *err);
void board_cards_free(struct board_cards *c);

/* Cards per column. */
int board_counts(sqlite3 *db, int64_t counts[BOARD_COLUMNS], struct pact_err *err);

/* Whether the card's evaluation is complete (a goal score, would-repeat,
 * who evaluated it and when). */
int board_evaluated(sqlite3 *db, int64_t id, bool *done, struct pact_err *err);

/* The card's stored evaluation as text, in the order of struct
 * board_evaluation (goal, participants, who, worked, not_worked, dos, donts,
 * repeat, learnings, evaluated_by, date, fits, fits_why, satisfaction,
 * satisfaction_note, support, support_note, legitimacy, legitimacy_note,
 * diversity; a question not answered is ""): v[i] are copies the caller
 * frees, or all NULL (and PACT_OK) when the card has none yet. */
int board_evaluation_get(sqlite3 *db, int64_t id, char *v[BOARD_EVAL_FIELDS],
			 struct pact_err *err);

/* Check and store (or replace) the card's evaluation. A wrong field is
 * named in err ("goal reached: …"); nothing is stored then. */
int board_evaluation_save(sqlite3 *db, int64_t id, const struct board_evaluation *e,
			  struct pact_err *err);

/* Save the evaluation and, when anchor, move the card to Anchored: one
 * transaction. When either fails nothing changes (no evaluation stored,
 * the card where it was) and the status is that failure's, err says why. */
int board_evaluate(sqlite3 *db, int64_t id, const struct board_evaluation *e, bool anchor,
		   struct pact_err *err);

/* Delete the card with its history and evaluation. */
int board_card_delete(sqlite3 *db, int64_t id, struct pact_err *err);

/* An experiment that ran, as SQL over a row of experiment: it is running
 * or past it, or it was stopped after it started (it has a start date or
 * was once in Running). */
#define BOARD_RAN_SQL                                                                        \
	"(status IN ('running', 'evaluating', 'anchored') OR (status = 'stopped' AND "         \
	"(start_date IS NOT NULL OR EXISTS (SELECT 1 FROM experiment_event v "                 \
	"WHERE v.experiment_id = experiment.id AND v.to_status = 'running'))))"

#endif
