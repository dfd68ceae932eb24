/* The application's state and the services every screen uses: the stack of
 * pushed screens, status messages, colours, the global keys. The loop that
 * draws the frame and dispatches keys is ui/loop.c. */
#include "ui/app.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"

const struct key_binding app_global_keys[] = {
	{ '1', GA_TAB1, NULL, N_("Go to panel 1 to 5") },
	{ '2', GA_TAB1 + 1, NULL, NULL },
	{ '3', GA_TAB1 + 2, NULL, NULL },
	{ '4', GA_TAB1 + 3, NULL, NULL },
	{ '5', GA_TAB1 + 4, NULL, NULL },
	{ K_TAB, GA_NEXT, N_("Next panel"), N_("Next panel") },
	{ K_FN(KEY_BTAB), GA_PREV, NULL, N_("Previous panel") },
	{ '?', GA_HELP, N_("Help"), N_("Show the keys of this screen") },
	{ K_FN(KEY_F(1)), GA_HELP, N_("Help"), NULL },
	{ K_CTRL('l'), GA_REDRAW, NULL, N_("Redraw the screen") },
	{ 'q', GA_QUIT, N_("Quit"), N_("Quit pact") },
	{ K_CTRL('c'), GA_QUIT, NULL, NULL },
	{ 0, 0, NULL, NULL },
};

static const struct {
	short fg, bg;
	attr_t attr, mono;
} roles[ROLE_COUNT] = {
	[ROLE_NORMAL] = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_TAB] = { COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_NORMAL },
	[ROLE_TAB_ACTIVE] = { COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_STATUS] = { COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_REVERSE },
	[ROLE_STATUS_KEY] = { COLOR_YELLOW, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_SELECTED] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[ROLE_TITLE] = { COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[ROLE_DIM] = { -1, -1, A_DIM, A_DIM },
	[ROLE_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_DIALOG] = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_BAR] = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[ROLE_MATCH] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_BOLD | A_UNDERLINE },
};

attr_t app_attr(const struct app *app, enum role role)
{
	return app->color ? roles[role].attr : roles[role].mono;
}

short app_pair(const struct app *app, enum role role)
{
	return app->color && role != ROLE_NORMAL ? (short)role : 0;
}

void app_init_colours(void)
{
	for (int r = 1; r < ROLE_COUNT; r++)
		init_pair((short)r, roles[r].fg, roles[r].bg);
}

void app_push(struct app *app, const struct screen_ops *ops, void *state)
{
	if (app->depth == APP_STACK) {
		if (ops->destroy)
			ops->destroy(app, state);
		return;
	}
	app->stack[app->depth].ops = ops;
	app->stack[app->depth].state = state;
	app->depth++;
	if (ops->enter)
		ops->enter(app, state);
}

void app_close(struct app *app, void *state)
{
	int i = app->depth - 1;

	while (i >= 0 && app->stack[i].state != state)
		i--;
	if (i < 0)
		return;
	if (i == app->depth - 1) {
		app_pop(app);
		return;
	}
	/* A screen opened over it (a form's result) stays on top. */
	struct layer gone = app->stack[i];
	memmove(&app->stack[i], &app->stack[i + 1], (size_t)(app->depth - i - 1) * sizeof gone);
	app->depth--;
	if (gone.ops->leave)
		gone.ops->leave(app, gone.state);
	if (gone.ops->destroy)
		gone.ops->destroy(app, gone.state);
}

void app_pop(struct app *app)
{
	struct layer *l;

	if (app->depth == 0)
		return;
	l = &app->stack[--app->depth];
	if (l->ops->leave)
		l->ops->leave(app, l->state);
	if (l->ops->destroy)
		l->ops->destroy(app, l->state);
}

bool app_covered(const struct app *app)
{
	return app->depth > 0;
}

void app_message(struct app *app, bool is_error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
	app->message_is_error = is_error;
}

struct layer app_top(struct app *app)
{
	struct layer l = { app->panels[app->active], app->panel_state[app->active] };

	return app->depth ? app->stack[app->depth - 1] : l;
}

/* A locked screen anywhere in the stack (secret voting, with a dialog over
 * it) keeps every way out closed: no tab, no help, no quitting. */
bool app_locked(struct app *app)
{
	for (int i = 0; i < app->depth; i++)
		if (app->stack[i].ops->locked && app->stack[i].ops->locked(app, app->stack[i].state))
			return true;
	return app->npanels > 0 && app->panels[app->active]->locked &&
	       app->panels[app->active]->locked(app, app->panel_state[app->active]);
}

static bool printable(int key)
{
	return key >= 0x20 && key < 0x110000;
}

/* Whether a global key works now: printable ones not while typing, and F1
 * is named only while typing (? is shorter otherwise). */
bool app_global_key_offered(struct app *app, int key)
{
	struct layer top = app_top(app);
	bool typing = top.ops->typing && top.ops->typing(app, top.state);

	if (app_locked(app))
		return key == K_CTRL('l');
	return typing ? !printable(key) : key != K_FN(KEY_F(1));
}

void app_request_quit(struct app *app)
{
	app->quit_asked = true;
}
