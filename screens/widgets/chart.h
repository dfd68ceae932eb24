/* The bar chart widget: one labelled horizontal bar per item, scaled to
 * the largest value; Unicode blocks, or '#' where the terminal has no
 * Unicode. */
#ifndef PACT_CHART_H
#define PACT_CHART_H

#include "ui/app.h"

struct chart_item {
	const char *label;
	double value;
	const char *value_text; /* shown after the bar, e.g. "12" or "€ 250" */
};

void chart_draw(struct app *app, const struct chart_item *items, int n, const struct rect *r);
/* The same with step rows from one bar to the next (2: a blank line between). */
void chart_draw_spaced(struct app *app, const struct chart_item *items, int n,
		       const struct rect *r, int step);
/* The columns a bar may take in width w beside the items' labels and
 * values. */
int chart_bar_room(const struct chart_item *items, int n, int w);
/* The same on a scale given from outside: max fills full cells, so that
 * bars drawn elsewhere compare with these (a bar longer than the room
 * chart_bar_room gives is cut). */
void chart_draw_scaled(struct app *app, const struct chart_item *items, int n,
		       const struct rect *r, int step, double max, int full);

#endif
