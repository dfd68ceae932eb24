/* Picker dialog over a list widget. */
#include "widgets/picker.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ui/draw.h"
#include "i18n.h"

struct picker {
	char title[128];
	struct pager *pager;
	struct list_view lv;
	picker_fn chosen;
	void *owner;
	int64_t arg;
};

enum { PA_CHOOSE = 1, PA_CANCEL };

static const struct key_binding picker_keys[] = {
	{ K_ENTER, PA_CHOOSE, N_("Choose"), N_("Choose the marked row") },
	{ K_ESC, PA_CANCEL, N_("Cancel"), N_("Close without choosing") },
	{ 0, 0, NULL, NULL },
};

static double seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void picker_destroy(struct app *app, void *state)
{
	struct picker *p = state;

	(void)app;
	pager_close(p->pager);
	free(p->pager);
	free(p);
}

static void picker_action(struct app *app, void *state, int action)
{
	struct picker *p = state;
	int64_t id = list_selected_id(&p->lv);
	bool have = pager_count(p->pager) > 0;
	picker_fn fn = p->chosen;
	void *owner = p->owner;
	int64_t arg = p->arg;

	if (action == PA_CHOOSE && !have)
		return;
	app_pop(app);
	if (action == PA_CHOOSE)
		fn(app, owner, arg, id);
}

static enum input_result picker_nav(struct app *app, void *state, int key)
{
	struct picker *p = state;

	(void)app;
	return list_key(&p->lv, key) ? INPUT_HANDLED : INPUT_IGNORED;
}

static void picker_fallback(struct app *app, void *state, int key)
{
	struct picker *p = state;

	if (!list_find(&p->lv, key, seconds_now()) && key >= 0x20 && key < 0x110000)
		app_message(app, true, _("Nothing starts with \"%s\""), p->lv.find);
}

static void picker_draw(struct app *app, void *state, const struct rect *area)
{
	struct picker *p = state;
	int64_t n = pager_count(p->pager);
	int h = (int)(n + 3 < area->h - 2 ? n + 3 : area->h - 2);
	struct rect box = rect_centre(area, area->w - 4 < 70 ? area->w - 4 : 70, h < 5 ? 5 : h);
	struct rect inner = { box.y + 1, box.x + 1, box.h - 2, box.w - 2 };

	draw_band(app, area, &box); /* nothing of the list below beside the box */
	draw_frame(app, &box, p->title, ROLE_DIALOG);
	list_draw(app, &p->lv, &inner);
}

static const struct screen_ops picker_ops = {
	.name = "picker",
	.title = N_("Choose"),
	.keys = picker_keys,
	.modal = true,
	.destroy = picker_destroy,
	.draw = picker_draw,
	.action = picker_action,
	.text_input = picker_nav,
	.fallback = picker_fallback,
};

void picker_open_at(struct app *app, const char *title, struct pager *pager,
		    const struct list_column *columns, int ncols, int find_col, int64_t mark,
		    picker_fn chosen, void *owner, int64_t arg)
{
	struct picker *p = calloc(1, sizeof *p);

	if (!p) {
		pager_close(pager);
		free(pager);
		return;
	}
	snprintf(p->title, sizeof p->title, "%s", title);
	p->pager = pager;
	p->chosen = chosen;
	p->owner = owner;
	p->arg = arg;
	list_init(&p->lv, pager, columns, ncols, find_col, N_("Nothing to choose from"));
	list_follow(&p->lv, mark);
	app_push(app, &picker_ops, p);
}

void picker_open(struct app *app, const char *title, struct pager *pager,
		 const struct list_column *columns, int ncols, int find_col, picker_fn chosen,
		 void *owner, int64_t arg)
{
	picker_open_at(app, title, pager, columns, ncols, find_col, -1, chosen, owner, arg);
}
