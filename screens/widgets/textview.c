/* Text overlay. */
#include "widgets/textview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/help.h"
#include "i18n.h"

#define TV_MAX_KEYS 32

struct textview {
	char title[128];
	char *text;
	textview_gen gen; /* makes text anew for the width of each frame */
	void *ctx;
	int n, top, page; /* n: rows of the wrapped text */
	/* The opener's keys first, their actions lifted above ours. */
	struct key_binding keys[TV_MAX_KEYS];
	int nowner; /* how many of keys are the opener's */
	textview_fn fn;
	void *owner;
	int64_t arg;
	textview_make make; /* makes text anew when the data change */
};

enum { TV_CLOSE = 1, TV_UP, TV_DOWN, TV_PGUP, TV_PGDN, TV_HOME, TV_END, TV_HELP,
       TV_OWNER = 100 };

static const struct key_binding textview_keys[] = {
	{ K_ESC, TV_CLOSE, N_("Close"), N_("Close") },
	{ 'q', TV_CLOSE, NULL, NULL },
	{ K_FN(KEY_UP), TV_UP, NULL, N_("Scroll") },
	{ K_FN(KEY_DOWN), TV_DOWN, NULL, NULL },
	{ K_FN(KEY_PPAGE), TV_PGUP, NULL, NULL },
	{ K_FN(KEY_NPAGE), TV_PGDN, NULL, NULL },
	{ K_FN(KEY_HOME), TV_HOME, NULL, N_("To the top") },
	{ K_FN(KEY_END), TV_END, NULL, N_("To the end") },
	{ 0, 0, NULL, NULL },
};

static const struct screen_ops textview_ops;

/* A text with keys of its opener names them in a help of its own (the
 * view keeps the global keys away). */
static const struct key_binding help_key = { '?', TV_HELP, NULL, N_("Show these keys") };

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

	if (action >= TV_OWNER) {
		t->fn(app, t->owner, t->arg, action - TV_OWNER);
		return;
	}
	switch (action) {
	case TV_CLOSE: app_pop(app); return;
	case TV_UP: t->top--; break;
	case TV_DOWN: t->top++; break;
	case TV_PGUP: t->top -= page; break;
	case TV_PGDN: t->top += page; break;
	case TV_HOME: t->top = 0; break;
	case TV_END: t->top = t->n; break;
	case TV_HELP: help_open(app, &textview_ops, t); return;
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
	t->n = draw_wrapped_items(app, &(struct rect){ box.y + 1, box.x + 2, box.h - 2, box.w - 4 },
				  t->text, t->top, ROLE_DIALOG);
}

/* The opener's keys, then ours with ↓ Scroll while more is below. */
static const struct key_binding *textview_current_keys(struct app *app, void *state)
{
	struct textview *t = state;

	(void)app;
	keys_scroll_hint(t->keys + t->nowner, t->top + t->page < t->n, t->top > 0);
	return t->keys;
}

static void textview_data_changed(struct app *app, void *state)
{
	struct textview *t = state;
	char *text = t->make ? t->make(app, t->arg) : NULL;

	if (text) {
		free(t->text);
		t->text = text;
	}
}

static const struct screen_ops textview_ops = {
	.name = "text",
	.title = N_("Details"),
	.keys = textview_keys,
	.current_keys = textview_current_keys,
	.modal = true,
	.destroy = textview_destroy,
	.data_changed = textview_data_changed,
	.draw = textview_draw,
	.action = textview_action,
};

/* A text view not yet shown: the opener's keys (if fn) before ours. */
static struct textview *textview_new(const char *title, const char *text,
				     const struct key_binding *keys, textview_fn fn, void *owner,
				     int64_t arg)
{
	struct textview *t = calloc(1, sizeof *t);
	int n = 0;

	if (!t || !(t->text = strdup(text))) {
		free(t);
		return NULL;
	}
	snprintf(t->title, sizeof t->title, "%s", title);
	for (; fn && keys && keys->key && n < TV_MAX_KEYS / 2; keys++, n++) {
		t->keys[n] = *keys;
		t->keys[n].action += TV_OWNER;
	}
	t->nowner = n;
	for (const struct key_binding *k = textview_keys; k->key; k++)
		t->keys[n++] = *k;
	if (t->nowner > 0)
		t->keys[n++] = help_key;
	t->fn = fn;
	t->owner = owner;
	t->arg = arg;
	return t;
}

void textview_open_keys(struct app *app, const char *title, const char *text,
			const struct key_binding *keys, textview_fn fn, void *owner, int64_t arg)
{
	struct textview *t = textview_new(title, text, keys, fn, owner, arg);

	if (t)
		app_push(app, &textview_ops, t);
}

void textview_open_live(struct app *app, const char *title, textview_make make,
			const struct key_binding *keys, textview_fn fn, void *owner, int64_t arg)
{
	char *text = make(app, arg);
	struct textview *t = text ? textview_new(title, text, keys, fn, owner, arg) : NULL;

	free(text);
	if (!t)
		return;
	t->make = make;
	app_push(app, &textview_ops, t);
}

void textview_open_gen(struct app *app, const char *title, textview_gen gen, void *ctx)
{
	struct textview *t = textview_new(title, "", NULL, NULL, NULL, 0);

	if (!t)
		return;
	t->gen = gen;
	t->ctx = ctx;
	app_push(app, &textview_ops, t);
}

void textview_open(struct app *app, const char *title, const char *text)
{
	textview_open_keys(app, title, text, NULL, NULL, NULL, 0);
}
