/* The Board panel: experiments as cards in six columns. The columns that
 * do not fit the terminal scroll sideways, and the board says which ones
 * are off-screen. */
#include "panels/board/board_panel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "board.h"
#include "panels/board/card_form.h"
#include "panels/board/pool.h"
#include "panels/board/monitoring.h"
#include "panels/board/eval_form.h"
#include "evaluation.h"
#include "card.h"
#include "card_comm.h"
#include "card_source.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/reports.h"
#include "widgets/form.h"
#include "i18n.h"
#include "monitor.h"
#include "pot.h"
#include "stamp.h"
#include "widgets/textview.h"
#include "utf8.h"
#include "value.h"

/* A column is never narrower than this many terminal columns. */
#define COLUMN_MIN 20

struct board_view {
	struct board_cards cards;
	size_t sel[BOARD_COLUMNS], top[BOARD_COLUMNS];
	int cur, first;
	int64_t follow; /* a card made here: selected when the board is read again */
	/* The filter: empty strings and track -1 let everything through. */
	char text[200], owner[200], opgave[200];
	int track;
	bool focus;
	char person[200]; /* cards naming this person as owner or in the team */
};

static bool filtered(const struct board_view *b)
{
	return b->text[0] || b->owner[0] || b->opgave[0] || b->track >= 0 || b->focus ||
	       b->person[0];
}

/* Every card shows again. */
static void unfilter(struct board_view *b)
{
	b->text[0] = b->owner[0] = b->opgave[0] = b->person[0] = '\0';
	b->track = -1;
	b->focus = false;
}

enum { BA_LEFT = 1, BA_RIGHT, BA_UP, BA_DOWN, BA_MOVE_LEFT, BA_MOVE_RIGHT, BA_SHIFT_UP,
       BA_SHIFT_DOWN, BA_NEW, BA_DELETE, BA_OPEN, BA_EVALUATE, BA_BUDGETS, BA_FILTER,
       BA_UNFILTER, BA_EDIT, BA_OPGAVEN, BA_POTS, BA_MONITOR, BA_REPORT, BA_POOL, BA_AMBITIONS,
       BA_DIVERSITY };

static void board_panel_filter_person(struct app *app, void *state, const char *name);

static const struct key_binding board_keys[] = {
	{ 'n', BA_NEW, N_("New"), N_("New experiment card") },
	{ '>', BA_MOVE_RIGHT, N_("Move"), N_("Move the card to the next column") },
	{ '<', BA_MOVE_LEFT, NULL, N_("Move the card to the previous column") },
	{ 'K', BA_SHIFT_UP, NULL, N_("Move the card up in its column") },
	{ 'J', BA_SHIFT_DOWN, NULL, N_("Move the card down in its column") },
	{ K_ENTER, BA_OPEN, N_("Open"), N_("Show the card and its history") },
	{ 'E', BA_EDIT, N_("Edit"), N_("Edit every field of the card") },
	{ 'e', BA_EVALUATE, N_("Evaluate"), N_("Fill in the card's evaluation form") },
	{ '/', BA_FILTER, NULL,
	  N_("Show only the cards of a track, opgave, owner, person or text") },
	{ 'x', BA_UNFILTER, NULL, N_("Clear the filter") },
	{ 'B', BA_BUDGETS, NULL,
	  N_("Budget pots: planned, spent, remaining, costs outside the experiments and the total "
	     "per year") },
	{ 'P', BA_POTS, NULL, N_("Add or change budget pots") },
	{ 'O', BA_OPGAVEN, NULL, N_("The list of opgaven cards choose from") },
	{ 'V', BA_POOL, NULL,
	  N_("The pool: each person of the register with their cards per column; add, edit, "
	     "delete people") },
	{ 'M', BA_MONITOR, NULL,
	  N_("Monitoring charts: columns, tracks, reach, groups, rungs, ambitions, afspiegeling") },
	{ 'A', BA_AMBITIONS, NULL, N_("Ambitions and their indicators: add, change, figures") },
	{ 'G', BA_DIVERSITY, NULL, N_("Diversity groups and the city's figures (p)") },
	{ 'R', BA_REPORT, NULL, N_("Write the programme report (HTML or Markdown)") },
	{ 'd', BA_DELETE, NULL, N_("Delete the card (asks first)") },
	{ K_FN(KEY_LEFT), BA_LEFT, NULL, N_("Previous column") },
	{ 'h', BA_LEFT, NULL, NULL },
	{ K_FN(KEY_RIGHT), BA_RIGHT, NULL, N_("Next column") },
	{ 'l', BA_RIGHT, NULL, NULL },
	{ K_FN(KEY_UP), BA_UP, NULL, N_("Previous card") },
	{ 'k', BA_UP, NULL, NULL },
	{ K_FN(KEY_DOWN), BA_DOWN, NULL, N_("Next card") },
	{ 'j', BA_DOWN, NULL, NULL },
	{ 0, 0, NULL, NULL },
};

static int64_t selected_id(const struct board_view *b)
{
	const struct board_cards *c = &b->cards;

	return c->n[b->cur] ? c->col[b->cur][b->sel[b->cur]].id : 0;
}

/* Read every card again; the card with id keep (if any) is selected. */
static void reload(struct app *app, struct board_view *b, int64_t keep)
{
	struct board_cards *c = &b->cards;
	struct pact_err err;

	board_cards_free(c);
	if (board_cards_load(app->db,
			     &(struct board_filter){ b->text, b->owner, b->opgave, b->track, b->focus,
						     b->person },
			     c,
			     &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
	for (int k = 0; k < BOARD_COLUMNS; k++)
		for (size_t i = 0; keep && i < c->n[k]; i++)
			if (c->col[k][i].id == keep) {
				b->cur = k;
				b->sel[k] = i;
			}
	for (int k = 0; k < BOARD_COLUMNS; k++)
		if (b->sel[k] >= c->n[k])
			b->sel[k] = c->n[k] ? c->n[k] - 1 : 0;
}

static void *board_create(struct app *app)
{
	struct board_view *b = calloc(1, sizeof *b);

	if (b)
		b->track = -1;
	if (b && app->db)
		reload(app, b, 0);
	return b;
}

static void board_destroy(struct app *app, void *state)
{
	struct board_view *b = state;

	(void)app;
	board_cards_free(&b->cards);
	free(b);
}

/* Read again, on the selected card, or on the card just made here. */
static void board_data_changed(struct app *app, void *state)
{
	struct board_view *b = state;

	if (!app->db)
		return;
	reload(app, b, b->follow ? b->follow : selected_id(b));
	b->follow = 0;
}

/* --- actions -------------------------------------------------------------- */

static int new_submit(struct app *app, void *owner, int64_t arg, struct form *f,
		      struct pact_err *err)
{
	struct board_view *b = owner;
	int64_t id = 0;
	int rc;

	(void)arg;
	rc = board_card_new(app->db, form_text(f, 0), form_text(f, 1),
			    board_track_keys[form_choice(f, 2)], &id, err);
	if (rc == PACT_OK) {
		b->follow = id;
		app_message(app, false, _("New card in %s."), board_column_name(BOARD_IDEA));
	}
	return rc;
}

static void delete_card(struct app *app, void *ctx)
{
	struct board_view *b = ctx;
	struct pact_err err;
	int64_t id = selected_id(b);

	if (board_card_delete(app->db, id, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	app_message(app, false, _("Card deleted."));
}

enum { CV_ORIGIN = 1, CV_COMM, CV_DIVERSITY };

/* The card view's own keys: c plans the communication; o, for a card made
 * from an idea, a cluster or a poll's option, opens where it came from. */
static const struct key_binding card_view_keys[] = {
	{ 'c', CV_COMM, N_("Communication"),
	  N_("The communication plan: message and means per audience") },
	{ 'o', CV_ORIGIN, N_("Origin"), N_("Open the session or poll the card came from") },
	{ 'D', CV_DIVERSITY, NULL, N_("Diversity: how many people of each group took part") },
	{ 0, 0, NULL, NULL },
};
static const struct key_binding card_view_keys_unlinked[] = {
	{ 'c', CV_COMM, N_("Communication"),
	  N_("The communication plan: message and means per audience") },
	{ 'D', CV_DIVERSITY, NULL, N_("Diversity: how many people of each group took part") },
	{ 0, 0, NULL, NULL },
};

/* The communication form: a message and a means per audience, in the
 * handbook's order (fields 2i and 2i+1). */
static int comm_submit(struct app *app, void *owner, int64_t card, struct form *f,
		       struct pact_err *err)
{
	const char *message[COMM_AUDIENCES], *means[COMM_AUDIENCES];
	int rc;

	(void)owner;
	for (int i = 0; i < COMM_AUDIENCES; i++) {
		message[i] = form_text(f, 2 * i);
		means[i] = form_text(f, 2 * i + 1);
	}
	rc = card_comm_save_all(app->db, card, message, means, err);

	if (rc != PACT_OK)
		return rc;
	app_message(app, false, _("Communication plan saved."));
	return PACT_OK;
}

static void comm_form(struct app *app, int64_t card)
{
	struct card_comm plan;
	struct pact_err err;
	struct form *f;
	char label[128];

	if (card_comm_get(app->db, card, &plan, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	f = form_new(_("Communication plan"), comm_submit, NULL, card);
	for (int i = 0; i < COMM_AUDIENCES; i++) {
		card_comm_field_label(_("Message"), i, label, sizeof label);
		form_add_text(f, label, plan.message[i], 4 * COMM_MESSAGE_MAX, true);
		card_comm_field_label(_("Means"), i, label, sizeof label);
		form_add_text(f, label, plan.means[i], 4 * COMM_MEANS_MAX, false);
	}
	card_comm_free(&plan);
	form_open(app, f);
}

/* c in the card view: its communication plan; o: the session of the
 * card's idea or cluster, or the results of its poll. */
static void card_view_action(struct app *app, void *owner, int64_t card, int action)
{
	struct card_origin o;
	struct pact_err err;

	(void)owner;
	if (action == CV_COMM) {
		comm_form(app, card);
		return;
	}
	if (action == CV_DIVERSITY) {
		diversity_form_open(app, DIVERSITY_EXPERIMENT, card);
		return;
	}
	if (action != CV_ORIGIN)
		return;
	if (card_origin_get(app->db, card, &o, &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
	else if (o.kind == CARD_SOURCE_NONE)
		app_message(app, true, "%s", _("This card was not made from a session or a poll."));
	else if (o.gone && o.kind == CARD_SOURCE_POLL)
		app_message(app, true, "%s", _("The poll this card came from is no longer in this file."));
	else if (o.gone)
		app_message(app, true, "%s",
			    _("The session this card came from is no longer in this file."));
	else if (o.kind == CARD_SOURCE_POLL)
		app_show(app, &(struct show_request){ SHOW_POLL, o.poll });
	else
		app_show(app, &(struct show_request){ SHOW_SESSION, o.session });
}

static char *card_text(struct app *app, int64_t card)
{
	return card_describe(app->db, card);
}

/* The card with its communication plan and column changes, for the detail
 * view (read again when they change); c plans the communication, o goes to
 * where it came from. */
static void open_card(struct app *app, int64_t card)
{
	struct card_origin o;
	struct pact_err err;
	bool linked = card_origin_get(app->db, card, &o, &err) == PACT_OK &&
		      o.kind != CARD_SOURCE_NONE;

	textview_open_live(app, _("Experiment"), card_text,
			   linked ? card_view_keys : card_view_keys_unlinked, card_view_action,
			   NULL, card);
}

static void evaluation_form(struct app *app, struct board_view *b, bool anchor)
{
	eval_form_open(app, EVAL_EXPERIMENT, selected_id(b), anchor);
}

/* Per pot: the amount, what the cards plan and spend, what remains, and a
 * warning where planned or spent goes over the pot. */
static void show_budgets(struct app *app)
{
	struct pot_budget *pots;
	struct pact_err err;
	char *text;
	size_t n;

	if (pot_budgets(app->db, &pots, &n, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	text = pot_report(pots, n, strcmp(i18n_lang(), "nl") == 0);
	pot_budgets_free(pots, n);
	if (text)
		textview_open(app, _("Budget pots"), text);
	free(text);
}

/* The monitoring dashboard: bar charts of the board's figures. */
static void show_monitoring(struct app *app)
{
	struct monitor m;
	struct pact_err err;
	char *text;

	if (monitor_compute(app->db, &m, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	text = monitor_report(&m, COLS - 6, utf8_display_unicode());
	monitor_free(&m);
	if (text)
		textview_open(app, _("Monitoring"), text);
	free(text);
}

/* "any" and the tracks, for the filter's choice. */
static const char *const *track_choices(void)
{
	static const char *choices[BOARD_TRACKS + 2];

	choices[0] = N_("any");
	for (int i = 0; i < BOARD_TRACKS; i++)
		choices[i + 1] = board_track_labels[i];
	return choices;
}

static int filter_submit(struct app *app, void *owner, int64_t arg, struct form *f,
			 struct pact_err *err)
{
	struct board_view *b = owner;

	(void)arg;
	(void)err;
	snprintf(b->text, sizeof b->text, "%s", form_text(f, 0));
	snprintf(b->owner, sizeof b->owner, "%s", form_text(f, 1));
	snprintf(b->opgave, sizeof b->opgave, "%s", form_text(f, 2));
	b->track = form_choice(f, 3) - 1;
	b->focus = form_choice(f, 4) == 1;
	snprintf(b->person, sizeof b->person, "%s", form_text(f, 5));
	reload(app, b, selected_id(b));
	return PACT_OK;
}

static void filter_form(struct app *app, struct board_view *b)
{
	struct form *f = form_new(_("Filter the board"), filter_submit, b, 0);

	form_add_text(f, _("Text"), b->text, sizeof b->text - 1, false);
	form_add_text(f, _("Owner"), b->owner, sizeof b->owner - 1, false);
	form_add_text(f, _("Opgave"), b->opgave, sizeof b->opgave - 1, false);
	form_add_choice(f, _("Track"), track_choices(), b->track + 1);
	form_add_yesno(f, _("Only focus experiments"), b->focus);
	form_add_text(f, _("Person (owner or team)"), b->person, sizeof b->person - 1, false);
	form_set_pick(f, 5, card_form_pick_person);
	form_open(app, f);
}

static void move_card(struct app *app, struct board_view *b, int delta)
{
	int64_t id = selected_id(b);
	int to = b->cur + delta;
	struct pact_err err;
	int rc;

	if (!id)
		return;
	if (to < 0 || to >= BOARD_COLUMNS) {
		app_message(app, true, "%s",
			    to < 0 ? _("Idea is the first column; > moves the card on.")
				   : _("Stopped is the last column; < moves the card back."));
		return;
	}
	rc = board_move(app->db, id, to, &err);
	if (rc == BOARD_NEEDS_EVALUATION) {
		evaluation_form(app, b, true);
		app_message(app, true, "%s", err.msg);
		return;
	}
	if (rc != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	app_message(app, false, _("Moved to %s."), board_column_name(to));
}

static void shift_card(struct app *app, struct board_view *b, int delta)
{
	int64_t id = selected_id(b);
	struct pact_err err;
	bool moved;

	if (!id)
		return;
	if (board_shift(app->db, id, delta, &moved, &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
}

static void board_action(struct app *app, void *state, int action)
{
	struct board_view *b = state;
	struct form *f;

	if (!app->db)
		return;
	switch (action) {
	case BA_LEFT:
		if (b->cur > 0)
			b->cur--;
		break;
	case BA_RIGHT:
		if (b->cur < BOARD_COLUMNS - 1)
			b->cur++;
		break;
	case BA_UP:
		if (b->sel[b->cur] > 0)
			b->sel[b->cur]--;
		break;
	case BA_DOWN:
		if (b->sel[b->cur] + 1 < b->cards.n[b->cur])
			b->sel[b->cur]++;
		break;
	case BA_MOVE_LEFT:
	case BA_MOVE_RIGHT:
		move_card(app, b, action == BA_MOVE_LEFT ? -1 : 1);
		break;
	case BA_SHIFT_UP:
	case BA_SHIFT_DOWN:
		shift_card(app, b, action == BA_SHIFT_UP ? -1 : 1);
		break;
	case BA_NEW:
		f = form_new(_("New experiment"), new_submit, b, 0);
		form_add_text(f, _("Title"), "", 600, false);
		form_add_text(f, _("Owner"), "", 300, false);
		form_set_pick(f, 1, card_form_pick_person);
		form_add_choice(f, _("Track"), board_track_labels, BOARD_TRACKS - 1);
		form_open(app, f);
		break;
	case BA_DELETE:
		if (selected_id(b))
			dialog_confirm(app, _("Delete this experiment card with its history?"),
				       _("Delete"), delete_card, b);
		break;
	case BA_EVALUATE:
		evaluation_form(app, b, false);
		break;
	case BA_BUDGETS:
		show_budgets(app);
		break;
	case BA_FILTER:
		filter_form(app, b);
		break;
	case BA_UNFILTER:
		if (filtered(b)) {
			unfilter(b);
			reload(app, b, selected_id(b));
			app_message(app, false, _("Filter cleared: every card shows."));
		}
		break;
	case BA_OPEN:
		if (selected_id(b))
			open_card(app, selected_id(b));
		break;
	case BA_EDIT:
		if (selected_id(b))
			card_form_open(app, selected_id(b));
		break;
	case BA_OPGAVEN:
		opgaven_open(app);
		break;
	case BA_POTS:
		pots_open(app);
		break;
	case BA_MONITOR:
		show_monitoring(app);
		break;
	case BA_REPORT:
		reports_programme_form(app);
		break;
	case BA_POOL:
		pool_open(app, b, board_panel_filter_person);
		break;
	case BA_AMBITIONS:
		indicators_open(app);
		break;
	case BA_DIVERSITY:
		diversity_groups_open(app);
		break;
	default:
		break;
	}
}

/* Enter in the pool view: only the cards naming this person. */
static void board_panel_filter_person(struct app *app, void *state, const char *name)
{
	struct board_view *b = state;

	unfilter(b);
	snprintf(b->person, sizeof b->person, "%s", name);
	reload(app, b, 0);
	app_message(app, false, _("The Board shows the cards of %s (x clears the filter)."), name);
}

/* A card another panel asks for: marked on the board (the filter cleared
 * when it hides the card), with its card view open. */
static enum show_result board_show(struct app *app, void *state, const struct show_request *req)
{
	struct board_view *b = state;
	struct pact_err err;

	if (req->what != SHOW_CARD)
		return SHOW_NOT_MINE;
	if (!app->db || board_card_column(app->db, req->id, &err) < 0) {
		app_message(app, true, "%s", _("That card is no longer on the Board."));
		return SHOW_REFUSED;
	}
	reload(app, b, req->id);
	if (selected_id(b) != req->id && filtered(b)) {
		unfilter(b);
		reload(app, b, req->id);
		app_message(app, false, "%s", _("Filter cleared to show the card."));
	}
	open_card(app, req->id);
	return SHOW_SHOWN;
}

/* --- drawing -------------------------------------------------------------- */

static void draw_column(struct app *app, struct board_view *b, int c, const struct rect *r)
{
	char head[128];
	int rows = (r->h - 1) / 2;
	size_t first;

	snprintf(head, sizeof head, "%s (%zu)", board_column_name(c), b->cards.n[c]);
	draw_fill(app, r->y, r->x, r->w - 1, c == b->cur ? ROLE_TAB_ACTIVE : ROLE_TAB);
	draw_text_cut(app, r->y, r->x + 1, r->w - 3, head,
		      c == b->cur ? ROLE_TAB_ACTIVE : ROLE_TAB);
	if (!b->cards.n[c]) {
		draw_text_cut(app, r->y + 1, r->x + 1, r->w - 3, "—", ROLE_DIM);
		return;
	}
	if (rows < 1)
		return;
	if (b->sel[c] < b->top[c])
		b->top[c] = b->sel[c];
	if (b->sel[c] >= b->top[c] + (size_t)rows)
		b->top[c] = b->sel[c] - (size_t)rows + 1;
	first = b->top[c];
	for (int i = 0; i < rows && first + (size_t)i < b->cards.n[c]; i++) {
		const struct board_card *row = &b->cards.col[c][first + (size_t)i];
		bool on = c == b->cur && first + (size_t)i == b->sel[c];
		char sub[256];
		int y = r->y + 1 + 2 * i, used;

		/* The owner is cut, not the track: "Youssef · Rollen". */
		snprintf(sub, sizeof sub, " · %s", board_track_short(row->track));
		if (on) {
			draw_fill(app, y, r->x, r->w - 1, ROLE_SELECTED);
			draw_fill(app, y + 1, r->x, r->w - 1, ROLE_SELECTED);
		}
		draw_text_cut(app, y, r->x + 1, r->w - 3, row->title, on ? ROLE_SELECTED : ROLE_NORMAL);
		used = draw_text_cut(app, y + 1, r->x + 1, r->w - 3 - utf8_width(sub),
				     row->owner[0] ? row->owner : "—", on ? ROLE_SELECTED : ROLE_DIM);
		draw_text_cut(app, y + 1, r->x + 1 + used, r->w - 3 - used, sub,
			      on ? ROLE_SELECTED : ROLE_DIM);
	}
}

/* "← Idea, Preparing" and "Stopped →": the columns off-screen. */
static void draw_offscreen(struct app *app, const struct board_view *b, int shown,
			   const struct rect *area)
{
	char left[256] = "", right[256] = "", line[600];
	size_t o;

	for (int c = 0; c < b->first; c++) {
		o = strlen(left);
		snprintf(left + o, sizeof left - o, "%s%s", c ? ", " : "← ", board_column_name(c));
	}
	for (int c = b->first + shown; c < BOARD_COLUMNS; c++) {
		o = strlen(right);
		snprintf(right + o, sizeof right - o, "%s%s", c > b->first + shown ? ", " : "",
			 board_column_name(c));
	}
	if (right[0]) {
		o = strlen(right);
		snprintf(right + o, sizeof right - o, " →");
	}
	snprintf(line, sizeof line, _("More columns: %s%s%s"), left, left[0] && right[0] ? "   " : "",
		 right);
	draw_text_cut(app, area->y + area->h - 1, area->x + 1, area->w - 2, line, ROLE_DIM);
}

/* "Filter: text "klant" · owner "jan" · track Letting go  (x clears)". */
static void draw_filter(struct app *app, const struct board_view *b, int y,
			const struct rect *area)
{
	char line[1024];
	size_t o;

	o = (size_t)snprintf(line, sizeof line, "%s", _("Filter:"));
	if (b->text[0] && o < sizeof line)
		o += (size_t)snprintf(line + o, sizeof line - o, " %s \"%s\"", _("text"), b->text);
	if (b->owner[0] && o < sizeof line)
		o += (size_t)snprintf(line + o, sizeof line - o, " %s \"%s\"", _("owner"), b->owner);
	if (b->opgave[0] && o < sizeof line)
		o += (size_t)snprintf(line + o, sizeof line - o, " %s \"%s\"", _("opgave"),
				      b->opgave);
	if (b->track >= 0 && o < sizeof line)
		o += (size_t)snprintf(line + o, sizeof line - o, " %s %s", _("track"),
				      board_track_name(b->track));
	if (b->focus && o < sizeof line)
		o += (size_t)snprintf(line + o, sizeof line - o, " %s", _("focus experiments"));
	if (b->person[0] && o < sizeof line)
		o += (size_t)snprintf(line + o, sizeof line - o, " %s \"%s\"", _("person"),
				      b->person);
	if (o < sizeof line)
		snprintf(line + o, sizeof line - o, "  %s", _("(x clears)"));
	draw_text_cut(app, y, area->x + 1, area->w - 2, line, ROLE_TITLE);
}

static void board_draw(struct app *app, void *state, const struct rect *area)
{
	struct board_view *b = state;
	int shown, width, rows;
	size_t total = 0;

	if (!app->db)
		return;
	for (int c = 0; c < BOARD_COLUMNS; c++)
		total += b->cards.n[c];
	shown = area->w / COLUMN_MIN;
	shown = shown < 1 ? 1 : shown > BOARD_COLUMNS ? BOARD_COLUMNS : shown;
	if (b->cur < b->first)
		b->first = b->cur;
	if (b->cur >= b->first + shown)
		b->first = b->cur - shown + 1;
	if (b->first > BOARD_COLUMNS - shown)
		b->first = BOARD_COLUMNS - shown;
	width = area->w / shown;
	rows = area->h - (shown < BOARD_COLUMNS ? 1 : 0) - (filtered(b) ? 1 : 0);
	for (int i = 0; i < shown; i++) {
		struct rect r = { area->y, area->x + i * width, rows, width };
		draw_column(app, b, b->first + i, &r);
	}
	if (shown < BOARD_COLUMNS)
		draw_offscreen(app, b, shown, area);
	if (filtered(b))
		draw_filter(app, b, area->y + rows, area);
	if (!total && rows > 6) {
		struct rect text = { area->y + 4, area->x + 2, rows - 5, area->w - 4 };
		draw_wrapped(app, &text,
			     filtered(b) ? _("No card matches the filter. Press x to clear it.")
					 : _("No experiments yet. Press n to put the first one on the "
					     "board; < and > move a card between columns."),
			     0, ROLE_DIM);
	}
}

const struct screen_ops board_ops = {
	.name = "board",
	.title = N_("Board"),
	.keys = board_keys,
	.create = board_create,
	.destroy = board_destroy,
	.draw = board_draw,
	.action = board_action,
	.data_changed = board_data_changed,
	.show = board_show,
};
