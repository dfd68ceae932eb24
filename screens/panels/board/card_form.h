/* The card form (every field of an experiment card), and the lists it
 * chooses from: the opgaven and the budget pots, each with new, edit and
 * delete. */
#ifndef PACT_CARD_FORM_H
#define PACT_CARD_FORM_H

#include <stdint.h>

#include "ui/app.h"

/* Told after the card id was saved; owner is what the opener gave. */
typedef void (*card_saved_fn)(struct app *app, void *owner, int64_t id);

void card_form_open(struct app *app, int64_t id, card_saved_fn saved, void *owner);
void opgaven_open(struct app *app);
void pots_open(struct app *app);

#endif
