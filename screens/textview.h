/* A scrolling overlay of plain text (a count's full report: the IRV round
 * table, the Schulze matrices). */
#ifndef PACT_TEXTVIEW_H
#define PACT_TEXTVIEW_H

#include "app.h"

/* Takes a copy of text. */
void textview_open(struct app *app, const char *title, const char *text);

#endif
