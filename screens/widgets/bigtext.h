/* Large text for the projector: the digits and "= - . , %" in a block
 * font. scale 0 is 3 rows high (Unicode half blocks, or ASCII in the
 * style of a seven-segment display); scale 1, 2, … is 5, 10, … rows of
 * full blocks (or '#'). */
#ifndef PACT_BIGTEXT_H
#define PACT_BIGTEXT_H

#include <stdbool.h>

#include "ui/app.h"

int bigtext_height(int scale);
int bigtext_width(const char *s, int scale);
/* Whether the font has every character of s. */
bool bigtext_can(const char *s);
/* Draw s with its top left at (y, x) if it fits in max_cols; returns the
 * columns used (0 when it does not fit). */
int bigtext_draw(struct app *app, int y, int x, int max_cols, const char *s, int scale,
		 enum role role);

#endif
