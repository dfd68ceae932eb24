/* Bar chart widget. */
#include "chart.h"

#include "barchart.h"
#include "draw.h"
#include "utf8.h"

void chart_draw(struct app *app, const struct chart_item *items, int n, const struct rect *r)
{
	chart_draw_spaced(app, items, n, r, 1);
}

void chart_draw_spaced(struct app *app, const struct chart_item *items, int n,
		       const struct rect *r, int step)
{
	int labelw = 0, valuew = 0, barw;
	double max = 0;
	char bar[2048];

	for (int i = 0; i < n; i++) {
		int lw = utf8_width(items[i].label), vw = utf8_width(items[i].value_text);
		labelw = lw > labelw ? lw : labelw;
		valuew = vw > valuew ? vw : valuew;
		max = items[i].value > max ? items[i].value : max;
	}
	/* Names matter more than long bars: up to half the width for them. */
	if (labelw > r->w / 2)
		labelw = r->w / 2;
	barw = r->w - labelw - valuew - 2;
	for (int i = 0; i < n && i * step < r->h; i++) {
		int y = r->y + i * step, used;
		draw_text_cut(app, y, r->x, labelw, items[i].label, ROLE_NORMAL);
		used = barchart_bar(items[i].value, max, barw, utf8_display_unicode(), bar, sizeof bar);
		draw_text(app, y, r->x + labelw + 1, barw, bar, ROLE_BAR);
		draw_text(app, y, r->x + labelw + 2 + used, valuew, items[i].value_text, ROLE_NORMAL);
	}
}
