/* A scrolling overlay of plain text (a count's full report: the IRV round
 * table, the Schulze matrices). */
#ifndef PACT_TEXTVIEW_H
#define PACT_TEXTVIEW_H

#include "app.h"

/* Takes a copy of text. */
void textview_open(struct app *app, const char *title, const char *text);

/* A text laid out for the width it is shown in: gen writes it for width
 * columns (again each frame, so a resize or new ballots show) and returns
 * it to be freed, or NULL to keep what is shown. */
typedef char *(*textview_gen)(void *ctx, int width);
void textview_open_gen(struct app *app, const char *title, textview_gen gen, void *ctx);

#endif
