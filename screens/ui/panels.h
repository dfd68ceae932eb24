/* The five panels behind the tabs, in tab order. */
#ifndef PACT_PANELS_H
#define PACT_PANELS_H

#include "ui/app.h"

/* Fill panels in tab order; returns how many (1 for the participant view
 * of pact join, which has no tabs). */
int panels_register(const struct screen_ops *panels[APP_PANELS],
		    const struct screens_request *start);

#endif
