/* The Library panel: the case library of evaluated experiments, searched as
 * you type with the matches marked, and the catalogue of work forms with
 * the experiments that used each. */
#include "panels/library.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cases.h"
#include "db.h"
#include "ui/draw.h"
#include "i18n.h"
#include "widgets/input.h"
#include "widgets/list.h"
#include "widgets/textview.h"
#include "utf8.h"
#include "werkvorm.h"

/* The most hits shown: more than anyone reads on a laptop screen. */
#define HITS_MAX 500

enum mode { CASES, FORMS };

struct library {
	enum mode mode;
	/* Cases: the search line and its hits. */
	struct input search;
	bool searching;
	struct case_hit *hits;
	size_t n, sel, top;
	int64_t total;
	/* Work forms. */
	struct pager pager;
	bool open;
	struct list_view lv;
	enum werkvorm_show show;
	int64_t core; /* forms marked core: the programme's ten */
};

enum { LA_OPEN = 1, LA_SEARCH, LA_CLEAR, LA_FORMS, LA_CASES, LA_UP, LA_DOWN, LA_DONE, LA_SHOW };

static const struct key_binding case_keys[] = {
	{ '/', LA_SEARCH, N_("Search"), N_("Search the cases: type words, the list follows") },
	{ K_ENTER, LA_OPEN, N_("Read"), N_("Read the marked case") },
	{ 'x', LA_CLEAR, NULL, N_("Clear the search: every case shows") },
	{ 'w', LA_FORMS, N_("Work forms"), N_("The catalogue of work forms") },
	{ K_FN(KEY_UP), LA_UP, NULL, N_("Previous case") },
	{ 'k', LA_UP, NULL, NULL },
	{ K_FN(KEY_DOWN), LA_DOWN, NULL, N_("Next case") },
	{ 'j', LA_DOWN, NULL, NULL },
	{ 0, 0, NULL, NULL },
};

static const struct key_binding search_keys[] = {
	{ K_ENTER, LA_OPEN, N_("Read"), N_("Read the marked case") },
	{ K_ESC, LA_DONE, N_("Done"), N_("Stop typing; the search stays") },
	{ K_FN(KEY_UP), LA_UP, NULL, N_("Previous case") },
	{ K_FN(KEY_DOWN), LA_DOWN, NULL, N_("Next case") },
	{ 0, 0, NULL, NULL },
};

static const struct key_binding form_keys[] = {
	{ K_ENTER, LA_OPEN, N_("Read"), N_("Read the marked work form and who used it") },
	{ '/', LA_SHOW, N_("Show"),
	  N_("Show every form, only the ten core work forms, or only the communication means") },
	{ K_ESC, LA_CASES, N_("Cases"), N_("Back to the case library") },
	{ 0, 0, NULL, NULL },
};

/* The name first: it is what people look for; the rungs take what is left.
 * The core mark ("core", "kern") comes right after the name. From 95
 * columns everything fits, the longest name ("Right to Challenge
 * (uitdaagrecht)") and the longest rungs too. Narrower, the low-literacy
 * mark (also in the work form's description) gives its room to the name,
 * so that at 80 columns every name is whole beside "Meebeslissen, De stad
 * aan zet"; below 80 the name is cut and the rungs keep 24 columns. */
enum { NAME_WIDE = 36, NAME_FULL = 33, WIDE_FROM = 95, BESIDE_NAME = 1 + 1 + 4 + 1 + 6 + 1 + 24 };
static const struct list_column wide_columns[] = {
	{ N_("Work form"), NAME_WIDE, 0 }, { N_("Core"), 4, 4 }, { N_("Cost"), 6, 2 },
	{ N_("Low literacy"), 13, 3 }, { N_("Rungs"), 0, 1 },
};
static struct list_column narrow_columns[] = {
	{ N_("Work form"), NAME_FULL, 0 }, { N_("Core"), 4, 4 }, { N_("Cost"), 6, 2 },
	{ N_("Rungs"), 0, 1 },
};

/* The columns for a list area w columns wide. */
static void fit_columns(struct list_view *lv, int w)
{
	if (w >= WIDE_FROM) {
		lv->columns = wide_columns, lv->ncols = 5;
		return;
	}
	narrow_columns[0].width = w - BESIDE_NAME < NAME_FULL ? w - BESIDE_NAME : NAME_FULL;
	lv->columns = narrow_columns, lv->ncols = 4;
}

static void search_again(struct app *app, struct library *l)
{
	struct pact_err err;
	int64_t keep = l->n ? l->hits[l->sel].id : 0;

	cases_free(l->hits, l->n);
	l->hits = NULL;
	l->n = 0;
	if (cases_search(app->db, l->search.tb.s, HITS_MAX, &l->hits, &l->n, &l->total, &err) !=
	    PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	l->sel = 0;
	for (size_t i = 0; keep && i < l->n; i++)
		if (l->hits[i].id == keep)
			l->sel = i;
}

static void *library_create(struct app *app)
{
	struct library *l = calloc(1, sizeof *l);
	struct pact_err err;

	if (!l)
		return NULL;
	input_init(&l->search, 400, false);
	list_init(&l->lv, &l->pager, wide_columns, 5, 0, N_("The catalogue of work forms is empty."));
	l->open = app->db && werkvorm_pager(&l->pager, app->db, WERKVORM_ALL, &err) == PACT_OK;
	if (app->db) {
		search_again(app, l);
		werkvorm_count(app->db, WERKVORM_CORE, &l->core, &err);
	}
	return l;
}

static void library_destroy(struct app *app, void *state)
{
	struct library *l = state;

	(void)app;
	if (l->open)
		pager_close(&l->pager);
	cases_free(l->hits, l->n);
	input_free(&l->search);
	free(l);
}

/* The database changed (a case written on the Board, another pact's
 * import): the hits and the catalogue again. */
static void library_data_changed(struct app *app, void *state)
{
	struct library *l = state;

	if (!app->db)
		return;
	search_again(app, l);
	werkvorm_count(app->db, WERKVORM_CORE, &l->core, &(struct pact_err){ 0 });
	if (l->open)
		pager_reload(&l->pager, &(struct pact_err){ 0 });
}

/* All → the core ten → the communication means → all. */
static void show_next(struct library *l)
{
	l->show = l->show == WERKVORM_ALL ? WERKVORM_CORE
		: l->show == WERKVORM_CORE ? WERKVORM_MEANS : WERKVORM_ALL;
	if (!l->open)
		return;
	pager_bind_int(&l->pager, ":show", (int64_t)l->show);
	pager_reload(&l->pager, &(struct pact_err){ 0 });
	l->lv.sel = l->lv.top = 0;
}

static const struct key_binding *library_current_keys(struct app *app, void *state)
{
	struct library *l = state;

	(void)app;
	return l->mode == FORMS ? form_keys : l->searching ? search_keys : case_keys;
}

static bool library_typing(struct app *app, void *state)
{
	struct library *l = state;

	(void)app;
	return l->mode == CASES && l->searching;
}

static void open_selected(struct app *app, struct library *l)
{
	char *text = NULL;

	if (l->mode == FORMS) {
		if (l->open && pager_count(&l->pager))
			text = cases_describe_werkvorm(app->db, list_selected_id(&l->lv));
		if (text)
			textview_open(app, cases_werkvorm_title(app->db, list_selected_id(&l->lv)),
				      text);
	} else if (l->n && (text = cases_describe_case(app->db, l->hits[l->sel].id)) != NULL) {
		/* reading ends the typing: Esc comes back to the list with the
		 * search kept, its keys working (x clears), as Esc does here */
		l->searching = false;
		textview_open(app, _("Case"), text);
	}
	free(text);
}

static void library_action(struct app *app, void *state, int action)
{
	struct library *l = state;

	if (!app->db)
		return;
	switch (action) {
	case LA_OPEN:
		open_selected(app, l);
		break;
	case LA_SEARCH:
		l->searching = true;
		break;
	case LA_DONE:
		l->searching = false;
		break;
	case LA_CLEAR:
		if (l->search.tb.len) {
			textbuf_clear(&l->search.tb);
			search_again(app, l);
		}
		break;
	case LA_FORMS:
		l->mode = FORMS;
		break;
	case LA_CASES:
		l->mode = CASES;
		break;
	case LA_SHOW:
		show_next(l);
		break;
	case LA_UP:
		if (l->sel > 0)
			l->sel--;
		break;
	case LA_DOWN:
		if (l->sel + 1 < l->n)
			l->sel++;
		break;
	default:
		break;
	}
}

static enum input_result library_input(struct app *app, void *state, int key)
{
	struct library *l = state;
	size_t before;

	if (l->mode == FORMS)
		return l->open && list_key(&l->lv, key) ? INPUT_HANDLED : INPUT_IGNORED;
	if (!l->searching || key == K_ENTER || key == K_ESC)
		return INPUT_IGNORED;
	before = l->search.tb.len;
	if (input_key(&l->search, key) == INPUT_NOT_MINE)
		return INPUT_IGNORED;
	if (l->search.tb.len != before || strcmp(l->search.tb.s, "") == 0)
		search_again(app, l);
	return INPUT_HANDLED;
}

static void library_fallback(struct app *app, void *state, int key)
{
	struct library *l = state;
	struct timespec ts;

	(void)app;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	if (l->mode == FORMS && l->open)
		list_find(&l->lv, key, (double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

/* Text with CASES_MARK_ON … CASES_MARK_OFF around matches: the matches in
 * the marked role. Returns the columns used. */
static int draw_marked(struct app *app, int y, int x, int w, const char *text, enum role role,
		       enum role marked)
{
	char part[1024];
	bool on = false;
	int used = 0;

	while (*text && used < w) {
		size_t n = strcspn(text, "\x01\x02");

		if (n) {
			snprintf(part, sizeof part, "%.*s", (int)(n < sizeof part ? n : sizeof part - 1),
				 text);
			used += draw_text_cut(app, y, x + used, w - used, part, on ? marked : role);
		}
		text += n;
		if (*text)
			on = *text++ == CASES_MARK_ON;
	}
	return used;
}

static void draw_search_line(struct app *app, struct library *l, int y, const struct rect *area)
{
	int used;

	if (!l->searching && !l->search.tb.len) {
		draw_text_cut(app, y, area->x + 1, area->w - 2,
			      _("Press / and type to search titles, descriptions, do's, don'ts and "
				"learnings."),
			      ROLE_DIM);
		return;
	}
	used = draw_text_cut(app, y, area->x + 1, area->w / 3, _("Search: "), ROLE_TITLE);
	input_draw(app, &l->search, &(struct rect){ y, area->x + 1 + used, 1, area->w - 2 - used },
		   l->searching ? ROLE_SELECTED : ROLE_NORMAL);
	if (!l->searching)
		app->cursor_on = false;
}

static void draw_hits(struct app *app, struct library *l, const struct rect *r)
{
	int rows = r->h / 3;

	if (rows < 1)
		return;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + (size_t)rows)
		l->top = l->sel - (size_t)rows + 1;
	for (int i = 0; i < rows && l->top + (size_t)i < l->n; i++) {
		const struct case_hit *h = &l->hits[l->top + (size_t)i];
		bool on = l->top + (size_t)i == l->sel;
		enum role base = on ? ROLE_SELECTED : ROLE_NORMAL;
		char meta[512];
		int y = r->y + 3 * i, metaw;

		snprintf(meta, sizeof meta, "%s%s%s%s%s", h->date, h->rung[0] ? " · " : "", h->rung,
			 h->werkvorm[0] ? " · " : "", h->werkvorm);
		metaw = utf8_width(meta);
		metaw = metaw > r->w / 2 ? r->w / 2 : metaw;
		if (on) {
			draw_fill(app, y, r->x, r->w, ROLE_SELECTED);
			draw_fill(app, y + 1, r->x, r->w, ROLE_SELECTED);
		}
		draw_marked(app, y, r->x + 1, r->w - metaw - 4, h->title, base, ROLE_MATCH);
		draw_text_cut(app, y, r->x + r->w - metaw - 1, metaw, meta, on ? ROLE_SELECTED : ROLE_DIM);
		draw_marked(app, y + 1, r->x + 3, r->w - 4, h->snippet, on ? ROLE_SELECTED : ROLE_DIM,
			    ROLE_MATCH);
	}
}

static void draw_cases(struct app *app, struct library *l, const struct rect *area)
{
	struct rect hits = { area->y + 4, area->x, area->h - 4, area->w };
	char head[256];

	snprintf(head, sizeof head, "%s", _("Cases: do's and don'ts of evaluated experiments"));
	draw_text_cut(app, area->y, area->x + 1, area->w - 2, head, ROLE_TITLE);
	draw_search_line(app, l, area->y + 1, area);
	if (l->search.tb.len)
		snprintf(head, sizeof head,
			 ngettext("%lld case matches", "%lld cases match", (unsigned long)l->total),
			 (long long)l->total);
	else
		snprintf(head, sizeof head, ngettext("%lld case", "%lld cases", (unsigned long)l->total),
			 (long long)l->total);
	draw_text_cut(app, area->y + 2, area->x + 1, area->w - 2, head, ROLE_DIM);
	if (l->n) {
		draw_hits(app, l, &hits);
		return;
	}
	if (hits.h > 2)
		draw_wrapped(app, &(struct rect){ hits.y, hits.x + 2, hits.h, hits.w - 4 },
			     l->search.tb.len ? _("No case matches. Fewer or shorter words find more; "
						  "Esc and then x clear the search.")
					      : _("No cases yet. An experiment becomes a case when its "
						  "evaluation is filled in on the Board (e); a "
						  "session or an advice when it is evaluated "
						  "in Brainstorm or the Stappenplan (v)."),
			     0, ROLE_DIM);
}

/* The title says what the list shows; the note under it, what "core"
 * means and that the shipped marks are an example. */
static void draw_forms(struct app *app, struct library *l, const struct rect *area)
{
	static const char *const titles[] = {
		N_("Work forms (werkvormen) — type a name to jump to it; / shows the core ten"),
		N_("The ten core work forms (kern) — / shows the communication means"),
		N_("Communication means (communicatiemiddelen) — / shows every form"),
	};
	struct rect list = { area->y + 3, area->x, area->h - 3, area->w };
	char note[512];

	draw_text_cut(app, area->y, area->x + 1, area->w - 2, _(titles[l->show]), ROLE_TITLE);
	if (l->core == 10)
		snprintf(note, sizeof note, "%s",
			 _("Core: the programme's ten work forms, an example to edit. The "
			   "handbook does not name them."));
	else
		snprintf(note, sizeof note,
			 ngettext("Core: %lld work form is marked. The handbook promises ten "
				  "but does not name them: mark the programme's ten.",
				  "Core: %lld work forms are marked. The handbook promises ten "
				  "but does not name them: mark the programme's ten.",
				  (unsigned long)l->core),
			 (long long)l->core);
	draw_wrapped(app, &(struct rect){ area->y + 1, area->x + 1, 2, area->w - 2 }, note, 0,
		     ROLE_DIM);
	fit_columns(&l->lv, area->w);
	if (l->open)
		list_draw(app, &l->lv, &list);
}

static void library_draw(struct app *app, void *state, const struct rect *area)
{
	struct library *l = state;

	if (!app->db)
		return;
	if (l->mode == CASES) {
		draw_cases(app, l, area);
		return;
	}
	draw_forms(app, l, area);
}

static bool library_unsaved(struct app *app, void *state)
{
	(void)app;
	(void)state;
	return false; /* a search is no work to lose */
}

const struct screen_ops library_ops = {
	.name = "library",
	.title = N_("Library"),
	.keys = case_keys,
	.current_keys = library_current_keys,
	.create = library_create,
	.destroy = library_destroy,
	.draw = library_draw,
	.action = library_action,
	.text_input = library_input,
	.fallback = library_fallback,
	.typing = library_typing,
	.has_unsaved = library_unsaved,
	.data_changed = library_data_changed,
};
