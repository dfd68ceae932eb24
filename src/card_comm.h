/* A card's communication plan: for each audience the handbook names (its
 * chapters 4 and 5: the council, the college, colleagues, and outside the
 * town hall Schiedammers, entrepreneurs, institutions, the press and
 * peers), what it should hear and by what means. */
#ifndef PACT_CARD_COMM_H
#define PACT_CARD_COMM_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "err.h"

enum { COMM_AUDIENCES = 8 };
/* The stored keys, in the handbook's order, NULL-terminated. */
extern const char *const comm_audience_keys[COMM_AUDIENCES + 1];
/* Their names as the handbook's headings give them, untranslated (N_()). */
extern const char *const comm_audience_labels[COMM_AUDIENCES + 1];

/* The most characters of a message and of its means. */
#define COMM_MESSAGE_MAX 2000
#define COMM_MEANS_MAX 400

/* The index of an audience key, or -1. */
int comm_audience_index(const char *key);

/* A card's plan: message and means per audience ("" where it has none). */
struct card_comm {
	char *message[COMM_AUDIENCES];
	char *means[COMM_AUDIENCES];
};

/* Read card's plan into *plan (free it with card_comm_free). PACT_EINPUT
 * when there is no such card. */
int card_comm_get(sqlite3 *db, int64_t card, struct card_comm *plan, struct pact_err *err);
void card_comm_free(struct card_comm *plan);

/* A field's name with its audience a, as forms label it and messages name
 * it: "Means (The press)" for field "Means" (translated by the caller);
 * just the field for a < 0. */
void card_comm_field_label(const char *field, int a, char *out, size_t size);

/* How many audiences of plan have a message or means. */
int card_comm_count(const struct card_comm *plan);

/* Store one audience's message and means (checked; both empty removes the
 * line). A wrong field is named in err ("message: …") and nothing changes. */
int card_comm_save(sqlite3 *db, int64_t card, const char *audience, const char *message,
		   const char *means, struct pact_err *err);

/* Store the whole plan at once (message[i], means[i] for audience i; NULL
 * is empty): every field is checked first, and a wrong one is named with its
 * audience ("means (The press): …"); nothing changes then. */
int card_comm_save_all(sqlite3 *db, int64_t card, const char *const message[COMM_AUDIENCES],
		       const char *const means[COMM_AUDIENCES], struct pact_err *err);

/* The plan in words for the card view, written to out: a heading
 * "Communication" and each audience that has a line, with its message and
 * means; nothing when the card has no plan. */
int card_comm_describe(sqlite3 *db, int64_t card, FILE *out, struct pact_err *err);

#endif
