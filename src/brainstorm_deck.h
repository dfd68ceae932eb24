/* The deck of stretch prompts (opreksessie-kaarten): parsing, loading the
 * user's or the built-in deck, and drawing a card. */
#ifndef PACT_DECK_H
#define PACT_DECK_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* The built-in deck, embedded at build time from data/prompts.txt. */
extern const char pact_prompts_txt[];

/* Longest card text, in code points. */
#define DECK_TEXT_MAX 300

struct deck_card {
	char *en;
	char *nl;
};

struct deck {
	struct deck_card *cards;
	size_t n;
};

/* Parse deck text (len bytes; CRLF line ends and a leading UTF-8 BOM are
 * accepted). name is used in messages. On error fills err with
 * "NAME:LINE: message" and returns PACT_EINPUT, leaving *out empty; a deck
 * without cards is reported at its last line. PACT_ENOMEM when out of
 * memory. */
int deck_parse(const char *text, size_t len, const char *name, struct deck *out,
	       struct pact_err *err);

/* Read and parse the file at path; a file that cannot be read gives
 * PACT_EINPUT with "PATH: reason". */
int deck_load_file(const char *path, struct deck *out, struct pact_err *err);

/* The user's deck ($XDG_CONFIG_HOME/pact/prompts.txt, else
 * ~/.config/pact/prompts.txt) when that file exists, else the built-in one.
 * When the user's file is broken, *out is the built-in deck and the result
 * is PACT_EINPUT with the message, for the screen to show. */
int deck_load_default(struct deck *out, struct pact_err *err);

void deck_free(struct deck *d);

/* Text of card i: Dutch when lang is "nl" (or "nl_NL", "nl-BE", …), else
 * English; "" when i is out of range. */
const char *deck_text(const struct deck *d, size_t i, const char *lang);

/* Index of a random card other than previous (when there are two or more);
 * previous may be (size_t)-1. *seed is the caller's PRNG state
 * (xorshift64*, any value; 0 is replaced); the same seed gives the same
 * draws. Returns (size_t)-1 for an empty deck. */
size_t deck_draw(const struct deck *d, size_t previous, uint64_t *seed);

#endif
