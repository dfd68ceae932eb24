/* The help overlay: every key of the current screen and the global keys,
 * built from the same key tables that drive dispatch. */
#ifndef PACT_HELP_H
#define PACT_HELP_H

#include "ui/app.h"

void help_open(struct app *app, const struct screen_ops *of, void *state);

#endif
