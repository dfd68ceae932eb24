/* Horizontal bars for charts: the bar text for a value, in eighths of a
 * cell with Unicode blocks, or in whole cells of '#' without Unicode. */
#ifndef PACT_BARCHART_H
#define PACT_BARCHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Write into out (size outsz) the bar for value on a scale where max fills
 * width cells. Values below 0 draw nothing; above max, a full bar. Returns
 * the number of cells the bar takes. */
int barchart_bar(double value, double max, int width, bool unicode, char *out, size_t outsz);

/* One row of a chart in text: its label, value and what is written after
 * the bar ("12", "67% (8)", "<5"). A hatched row gets a fixed mark instead
 * of a bar, the same for every such row: its value is not to be seen. */
struct barchart_row {
	const char *label;
	int64_t value;
	char shown[48];
	bool hatched;
};

/* A chart as text lines into out: the heading, then per row the label
 * (padded to the widest, cut to a third of width), the bar and shown. A
 * full bar is scale, or the largest value when scale is 0. */
void barchart_chart(FILE *out, const char *heading, const struct barchart_row *rows, int n,
		    int64_t scale, int width, bool unicode);

/* The share as a whole percentage, rounded half up; 0 when of is 0. */
int barchart_percent(int64_t part, int64_t of);

#endif
