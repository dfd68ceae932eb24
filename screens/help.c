/* Help overlay. */
#include "help.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "i18n.h"
#include "utf8.h"

#define HELP_LINES 128

struct help {
	char title[128];
	char keys[HELP_LINES][48]; /* "?, F1" */
	const char *text[HELP_LINES]; /* translated help, or a heading when keys is "" */
	int n;
	int top;
	int page; /* rows visible in the last frame */
};

enum { HA_CLOSE = 1, HA_UP, HA_DOWN, HA_PGUP, HA_PGDN, HA_HOME, HA_END };

static const struct key_binding help_keys[] = {
	{ K_ESC, HA_CLOSE, N_("Close"), N_("Close the help") },
	{ 'q', HA_CLOSE, NULL, NULL },
	{ '?', HA_CLOSE, NULL, NULL },
	{ K_FN(KEY_F(1)), HA_CLOSE, NULL, NULL },
	{ K_ENTER, HA_CLOSE, NULL, NULL },
	{ K_FN(KEY_UP), HA_UP, N_("Scroll"), N_("Scroll the help") },
	{ K_FN(KEY_DOWN), HA_DOWN, NULL, NULL },
	{ K_FN(KEY_PPAGE), HA_PGUP, NULL, NULL },
	{ K_FN(KEY_NPAGE), HA_PGDN, NULL, NULL },
	{ K_FN(KEY_HOME), HA_HOME, NULL, NULL },
	{ K_FN(KEY_END), HA_END, NULL, NULL },
	{ 0, 0, NULL, NULL },
};

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
	case HA_END: h->top = h->n; break;
	}
	if (h->top > h->n - page)
		h->top = h->n - page;
	if (h->top < 0)
		h->top = 0;
}

static void help_draw(struct app *app, void *state, const struct rect *area)
{
	struct help *h = state;
	int keyw = 0;
	struct rect box = rect_centre(area, area->w - 4 < 76 ? area->w - 4 : 76, h->n + 2);

	for (int i = 0; i < h->n; i++)
		if (utf8_width(h->keys[i]) > keyw)
			keyw = utf8_width(h->keys[i]);
	h->page = box.h - 2;
	if (h->top > h->n - h->page)
		h->top = h->n - h->page > 0 ? h->n - h->page : 0;
	draw_frame(app, &box, h->title, ROLE_DIALOG);
	for (int row = 0; row < h->page && h->top + row < h->n; row++) {
		int i = h->top + row, y = box.y + 1 + row;
		if (!h->keys[i][0]) {
			draw_text_cut(app, y, box.x + 2, box.w - 4, h->text[i], ROLE_TITLE);
			continue;
		}
		draw_text(app, y, box.x + 3, keyw, h->keys[i], ROLE_STATUS_KEY);
		draw_text_cut(app, y, box.x + 5 + keyw, box.w - 7 - keyw, h->text[i], ROLE_DIALOG);
	}
	if (h->top + h->page < h->n)
		draw_text(app, box.y + box.h - 1, box.x + box.w - 12, 10, _(" more… "), ROLE_DIM);
}

static const struct screen_ops help_ops = {
	.name = "help",
	.title = N_("Help"),
	.keys = help_keys,
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
