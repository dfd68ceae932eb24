/* The pool view (V on the Board): each person of the register with how
 * many cards they own or help with in each column, and the register kept
 * there (new, edit, delete). Enter shows the person's cards on the Board. */
#ifndef PACT_POOL_H
#define PACT_POOL_H

#include "ui/app.h"

/* Enter on a person calls show(app, board, name); board is the Board's
 * state, which outlives the view. */
typedef void (*pool_show_fn)(struct app *app, void *board, const char *name);
void pool_open(struct app *app, void *board, pool_show_fn show);

#endif
