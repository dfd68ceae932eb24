/* Bar text for the chart widget. */
#include "barchart.h"

#include <math.h>
#include <string.h>

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
