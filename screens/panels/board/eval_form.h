/* The evaluation form, one for every subject: an experiment card on the
 * Board, a session in Brainstorm, a saved advice in the Stappenplan. */
#ifndef PACT_EVAL_FORM_H
#define PACT_EVAL_FORM_H

#include <stdbool.h>
#include <stdint.h>

#include "ui/app.h"

/* Open the form for the subject (enum eval_subject) with the stored
 * answers filled in; anchor (experiments only): move the card to Anchored
 * once saved. */
void eval_form_open(struct app *app, int subject, int64_t id, bool anchor);

#endif
