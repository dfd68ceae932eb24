/* Help overlay. */
#include "ui/help.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "i18n.h"
#include "utf8.h"
#include "wrap.h"

#define HELP_LINES 128

struct help {
	char title[128];
	char keys[HELP_LINES][48]; /* "?, F1" */
	const char *text[HELP_LINES]; /* translated help, or a heading when keys is "" */
	int n;
	int top;   /* the first screen row shown, of rows */
	int page;  /* rows visible in the last frame */
	int rows;  /* screen rows of the whole help at the last frame's width */
	struct key_binding table[16]; /* help_keys, with Scroll the way there is more */
};

enum { HA_CLOSE = 1, HA_UP, HA_DOWN, HA_PGUP, HA_PGDN, HA_HOME, HA_END };

static const struct key_binding help_keys[] = {
	{ K_ESC, HA_CLOSE, N_("Close"), N_("Close the help") },
	{ 'q', HA_CLOSE, NULL, NULL },
	{ '?', HA_CLOSE, NULL, NULL },
	{ K_FN(KEY_F(1)), HA_CLOSE, NULL, NULL },
	{ K_ENTER, HA_CLOSE, NULL, NULL },
	{ K_FN(KEY_UP), HA_UP, NULL, N_("Scroll the help") },
	{ K_FN(KEY_DOWN), HA_DOWN, NULL, NULL },
	{ K_FN(KEY_PPAGE), HA_PGUP, NULL, NULL },
	{ K_FN(KEY_NPAGE), HA_PGDN, NULL, NULL },
	{ K_FN(KEY_HOME), HA_HOME, NULL, NULL },
	{ K_FN(KEY_END), HA_END, NULL, NULL },
	{ 0, 0, NULL, NULL },
};

/* The digit keys of a number ('0' with '1' to '9' as its aliases) read
 * "0–9"; line holds "0" or "0–8" so far. The panel keys 1 to 5 stay one
 * by one: each is a panel of its own. */
static bool digit_range(char *line, size_t size, int key)
{
	const char *dash = utf8_display_unicode() ? "\u2013" : "-";
	char sofar[16];

	if (key < '1' || key > '9')
		return false;
	snprintf(sofar, sizeof sofar, "0%s%c", dash, key - 1);
	if (strcmp(line, key == '1' ? "0" : sofar) != 0)
		return false;
	snprintf(line, size, "0%s%c", dash, key);
	return true;
}

/* Append the keys of a table; aliases (no help text) join the line of the
 * entry before them. Global keys not on offer now are left out. */
static void add_table(struct app *app, struct help *h, const char *heading,
		      const struct key_binding *keys, bool global)
{
	const char *help = NULL;
	char name[32];
	int first = h->n;

	if (!keys || !keys->key || h->n >= HELP_LINES - 1)
		return;
	h->keys[h->n][0] = '\0';
	h->text[h->n++] = heading;
	for (; keys->key && h->n < HELP_LINES; keys++) {
		bool offered = !global || app_global_key_offered(app, keys->key) ||
			       keys->key == K_FN(KEY_F(1));
		if (keys->help)
			help = keys->help; /* aliases that follow share it */
		if (!offered)
			continue;
		keys_name(keys->key, name, sizeof name);
		if (!keys->help && h->n > first + 1 && h->text[h->n - 1] == _(help)) {
			size_t used = strlen(h->keys[h->n - 1]);
			if (digit_range(h->keys[h->n - 1], sizeof h->keys[h->n - 1], keys->key))
				continue;
			if (used + strlen(name) + 3 < sizeof h->keys[h->n - 1])
				snprintf(h->keys[h->n - 1] + used, sizeof h->keys[h->n - 1] - used,
					 ", %s", name);
			continue;
		}
		if (!help)
			continue;
		snprintf(h->keys[h->n], sizeof h->keys[h->n], "%s", name);
		h->text[h->n++] = _(help);
	}
}

static void help_destroy(struct app *app, void *state)
{
	(void)app;
	free(state);
}

static void help_action(struct app *app, void *state, int action)
{
	struct help *h = state;
	int page = h->page > 1 ? h->page : 1;

	switch (action) {
	case HA_CLOSE:
		app_pop(app);
		return;
	case HA_UP: h->top--; break;
	case HA_DOWN: h->top++; break;
	case HA_PGUP: h->top -= page; break;
	case HA_PGDN: h->top += page; break;
	case HA_HOME: h->top = 0; break;
	case HA_END: h->top = h->rows; break;
	}
	if (h->top > h->rows - page)
		h->top = h->rows - page;
	if (h->top < 0)
		h->top = 0;
}

/* Draw entry i's rows that fall in [h->top, h->top + h->page) from screen
 * row *row of the help on (y0 is the box's first inner row); the text
 * wraps under itself, beside the keys. Returns nothing; moves *row on. */
static void draw_entry(struct app *app, struct help *h, int i, const struct rect *inner,
		       int keyw, int *row)
{
	const char *text = h->text[i];
	bool heading = !h->keys[i][0];
	int x = heading ? inner->x : inner->x + keyw + 3, w = inner->x + inner->w - x;
	size_t n = wrap_text(text, w, NULL, 0);
	struct wrap_row *rows = calloc(n, sizeof *rows);
	char line[1024];

	if (!rows)
		return;
	wrap_text(text, w, rows, n);
	for (size_t k = 0; k < n; k++, (*row)++) {
		int y = inner->y + *row - h->top;
		size_t len = rows[k].end - rows[k].start;
		if (*row < h->top || *row >= h->top + h->page)
			continue;
		if (k == 0 && !heading)
			draw_text(app, y, inner->x + 1, keyw, h->keys[i], ROLE_STATUS_KEY);
		len = len < sizeof line ? len : sizeof line - 1;
		memcpy(line, text + rows[k].start, len);
		line[len] = '\0';
		draw_text(app, y, x, w, line, heading ? ROLE_TITLE : ROLE_DIALOG);
	}
	free(rows);
}

/* Rows the help needs when its text is w columns wide after the keys. */
static int help_rows(const struct help *h, int inner_w, int keyw)
{
	int rows = 0;

	for (int i = 0; i < h->n; i++)
		rows += (int)wrap_text(h->text[i], h->keys[i][0] ? inner_w - keyw - 3 : inner_w,
				       NULL, 0);
	return rows;
}

static void help_draw(struct app *app, void *state, const struct rect *area)
{
	struct help *h = state;
	int keyw = 0, w = area->w - 4 < 76 ? area->w - 4 : 76, row = 0;
	struct rect box, inner;

	for (int i = 0; i < h->n; i++)
		if (utf8_width(h->keys[i]) > keyw)
			keyw = utf8_width(h->keys[i]);
	h->rows = help_rows(h, w - 4, keyw);
	box = rect_centre(area, w, h->rows + 2);
	inner = (struct rect){ box.y + 1, box.x + 2, box.h - 2, box.w - 4 };
	h->page = inner.h;
	if (h->top > h->rows - h->page)
		h->top = h->rows - h->page > 0 ? h->rows - h->page : 0;
	draw_band(app, area, &box);
	draw_frame(app, &box, h->title, ROLE_DIALOG);
	for (int i = 0; i < h->n && row < h->top + h->page; i++)
		draw_entry(app, h, i, &inner, keyw, &row);
	if (h->top + h->page < h->rows)
		draw_text(app, box.y + box.h - 1, box.x + box.w - 12, 10, _(" more… "), ROLE_DIM);
}

/* ↓ Scroll while more is below (the box ends in "more…"), ↑ at the end. */
static const struct key_binding *help_current_keys(struct app *app, void *state)
{
	struct help *h = state;

	(void)app;
	keys_copy(h->table, sizeof h->table / sizeof h->table[0], help_keys);
	keys_scroll_hint(h->table, h->top + h->page < h->rows, h->top > 0);
	return h->table;
}

static const struct screen_ops help_ops = {
	.name = "help",
	.title = N_("Help"),
	.keys = help_keys,
	.current_keys = help_current_keys,
	.modal = true,
	.destroy = help_destroy,
	.draw = help_draw,
	.action = help_action,
};

void help_open(struct app *app, const struct screen_ops *of, void *state)
{
	struct help *h = calloc(1, sizeof *h);

	if (!h)
		return;
	snprintf(h->title, sizeof h->title, _("Keys: %s"), _(of->title));
	add_table(app, h, _("On this screen"), screen_keys(of, app, state), false);
	if (!of->modal && app->npanels > 1)
		add_table(app, h, _("Everywhere"), app_global_keys, true);
	app_push(app, &help_ops, h);
}
