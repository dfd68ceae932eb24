/* Managed list screen. */
#include "widgets/manage.h"

#include <stdlib.h>
#include <time.h>

#include "ui/draw.h"
#include "i18n.h"

struct manage {
	const struct manage_ops *ops;
	int64_t owner_id;
	void *owner;
	struct pager pager;
	bool open;
	struct list_view lv;
	char title[300]; /* from ops->title_of, else empty */
};

#define MANAGE_CLOSE (-1)

static const struct key_binding close_key[] = {
	{ K_ESC, MANAGE_CLOSE, N_("Close"), N_("Close this list") },
	{ 0, 0, NULL, NULL },
};

int64_t manage_owner_id(const struct manage *m)
{
	return m->owner_id;
}

void *manage_owner(const struct manage *m)
{
	return m->owner;
}

int64_t manage_selected(struct manage *m)
{
	return m->open && pager_count(&m->pager) ? list_selected_id(&m->lv) : -1;
}

const char *manage_selected_text(struct manage *m)
{
	return manage_selected_cell(m, 0);
}

const char *manage_selected_cell(struct manage *m, int col)
{
	const struct pager_row *r = m->open ? pager_get(&m->pager, m->lv.sel) : NULL;

	return r && col >= 0 && col < PAGER_MAX_COLS && r->cols[col] ? r->cols[col] : "";
}

/* Read the rows again, keeping the mark on its row. */
static void manage_reload(struct app *app, struct manage *m)
{
	struct pact_err err;
	int64_t marked = manage_selected(m);

	if (m->open)
		pager_close(&m->pager);
	m->open = m->ops->open_pager(&m->pager, app->db, m->owner_id, &err) == PACT_OK;
	if (!m->open)
		app_message(app, true, "%s", err.msg);
	list_clamp(&m->lv);
	if (m->open)
		list_follow(&m->lv, marked);
}

/* The database changed (a write from here or from elsewhere). */
static void manage_data_changed(struct app *app, void *state)
{
	manage_reload(app, state);
}

static void manage_destroy(struct app *app, void *state)
{
	struct manage *m = state;

	(void)app;
	if (m->open)
		pager_close(&m->pager);
	free(m);
}

static const struct key_binding *find(const struct key_binding *k, int key)
{
	for (; k->key; k++)
		if (k->key == key)
			return k;
	return NULL;
}

static enum input_result manage_keys_in(struct app *app, void *state, int key)
{
	struct manage *m = state;
	const struct key_binding *b;

	if (m->open && list_key(&m->lv, key))
		return INPUT_HANDLED;
	if (key == K_ESC) {
		app_pop(app);
		return INPUT_HANDLED;
	}
	if ((b = find(m->ops->keys, key)) != NULL) {
		m->ops->action(app, m, b->action, manage_selected(m));
		return INPUT_HANDLED;
	}
	return INPUT_IGNORED;
}

static const struct key_binding *manage_current_keys(struct app *app, void *state)
{
	struct manage *m = state;

	(void)app;
	return m->ops->keys;
}

static void manage_draw(struct app *app, void *state, const struct rect *area)
{
	struct manage *m = state;
	int widest = m->ops->width ? m->ops->width : 72;
	struct rect box = rect_centre(area, area->w - 4 < widest ? area->w - 4 : widest, area->h - 2);
	struct rect inner = { box.y + 1, box.x + 1, box.h - 2, box.w - 2 };

	draw_band(app, area, &box); /* nothing of the list below beside the box */
	draw_frame(app, &box, m->title[0] ? m->title : _(m->ops->title), ROLE_DIALOG);
	if (m->open)
		list_draw(app, &m->lv, &inner);
}

static void manage_fallback(struct app *app, void *state, int key)
{
	struct manage *m = state;
	struct timespec ts;

	(void)app;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	if (m->open)
		list_find(&m->lv, key, (double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

static const struct screen_ops manage_screen = {
	.name = "manage",
	.title = N_("List"),
	.keys = close_key,
	.current_keys = manage_current_keys,
	.modal = true,
	.destroy = manage_destroy,
	.draw = manage_draw,
	.text_input = manage_keys_in,
	.fallback = manage_fallback,
	.data_changed = manage_data_changed,
};

void manage_open(struct app *app, const struct manage_ops *ops, int64_t owner_id, void *owner)
{
	struct manage *m = calloc(1, sizeof *m);

	if (!m)
		return;
	m->ops = ops;
	m->owner_id = owner_id;
	m->owner = owner;
	if (ops->title_of)
		ops->title_of(app, owner_id, m->title, sizeof m->title);
	list_init(&m->lv, &m->pager, ops->columns, ops->ncols, 0, N_("Nothing here yet"));
	manage_reload(app, m);
	app_push(app, &manage_screen, m);
}
