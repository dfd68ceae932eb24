/* The Library panel: the catalogue of work forms (and, with the Board, the
 * case library of evaluated experiments). */
#include "library.h"

#include <stdlib.h>
#include <time.h>

#include "draw.h"
#include "i18n.h"
#include "list.h"
#include "textview.h"
#include "werkvorm.h"

struct library {
	struct pager pager;
	bool open;
	struct list_view lv;
};

enum { LA_OPEN = 1 };

static const struct key_binding library_keys[] = {
	{ K_ENTER, LA_OPEN, N_("Read"), N_("Read the marked work form") },
	{ 0, 0, NULL, NULL },
};

/* The name first: it is what people look for; the rungs take what is left. */
static const struct list_column columns[] = {
	{ N_("Work form"), 28, 0 }, { N_("Cost"), 4, 2 }, { N_("Literacy"), 8, 3 },
	{ N_("Rungs"), 0, 1 },
};

static void *library_create(struct app *app)
{
	struct library *l = calloc(1, sizeof *l);
	struct pact_err err;

	if (!l)
		return NULL;
	list_init(&l->lv, &l->pager, columns, 4, 0, N_("The catalogue of work forms is empty."));
	l->open = app->db && werkvorm_pager(&l->pager, app->db, &err) == PACT_OK;
	return l;
}

static void library_destroy(struct app *app, void *state)
{
	struct library *l = state;

	(void)app;
	if (l->open)
		pager_close(&l->pager);
	free(l);
}

static void library_action(struct app *app, void *state, int action)
{
	struct library *l = state;
	char *text;

	if (action != LA_OPEN || !l->open || !pager_count(&l->pager))
		return;
	if ((text = werkvorm_describe(app->db, list_selected_id(&l->lv))) != NULL) {
		textview_open(app, _("Work form"), text);
		free(text);
	}
}

static enum input_result library_input(struct app *app, void *state, int key)
{
	struct library *l = state;

	(void)app;
	return l->open && list_key(&l->lv, key) ? INPUT_HANDLED : INPUT_IGNORED;
}

static void library_fallback(struct app *app, void *state, int key)
{
	struct library *l = state;
	struct timespec ts;

	(void)app;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	if (l->open)
		list_find(&l->lv, key, (double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

static void library_draw(struct app *app, void *state, const struct rect *area)
{
	struct library *l = state;
	struct rect list = { area->y + 2, area->x, area->h - 3, area->w };

	draw_text_cut(app, area->y, area->x + 1, area->w - 2,
		      _("Work forms (werkvormen) — type a name to jump to it"), ROLE_TITLE);
	if (l->open)
		list_draw(app, &l->lv, &list);
	draw_text_cut(app, area->y + area->h - 1, area->x + 1, area->w - 2,
		      _("The case library of evaluated experiments comes with the Board."), ROLE_DIM);
}

const struct screen_ops library_ops = {
	.name = "library",
	.title = N_("Library"),
	.keys = library_keys,
	.create = library_create,
	.destroy = library_destroy,
	.draw = library_draw,
	.action = library_action,
	.text_input = library_input,
	.fallback = library_fallback,
};
