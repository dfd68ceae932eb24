/* Bar chart widget. */
#include "widgets/chart.h"

#include "barchart.h"
#include "ui/draw.h"
#include "utf8.h"

/* The label and value columns for items in width w: names whole while the
 * bars keep a fifth of the width (12 columns at least), cut with "…" only
 * when they need more (and then keeping half the width). */
static void layout(const struct chart_item *items, int n, int w, int *labelw, int *valuew)
{
	int minbar = w / 5 > 12 ? w / 5 : 12, most;

	*labelw = *valuew = 0;
	for (int i = 0; i < n; i++) {
		int lw = utf8_width(items[i].label), vw = utf8_width(items[i].value_text);
		*labelw = lw > *labelw ? lw : *labelw;
		*valuew = vw > *valuew ? vw : *valuew;
	}
	most = w - *valuew - 2 - minbar > w / 2 ? w - *valuew - 2 - minbar : w / 2;
	*labelw = *labelw < most ? *labelw : most;
}

int chart_bar_room(const struct chart_item *items, int n, int w)
{
	int labelw, valuew;

	layout(items, n, w, &labelw, &valuew);
	return w - labelw - valuew - 2;
}

void chart_draw(struct app *app, const struct chart_item *items, int n, const struct rect *r)
{
	chart_draw_spaced(app, items, n, r, 1);
}

void chart_draw_spaced(struct app *app, const struct chart_item *items, int n,
		       const struct rect *r, int step)
{
	double max = 0;

	for (int i = 0; i < n; i++)
		max = items[i].value > max ? items[i].value : max;
	chart_draw_scaled(app, items, n, r, step, max, chart_bar_room(items, n, r->w));
}

void chart_draw_scaled(struct app *app, const struct chart_item *items, int n,
		       const struct rect *r, int step, double max, int full)
{
	int labelw, valuew, barw;
	char bar[2048];

	layout(items, n, r->w, &labelw, &valuew);
	barw = r->w - labelw - valuew - 2;
	for (int i = 0; i < n && i * step < r->h; i++) {
		int y = r->y + i * step, used;
		draw_text_cut(app, y, r->x, labelw, items[i].label, ROLE_NORMAL);
		used = barchart_bar(items[i].value, max, full, utf8_display_unicode(), bar, sizeof bar);
		draw_text(app, y, r->x + labelw + 1, barw, bar, ROLE_BAR);
		draw_text(app, y, r->x + labelw + 2 + used, valuew, items[i].value_text, ROLE_NORMAL);
	}
}
