/* Large digits for the projector view: a 3×5 pixel font drawn with
 * Unicode half blocks (3 rows) or full blocks (5 rows and up), and with
 * ASCII where the terminal has no Unicode. */
#include "widgets/bigtext.h"

#include <string.h>

#include "ui/draw.h"
#include "utf8.h"

/* Each glyph: 5 rows of 3 pixels, the high bit on the left. */
static const struct glyph {
	char c;
	unsigned char rows[5];
} font[] = {
	{ '0', { 7, 5, 5, 5, 7 } }, { '1', { 2, 6, 2, 2, 7 } }, { '2', { 7, 1, 7, 4, 7 } },
	{ '3', { 7, 1, 7, 1, 7 } }, { '4', { 5, 5, 7, 1, 1 } }, { '5', { 7, 4, 7, 1, 7 } },
	{ '6', { 7, 4, 7, 5, 7 } }, { '7', { 7, 1, 1, 1, 1 } }, { '8', { 7, 5, 7, 5, 7 } },
	{ '9', { 7, 5, 7, 1, 7 } }, { '=', { 0, 7, 0, 7, 0 } }, { '-', { 0, 0, 7, 0, 0 } },
	{ '.', { 0, 0, 0, 0, 2 } }, { ',', { 0, 0, 0, 2, 4 } }, { '%', { 5, 1, 2, 4, 5 } },
	{ ' ', { 0, 0, 0, 0, 0 } },
};

/* Three rows of three columns in ASCII, seven-segment style. */
static const struct ascii_glyph {
	char c;
	const char *rows[3];
} ascii_font[] = {
	{ '0', { " _ ", "| |", "|_|" } }, { '1', { "   ", "  |", "  |" } },
	{ '2', { " _ ", " _|", "|_ " } }, { '3', { " _ ", " _|", " _|" } },
	{ '4', { "   ", "|_|", "  |" } }, { '5', { " _ ", "|_ ", " _|" } },
	{ '6', { " _ ", "|_ ", "|_|" } }, { '7', { " _ ", "  |", "  |" } },
	{ '8', { " _ ", "|_|", "|_|" } }, { '9', { " _ ", "|_|", " _|" } },
	{ '=', { "   ", " _ ", " _ " } }, { '-', { "   ", " _ ", "   " } },
	{ '.', { "   ", "   ", " . " } }, { ',', { "   ", "   ", " , " } },
	{ '%', { "o /", " / ", "/ o" } }, { ' ', { "   ", "   ", "   " } },
};

static const struct glyph *glyph_of(char c)
{
	for (size_t i = 0; i < sizeof font / sizeof font[0]; i++)
		if (font[i].c == c)
			return &font[i];
	return NULL;
}

static const struct ascii_glyph *ascii_of(char c)
{
	for (size_t i = 0; i < sizeof ascii_font / sizeof ascii_font[0]; i++)
		if (ascii_font[i].c == c)
			return &ascii_font[i];
	return NULL;
}

int bigtext_height(int scale)
{
	return scale <= 0 ? 3 : 5 * scale;
}

/* Columns of one glyph: 3 pixels, each 2 × scale columns wide at the
 * larger sizes (a pixel two columns wide looks square). */
static int glyph_width(int scale)
{
	return scale <= 0 ? 3 : 6 * scale;
}

bool bigtext_can(const char *s)
{
	for (; *s; s++)
		if (!glyph_of(*s))
			return false;
	return true;
}

int bigtext_width(const char *s, int scale)
{
	int n = (int)strlen(s);

	return n ? n * glyph_width(scale) + (n - 1) * (scale <= 0 ? 1 : 2) : 0;
}

/* Row r (0..2) of a glyph in half blocks: pixel rows 2r and 2r + 1. */
static void half_row(const struct glyph *g, int r, char *out)
{
	static const char *const cell[4] = { " ", "\u2580", "\u2584", "\u2588" };
	size_t o = 0;

	for (int px = 2; px >= 0; px--) {
		int top = (g->rows[2 * r] >> px) & 1;
		int bottom = 2 * r + 1 < 5 ? (g->rows[2 * r + 1] >> px) & 1 : 0;
		const char *c = cell[top | bottom << 1];
		memcpy(out + o, c, strlen(c));
		o += strlen(c);
	}
	out[o] = '\0';
}

/* Row r (0..5 × scale - 1) of a glyph in full blocks or '#'. */
static void full_row(const struct glyph *g, int r, int scale, bool unicode, char *out)
{
	const char *on = unicode ? "\u2588" : "#";
	unsigned bits = g->rows[r / scale];
	size_t o = 0;

	for (int px = 2; px >= 0; px--)
		for (int k = 0; k < 2 * scale; k++) {
			const char *c = (bits >> px) & 1 ? on : " ";
			memcpy(out + o, c, strlen(c));
			o += strlen(c);
		}
	out[o] = '\0';
}

int bigtext_draw(struct app *app, int y, int x, int max_cols, const char *s, int scale,
		 enum role role)
{
	bool unicode = utf8_display_unicode();
	int w = bigtext_width(s, scale), gw = glyph_width(scale), gap = scale <= 0 ? 1 : 2;
	char row[256];

	if (w > max_cols)
		return 0;
	for (int i = 0; s[i]; i++) {
		const struct glyph *g = glyph_of(s[i]);
		const struct ascii_glyph *a = ascii_of(s[i]);
		int gx = x + i * (gw + gap);
		for (int r = 0; g && r < bigtext_height(scale); r++) {
			if (scale <= 0 && !unicode)
				snprintf(row, sizeof row, "%s", a ? a->rows[r] : "   ");
			else if (scale <= 0)
				half_row(g, r, row);
			else
				full_row(g, r, scale, unicode, row);
			draw_text(app, y + r, gx, gw, row, role);
		}
	}
	return w;
}
