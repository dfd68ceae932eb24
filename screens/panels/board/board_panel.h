/* The Board panel: the experiment board. */
#ifndef PACT_BOARD_PANEL_H
#define PACT_BOARD_PANEL_H

#include "ui/screen.h"

extern const struct screen_ops board_ops;

struct app;
/* Show only the cards naming this person (the board's state is state);
 * the rest of the filter is cleared. */
void board_panel_filter_person(struct app *app, void *state, const char *name);

#endif
