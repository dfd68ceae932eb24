/* Bar text for the chart widget. */
#include "barchart.h"

#include <math.h>
#include <string.h>

#include "utf8.h"

/* U+2588 FULL BLOCK, then U+2589..U+258F for 7/8 down to 1/8. */
static const char *const eighths[8] = {
	"", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589",
};

static bool append(char *out, size_t outsz, size_t *o, const char *s)
{
	size_t n = strlen(s);

	if (*o + n + 1 > outsz)
		return false;
	memcpy(out + *o, s, n + 1);
	*o += n;
	return true;
}

int barchart_bar(double value, double max, int width, bool unicode, char *out, size_t outsz)
{
	long units, full, part, cells = 0;
	int per_cell = unicode ? 8 : 1;
	size_t o = 0;

	if (outsz)
		out[0] = '\0';
	if (width <= 0 || max <= 0 || !(value > 0))
		return 0;
	if (value > max)
		value = max;
	units = lround(value / max * width * per_cell);
	full = units / per_cell;
	part = units % per_cell;
	for (long i = 0; i < full; i++, cells++)
		if (!append(out, outsz, &o, unicode ? "\u2588" : "#"))
			return (int)cells;
	if (part && append(out, outsz, &o, eighths[part]))
		cells++;
	return (int)cells;
}

/* The fixed mark of a hatched row: a few shaded cells, whatever its value. */
static int hatch(int width, bool unicode, char *out, size_t outsz)
{
	int cells = width < 3 ? width : 3;
	size_t o = 0;

	if (outsz)
		out[0] = '\0';
	for (int i = 0; i < cells; i++)
		if (!append(out, outsz, &o, unicode ? "\u2591" : "/"))
			return i;
	return cells > 0 ? cells : 0;
}

void barchart_chart(FILE *out, const char *heading, const struct barchart_row *rows, int n,
		    int64_t scale, int width, bool unicode)
{
	int label_w = 0, value_w = 0, bar_w;
	int64_t max = 0;

	fprintf(out, "%s\n", heading);
	for (int i = 0; i < n; i++) {
		int w = utf8_width(rows[i].label), v = utf8_width(rows[i].shown);
		label_w = w > label_w ? w : label_w;
		value_w = v > value_w ? v : value_w;
		max = rows[i].value > max ? rows[i].value : max;
	}
	max = scale ? scale : max;
	label_w = label_w > width / 3 ? width / 3 : label_w;
	bar_w = width - label_w - value_w - 4;
	for (int i = 0; i < n; i++) {
		char label[256], bar[1024];
		int used = utf8_fit(rows[i].label, label_w, label, sizeof label);
		int cells = rows[i].hatched ? hatch(bar_w, unicode, bar, sizeof bar)
					    : barchart_bar((double)rows[i].value, (double)max, bar_w,
							   unicode, bar, sizeof bar);

		fprintf(out, "  %s%*s %s%*s %*s\n", label, label_w - used, "", bar, bar_w - cells, "",
			value_w, rows[i].shown);
	}
	fputc('\n', out);
}

int barchart_percent(int64_t part, int64_t of)
{
	return of > 0 ? (int)((200 * part + of) / (2 * of)) : 0;
}
