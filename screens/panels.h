/* The five panels behind the tabs, in tab order. */
#ifndef PACT_PANELS_H
#define PACT_PANELS_H

#include "app.h"

void panels_register(const struct screen_ops *panels[APP_PANELS]);

#endif
