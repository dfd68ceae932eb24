/* The frame (tab bar, panel, overlays, status line) and key dispatch:
 * text input first while editing, then the top screen's key table, then
 * the global keys; and the refresh of the screens in view when the
 * database changed. */
#include "ui/loop.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/help.h"
#include "i18n.h"
#include "ui/panels.h"
#include "privacy.h"
#include "stamp.h"
#include "utf8.h"

/* What someone opening pact must know first: the file is read-only, others
 * can read it, or sessions are past their keep-until date. */
static void start_notice(struct app *app, sqlite3 *db, const char *db_path)
{
	char msg[512], today[11];
	struct pact_err err;
	int64_t due = 0;

	if (!db)
		return;
	stamp_date(time(NULL), today);
	if (db_readonly(db))
		app_message(app, true, _("%s is read-only: you can look, but nothing can be changed."),
			    db_path);
	else if (privacy_mode_warning(db_path, msg, sizeof msg))
		app_message(app, true, "%s", msg);
	else if (privacy_due(db, today, &due, &err) == PACT_OK && due > 0)
		app_message(app, true,
			    ngettext("%lld session is past its keep-until date: run pact purge.",
				     "%lld sessions are past their keep-until date: run pact purge.",
				     (unsigned long)due),
			    (long long)due);
}

/* The count the database stands at now (nothing moves without one). */
static int64_t change_count(struct app *app)
{
	return app->db ? db_change_count(app->db) : 0;
}

/* Panel i reads the database again if it changed since it last did. */
static void refresh_panel(struct app *app, int i, int64_t now)
{
	if (app->panel_seen[i] == now)
		return;
	app->panel_seen[i] = now;
	if (app->panels[i]->data_changed)
		app->panels[i]->data_changed(app, app->panel_state[i]);
}

void app_init(struct app *app, sqlite3 *db, const char *db_path, bool color,
	      const struct screens_request *start)
{
	static const struct screens_request none = { 0 };
	char *tab;

	memset(app, 0, sizeof *app);
	app->db = db;
	app->db_path = db_path;
	app->color = color;
	app->bell = true;
	app->running = true;
	if (color)
		app_init_colours();
	app->start = start ? start : &none;
	start_notice(app, db, db_path);
	app->npanels = panels_register(app->panels, app->start);
	/* Our own commits count too; without the hook only others' would. */
	if (db && db_watch(db, &(struct pact_err){ 0 }) != PACT_OK)
		app_message(app, true, "%s", _("out of memory"));
	app->stack_seen = change_count(app);
	for (int i = 0; i < app->npanels; i++) {
		app->panel_seen[i] = app->stack_seen;
		app->panel_state[i] = app->panels[i]->create ? app->panels[i]->create(app) : NULL;
	}
	tab = app->start->panel ? strdup(app->start->panel)
	      : db && app->npanels > 1 ? db_setting_get(db, "tab") : NULL;
	for (int i = 0; tab && i < app->npanels; i++)
		if (strcmp(tab, app->panels[i]->name) == 0)
			app->active = i;
	free(tab);
	if (app->panels[app->active]->enter)
		app->panels[app->active]->enter(app, app->panel_state[app->active]);
}

void app_free(struct app *app)
{
	while (app->depth > 0)
		app_pop(app);
	if (app->db && app->npanels > 1)
		db_setting_set(app->db, "tab", app->panels[app->active]->name, NULL);
	for (int i = 0; i < app->npanels; i++)
		if (app->panels[i]->destroy)
			app->panels[i]->destroy(app, app->panel_state[i]);
}

static void switch_to(struct app *app, int panel)
{
	const struct screen_ops *old = app->panels[app->active];

	panel = (panel + app->npanels) % app->npanels;
	if (panel == app->active)
		return;
	if (old->leave)
		old->leave(app, app->panel_state[app->active]);
	app->active = panel;
	if (app->panels[panel]->enter)
		app->panels[panel]->enter(app, app->panel_state[panel]);
	refresh_panel(app, panel, change_count(app));
}

bool app_show(struct app *app, const struct show_request *req)
{
	int below = app->depth;

	if (app_locked(app))
		return false;
	for (int i = 0; i < app->npanels; i++) {
		enum show_result r = app->panels[i]->show
					     ? app->panels[i]->show(app, app->panel_state[i], req)
					     : SHOW_NOT_MINE;
		if (r == SHOW_NOT_MINE)
			continue;
		if (r == SHOW_REFUSED)
			return false;
		/* the screens that were open go; what the panel opened stays */
		while (below-- > 0)
			app_close(app, app->stack[0].state);
		switch_to(app, i);
		return true;
	}
	app_message(app, true, "%s", _("No panel here shows that."));
	return false;
}

/* The screens with something unsaved: how many, and the last one found. */
static int unsaved(struct app *app, struct layer *found)
{
	int n = 0;

	for (int i = 0; i < app->npanels; i++)
		if (app->panels[i]->has_unsaved &&
		    app->panels[i]->has_unsaved(app, app->panel_state[i])) {
			*found = (struct layer){ app->panels[i], app->panel_state[i] };
			n++;
		}
	for (int i = 0; i < app->depth; i++)
		if (app->stack[i].ops->has_unsaved &&
		    app->stack[i].ops->has_unsaved(app, app->stack[i].state)) {
			*found = app->stack[i];
			n++;
		}
	return n;
}

static bool anything_unsaved(struct app *app)
{
	struct layer found;

	return unsaved(app, &found) > 0;
}

static void quit_now(struct app *app, void *ctx)
{
	(void)ctx;
	app->running = false;
}

/* Quit, asking first when typed text would be lost; a screen that alone
 * would lose something may say what (the answers of a run, a ballot). */
static void ask_quit(struct app *app)
{
	struct layer found;
	int n = unsaved(app, &found);
	const char *question = n == 1 && found.ops->quit_question
				       ? found.ops->quit_question(app, found.state)
				       : NULL;

	if (n == 0) {
		app->running = false;
		return;
	}
	dialog_confirm(app,
		       question ? question
				: _("Quit pact? The text you typed and did not save will be lost."),
		       _("Quit"), quit_now, NULL);
}

static void global_action(struct app *app, int action)
{
	if (action >= GA_TAB1 && action <= GA_TAB5)
		switch_to(app, action - GA_TAB1);
	else if (action == GA_NEXT)
		switch_to(app, app->active + 1);
	else if (action == GA_PREV)
		switch_to(app, app->active - 1);
	else if (action == GA_HELP)
		help_open(app, app_top(app).ops, app_top(app).state);
	else if (action == GA_QUIT)
		ask_quit(app);
	else if (action == GA_REDRAW)
		clearok(curscr, TRUE);
}

static const struct key_binding *find_key(const struct key_binding *keys, int key)
{
	for (; keys && keys->key; keys++)
		if (keys->key == key)
			return keys;
	return NULL;
}

static bool too_small(void)
{
	return COLS < APP_MIN_COLS || LINES < APP_MIN_ROWS;
}

static void dispatch_key(struct app *app, int key)
{
	struct layer top = app_top(app);
	const struct key_binding *b;

	if (key == K_TICK || key == K_FN(KEY_RESIZE))
		return;
	app->message[0] = '\0';
	if (too_small()) {
		/* Nothing happens out of sight; quitting only when nothing is lost. */
		b = find_key(app_global_keys, key);
		if (b && b->action == GA_REDRAW)
			global_action(app, b->action);
		else if (b && b->action == GA_QUIT && !anything_unsaved(app) && !app_locked(app))
			app->running = false;
		return;
	}
	if (top.ops->text_input && top.ops->text_input(app, top.state, key) == INPUT_HANDLED)
		return;
	if ((b = find_key(screen_keys(top.ops, app, top.state), key)) != NULL) {
		if (top.ops->action)
			top.ops->action(app, top.state, b->action);
	}
	else if ((b = find_key(app_global_keys, key)) != NULL &&
		 (!top.ops->modal || b->action == GA_REDRAW || key == K_CTRL('c')) &&
		 (app->npanels > 1 || b->action > GA_PREV) &&
		 (app_global_key_offered(app, key) ||
		  (key == K_FN(KEY_F(1)) && !app_locked(app))))
		global_action(app, b->action);
	else if (top.ops->fallback)
		top.ops->fallback(app, top.state, key);
}

bool app_notice_changes(struct app *app)
{
	int64_t now = change_count(app);
	bool changed = now != app->panel_seen[app->active] || now != app->stack_seen;

	if (!changed)
		return false;
	refresh_panel(app, app->active, now);
	if (app->stack_seen != now) {
		app->stack_seen = now;
		for (int i = 0; i < app->depth; i++)
			if (app->stack[i].ops->data_changed)
				app->stack[i].ops->data_changed(app, app->stack[i].state);
	}
	return true;
}

void app_key(struct app *app, int key)
{
	dispatch_key(app, key);
	if (app->quit_asked) {
		app->quit_asked = false;
		ask_quit(app);
	}
	if (app->running)
		app_notice_changes(app);
}

bool app_tick(struct app *app)
{
	bool redraw = app_notice_changes(app);

	for (int i = 0; i < app->npanels; i++)
		if (app->panels[i]->tick && app->panels[i]->tick(app, app->panel_state[i]))
			redraw = true;
	return redraw;
}

/* One tab's label: "[2 Board]" when active, " 2 Board " or (short) " 2 ". */
static void tab_label(struct app *app, int i, bool brief, char *label, size_t size)
{
	bool on = i == app->active;

	if (brief && !on)
		snprintf(label, size, " %d ", i + 1);
	else
		snprintf(label, size, on ? "[%d %s]" : " %d %s ", i + 1, _(app->panels[i]->title));
}

/* The tabs with their names when they fit; else numbers and the active
 * tab's name, whose brackets always show (its name cut if need be). */
static void draw_tabs(struct app *app)
{
	int x = 0, need = 0;
	bool brief;
	char label[128], cut[120];

	draw_fill(app, 0, 0, COLS, ROLE_TAB);
	for (int i = 0; i < app->npanels; i++) {
		tab_label(app, i, false, label, sizeof label);
		need += 1 + utf8_width(label);
	}
	brief = need > COLS;
	for (int i = 0; i < app->npanels; i++) {
		bool on = i == app->active;
		int room = COLS - x - 1 - (brief ? 4 * (app->npanels - 1 - i) : 0);
		tab_label(app, i, brief, label, sizeof label);
		if (on && utf8_width(label) > room && room > 4) {
			utf8_fit(label, room - 1, cut, sizeof cut);
			snprintf(label, sizeof label, "%s]", cut);
		}
		x += draw_text(app, 0, x, COLS - x, " ", ROLE_TAB);
		x += draw_text(app, 0, x, COLS - x, label, on ? ROLE_TAB_ACTIVE : ROLE_TAB);
	}
	/* pact's name, or that nothing can be changed */
	if (app->db && db_readonly(app->db)) {
		const char *ro = _("read-only");
		int w = utf8_width(ro);
		if (COLS - x > w + 1)
			draw_text(app, 0, COLS - w - 1, w, ro, ROLE_ERROR);
	} else if (COLS - x > 6) {
		draw_text(app, 0, COLS - 5, 5, "pact", ROLE_TAB);
	}
}

static int hint_width(const struct key_binding *k, const char *hint)
{
	char name[32];

	keys_name(k->key, name, sizeof name);
	return utf8_width(name) + 1 + utf8_width(hint) + 2;
}

#define MAX_HINTS 48

/* A key on the key line: its binding, label, width and whether it shows. */
struct hint {
	const struct key_binding *k;
	const char *text;
	int w, rank;
	bool on;
};

/* What a hint gives way to when the line is full: the way to every key
 * first (? Help, F1 while typing), then the screen's own keys in the
 * order of its table, then q Quit, then Tab Next panel (the tab bar shows
 * the panels and their numbers). */
static int hint_rank(const struct key_binding *k, bool global)
{
	if (!global)
		return 1;
	return k->action == GA_HELP ? 0 : k->action == GA_QUIT ? 2 : 3;
}

static int add_hints(struct app *app, struct hint *h, int n, const struct key_binding *keys,
		     bool global)
{
	for (; keys && keys->key && n < MAX_HINTS; keys++) {
		if (!keys->hint || (global && !app_global_key_offered(app, keys->key)))
			continue;
		h[n] = (struct hint){ keys, _(keys->hint), hint_width(keys, _(keys->hint)),
				      hint_rank(keys, global), false };
		n++;
	}
	return n;
}

/* The keys of the top screen from column x to the end of the line: each
 * taken in the order of hint_rank while it fits, drawn in the order of
 * the tables (the screen's, then the global ones). */
static void draw_key_line(struct app *app, int x, bool globals)
{
	struct layer top = app_top(app);
	struct hint h[MAX_HINTS];
	char name[32];
	int n = add_hints(app, h, 0, screen_keys(top.ops, app, top.state), false), room = COLS - x;

	if (globals)
		n = add_hints(app, h, n, app_global_keys, true);
	for (int rank = 0; rank <= 3; rank++)
		for (int i = 0; i < n; i++)
			if (h[i].rank == rank && h[i].w <= room) {
				h[i].on = true;
				room -= h[i].w;
			}
	for (int i = 0; i < n; i++) {
		if (!h[i].on)
			continue;
		keys_name(h[i].k->key, name, sizeof name);
		x += draw_text(app, LINES - 1, x, COLS - x, name, ROLE_STATUS_KEY);
		x += draw_text(app, LINES - 1, x, COLS - x, " ", ROLE_STATUS);
		x += draw_text(app, LINES - 1, x, COLS - x, h[i].text, ROLE_STATUS);
		x += draw_text(app, LINES - 1, x, COLS - x, "  ", ROLE_STATUS);
	}
}

/* The mode (typing or commands), a message if there is one, and the keys
 * that fit in the room left: a message does not hide them. */
static void draw_status(struct app *app)
{
	struct layer top = app_top(app);
	bool globals = !top.ops->modal && app->npanels > 1;
	const char *mode = top.ops->mode ? top.ops->mode(app, top.state, app->message[0]) : NULL;
	int x = 1;

	draw_fill(app, LINES - 1, 0, COLS, ROLE_STATUS);
	/* Whether keys type or command stays in view, a message or not. */
	if (mode) {
		x = draw_text(app, LINES - 1, 0, 1, " ", ROLE_TAB_ACTIVE);
		x += draw_text(app, LINES - 1, x, COLS - x - 1, mode, ROLE_TAB_ACTIVE);
		x += draw_text(app, LINES - 1, x, COLS - x, " ", ROLE_TAB_ACTIVE) + 2;
	}
	if (app->message[0])
		x += draw_text_cut(app, LINES - 1, x, COLS - x - 1, app->message,
				   app->message_is_error ? ROLE_ERROR : ROLE_STATUS) + 3;
	draw_key_line(app, x, globals);
}

static void draw_too_small(struct app *app)
{
	char need[128], now[128];
	int y = LINES / 2 - 1 > 0 ? LINES / 2 - 1 : 0, used;

	snprintf(need, sizeof need, _("Terminal too small: need %dx%d"), APP_MIN_COLS,
		 APP_MIN_ROWS);
	snprintf(now, sizeof now, _("(now %dx%d)"), COLS, LINES);
	used = draw_wrapped(app, &(struct rect){ y, 0, LINES - y, COLS }, need, 0, ROLE_NORMAL);
	if (y + used < LINES)
		draw_text(app, y + used, 0, COLS, now, ROLE_DIM);
}

void app_draw(struct app *app)
{
	bool tabs = app->npanels > 1 && !app->fullscreen;
	struct rect body = { tabs, 0, LINES - tabs - !app->fullscreen, COLS };
	/* Overlays leave the tab bar and the line below it (the round clock) in view. */
	struct rect all = { 2, 0, LINES - 3, COLS };

	app->cursor_on = false;
	attrset(A_NORMAL);
	color_set(0, NULL);
	erase();
	if (too_small()) {
		draw_too_small(app);
		return;
	}
	if (tabs)
		draw_tabs(app);
	app->panels[app->active]->draw(app, app->panel_state[app->active], &body);
	for (int i = 0; i < app->depth; i++) {
		app->cursor_on = false;
		app->stack[i].ops->draw(app, app->stack[i].state, &all);
	}
	if (!app->fullscreen || app->message[0])
		draw_status(app);
}
