/* Experiment cards from a stretch session: an idea, a cluster or a poll's
 * best options become cards in the Board's Idea column, each source once,
 * with a link to where it came from (experiment.source_*). */
#ifndef PACT_CARD_SOURCE_H
#define PACT_CARD_SOURCE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "pager.h"

/* A card from idea (an idea merged into another stands for that one): its
 * text as the title (cut to 120 columns, the whole text then in the
 * description), owner or else the session's facilitator as owner. An idea
 * with a card already, made from it or from a poll option standing for it,
 * gets no second one: *card is that card and *existed true. */
int card_from_idea(sqlite3 *db, int64_t idea, const char *owner, int64_t *card, bool *existed,
		   struct pact_err *err);

/* The same for a cluster: its name as the title, its ideas (one per line,
 * "- ") as the description; none when the cluster, or a poll option
 * standing for it, has a card. */
int card_from_cluster(sqlite3 *db, int64_t cluster, const char *owner, int64_t *card,
		      bool *existed, struct pact_err *err);

/* One card made (or found) for a poll's option. */
struct card_made {
	int64_t card;
	bool existed;
	size_t rank;   /* the option's place, 1 = first (tied places shared) */
	int64_t value; /* its dots, approvals, points… */
};

/* Cards for the top options of a poll, in the order of its result: the
 * first top rows, and any tied with the last of them. made (free it) gets
 * one entry per option, in that order, *n of them. An option that is an
 * idea or a cluster with a card already (made from it directly or through
 * another poll) gets that card, existed true. Refused while a secret vote
 * runs (the result is sealed) and when nobody voted. */
int card_from_poll(sqlite3 *db, int64_t poll, size_t top, const char *owner,
		   struct card_made **made, size_t *n, struct pact_err *err);

/* Where card came from, for people, in the interface language: "From
 * session Wijkavond Noord (27-11-2026), poll Which ideas first?: 1st of 12,
 * 34 dots"; for an idea its round if any, for a cluster its name; "From a
 * session that is no longer in this file" when the source was deleted; ""
 * when the card has no source. *out is the caller's (free it). */
int card_source_text(sqlite3 *db, int64_t card, char **out, struct pact_err *err);

/* Where a card came from, to go there: an idea or a cluster of a session,
 * or an option of a poll. */
enum card_source_kind { CARD_SOURCE_NONE, CARD_SOURCE_IDEA, CARD_SOURCE_CLUSTER, CARD_SOURCE_POLL };
struct card_origin {
	enum card_source_kind kind;
	bool gone;       /* the source is no longer in this file */
	int64_t session; /* its session; 0 when gone or a poll of its own options */
	int64_t poll;    /* an option's poll */
	int64_t source;  /* the idea, cluster or option */
};

/* Where card came from (kind CARD_SOURCE_NONE for a card made by hand);
 * PACT_EINPUT when there is no such card. An idea's or a cluster's card
 * opens its session, a poll option's card the poll's results. */
int card_origin_get(sqlite3 *db, int64_t card, struct card_origin *o, struct pact_err *err);

/* The cards made from session's ideas, its clusters and the options of its
 * polls, in the order they were made: a pager of their id, title and
 * Board column (in the interface language). */
int card_session_pager(struct pager *p, sqlite3 *db, int64_t session, struct pact_err *err);

#endif
