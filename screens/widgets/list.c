/* List widget over a pager. */
#include "widgets/list.h"

#include <stdio.h>
#include <string.h>

#include "ui/draw.h"
#include "i18n.h"
#include "utf8.h"

enum { LA_UP = 1, LA_DOWN, LA_PGUP, LA_PGDN, LA_HOME, LA_END };

const struct key_binding list_keys[] = {
	{ K_FN(KEY_UP), LA_UP, NULL, N_("Select the row above") },
	{ K_FN(KEY_DOWN), LA_DOWN, NULL, N_("Select the row below") },
	{ K_FN(KEY_PPAGE), LA_PGUP, NULL, N_("Page up") },
	{ K_FN(KEY_NPAGE), LA_PGDN, NULL, N_("Page down") },
	{ K_FN(KEY_HOME), LA_HOME, NULL, N_("First row") },
	{ K_FN(KEY_END), LA_END, NULL, N_("Last row") },
	{ 0, 0, NULL, NULL },
};

void list_init(struct list_view *lv, struct pager *pager, const struct list_column *columns,
	       int ncols, int find_col, const char *empty)
{
	memset(lv, 0, sizeof *lv);
	lv->pager = pager;
	lv->columns = columns;
	lv->ncols = ncols;
	lv->find_col = find_col;
	lv->empty = empty;
	lv->page = 1;
}

void list_clamp(struct list_view *lv)
{
	int64_t n = pager_count(lv->pager);
	int page = lv->page > 0 ? lv->page : 1;

	if (lv->sel >= n)
		lv->sel = n - 1;
	if (lv->sel < 0)
		lv->sel = 0;
	if (lv->top > lv->sel)
		lv->top = lv->sel;
	if (lv->sel >= lv->top + page)
		lv->top = lv->sel - page + 1;
	if (lv->top > n - page)
		lv->top = n - page;
	if (lv->top < 0)
		lv->top = 0;
}

/* A row of cells (by pager column), or the titles (by list column). */
static void draw_row(struct app *app, struct list_view *lv, int y, const struct rect *area,
		     const char *const *cells, const char *const *titles, enum role role)
{
	int x = area->x + 1, right = area->x + area->w;

	draw_fill(app, y, area->x, area->w, role);
	for (int c = 0; c < lv->ncols && x < right; c++) {
		int w = lv->columns[c].width ? lv->columns[c].width : right - x - 1;
		if (w > right - x)
			w = right - x;
		const char *cell = titles ? titles[c] : cells[lv->columns[c].col];
		draw_text_cut(app, y, x, w, cell ? cell : "", role);
		x += w + 1;
	}
}

void list_draw(struct app *app, struct list_view *lv, const struct rect *area)
{
	const char *titles[PAGER_MAX_COLS];
	int64_t n = pager_count(lv->pager);
	char pos[64];

	lv->page = area->h - 1 > 0 ? area->h - 1 : 1;
	list_clamp(lv);
	for (int c = 0; c < lv->ncols && c < PAGER_MAX_COLS; c++)
		titles[c] = _(lv->columns[c].title);
	draw_row(app, lv, area->y, area, NULL, titles, ROLE_TITLE);
	snprintf(pos, sizeof pos, " %lld/%lld", (long long)lv->sel + 1, (long long)n);
	if (n > 0)
		draw_text(app, area->y, area->x + area->w - utf8_width(pos), utf8_width(pos), pos,
			  ROLE_DIM);
	if (n == 0 && lv->empty) {
		draw_text_cut(app, area->y + 2, area->x + 2, area->w - 4, _(lv->empty), ROLE_DIM);
		return;
	}
	for (int i = 0; i < lv->page && lv->top + i < n; i++) {
		const struct pager_row *r = pager_get(lv->pager, lv->top + i);
		if (!r)
			break;
		draw_row(app, lv, area->y + 1 + i, area, (const char *const *)r->cols, NULL,
			 lv->top + i == lv->sel	      ? ROLE_SELECTED
			 : lv->headings && r->id <= 0 ? ROLE_TITLE
						      : ROLE_NORMAL);
	}
}

bool list_key(struct list_view *lv, int key)
{
	const struct key_binding *b = list_keys;
	int64_t page = lv->page > 1 ? lv->page - 1 : 1;

	while (b->key && b->key != key)
		b++;
	switch (b->action) {
	case LA_UP: lv->sel--; break;
	case LA_DOWN: lv->sel++; break;
	case LA_PGUP: lv->sel -= page; lv->top -= page; break;
	case LA_PGDN: lv->sel += page; lv->top += page; break;
	case LA_HOME: lv->sel = 0; break;
	case LA_END: lv->sel = pager_count(lv->pager) - 1; break;
	default: return false;
	}
	lv->find[0] = '\0';
	list_clamp(lv);
	return true;
}

bool list_find(struct list_view *lv, int key, double now)
{
	char enc[4];
	size_t used, n;
	int64_t at;

	if (key < 0x20 || key == 0x7f || key >= 0x110000)
		return false;
	if (now - lv->find_at > 1.0)
		lv->find[0] = '\0';
	lv->find_at = now;
	used = strlen(lv->find);
	n = utf8_encode((uint32_t)key, enc);
	if (n == 0 || used + n >= sizeof lv->find)
		return false;
	memcpy(lv->find + used, enc, n);
	lv->find[used + n] = '\0';
	/* A new search starts below the selection; a longer one from it. */
	at = pager_find(lv->pager, lv->find_col, lv->find, used ? lv->sel : lv->sel + 1);
	if (at < 0)
		return false;
	lv->sel = at;
	list_clamp(lv);
	return true;
}

int64_t list_selected_id(struct list_view *lv)
{
	const struct pager_row *r = pager_get(lv->pager, lv->sel);

	return r ? r->id : -1;
}

void list_follow(struct list_view *lv, int64_t id)
{
	const struct pager_row *r = pager_get(lv->pager, lv->sel);

	if (id < 0 || (r && r->id == id))
		return;
	/* Rows arrive and go near the top; look a window's width around. */
	for (int64_t d = 1; d < PAGER_WINDOW / 2; d++) {
		if ((r = pager_get(lv->pager, lv->sel + d)) && r->id == id) {
			lv->sel += d;
			break;
		}
		if ((r = pager_get(lv->pager, lv->sel - d)) && r->id == id) {
			lv->sel -= d;
			break;
		}
	}
	list_clamp(lv);
}
