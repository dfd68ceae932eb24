/* The card form (every field of an experiment card), and the lists it
 * chooses from: the opgaven and the budget pots, each with new, edit and
 * delete. */
#ifndef PACT_CARD_FORM_H
#define PACT_CARD_FORM_H

#include <stdint.h>

#include "ui/app.h"

/* The screens showing the card read it again when it is saved (the
 * application loop's data_changed). */
void card_form_open(struct app *app, int64_t id);
void opgaven_open(struct app *app);
void pots_open(struct app *app);

struct form;
/* Ctrl-P in an owner field: pick a person of the register, whose name
 * takes the field's place; in a team field, the name is added to it. */
void card_form_pick_person(struct app *app, struct form *f, int field);
void card_form_pick_member(struct app *app, struct form *f, int field);
/* Ask whether to add the names a card gives that the register lacks. */
void card_form_offer_names(struct app *app, const char *owner, const char *team);

#endif
