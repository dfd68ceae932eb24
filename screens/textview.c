/* Text overlay. */
#include "textview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "i18n.h"

struct textview {
	char title[128];
	char *text;
	textview_gen gen; /* makes text anew for the width of each frame */
	void *ctx;
	int n, top, page; /* n: rows of the wrapped text */
};

enum { TV_CLOSE = 1, TV_UP, TV_DOWN, TV_PGUP, TV_PGDN, TV_HOME, TV_END };

static const struct key_binding textview_keys[] = {
	{ K_ESC, TV_CLOSE, N_("Close"), N_("Close") },
	{ 'q', TV_CLOSE, NULL, NULL },
	{ K_FN(KEY_UP), TV_UP, N_("Scroll"), N_("Scroll") },
	{ K_FN(KEY_DOWN), TV_DOWN, NULL, NULL },
	{ K_FN(KEY_PPAGE), TV_PGUP, NULL, NULL },
	{ K_FN(KEY_NPAGE), TV_PGDN, NULL, NULL },
	{ K_FN(KEY_HOME), TV_HOME, NULL, N_("To the top") },
	{ K_FN(KEY_END), TV_END, NULL, N_("To the end") },
	{ 0, 0, NULL, NULL },
};

static void textview_destroy(struct app *app, void *state)
{
	struct textview *t = state;

	(void)app;
	free(t->text);
	free(t);
}

static void textview_action(struct app *app, void *state, int action)
{
	struct textview *t = state;
	int page = t->page > 1 ? t->page - 1 : 1;

	switch (action) {
	case TV_CLOSE: app_pop(app); return;
	case TV_UP: t->top--; break;
	case TV_DOWN: t->top++; break;
	case TV_PGUP: t->top -= page; break;
	case TV_PGDN: t->top += page; break;
	case TV_HOME: t->top = 0; break;
	case TV_END: t->top = t->n; break;
	}
	if (t->top > t->n - t->page)
		t->top = t->n - t->page;
	if (t->top < 0)
		t->top = 0;
}

static void textview_draw(struct app *app, void *state, const struct rect *area)
{
	struct textview *t = state;
	struct rect box = { area->y, area->x + 1, area->h, area->w - 2 };

	t->page = box.h - 2;
	if (t->gen) {
		char *text = t->gen(t->ctx, box.w - 4);
		if (text) {
			free(t->text);
			t->text = text;
		}
	}
	/* nothing of the screen below shows beside the box */
	for (int y = area->y; y < area->y + area->h; y++)
		draw_fill(app, y, area->x, area->w, ROLE_NORMAL);
	draw_frame(app, &box, t->title, ROLE_DIALOG);
	t->n = draw_wrapped(app, &(struct rect){ box.y + 1, box.x + 2, box.h - 2, box.w - 4 }, t->text,
			    t->top, ROLE_DIALOG);
}

static const struct screen_ops textview_ops = {
	.name = "text",
	.title = N_("Details"),
	.keys = textview_keys,
	.modal = true,
	.destroy = textview_destroy,
	.draw = textview_draw,
	.action = textview_action,
};

void textview_open(struct app *app, const char *title, const char *text)
{
	struct textview *t = calloc(1, sizeof *t);

	if (!t || !(t->text = strdup(text))) {
		free(t);
		return;
	}
	snprintf(t->title, sizeof t->title, "%s", title);
	app_push(app, &textview_ops, t);
}

void textview_open_gen(struct app *app, const char *title, textview_gen gen, void *ctx)
{
	struct textview *t = calloc(1, sizeof *t);

	if (!t || !(t->text = strdup(""))) {
		free(t);
		return;
	}
	snprintf(t->title, sizeof t->title, "%s", title);
	t->gen = gen;
	t->ctx = ctx;
	app_push(app, &textview_ops, t);
}
