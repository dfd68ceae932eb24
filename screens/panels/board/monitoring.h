/* The programme's monitoring lists and forms: the indicators of its
 * ambitions (with the figures entered by hand), the groups of the
 * dimensions of diversity with the city's figures, and the diversity
 * counts form of a session or a card. */
#ifndef PACT_MONITORING_H
#define PACT_MONITORING_H

#include <stdint.h>

#include "diversity.h"
#include "ui/app.h"

void indicators_open(struct app *app);
void diversity_groups_open(struct app *app);
/* The counts form of a session or a card (owner), one field per group. */
void diversity_form_open(struct app *app, enum diversity_owner owner, int64_t id);

#endif
