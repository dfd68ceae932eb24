/* The Brainstorm panel: the list of sessions, and the open session (see
 * session_view.c). */
#include "panels/brainstorm/brainstorm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui/dialog.h"
#include "ui/draw.h"
#include "widgets/form.h"
#include "i18n.h"
#include "brainstorm_idea.h"
#include "widgets/list.h"
#include "ui/records.h"
#include "ui/reports.h"
#include "brainstorm_session.h"
#include "panels/brainstorm/session_view.h"
#include "stamp.h"
#include "value.h"

struct brainstorm {
	bool archived; /* showing the archived sessions */
	struct pager pager;
	bool pager_open;
	struct list_view lv;
	struct session_view *sv;
};

enum { BA_OPEN = 1, BA_NEW, BA_EDIT, BA_ARCHIVE, BA_DELETE, BA_SHOW_ARCHIVED, BA_IMPORT, BA_EXPORT,
       BA_REPORT };

static const struct key_binding list_keys_bs[] = {
	{ K_ENTER, BA_OPEN, N_("Open"), N_("Open the marked session") },
	{ 'n', BA_NEW, N_("New"), N_("New session") },
	{ 'r', BA_EDIT, N_("Edit"), N_("Rename the session or change its question, date…") },
	{ 'a', BA_ARCHIVE, NULL, N_("Archive the session, or bring it back") },
	{ 'd', BA_DELETE, NULL, N_("Delete the session with all its ideas") },
	{ 'v', BA_SHOW_ARCHIVED, NULL, N_("Show archived sessions, or the current ones") },
	{ 'I', BA_IMPORT, N_("Import"), N_("Import records from a CSV file") },
	{ 'E', BA_EXPORT, N_("Export"), N_("Export records as a CSV file") },
	{ 'R', BA_REPORT, NULL, N_("Write the marked session's report (HTML or Markdown)") },
	{ 0, 0, NULL, NULL },
};

static const struct list_column session_columns[] = {
	{ N_("Date"), 10, 1 },
	{ N_("Ideas"), 6, 2 },
	{ N_("People"), 6, 3 },
	{ N_("Session"), 0, 0 },
};

static void reload(struct app *app, struct brainstorm *b)
{
	struct pact_err err;
	int64_t marked_id = b->pager_open && pager_count(&b->pager) ? list_selected_id(&b->lv) : -1;

	if (b->pager_open)
		pager_close(&b->pager);
	b->pager_open = session_pager(&b->pager, app->db, b->archived, &err) == PACT_OK;
	if (!b->pager_open)
		app_message(app, true, "%s", err.msg);
	list_clamp(&b->lv);
	if (b->pager_open)
		list_follow(&b->lv, marked_id);
}

static void open_session(struct app *app, struct brainstorm *b, int64_t id)
{
	if (id > 0 && !sv_open(app, b->sv, id))
		reload(app, b);
}

static void *bs_create(struct app *app)
{
	struct brainstorm *b = calloc(1, sizeof *b);

	if (!b)
		return NULL;
	b->sv = sv_new(app);
	list_init(&b->lv, &b->pager, session_columns, 4, 0,
		  N_("No sessions yet. Press n to start one."));
	if (app->db)
		reload(app, b);
	if (app->start->session_id && !app->start->join)
		open_session(app, b, app->start->session_id);
	return b;
}

static void bs_destroy(struct app *app, void *state)
{
	struct brainstorm *b = state;

	(void)app;
	if (b->pager_open)
		pager_close(&b->pager);
	sv_free(b->sv);
	free(b);
}

/* Form fields 0..6: title, question, facilitator, location, date, notes,
 * keep personal data until. */
static void read_fields(struct form *f, struct session_fields *sf)
{
	sf->title = form_text(f, 0);
	sf->question = form_text(f, 1);
	sf->facilitator = form_text(f, 2);
	sf->location = form_text(f, 3);
	sf->date = form_text(f, 4);
	sf->notes = form_text(f, 5);
	sf->retain_until = form_text(f, 6);
}

static int new_submit(struct app *app, void *owner, int64_t unused, struct form *f,
		      struct pact_err *err)
{
	struct brainstorm *b = owner;
	struct session_fields sf;
	int64_t id;
	int rc;

	(void)unused;
	read_fields(f, &sf);
	if ((rc = session_create(app->db, &sf, &id, err)) == PACT_OK)
		open_session(app, b, id);
	return rc;
}

static int edit_submit(struct app *app, void *owner, int64_t id, struct form *f,
		       struct pact_err *err)
{
	struct session_fields sf;

	(void)owner;
	read_fields(f, &sf);
	return session_update(app->db, id, &sf, err);
}

static void session_form(struct app *app, struct brainstorm *b, const struct session *s)
{
	struct form *f = form_new(s ? _("Edit session") : _("New session"),
				  s ? edit_submit : new_submit, b, s ? s->id : 0);
	char today[11], shown[32];

	stamp_date(time(NULL), today);
	/* in the language's way of writing dates; both ways are read back */
	value_date_show(s ? s->date : today, strcmp(i18n_lang(), "nl") == 0, shown);
	form_add_text(f, _("Title"), s ? s->title : "", 800, false);
	form_add_text(f, _("Central question"), s ? s->question : "", 4000, true);
	form_add_text(f, _("Facilitator"), s ? s->facilitator : "", 800, false);
	form_add_text(f, _("Location"), s ? s->location : "", 800, false);
	form_add_text(f, _("Date"), shown, 10, false);
	form_add_text(f, _("Notes"), s ? s->notes : "", 40000, true);
	form_add_text(f, _("Keep names until"), s ? s->retain_until : "", 40, false);
	form_open(app, f);
}

static int64_t marked(struct brainstorm *b)
{
	return b->pager_open && pager_count(&b->pager) ? list_selected_id(&b->lv) : 0;
}

static void confirm_delete(struct app *app, void *ctx)
{
	struct brainstorm *b = ctx;
	struct pact_err err;

	if (session_delete(app->db, marked(b), &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
}

static void ask_delete(struct app *app, struct brainstorm *b, const struct session *s)
{
	char q[600];
	int64_t n = 0;
	struct pact_err err;

	idea_count(app->db, s->id, &n, &err);
	snprintf(q, sizeof q,
		 ngettext("Delete the session \"%s\" with its %lld idea, rounds, clusters and "
			  "participants? This cannot be undone.",
			  "Delete the session \"%s\" with its %lld ideas, rounds, clusters and "
			  "participants? This cannot be undone.",
			  (unsigned long)n),
		 s->title, (long long)n);
	dialog_confirm(app, q, _("Delete"), confirm_delete, b);
}

static void list_action(struct app *app, struct brainstorm *b, int action)
{
	struct session s;
	struct pact_err err;
	int64_t id = marked(b);

	if (action == BA_NEW) {
		session_form(app, b, NULL);
		return;
	}
	if (action == BA_IMPORT) {
		records_import_form(app);
		return;
	}
	if (action == BA_EXPORT) {
		records_export_form(app, 0);
		return;
	}
	if (action == BA_SHOW_ARCHIVED) {
		b->archived = !b->archived;
		b->lv.sel = b->lv.top = 0;
		b->lv.empty = b->archived ? N_("No archived sessions. v shows the current ones.")
					  : N_("No sessions yet. Press n to start one.");
		reload(app, b);
		return;
	}
	if (!id || session_get(app->db, id, &s, &err) != PACT_OK)
		return;
	if (action == BA_OPEN)
		open_session(app, b, id);
	else if (action == BA_REPORT)
		reports_session_form(app, id);
	else if (action == BA_EDIT)
		session_form(app, b, &s);
	else if (action == BA_DELETE)
		ask_delete(app, b, &s);
	else if (action == BA_ARCHIVE && session_set_archived(app->db, id, !s.archived, &err) == PACT_OK)
		app_message(app, false,
			    s.archived ? _("\"%s\" is back among the current sessions")
				       : _("\"%s\" is archived; v shows the archived sessions"),
			    s.title);
	session_free(&s);
}

static const struct key_binding *bs_keys(struct app *app, void *state)
{
	struct brainstorm *b = state;

	(void)app;
	return sv_is_open(b->sv) ? sv_keys(b->sv) : list_keys_bs;
}

static void after_session_action(struct app *app, struct brainstorm *b)
{
	if (sv_wants_list(b->sv)) {
		sv_close(b->sv);
		reload(app, b);
	}
}

static void bs_action(struct app *app, void *state, int action)
{
	struct brainstorm *b = state;

	if (sv_is_open(b->sv)) {
		sv_action(app, b->sv, action);
		after_session_action(app, b);
	} else {
		list_action(app, b, action);
	}
}

static enum input_result bs_text_input(struct app *app, void *state, int key)
{
	struct brainstorm *b = state;

	after_session_action(app, b);
	if (sv_is_open(b->sv))
		return sv_text_input(app, b->sv, key);
	return b->pager_open && list_key(&b->lv, key) ? INPUT_HANDLED : INPUT_IGNORED;
}

static void bs_fallback(struct app *app, void *state, int key)
{
	struct brainstorm *b = state;
	struct timespec ts;

	if (sv_is_open(b->sv)) {
		sv_fallback(app, b->sv, key);
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &ts);
	if (b->pager_open)
		list_find(&b->lv, key, (double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

static bool bs_tick(struct app *app, void *state)
{
	struct brainstorm *b = state;
	bool redraw;

	if (!sv_is_open(b->sv))
		return false;
	redraw = sv_tick(app, b->sv);
	after_session_action(app, b);
	return redraw;
}

/* The open session reads again (and goes back to the list when it was
 * deleted elsewhere), or the list of sessions does. */
static void bs_data_changed(struct app *app, void *state)
{
	struct brainstorm *b = state;

	if (!app->db)
		return;
	if (sv_is_open(b->sv)) {
		sv_data_changed(app, b->sv);
		after_session_action(app, b);
	} else {
		reload(app, b);
	}
}

/* A session another panel asks for (a card's): open, ready for ideas. An
 * idea typed in another session and not saved yet is not dropped for it. */
static enum show_result bs_show(struct app *app, void *state, const struct show_request *req)
{
	struct brainstorm *b = state;

	if (req->what != SHOW_SESSION)
		return SHOW_NOT_MINE;
	if (sv_session(b->sv) == req->id)
		return SHOW_SHOWN;
	if (sv_unsaved(b->sv)) {
		app_message(app, true, "%s",
			    _("Brainstorm has an idea typed and not saved; save or clear it there "
			      "first."));
		return SHOW_REFUSED;
	}
	if (!app->db || !sv_open(app, b->sv, req->id)) {
		reload(app, b);
		return SHOW_REFUSED;
	}
	return SHOW_SHOWN;
}

static bool bs_unsaved(struct app *app, void *state)
{
	struct brainstorm *b = state;

	(void)app;
	return sv_unsaved(b->sv);
}

static bool bs_typing(struct app *app, void *state)
{
	struct brainstorm *b = state;

	(void)app;
	return sv_typing(b->sv);
}

static const char *bs_mode(struct app *app, void *state, bool brief)
{
	struct brainstorm *b = state;

	(void)app;
	return sv_mode(b->sv, brief);
}

static void bs_draw(struct app *app, void *state, const struct rect *area)
{
	struct brainstorm *b = state;
	struct rect list = { area->y + 2, area->x, area->h - 2, area->w };

	if (sv_is_open(b->sv)) {
		sv_draw(app, b->sv, area);
		return;
	}
	draw_text_cut(app, area->y, area->x + 1, area->w - 2,
		      b->archived ? _("Archived stretch sessions (opreksessies)")
				  : _("Stretch sessions (opreksessies)"),
		      ROLE_TITLE);
	if (b->pager_open)
		list_draw(app, &b->lv, &list);
}

const struct screen_ops brainstorm_ops = {
	.name = "brainstorm",
	.title = N_("Brainstorm"),
	.keys = list_keys_bs,
	.current_keys = bs_keys,
	.create = bs_create,
	.destroy = bs_destroy,
	.draw = bs_draw,
	.action = bs_action,
	.text_input = bs_text_input,
	.fallback = bs_fallback,
	.has_unsaved = bs_unsaved,
	.typing = bs_typing,
	.mode = bs_mode,
	.tick = bs_tick,
	.data_changed = bs_data_changed,
	.show = bs_show,
};
