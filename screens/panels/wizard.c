/* The Wizard panel (stappenplan): one question at a time, Back keeps the
 * answers where the path stays the same, and a result with the rung, its
 * promise, the reasons, work forms and a checklist, saved as an advice. */
#include "panels/wizard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "advice_text.h"
#include "board.h"
#include "db.h"
#include "evaluation.h"
#include "panels/board/eval_form.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "widgets/form.h"
#include "i18n.h"
#include "widgets/list.h"
#include "widgets/textview.h"
#include "tree.h"
#include "werkvorm.h"
#include "wrap.h"

#define MAX_STEPS 64
#define MAX_REMEMBER 128

enum wmode { WM_LIST, WM_RUN, WM_RESULT };

struct wizard {
	enum wmode mode;
	struct tree tree;
	bool tree_ok;
	char problems[2048];
	struct pager advices;
	bool advices_open;
	int64_t mark; /* the advice to mark when the list is read again (0: the marked one) */
	struct list_view lv;
	/* The run. */
	char title[300], author[200], revision_of[37];
	const struct tree_node *at;
	size_t sel;
	bool help;
	struct tree_step steps[MAX_STEPS];
	int nsteps;
	/* Answers given before, by question, so Back and forth keeps them. */
	const struct tree_node *remember_q[MAX_REMEMBER];
	size_t remember_a[MAX_REMEMBER];
	int nremember;
	/* The result. */
	struct werkvorm_pick *picks;
	size_t npicks;
	int64_t saved_id;
	int scroll, result_rows, page; /* the result view scrolls */
	struct key_binding keys[16];   /* a scrolling view's keys, Scroll as it stands */
};

enum {
	WA_NEW = 1, WA_OPEN, WA_RERUN, WA_CHOOSE, WA_HELP, WA_BACK, WA_ABANDON, WA_UP, WA_DOWN,
	WA_LIST, WA_PGUP, WA_PGDN, WA_STATEMENT, WA_BOARD, WA_EVALUATE,
};

static const struct key_binding list_keys_w[] = {
	{ 'n', WA_NEW, N_("New advice"), N_("Start the stappenplan for a question (vraagstuk)") },
	{ K_ENTER, WA_OPEN, N_("Open"), N_("Read the marked advice") },
	{ 'r', WA_RERUN, N_("Re-run"), N_("Run the marked advice again (a new revision)") },
	{ 'b', WA_BOARD, NULL, N_("Put the marked advice on the Board") },
	{ 'm', WA_STATEMENT, NULL, N_("Write the marked advice as Markdown") },
	{ 'v', WA_EVALUATE, NULL,
	  N_("Evaluate the marked advice once it was carried out (a case in the Library)") },
	{ 0, 0, NULL, NULL },
};
static const struct key_binding run_keys[] = {
	{ K_ENTER, WA_CHOOSE, N_("Choose"), N_("Choose the marked answer") },
	{ 'h', WA_HELP, N_("Help text"), N_("Show or hide the help with this question") },
	{ K_FN(KEY_BACKSPACE), WA_BACK, N_("Back"), N_("Back to the previous question") },
	{ K_FN(KEY_LEFT), WA_BACK, NULL, NULL },
	{ K_FN(KEY_UP), WA_UP, NULL, N_("Previous answer") },
	{ K_FN(KEY_DOWN), WA_DOWN, NULL, N_("Next answer") },
	{ K_ESC, WA_ABANDON, N_("Stop"), N_("Stop this run (asks first)") },
	{ 0, 0, NULL, NULL },
};
/* With the help text open, Esc closes it first. */
static const struct key_binding run_help_keys[] = {
	{ K_ESC, WA_HELP, N_("Close help"), N_("Close the help text") },
	{ K_ENTER, WA_CHOOSE, N_("Choose"), N_("Choose the marked answer") },
	{ 'h', WA_HELP, NULL, N_("Show or hide the help with this question") },
	{ K_FN(KEY_BACKSPACE), WA_BACK, N_("Back"), N_("Back to the previous question") },
	{ K_FN(KEY_LEFT), WA_BACK, NULL, NULL },
	{ K_FN(KEY_UP), WA_UP, NULL, N_("Previous answer") },
	{ K_FN(KEY_DOWN), WA_DOWN, NULL, N_("Next answer") },
	{ 0, 0, NULL, NULL },
};
/* A stored advice read again. */
static const struct key_binding advice_text_keys[] = {
	{ 'm', WA_STATEMENT, N_("Statement"), N_("Write the advice as a short Markdown statement") },
	{ 0, 0, NULL, NULL },
};
static const struct key_binding result_keys[] = {
	{ K_FN(KEY_DOWN), WA_DOWN, NULL, N_("Scroll the advice") },
	{ K_FN(KEY_UP), WA_UP, NULL, NULL },
	{ K_FN(KEY_NPAGE), WA_PGDN, NULL, NULL },
	{ K_FN(KEY_PPAGE), WA_PGUP, NULL, NULL },
	{ 'm', WA_STATEMENT, N_("Statement"), N_("Write the advice as a short Markdown statement") },
	{ 'b', WA_BOARD, N_("To Board"), N_("Put this advice on the Board as a card") },
	{ K_FN(KEY_BACKSPACE), WA_BACK, N_("Back"), N_("Back to the last question") },
	{ K_FN(KEY_LEFT), WA_BACK, NULL, NULL },
	{ K_ESC, WA_LIST, N_("Advices"), N_("Back to the list of advices") },
	{ 0, 0, NULL, NULL },
};

static const struct list_column advice_columns[] = {
	{ N_("Date"), 10, 1 }, { N_("Rung"), 14, 2 }, { N_("Question (vraagstuk)"), 0, 0 },
};

static void reload(struct app *app, struct wizard *w)
{
	struct pact_err err;

	if (w->advices_open)
		pager_close(&w->advices);
	w->advices_open = advice_pager(&w->advices, app->db, &err) == PACT_OK;
	list_clamp(&w->lv);
}

static void *wizard_create(struct app *app)
{
	struct wizard *w = calloc(1, sizeof *w);
	struct tree_report rep = { 0 };

	if (!w)
		return NULL;
	/* A broken tree never crashes: the panel shows what is wrong. */
	w->tree_ok = (app->start->tree ? tree_load_file(app->start->tree, &w->tree, &rep)
				       : tree_load_default(&w->tree, &rep)) == PACT_OK &&
		     rep.n == 0;
	if (rep.n)
		snprintf(w->problems, sizeof w->problems, "%s", tree_report_text(&rep));
	tree_report_free(&rep);
	list_init(&w->lv, &w->advices, advice_columns, 3, 0,
		  N_("No advice yet. Press n to start the stappenplan for a question."));
	if (app->db)
		reload(app, w);
	return w;
}

static void clear_result(struct wizard *w)
{
	werkvorm_picks_free(w->picks, w->npicks);
	w->picks = NULL;
	w->npicks = 0;
}

static void wizard_destroy(struct app *app, void *state)
{
	struct wizard *w = state;

	(void)app;
	clear_result(w);
	if (w->advices_open)
		pager_close(&w->advices);
	tree_free(&w->tree);
	free(w);
}

static const char *lang(void)
{
	return i18n_lang();
}

/* The answer given to q before, if any. */
static size_t remembered(const struct wizard *w, const struct tree_node *q)
{
	for (int i = 0; i < w->nremember; i++)
		if (w->remember_q[i] == q)
			return w->remember_a[i];
	return 0;
}

static void remember(struct wizard *w, const struct tree_node *q, size_t a)
{
	for (int i = 0; i < w->nremember; i++)
		if (w->remember_q[i] == q) {
			w->remember_a[i] = a;
			return;
		}
	if (w->nremember < MAX_REMEMBER) {
		w->remember_q[w->nremember] = q;
		w->remember_a[w->nremember++] = a;
	}
}

static void go_to(struct wizard *w, const struct tree_node *n)
{
	w->at = n;
	w->sel = n && n->kind != TREE_OUTCOME ? remembered(w, n) : 0;
	w->help = false;
}

/* The run on screen, for the advice's texts. */
static struct advice_run run_of(const struct wizard *w)
{
	return (struct advice_run){ w->title, w->author, w->saved_id, w->steps, (size_t)w->nsteps,
				    w->at, w->picks, w->npicks };
}

/* The outcome reached: work forms, then the advice is saved (the list
 * reads it again through data_changed). */
static void finish(struct app *app, struct wizard *w)
{
	struct werkvorm_need need;
	char *answers, *forms;
	struct advice_fields f;
	struct pact_err err;

	clear_result(w);
	tree_need(w->steps, (size_t)w->nsteps, w->at, &need);
	if (werkvorm_recommend(app->db, &need, &w->picks, &w->npicks, &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
	answers = advice_answers_format(w->steps, (size_t)w->nsteps);
	forms = advice_forms_format(w->picks, w->npicks);
	f = (struct advice_fields){ w->title, w->author, tree_version(&w->tree), answers,
				    w->at->id, w->at->rung_id, forms,
				    w->revision_of[0] ? w->revision_of : NULL };
	if (!answers || !forms)
		app_message(app, true, "%s", _("out of memory"));
	else if (advice_save(app->db, &f, &w->saved_id, &err) != PACT_OK) /* one run, one advice */
		app_message(app, true, "%s", err.msg);
	else
		app_message(app, false, _("Saved as advice %lld"), (long long)w->saved_id);
	w->mark = w->saved_id; /* the list marks the advice just made */
	free(answers);
	free(forms);
	w->mode = WM_RESULT;
	w->scroll = 0;
}

static void choose(struct app *app, struct wizard *w)
{
	const struct tree_node *q = w->at;

	if (!q || q->kind == TREE_OUTCOME || w->nsteps == MAX_STEPS)
		return;
	remember(w, q, w->sel);
	w->steps[w->nsteps++] = (struct tree_step){ q, w->sel };
	go_to(w, q->answers[w->sel].next);
	if (w->at->kind == TREE_OUTCOME)
		finish(app, w);
}

static void back(struct wizard *w)
{
	if (w->nsteps == 0)
		return;
	w->nsteps--;
	go_to(w, w->steps[w->nsteps].q);
	w->sel = w->steps[w->nsteps].answer;
	w->mode = WM_RUN;
}

static void start_run(struct wizard *w, const char *title, const char *author,
		      const char *revision_of)
{
	snprintf(w->title, sizeof w->title, "%s", title);
	snprintf(w->author, sizeof w->author, "%s", author);
	snprintf(w->revision_of, sizeof w->revision_of, "%s", revision_of ? revision_of : "");
	w->nsteps = w->nremember = 0;
	w->saved_id = 0;
	go_to(w, tree_root(&w->tree));
	w->mode = WM_RUN;
}

/* A re-run starts with the old answers marked. */
static void remember_answers(struct wizard *w, const char *stored)
{
	struct advice_answer *answers;
	struct tree_step path[MAX_REMEMBER];
	size_t n, k;

	if (advice_answers_parse(stored, &answers, &n, NULL) != PACT_OK)
		return;
	k = advice_answers_path(&w->tree, answers, n, path, MAX_REMEMBER);
	for (size_t i = 0; i < k; i++)
		remember(w, path[i].q, path[i].answer);
	advice_answers_free(answers, n);
	go_to(w, w->at);
}

static int new_submit(struct app *app, void *owner, int64_t unused, struct form *f,
		      struct pact_err *err)
{
	(void)app;
	(void)unused;
	if (!*form_text(f, 0))
		return err_set(err, PACT_EINPUT, "%s",
			       _("question: say what the advice is about (the vraagstuk)"));
	start_run(owner, form_text(f, 0), form_text(f, 1), NULL);
	return PACT_OK;
}

static void abandon(struct app *app, void *ctx)
{
	struct wizard *w = ctx;

	(void)app;
	w->mode = WM_LIST;
}

static void statement_form(struct app *app, struct wizard *w, int64_t advice);

/* m on an advice read back. */
static void advice_text_action(struct app *app, void *owner, int64_t advice, int action)
{
	if (action == WA_STATEMENT)
		statement_form(app, owner, advice);
}

/* An advice read back: the stored fields, read-only. */
static void open_advice(struct app *app, struct wizard *w, bool rerun)
{
	struct advice_text a;
	struct pact_err err;
	char *text;

	if (!w->advices_open || !pager_count(&w->advices))
		return;
	if (advice_get(app->db, list_selected_id(&w->lv), &a, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	if (rerun) {
		start_run(w, a.title, a.author, a.uuid);
		remember_answers(w, a.answers);
	} else {
		if (!(text = advice_stored_string(&w->tree, &a, list_selected_id(&w->lv), false,
						  lang())))
			app_message(app, true, "%s", _("out of memory"));
		else
			textview_open_keys(app, a.title, text, advice_text_keys, advice_text_action, w,
					   list_selected_id(&w->lv));
		free(text);
	}
	advice_text_free(&a);
}

/* The statement of advice id: the run on screen has the work forms'
 * reasons; an advice from the list is written from what was stored. */
static int statement_submit(struct app *app, void *owner, int64_t advice, struct form *f,
			    struct pact_err *err)
{
	struct wizard *w = owner;
	struct advice_run run = run_of(w);
	char path[4096];

	if (advice_statement_save(app->db, &w->tree, w->mode == WM_RESULT ? &run : NULL, advice,
				  lang(), form_text(f, 0), form_choice(f, 1), path, sizeof path,
				  err) != PACT_OK)
		return err->status;
	app_message(app, false, _("The statement is in %s"), path);
	return PACT_OK;
}

static void statement_form(struct app *app, struct wizard *w, int64_t advice)
{
	struct form *f;
	char name[64];

	if (advice <= 0)
		return;
	f = form_new(_("Write the advice as Markdown"), statement_submit, w, advice);
	snprintf(name, sizeof name, _("~/pact-advice-%lld.md"), (long long)advice);
	form_add_text(f, _("File"), name, 4000, false);
	form_add_yesno(f, _("Replace the file if it exists"), false);
	form_open(app, f);
}

static void scroll_result(struct wizard *w, int action)
{
	int page = w->page > 1 ? w->page - 1 : 1;

	w->scroll += action == WA_DOWN ? 1 : action == WA_UP ? -1 : action == WA_PGDN ? page : -page;
	if (w->scroll > w->result_rows - w->page)
		w->scroll = w->result_rows - w->page;
	if (w->scroll < 0)
		w->scroll = 0;
}

/* The advice as an experiment card in the Board's Idea column. */
static void to_board(struct app *app, struct wizard *w)
{
	struct pact_err err;
	int64_t advice = 0, card;
	bool existed;

	if (w->mode == WM_RESULT)
		advice = w->saved_id;
	else if (w->mode == WM_LIST && w->advices_open && pager_count(&w->advices))
		advice = list_selected_id(&w->lv);
	if (advice <= 0)
		return;
	if (board_card_from_advice(app->db, advice, &card, &existed, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	if (existed)
		app_message(app, false, _("This advice is on the Board already (card %lld)."),
			    (long long)card);
	else
		app_message(app, false, _("On the Board as a new card in Idea: press 2 to see it."));
}

static void wizard_action(struct app *app, void *state, int action)
{
	struct wizard *w = state;
	struct form *f;

	if (!w->tree_ok) {
		if (action == WA_UP || action == WA_DOWN || action == WA_PGUP || action == WA_PGDN)
			scroll_result(w, action);
		return;
	}
	switch (action) {
	case WA_NEW:
		f = form_new(_("New advice"), new_submit, w, 0);
		form_add_text(f, _("Question (vraagstuk)"), "", 1200, false);
		form_add_text(f, _("Your name"), "", 800, false);
		form_set_save_label(f, N_("Start run"));
		form_open(app, f);
		break;
	case WA_OPEN: open_advice(app, w, false); break;
	case WA_RERUN: open_advice(app, w, true); break;
	case WA_CHOOSE: choose(app, w); break;
	case WA_HELP: w->help = !w->help; break;
	case WA_BACK: back(w); break;
	case WA_UP:
	case WA_DOWN:
	case WA_PGUP:
	case WA_PGDN:
		if (w->mode == WM_RESULT)
			scroll_result(w, action);
		else if (action == WA_UP && w->sel)
			w->sel--;
		else if (action == WA_DOWN && w->at && w->sel + 1 < w->at->nanswers)
			w->sel++;
		break;
	case WA_ABANDON:
		/* Asked from the first question on: the question typed is lost too. */
		dialog_confirm(app,
			       w->nsteps ? _("Stop this run? The answers so far are not kept.")
					 : _("Stop this run? The question you typed is not kept."),
			       _("Stop"), abandon, w);
		break;
	case WA_LIST: w->mode = WM_LIST; break;
	case WA_STATEMENT:
		statement_form(app, w,
			       w->mode == WM_RESULT ? w->saved_id
			       : w->advices_open && pager_count(&w->advices) ? list_selected_id(&w->lv)
									     : 0);
		break;
	case WA_BOARD: to_board(app, w); break;
	case WA_EVALUATE:
		if (w->advices_open && pager_count(&w->advices))
			eval_form_open(app, EVAL_ADVICE, list_selected_id(&w->lv), false);
		break;
	}
}

static const struct key_binding problem_keys[] = {
	{ K_FN(KEY_DOWN), WA_DOWN, NULL, N_("Scroll the problems") },
	{ K_FN(KEY_UP), WA_UP, NULL, NULL },
	{ K_FN(KEY_NPAGE), WA_PGDN, NULL, NULL },
	{ K_FN(KEY_PPAGE), WA_PGUP, NULL, NULL },
	{ 0, 0, NULL, NULL },
};

static const struct key_binding *wizard_keys(struct app *app, void *state)
{
	struct wizard *w = state;

	(void)app;
	if (w->tree_ok && w->mode == WM_RUN)
		return w->help ? run_help_keys : run_keys;
	if (w->tree_ok && w->mode == WM_LIST)
		return list_keys_w;
	/* the result and the problems scroll: ↓ while more is below */
	keys_copy(w->keys, sizeof w->keys / sizeof w->keys[0], w->tree_ok ? result_keys : problem_keys);
	keys_scroll_hint(w->keys, w->scroll + w->page < w->result_rows, w->scroll > 0);
	return w->keys;
}

static enum input_result wizard_input(struct app *app, void *state, int key)
{
	struct wizard *w = state;

	(void)app;
	return w->tree_ok && w->mode == WM_LIST && w->advices_open && list_key(&w->lv, key)
		       ? INPUT_HANDLED
		       : INPUT_IGNORED;
}

/* --- drawing -------------------------------------------------------------- */

static void draw_run(struct app *app, struct wizard *w, const struct rect *area)
{
	char head[512];
	int y = area->y;
	struct rect r;

	snprintf(head, sizeof head, _("%s — question %d"), w->title, w->nsteps + 1);
	draw_text_cut(app, y++, area->x + 1, area->w - 2, head, ROLE_DIM);
	r = (struct rect){ y + 1, area->x + 2, 3, area->w - 4 };
	y += 1 + draw_wrapped(app, &r, tree_text(w->at, lang()), 0, ROLE_TITLE) + 1;
	for (size_t i = 0; i < w->at->nanswers && y < area->y + area->h - 4; i++) {
		/* An answer may take two rows; the marked one is filled across. */
		const char *text = tree_str(&w->at->answers[i].text, lang());
		enum role role = i == w->sel ? ROLE_SELECTED : ROLE_NORMAL;
		int rows = (int)wrap_text(text, area->w - 6, NULL, 0) > 1 ? 2 : 1;
		for (int k = 0; k < rows; k++)
			draw_fill(app, y + k, area->x + 2, area->w - 4, role);
		draw_wrapped(app, &(struct rect){ y, area->x + 3, rows, area->w - 6 }, text, 0, role);
		y += rows;
	}
	y++;
	if (w->help && tree_help(w->at, lang())) {
		r = (struct rect){ y, area->x + 2, area->y + area->h - y - 1, area->w - 4 };
		draw_wrapped(app, &r, tree_help(w->at, lang()), 0, ROLE_DIM);
	} else {
		/* The answers so far, the latest last, as many as fit. */
		int room = area->y + area->h - y - 1, first = w->nsteps > room ? w->nsteps - room : 0;
		if (w->nsteps && room > 0)
			draw_text_cut(app, y++, area->x + 1, area->w - 2, _("Your answers so far:"),
				      ROLE_DIM);
		for (int i = first + 1; i < w->nsteps + 1 && y < area->y + area->h; i++) {
			const struct tree_step *s = &w->steps[i - 1];
			snprintf(head, sizeof head, "%d. %s", i,
				 tree_str(&s->q->answers[s->answer].text, lang()));
			draw_text_cut(app, y++, area->x + 2, area->w - 3, head, ROLE_DIM);
		}
	}
}

/* The result, shown in the panel. */
static void draw_result(struct app *app, struct wizard *w, const struct rect *area)
{
	struct advice_run run = run_of(w);
	char *text = advice_run_string(&run, false, lang());

	w->page = area->h;
	w->result_rows = draw_wrapped_items(app,
					    &(struct rect){ area->y, area->x + 1, area->h, area->w - 2 },
					    text ? text : _("out of memory"), w->scroll, ROLE_NORMAL);
	free(text);
}

static void wizard_draw(struct app *app, void *state, const struct rect *area)
{
	struct wizard *w = state;
	struct rect below = { area->y + 2, area->x, area->h - 2, area->w };

	if (!w->tree_ok) {
		draw_text_cut(app, area->y, area->x + 1, area->w - 2,
			      _("The decision tree has problems; fix the file, or remove it to use the "
				"built-in tree:"),
			      ROLE_ERROR);
		w->page = below.h;
		w->result_rows = draw_wrapped(app, &below, w->problems, w->scroll, ROLE_NORMAL);
		return;
	}
	if (w->mode == WM_RUN)
		draw_run(app, w, area);
	else if (w->mode == WM_RESULT)
		draw_result(app, w, area);
	else {
		draw_text_cut(app, area->y, area->x + 1, area->w - 2,
			      _("Stappenplan: should you involve the city, and how?"), ROLE_TITLE);
		if (w->advices_open)
			list_draw(app, &w->lv, &below);
	}
}

/* The advices changed, here or elsewhere: the list reads them again and
 * keeps the marked advice marked (or marks the one this run saved). */
static void wizard_data_changed(struct app *app, void *state)
{
	struct wizard *w = state;
	int64_t id = w->mark ? w->mark
		     : w->advices_open && pager_count(&w->advices) ? list_selected_id(&w->lv) : -1;

	if (!app->db)
		return;
	reload(app, w);
	list_follow(&w->lv, id);
	w->mark = 0;
}

/* A run not yet at its result keeps its question and answers only here
 * (the advice is saved at the result): quitting would lose them. */
static bool wizard_unsaved(struct app *app, void *state)
{
	struct wizard *w = state;

	(void)app;
	return w->tree_ok && w->mode == WM_RUN;
}

static const char *wizard_quit_question(struct app *app, void *state)
{
	struct wizard *w = state;

	(void)app;
	return w->nsteps ? _("Quit pact? This stappenplan is not finished; the answers so far are "
			     "not kept.")
			 : _("Quit pact? This stappenplan is not finished; the question you typed "
			     "is not kept.");
}

const struct screen_ops wizard_ops = {
	.name = "wizard",
	.title = N_("Wizard"),
	.keys = list_keys_w,
	.current_keys = wizard_keys,
	.create = wizard_create,
	.destroy = wizard_destroy,
	.draw = wizard_draw,
	.action = wizard_action,
	.text_input = wizard_input,
	.data_changed = wizard_data_changed,
	.has_unsaved = wizard_unsaved,
	.quit_question = wizard_quit_question,
};
