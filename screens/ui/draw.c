/* Text and frame drawing on stdscr. */
#include "ui/draw.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "utf8.h"
#include "wrap.h"

static void set_role(struct app *app, enum role role)
{
	attrset(app_attr(app, role));
	color_set(app_pair(app, role), NULL);
}

/* One cluster (its visible form vis, width columns) at (y, x). ncurses
 * moves on by the wcwidth of each code point it is given, which is how
 * utf8_cluster measures: what follows stays where pact counted it. */
static void put_cluster(int y, int x, const char *vis, int width)
{
	if (width > 0) /* a mark without a base has nothing to go on */
		mvaddstr(y, x, vis);
}

int draw_text_cut(struct app *app, int y, int x, int max_cols, const char *text, enum role role)
{
	const char *dots = utf8_display_unicode() ? "\u2026" : "~";
	int cols;

	if (utf8_width(text) <= max_cols || max_cols < 2)
		return draw_text(app, y, x, max_cols, text, role);
	cols = draw_text(app, y, x, max_cols - 1, text, role);
	return cols + draw_text(app, y, x + cols, 1, dots, role);
}

void draw_fill(struct app *app, int y, int x, int n, enum role role)
{
	set_role(app, role);
	if (n > 0)
		mvhline(y, x, ' ', n);
}

int draw_text(struct app *app, int y, int x, int max_cols, const char *text, enum role role)
{
	size_t len = strlen(text), i = 0;
	char vis[UTF8_CLUSTER_MAX];
	int cols = 0, w;

	if (max_cols <= 0)
		return 0;
	set_role(app, role);
	while (i < len) {
		size_t next = utf8_cluster(text, len, i, vis, sizeof vis, &w);
		if (cols + w > max_cols)
			break;
		put_cluster(y, x + cols, vis, w);
		cols += w;
		i = next;
	}
	return cols;
}

/* Frame pieces: horizontal, vertical, and the corners clockwise from the
 * top left, in Unicode box drawing or in ASCII. */
static const char *const frame_unicode[6] = { "\u2500", "\u2502", "\u250c", "\u2510",
					      "\u2518", "\u2514" };
static const char *const frame_ascii[6] = { "-", "|", "+", "+", "+", "+" };

void draw_frame(struct app *app, const struct rect *r, const char *title, enum role role)
{
	const char *const *f = utf8_display_unicode() ? frame_unicode : frame_ascii;
	int right = r->x + r->w - 1, bottom = r->y + r->h - 1;

	for (int i = 0; i < r->h; i++)
		draw_fill(app, r->y + i, r->x, r->w, role);
	if (r->h < 2 || r->w < 2)
		return;
	for (int x = r->x + 1; x < right; x++) {
		draw_text(app, r->y, x, 1, f[0], role);
		draw_text(app, bottom, x, 1, f[0], role);
	}
	for (int y = r->y + 1; y < bottom; y++) {
		draw_text(app, y, r->x, 1, f[1], role);
		draw_text(app, y, right, 1, f[1], role);
	}
	draw_text(app, r->y, r->x, 1, f[2], role);
	draw_text(app, r->y, right, 1, f[3], role);
	draw_text(app, bottom, right, 1, f[4], role);
	draw_text(app, bottom, r->x, 1, f[5], role);
	if (title && *title) {
		int used = draw_text(app, r->y, r->x + 2, r->w - 4, " ", role);
		used += draw_text_cut(app, r->y, r->x + 2 + used, r->w - 6, title, ROLE_TITLE);
		draw_text(app, r->y, r->x + 2 + used, 1, " ", role);
	}
}

int draw_wrapped(struct app *app, const struct rect *r, const char *text, int skip,
		 enum role role)
{
	size_t n = wrap_text(text, r->w, NULL, 0);
	struct wrap_row *rows = calloc(n, sizeof *rows);
	char line[4096];

	if (!rows)
		return 0;
	wrap_text(text, r->w, rows, n);
	for (int i = 0; i < r->h && (size_t)(i + skip) < n; i++) {
		const struct wrap_row *row = &rows[i + skip];
		size_t len = row->end - row->start;
		if (len >= sizeof line)
			len = sizeof line - 1;
		memcpy(line, text + row->start, len);
		line[len] = '\0';
		draw_text(app, r->y + i, r->x, r->w, line, role);
	}
	free(rows);
	return (int)n;
}

/* Columns of a list item's mark at the start of a line ("- ", "12. "); 0
 * when the line is no item. */
static int item_indent(const char *line, size_t len)
{
	size_t i = 0;

	if (len >= 2 && line[0] == '-' && line[1] == ' ')
		return 2;
	while (i < len && line[i] >= '0' && line[i] <= '9')
		i++;
	return i > 0 && i + 1 < len && line[i] == '.' && line[i + 1] == ' ' ? (int)i + 2 : 0;
}

/* One line of text (no '\n') from screen row *row of the whole text on,
 * an item's wrapped rows under its text. */
static void draw_item_line(struct app *app, const struct rect *r, const char *line, size_t len,
			   int skip, int *row, enum role role)
{
	int ind = item_indent(line, len);
	char *rest, piece[4096];
	struct wrap_row *rows;
	size_t n;

	if (ind > r->w / 2)
		ind = 0;
	if (!(rest = malloc(len - (size_t)ind + 1)))
		return;
	memcpy(rest, line + ind, len - (size_t)ind);
	rest[len - (size_t)ind] = '\0';
	n = wrap_text(rest, r->w - ind, NULL, 0);
	if ((rows = calloc(n, sizeof *rows)) != NULL) {
		wrap_text(rest, r->w - ind, rows, n);
		for (size_t k = 0; k < n; k++, (*row)++) {
			int y = r->y + *row - skip;
			size_t plen = rows[k].end - rows[k].start;
			if (y < r->y || y >= r->y + r->h)
				continue;
			if (k == 0 && ind) {
				memcpy(piece, line, (size_t)ind);
				piece[ind] = '\0';
				draw_text(app, y, r->x, ind, piece, role);
			}
			plen = plen < sizeof piece ? plen : sizeof piece - 1;
			memcpy(piece, rest + rows[k].start, plen);
			piece[plen] = '\0';
			draw_text(app, y, r->x + ind, r->w - ind, piece, role);
		}
	}
	free(rows);
	free(rest);
}

int draw_wrapped_items(struct app *app, const struct rect *r, const char *text, int skip,
		       enum role role)
{
	int row = 0;

	for (const char *p = text;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		draw_item_line(app, r, p, len, skip, &row, role);
		if (!nl)
			return row;
		p = nl + 1;
	}
}

int draw_wrapped_cut(struct app *app, const struct rect *r, const char *text, enum role role)
{
	size_t n = wrap_text(text, r->w, NULL, 0), len;
	struct wrap_row *rows;
	char line[4096];

	if (r->h <= 0)
		return 0;
	if ((int)n <= r->h)
		return draw_wrapped(app, r, text, 0, role);
	if (!(rows = calloc(n, sizeof *rows)))
		return 0;
	wrap_text(text, r->w, rows, n);
	draw_wrapped(app, &(struct rect){ r->y, r->x, r->h - 1, r->w }, text, 0, role);
	/* the last row runs on to the end of the text and is cut there */
	len = strlen(text + rows[r->h - 1].start);
	len = len < sizeof line ? len : sizeof line - 1;
	memcpy(line, text + rows[r->h - 1].start, len);
	line[len] = '\0';
	draw_text_cut(app, r->y + r->h - 1, r->x, r->w, line, role);
	free(rows);
	return r->h;
}

void draw_band(struct app *app, const struct rect *area, const struct rect *box)
{
	for (int y = box->y; y < box->y + box->h; y++)
		draw_fill(app, y, area->x, area->w, ROLE_NORMAL);
}

struct rect rect_centre(const struct rect *area, int w, int h)
{
	struct rect r;

	r.w = w < area->w ? w : area->w;
	r.h = h < area->h ? h : area->h;
	r.x = area->x + (area->w - r.w) / 2;
	r.y = area->y + (area->h - r.h) / 2;
	return r;
}

char *draw_read_line(int y, char *out, size_t outsz)
{
	wchar_t w[1024];
	size_t o = 0;
	int n = mvinnwstr(y, 0, w, (int)(sizeof w / sizeof w[0]) - 1);

	for (int i = 0; i < n && w[i]; i++) {
		char enc[4];
		size_t k = utf8_encode((uint32_t)w[i], enc);
		if (o + k + 1 > outsz)
			break;
		memcpy(out + o, enc, k);
		o += k;
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return out;
}
