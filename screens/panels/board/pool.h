/* The pool view (V on the Board): each person of the register with how
 * many cards they own or help with in each column, and the register kept
 * there (new, edit, delete). Enter shows the person's cards on the Board. */
#ifndef PACT_POOL_H
#define PACT_POOL_H

#include "ui/app.h"

/* board is the Board's state, which outlives the view. */
void pool_open(struct app *app, void *board);

#endif
