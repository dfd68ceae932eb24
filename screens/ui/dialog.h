/* The confirm dialog: a question, Yes and No; a pushed screen. */
#ifndef PACT_DIALOG_H
#define PACT_DIALOG_H

#include "ui/app.h"

typedef void (*dialog_fn)(struct app *app, void *ctx);

/* Ask question; on yes call on_yes(app, ctx). yes_label names the action
 * ("Delete", "Quit"). No is the default: Enter on the opened dialog, Esc
 * and n all say no. */
void dialog_confirm(struct app *app, const char *question, const char *yes_label,
		    dialog_fn on_yes, void *ctx);

#endif
