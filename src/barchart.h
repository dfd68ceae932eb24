/* Horizontal bars for charts: the bar text for a value, in eighths of a
 * cell with Unicode blocks, or in whole cells of '#' without Unicode. */
#ifndef PACT_BARCHART_H
#define PACT_BARCHART_H

#include <stdbool.h>
#include <stddef.h>

/* Write into out (size outsz) the bar for value on a scale where max fills
 * width cells. Values below 0 draw nothing; above max, a full bar. Returns
 * the number of cells the bar takes. */
int barchart_bar(double value, double max, int width, bool unicode, char *out, size_t outsz);

#endif
