/* The bar chart widget: one labelled horizontal bar per item, scaled to
 * the largest value; Unicode blocks, or '#' where the terminal has no
 * Unicode. */
#ifndef PACT_CHART_H
#define PACT_CHART_H

#include "app.h"

struct chart_item {
	const char *label;
	double value;
	const char *value_text; /* shown after the bar, e.g. "12" or "€ 250" */
};

void chart_draw(struct app *app, const struct chart_item *items, int n, const struct rect *r);
/* The same with step rows from one bar to the next (2: a blank line between). */
void chart_draw_spaced(struct app *app, const struct chart_item *items, int n,
		       const struct rect *r, int step);

#endif
