/* The open session: capture, timer, prompt cards, clusters, merging. */
#include "panels/brainstorm/session_view.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "evaluation.h"
#include "panels/board/eval_form.h"
#include "brainstorm_deck.h"
#include "card_source.h"
#include "panels/board/monitoring.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "widgets/form.h"
#include "i18n.h"
#include "brainstorm_idea.h"
#include "widgets/input.h"
#include "widgets/list.h"
#include "widgets/manage.h"
#include "widgets/picker.h"
#include "privacy.h"
#include "ui/records.h"
#include "ui/reports.h"
#include "brainstorm_session.h"
#include "widgets/textview.h"
#include "utf8.h"
#include "value.h"
#include "wrap.h"

#define UNDO_MAX 50

struct undo_entry {
	bool merge; /* a merge to take back; otherwise a delete */
	struct idea_undo u;
};

struct session_view {
	int64_t session_id;
	struct session s;
	bool open, want_list, capture;
	struct pager pager;
	bool pager_open;
	struct list_view lv;
	enum idea_view view;
	struct input in;
	int64_t author;
	char author_alias[64];
	struct round round;
	bool have_round;
	enum timer_state shown;
	struct undo_entry undo[UNDO_MAX]; /* deletes and merges, newest last */
	int nundo;
	struct deck deck;
	bool card_on;
	size_t card;
	uint64_t seed;
	int64_t follow; /* an idea saved here: marked when the ideas are read again */
	struct pager cards; /* the experiment cards made from this session */
	bool cards_open;
	struct key_binding keys[32]; /* command_keys as the round stands */
};

enum {
	SV_SAVE = 1, SV_COMMANDS, SV_WHO, SV_TYPE, SV_EDIT, SV_DELETE, SV_UNDO, SV_CLUSTER,
	SV_CLUSTERS, SV_MERGE, SV_MOVE, SV_VIEW, SV_START, SV_PAUSE, SV_EXTEND, SV_END, SV_CARD,
	SV_CARD_HIDE, SV_PEOPLE, SV_BELL, SV_EXPORT, SV_BACK, SV_MAKE_CARD, SV_CARDS,
	SV_REPORT, SV_DIVERSITY, SV_EVALUATE,
};

static const struct key_binding capture_keys[] = {
	{ K_ENTER, SV_SAVE, N_("Save idea"), N_("Save the idea (it is stored at once)") },
	{ K_ESC, SV_COMMANDS, NULL, N_("Stop typing and use the command keys") },
	{ K_CTRL('p'), SV_WHO, N_("Whose idea"), N_("Say whose idea it is (default: anonymous)") },
	{ 0, 0, NULL, NULL },
};

static const struct key_binding command_keys[] = {
	{ 'i', SV_TYPE, NULL, N_("Type ideas") },
	{ 'a', SV_TYPE, NULL, NULL },
	{ 's', SV_START, N_("Round"), N_("Start a round (or a new one)") },
	{ 'p', SV_PAUSE, N_("Pause"), N_("Pause or resume the round") },
	{ '+', SV_EXTEND, NULL, N_("Give the round one more minute") },
	{ 'x', SV_END, NULL, N_("End the round now") },
	{ 'k', SV_CARD, N_("Prompt"), N_("Deal a stretch prompt card") },
	{ 'K', SV_CARD_HIDE, NULL, N_("Put the prompt card away") },
	{ 'c', SV_CLUSTER, N_("Cluster"), N_("Put the marked idea in a cluster") },
	{ 'g', SV_VIEW, NULL, N_("Show the ideas grouped by cluster, or newest first") },
	{ 'C', SV_CLUSTERS, NULL, N_("Clusters: add, rename, delete") },
	{ 'm', SV_MERGE, NULL, N_("Merge the marked idea into another (a duplicate)") },
	{ 'e', SV_EDIT, NULL, N_("Edit the marked idea") },
	{ 'd', SV_DELETE, NULL, N_("Delete the marked idea") },
	{ 'u', SV_UNDO, NULL, N_("Undo the last delete or merge") },
	{ 'o', SV_MOVE, NULL, N_("Move the marked idea to another round") },
	{ 'w', SV_WHO, NULL, N_("Say whose idea the next one is") },
	{ 'P', SV_PEOPLE, NULL, N_("Participants: add, forget") },
	{ 'D', SV_DIVERSITY, NULL, N_("Diversity: how many people of each group took part") },
	{ 'b', SV_BELL, NULL, N_("Bell at the end of a round on or off") },
	{ 'E', SV_EXPORT, N_("Export"), N_("Export the ideas as CSV") },
	{ 'B', SV_MAKE_CARD, N_("Make card"),
	  N_("Make an experiment card on the Board from the marked idea or cluster") },
	{ 'R', SV_REPORT, NULL, N_("Write the session's report (HTML or Markdown)") },
	{ 'v', SV_EVALUATE, NULL,
	  N_("Evaluate the session as a participation trajectory (a case in the Library)") },
	/* named by the line of the session's cards, not on the key line */
	{ 'L', SV_CARDS, NULL,
	  N_("The experiment cards made from this session; Enter opens one on the Board") },
	{ K_ESC, SV_BACK, N_("Sessions"), N_("Back to the list of sessions") },
	{ 0, 0, NULL, NULL },
};

static const struct list_column time_columns[] = {
	{ N_("Idea"), 0, 0 },
};
static const struct list_column wide_columns[] = {
	{ N_("Round"), 14, 2 }, { N_("Cluster"), 14, 3 }, { N_("By"), 10, 4 },
	{ N_("Late"), 7, 1 }, { N_("Idea"), 0, 0 },
};
/* 7 columns: Dutch "Te laat" (a bare "Laat" reads as "let") */
static const struct list_column narrow_columns[] = {
	{ N_("Late"), 7, 1 }, { N_("Idea"), 0, 0 },
};

static int64_t now(void)
{
	return (int64_t)time(NULL);
}

struct session_view *sv_new(struct app *app)
{
	struct session_view *sv = calloc(1, sizeof *sv);
	struct pact_err err;

	if (!sv)
		return NULL;
	input_init(&sv->in, 8000, false);
	sv->seed = (uint64_t)time(NULL) * 2654435761u + 1;
	if (deck_load_default(&sv->deck, &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
	if (app->db) {
		char *bell = db_setting_get(app->db, "bell");
		app->bell = !(bell && strcmp(bell, "off") == 0);
		free(bell);
	}
	return sv;
}

void sv_close(struct session_view *sv)
{
	if (sv->pager_open)
		pager_close(&sv->pager);
	if (sv->cards_open)
		pager_close(&sv->cards);
	sv->cards_open = false;
	while (sv->nundo > 0)
		idea_undo_free(&sv->undo[--sv->nundo].u);
	session_free(&sv->s);
	sv->pager_open = sv->open = false;
	textbuf_clear(&sv->in.tb);
}

void sv_free(struct session_view *sv)
{
	if (!sv)
		return;
	sv_close(sv);
	input_free(&sv->in);
	deck_free(&sv->deck);
	free(sv);
}

bool sv_is_open(const struct session_view *sv)
{
	return sv->open;
}

int64_t sv_session(const struct session_view *sv)
{
	return sv->open ? sv->session_id : 0;
}

bool sv_wants_list(struct session_view *sv)
{
	bool w = sv->want_list;

	sv->want_list = false;
	return w;
}

/* Read everything shown again: the session, its round, its ideas. */
static void reload(struct app *app, struct session_view *sv)
{
	struct pact_err err;
	struct session s;
	int64_t marked_id = sv->pager_open && pager_count(&sv->pager) ? list_selected_id(&sv->lv) : -1;

	if (sv->follow)
		marked_id = sv->follow;
	sv->follow = 0;
	if (session_get(app->db, sv->session_id, &s, &err) != PACT_OK) {
		/* Deleted elsewhere: back to the list. */
		sv->want_list = true;
		app_message(app, true, "%s", err.msg);
		return;
	}
	session_free(&sv->s);
	sv->s = s;
	if (round_current(app->db, sv->session_id, &sv->round, &sv->have_round, &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
	if (sv->pager_open)
		pager_close(&sv->pager);
	sv->pager_open = idea_pager(&sv->pager, app->db, sv->session_id, sv->view, _("late"),
				    _("Not in a cluster"), &err) == PACT_OK;
	if (!sv->pager_open)
		app_message(app, true, "%s", err.msg);
	list_clamp(&sv->lv);
	if (sv->pager_open)
		list_follow(&sv->lv, marked_id);
	if (sv->cards_open)
		pager_close(&sv->cards);
	sv->cards_open = card_session_pager(&sv->cards, app->db, sv->session_id, &err) == PACT_OK;
	if (!sv->cards_open)
		app_message(app, true, "%s", err.msg);
}

void sv_data_changed(struct app *app, struct session_view *sv)
{
	if (sv->open)
		reload(app, sv);
}

bool sv_open(struct app *app, struct session_view *sv, int64_t session_id)
{
	enum timer_state st;

	sv_close(sv);
	sv->session_id = session_id;
	sv->view = IDEA_BY_TIME;
	sv->author = 0;
	list_init(&sv->lv, &sv->pager, narrow_columns, 2, 0, NULL);
	sv->open = true;
	reload(app, sv);
	if (sv->want_list) {
		sv_close(sv);
		return false;
	}
	st = sv->have_round ? timer_state(&sv->round.timer, now()) : TIMER_IDLE;
	sv->shown = st;
	/* New or old, a session opens ready for ideas: a letter typed lands in
	 * the line where it shows, never acting as a command unseen. */
	sv->capture = true;
	return true;
}

/* p is offered while a round runs (Pause) or is paused (Resume); before
 * a round, or after it, it does nothing to offer. */
const struct key_binding *sv_keys(struct session_view *sv)
{
	enum timer_state st = sv->have_round ? timer_state(&sv->round.timer, now()) : TIMER_IDLE;

	if (sv->capture)
		return capture_keys;
	keys_copy(sv->keys, sizeof sv->keys / sizeof sv->keys[0], command_keys);
	for (struct key_binding *k = sv->keys; k->key; k++)
		if (k->action == SV_PAUSE)
			k->hint = st == TIMER_RUNNING  ? N_("Pause")
				  : st == TIMER_PAUSED ? N_("Resume")
						       : NULL;
	return sv->keys;
}

bool sv_typing(struct session_view *sv)
{
	return sv->open && sv->capture;
}

const char *sv_mode(struct session_view *sv, bool brief)
{
	if (!sv->open)
		return NULL;
	if (brief)
		return sv->capture ? _("TYPING") : _("COMMANDS");
	return sv->capture ? _("TYPING — Esc for commands") : _("COMMANDS — i to type");
}

bool sv_unsaved(struct session_view *sv)
{
	return sv->open && sv->in.tb.len > 0;
}

/* The marked idea; 0 (with a message) when the mark is not on an idea. */
static int64_t marked(struct app *app, struct session_view *sv)
{
	int64_t id = sv->pager_open && pager_count(&sv->pager) ? list_selected_id(&sv->lv) : -1;

	if (id <= 0) {
		app_message(app, true, "%s",
			    id == -1 ? _("There is no idea to act on yet")
				     : _("That is a cluster heading; mark an idea (Up and Down)"));
		return 0;
	}
	return id;
}

static void report(struct app *app, int rc, const struct pact_err *err)
{
	if (rc != PACT_OK)
		app_message(app, true, "%s", err->msg);
}

static void save_idea(struct app *app, struct session_view *sv)
{
	struct pact_err err;
	int64_t id;

	if (idea_add(app->db, sv->session_id, sv->in.tb.s ? sv->in.tb.s : "", sv->author, now(),
		     &id, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	textbuf_clear(&sv->in.tb);
	sv->author = 0;
	/* newest first: the new idea is on top, and the mark goes with it */
	if (sv->view == IDEA_BY_TIME)
		sv->follow = id;
}

/* --- experiment cards ------------------------------------------------- */

/* The marked idea, or on a cluster's heading (grouped view) the cluster,
 * becomes a card in the Board's first column; once only. */
static void make_card(struct app *app, struct session_view *sv)
{
	struct pact_err err;
	bool any = sv->pager_open && pager_count(&sv->pager);
	int64_t id = any ? list_selected_id(&sv->lv) : 0, card = 0;
	bool existed = false;
	int rc;

	if (!any || (id < 0 && sv->view != IDEA_BY_CLUSTER)) {
		app_message(app, true, "%s", _("There is no idea to act on yet"));
		return;
	}
	if (id == 0) {
		app_message(app, true, "%s",
			    _("These ideas are in no cluster; mark one of them or a cluster"));
		return;
	}
	rc = id > 0 ? card_from_idea(app->db, id, NULL, &card, &existed, &err)
		    : card_from_cluster(app->db, -id, NULL, &card, &existed, &err);
	if (rc != PACT_OK)
		app_message(app, true, "%s", err.msg);
	else if (existed && id > 0)
		app_message(app, false, _("This idea has a card already: card %lld."),
			    (long long)card);
	else if (existed)
		app_message(app, false, _("This cluster has a card already: card %lld."),
			    (long long)card);
	else
		app_message(app, false, _("Card %lld is on the Board, in Idea."), (long long)card);
}

static const struct list_column card_columns[] = {
	{ N_("Column"), 14, 1 },
	{ N_("Card"), 0, 0 },
};

/* A card of the list: marked on the Board, its card view open. */
static void card_chosen(struct app *app, void *owner, int64_t unused, int64_t card)
{
	(void)owner;
	(void)unused;
	app_show(app, &(struct show_request){ SHOW_CARD, card });
}

/* The cards made from this session's ideas, clusters and polls. */
static void list_cards(struct app *app, struct session_view *sv)
{
	struct pager *p;
	struct pact_err err;

	if (!sv->cards_open || pager_count(&sv->cards) == 0) {
		app_message(app, false, "%s",
			    _("No card was made from this session yet; B makes one from the marked "
			      "idea or cluster."));
		return;
	}
	if (!(p = calloc(1, sizeof *p)) ||
	    card_session_pager(p, app->db, sv->session_id, &err) != PACT_OK) {
		free(p);
		return;
	}
	picker_open(app, _("Cards made from this session"), p, card_columns, 2, 0, card_chosen, sv,
		    0);
}

/* "Cards on the Board (L lists them): Bankjes (column Idea), Kade (column
 * Running)", as many as fit; "column" says Idea is where the card is, not
 * what it is. */
static void draw_cards(struct app *app, struct session_view *sv, int y, const struct rect *area)
{
	char line[1024], card[512];
	size_t o = (size_t)snprintf(line, sizeof line, "%s", _("Cards on the Board (L lists them):"));
	int64_t n = pager_count(&sv->cards);

	for (int64_t i = 0; i < n && i < 20 && o < sizeof line; i++) {
		const struct pager_row *r = pager_get(&sv->cards, i);
		if (!r)
			break;
		snprintf(card, sizeof card, _("%s (column %s)"), r->cols[0], r->cols[1]);
		o += (size_t)snprintf(line + o, sizeof line - o, "%s %s", i ? "," : "", card);
	}
	draw_text_cut(app, y, area->x + 1, area->w - 2, line, ROLE_DIM);
}

/* --- clusters ---------------------------------------------------------- */

/* Where the idea is now, by the cluster's name; "g shows the clusters"
 * only while they are not on screen. */
static void say_cluster(struct app *app, struct session_view *sv, int64_t cluster)
{
	char *name = cluster ? cluster_name(app->db, cluster) : NULL;

	if (!name)
		app_message(app, false, "%s", _("The idea is in no cluster now"));
	else if (sv->view == IDEA_BY_CLUSTER)
		app_message(app, false, _("The idea is in cluster %s now"), name);
	else
		app_message(app, false, _("The idea is in cluster %s now (g shows the clusters)"), name);
	free(name);
}

static int new_cluster_submit(struct app *app, void *owner, int64_t idea, struct form *f,
			      struct pact_err *err)
{
	struct session_view *sv = owner;
	int64_t cluster;
	int rc = cluster_add(app->db, sv->session_id, form_text(f, 0), &cluster, err);

	if (rc == PACT_OK && idea > 0)
		rc = idea_set_cluster(app->db, idea, cluster, err);
	if (rc == PACT_OK && idea > 0)
		say_cluster(app, sv, cluster);
	return rc;
}

static void new_cluster_form(struct app *app, struct session_view *sv, int64_t idea)
{
	struct form *f = form_new(_("New cluster"), new_cluster_submit, sv, idea);

	form_add_text(f, _("Name"), "", 400, false);
	form_open(app, f);
}

static void cluster_chosen(struct app *app, void *owner, int64_t idea, int64_t cluster)
{
	struct session_view *sv = owner;
	struct pact_err err;

	if (cluster < 0) {
		new_cluster_form(app, sv, idea);
		return;
	}
	if (idea_set_cluster(app->db, idea, cluster, &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
	else
		say_cluster(app, sv, cluster);
}

static const struct list_column cluster_columns[] = {
	{ N_("Ideas"), 6, 1 },
	{ N_("Cluster"), 0, 0 },
};

static void choose_cluster(struct app *app, struct session_view *sv)
{
	struct pager *p = calloc(1, sizeof *p);
	struct pact_err err;
	int64_t idea = marked(app, sv);

	if (!idea || !p || cluster_pager(p, app->db, sv->session_id, &err) != PACT_OK) {
		free(p);
		return;
	}
	/* the mark always starts on New cluster…, the first row, as it does
	 * while there are no clusters: Enter then a name never puts the idea in
	 * a cluster nobody chose and never lets the name's letters run as
	 * commands. An existing cluster is Down or its first letters away;
	 * taking the idea out of its cluster is the last row. */
	pager_add_extra(p, -1, _("New cluster…"));
	pager_add_extra_last(p, 0, _("(no cluster)"));
	picker_open_at(app, _("Put the idea in the cluster…"), p, cluster_columns, 2, 0, -1,
		       cluster_chosen, sv, idea);
}

static int rename_cluster_submit(struct app *app, void *owner, int64_t cluster, struct form *f,
				 struct pact_err *err)
{
	(void)owner;
	return cluster_rename(app->db, cluster, form_text(f, 0), err);
}

static int add_cluster_submit(struct app *app, void *owner, int64_t session, struct form *f,
			      struct pact_err *err)
{
	(void)owner;
	return cluster_add(app->db, session, form_text(f, 0), NULL, err);
}

enum { MC_NEW = 1, MC_RENAME, MC_DELETE, MC_FORGET, MC_BREAKDOWN };

static void confirm_delete_cluster(struct app *app, void *ctx)
{
	struct manage *m = ctx;
	struct pact_err err;

	report(app, cluster_delete(app->db, manage_selected(m), &err), &err);
}

static void cluster_action(struct app *app, struct manage *m, int action, int64_t id)
{
	struct form *f;

	if (action == MC_NEW) {
		f = form_new(_("New cluster"), add_cluster_submit, m, manage_owner_id(m));
		form_add_text(f, _("Name"), "", 400, false);
		form_open(app, f);
	} else if (id > 0 && action == MC_RENAME) {
		f = form_new(_("Rename cluster"), rename_cluster_submit, m, id);
		form_add_text(f, _("Name"), manage_selected_text(m), 400, false);
		form_open(app, f);
	} else if (id > 0 && action == MC_DELETE) {
		dialog_confirm(app, _("Delete this cluster? Its ideas stay, without a cluster."),
			       _("Delete"), confirm_delete_cluster, m);
	}
}

static const struct key_binding cluster_manage_keys[] = {
	{ 'n', MC_NEW, N_("New"), N_("New cluster") },
	{ 'r', MC_RENAME, N_("Rename"), N_("Rename the marked cluster") },
	{ 'd', MC_DELETE, N_("Delete"), N_("Delete the marked cluster (its ideas stay)") },
	{ K_ESC, 0, N_("Close"), N_("Close this list") },
	{ 0, 0, NULL, NULL },
};

static const struct manage_ops cluster_manage = {
	.title = N_("Clusters"),
	.open_pager = cluster_pager,
	.columns = cluster_columns,
	.ncols = 2,
	.keys = cluster_manage_keys,
	.action = cluster_action,
};

static void push_undo(struct session_view *sv, bool merge, struct idea_undo *u)
{
	if (sv->nundo == UNDO_MAX) {
		idea_undo_free(&sv->undo[0].u);
		memmove(sv->undo, sv->undo + 1, (UNDO_MAX - 1) * sizeof sv->undo[0]);
		sv->nundo--;
	}
	sv->undo[sv->nundo].merge = merge;
	sv->undo[sv->nundo++].u = *u;
}

/* --- merge, rounds of ideas, edit, delete ------------------------------- */

static void merge_chosen(struct app *app, void *owner, int64_t from, int64_t into)
{
	struct session_view *sv = owner;
	struct idea_undo undo;
	struct pact_err err;

	if (into <= 0)
		return;
	if (idea_merge(app->db, from, into, &undo, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
	} else {
		push_undo(sv, true, &undo);
		app_message(app, false, "%s",
			    _("Merged: the duplicate now counts for the other idea (u undoes it)"));
	}
}

static void choose_merge(struct app *app, struct session_view *sv)
{
	struct pager *p = calloc(1, sizeof *p);
	struct pact_err err;
	int64_t idea = marked(app, sv);

	if (!idea || !p ||
	    idea_pager(p, app->db, sv->session_id, IDEA_BY_TIME, _("late"), "", &err) != PACT_OK) {
		free(p);
		return;
	}
	pager_bind_int(p, ":exclude", idea);
	pager_reload(p, &err);
	picker_open(app, _("Merge the marked idea into…"), p, time_columns, 1, 0, merge_chosen, sv,
		    idea);
}

static void round_of_idea_chosen(struct app *app, void *owner, int64_t idea, int64_t round)
{
	struct pact_err err;

	(void)owner;
	if (idea_set_round(app->db, idea, round, &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
	else
		app_message(app, false, "%s",
			    round ? _("The idea moved to that round") : _("The idea is in no round now"));
}

static const struct list_column round_columns[] = {
	{ N_("Time"), 6, 1 },
	{ N_("Round"), 0, 0 },
};

static void choose_round_of_idea(struct app *app, struct session_view *sv)
{
	struct pager *p = calloc(1, sizeof *p);
	struct pact_err err;
	int64_t idea = marked(app, sv);

	if (!idea || !p || round_pager(p, app->db, sv->session_id, &err) != PACT_OK) {
		free(p);
		return;
	}
	pager_add_extra(p, 0, _("(no round)"));
	picker_open(app, _("Move the idea to the round…"), p, round_columns, 2, 0,
		    round_of_idea_chosen, sv, idea);
}

static int edit_submit(struct app *app, void *owner, int64_t idea, struct form *f,
		       struct pact_err *err)
{
	(void)owner;
	return idea_edit(app->db, idea, form_text(f, 0), err);
}

static void edit_idea(struct app *app, struct session_view *sv)
{
	int64_t idea = marked(app, sv);
	char *text = idea ? idea_text(app->db, idea) : NULL;
	struct form *f;

	if (!text)
		return;
	f = form_new(_("Edit idea"), edit_submit, sv, idea);
	form_add_text(f, _("Idea"), text, 8000, true);
	form_open(app, f);
	free(text);
}

static void delete_idea(struct app *app, struct session_view *sv)
{
	struct pact_err err;
	struct idea_undo undo;
	int64_t idea = marked(app, sv);

	if (!idea)
		return;
	if (idea_delete(app->db, idea, &undo, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	push_undo(sv, false, &undo);
	app_message(app, false, "%s", _("Idea deleted. Press u to bring it back."));
}

static void undo_last(struct app *app, struct session_view *sv)
{
	struct pact_err err;
	struct undo_entry *e;
	int rc;

	if (sv->nundo == 0) {
		app_message(app, true, "%s", _("Nothing to undo"));
		return;
	}
	e = &sv->undo[sv->nundo - 1];
	rc = e->merge ? idea_unmerge(app->db, &e->u, &err) : idea_restore(app->db, &e->u, &err);
	if (rc == PACT_OK)
		app_message(app, false, "%s",
			    e->merge ? _("The merge is undone.") : _("The idea is back."));
	else
		app_message(app, true, "%s", err.msg);
	/* A refusal (session or idea gone meanwhile) stays one, so that undo is
	 * dropped and the one before it is next; a database error or running
	 * out of memory may pass, so the undo is kept for another try. */
	if (rc == PACT_EDB || rc == PACT_ENOMEM)
		return;
	idea_undo_free(&e->u);
	sv->nundo--;
}

/* --- rounds ------------------------------------------------------------ */

static void start_round(struct app *app, struct session_view *sv, int64_t round)
{
	struct pact_err err;

	if (round_start(app->db, round, now(), &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	sv->shown = TIMER_RUNNING;
	sv->capture = true;
}

static int new_round_submit(struct app *app, void *owner, int64_t unused, struct form *f,
			    struct pact_err *err)
{
	struct session_view *sv = owner;
	int64_t seconds, id;
	int rc;

	(void)unused;
	if (!timer_parse(form_text(f, 1), &seconds))
		return err_set(err, PACT_EINPUT,
			       _("timebox: '%s' is not a time; write minutes and seconds from 0:01 to "
				 "999:59, for example 5:00"),
			       form_text(f, 1));
	rc = round_add(app->db, sv->session_id, form_text(f, 0), seconds, &id, err);
	if (rc == PACT_OK)
		start_round(app, sv, id);
	return rc;
}

static void round_chosen(struct app *app, void *owner, int64_t unused, int64_t round)
{
	struct session_view *sv = owner;
	struct form *f;

	(void)unused;
	if (round > 0) {
		start_round(app, sv, round);
		return;
	}
	f = form_new(_("New round"), new_round_submit, sv, 0);
	form_add_text(f, _("Name"), _("Diverge"), 400, false);
	form_add_text(f, _("Timebox (mm:ss)"), "5:00", 16, false);
	form_set_save_label(f, N_("Start round"));
	form_open(app, f);
}

static void choose_round(struct app *app, struct session_view *sv)
{
	struct pager *p = calloc(1, sizeof *p);
	struct pact_err err;

	if (!p || round_pager(p, app->db, sv->session_id, &err) != PACT_OK) {
		free(p);
		return;
	}
	pager_add_extra(p, -1, _("New round…"));
	picker_open(app,
		    sv->shown == TIMER_RUNNING || sv->shown == TIMER_PAUSED || sv->shown == TIMER_UP
			    ? _("Start the round… (the running round ends)")
			    : _("Start the round…"),
		    p, round_columns, 2, 1, round_chosen, sv, 0);
}

static void round_control(struct app *app, struct session_view *sv, int action)
{
	struct pact_err err;
	enum timer_state st = sv->have_round ? timer_state(&sv->round.timer, now()) : TIMER_IDLE;
	int rc = PACT_OK;

	if (st == TIMER_IDLE || st == TIMER_ENDED) {
		app_message(app, true, "%s", _("No round is on; press s to start one"));
		return;
	}
	if (action == SV_PAUSE && st == TIMER_PAUSED)
		rc = round_resume(app->db, sv->round.id, now(), &err);
	else if (action == SV_PAUSE && st == TIMER_RUNNING)
		rc = round_pause(app->db, sv->round.id, now(), &err);
	else if (action == SV_EXTEND)
		rc = round_extend(app->db, sv->round.id, 60, now(), &err);
	else if (action == SV_END)
		rc = round_end(app->db, sv->round.id, now(), &err);
	report(app, rc, &err);
}

/* --- participants --------------------------------------------------------- */

static int add_participant(struct app *app, int64_t session, struct form *f, int64_t *id,
			   struct pact_err *err)
{
	struct participant_fields pf = {
		.alias = form_text(f, 0),
		.name = form_text(f, 1),
		.consent = form_choice(f, 2) == 1,
		.role = participant_role_key(form_choice(f, 3)),
		.wijk = form_text(f, 4),
		.age_band = participant_age_key(form_choice(f, 5)),
	};

	return participant_add(app->db, session, &pf, id, err);
}

static struct form *participant_form(form_submit_fn submit, void *owner, int64_t arg)
{
	struct form *f = form_new(_("New participant"), submit, owner, arg);

	form_add_text(f, _("Alias"), "", 240, false);
	form_add_text(f, _("Name (only with consent)"), "", 800, false);
	form_add_yesno(f, _("Agrees to storing the name"), false);
	form_add_choice(f, _("Role"), participant_role_choices(), 0);
	form_add_text(f, _("Neighbourhood (wijk)"), "", 400, false);
	form_add_choice(f, _("Age"), participant_age_choices(), 0);
	return f;
}

static int author_submit(struct app *app, void *owner, int64_t unused, struct form *f,
			 struct pact_err *err)
{
	struct session_view *sv = owner;
	int rc = add_participant(app, sv->session_id, f, &sv->author, err);

	(void)unused;
	if (rc == PACT_OK)
		snprintf(sv->author_alias, sizeof sv->author_alias, "%s", form_text(f, 0));
	return rc;
}

static void author_chosen(struct app *app, void *owner, int64_t unused, int64_t id)
{
	struct session_view *sv = owner;
	char *alias;

	(void)unused;
	if (id < 0) {
		form_open(app, participant_form(author_submit, sv, 0));
		return;
	}
	sv->author = id;
	alias = id ? participant_alias(app->db, id) : NULL;
	snprintf(sv->author_alias, sizeof sv->author_alias, "%s", alias ? alias : "");
	free(alias);
}

static const struct list_column people_columns[] = {
	{ N_("Alias"), 20, 0 },
	{ N_("Role"), 16, 1 },
	{ N_("Wijk"), 0, 2 },
};

static void choose_author(struct app *app, struct session_view *sv)
{
	struct pager *p = calloc(1, sizeof *p);
	struct pact_err err;

	if (!p || participant_pager(p, app->db, sv->session_id, &err) != PACT_OK) {
		free(p);
		return;
	}
	pager_add_extra(p, 0, _("anonymous"));
	pager_add_extra(p, -1, _("New participant…"));
	picker_open(app, _("Whose idea is it?"), p, people_columns, 3, 0, author_chosen, sv, 0);
}

static int people_add_submit(struct app *app, void *owner, int64_t session, struct form *f,
			     struct pact_err *err)
{
	(void)owner;
	return add_participant(app, session, f, NULL, err);
}

static void confirm_forget(struct app *app, void *ctx)
{
	struct manage *m = ctx;
	struct pact_err err;
	int rc = participant_forget(app->db, manage_selected(m), &err);

	/* A warning only: the participant is forgotten either way. */
	if (rc == PACT_OK && privacy_scrub(app->db, app->db_path, &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
	report(app, rc, &err);
}

/* Who took part, as charts: groups under PRIVACY_MIN_GROUP as "<5", and
 * what would give one away as "x", each with a fixed mark for a bar. */
static void show_breakdown(struct app *app, int64_t session)
{
	struct privacy_group *g;
	struct pact_err err;
	size_t n;
	char *text;

	if (privacy_breakdown(app->db, session, &g, &n, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	text = privacy_breakdown_report(g, n, COLS - 6, utf8_display_unicode());
	privacy_groups_free(g, n);
	if (text)
		textview_open(app, _("Who took part"), text);
	free(text);
}

static void people_action(struct app *app, struct manage *m, int action, int64_t id)
{
	if (action == MC_NEW)
		form_open(app, participant_form(people_add_submit, m, manage_owner_id(m)));
	else if (action == MC_BREAKDOWN)
		show_breakdown(app, manage_owner_id(m));
	else if (action == MC_FORGET && id > 0)
		dialog_confirm(app,
			       _("Forget this participant? Their name and details are removed; "
				 "their ideas stay, anonymous."),
			       _("Forget"), confirm_forget, m);
}

static const struct key_binding people_keys[] = {
	{ 'n', MC_NEW, N_("New"), N_("New participant") },
	{ 'b', MC_BREAKDOWN, N_("Breakdown"),
	  N_("Who took part: role, neighbourhood, age band (groups under 5 hidden)") },
	{ 'f', MC_FORGET, N_("Forget"), N_("Forget the marked participant (GDPR)") },
	{ K_ESC, 0, N_("Close"), N_("Close this list") },
	{ 0, 0, NULL, NULL },
};

static const struct manage_ops people_manage = {
	.title = N_("Participants"),
	.open_pager = participant_pager,
	.columns = people_columns,
	.ncols = 3,
	.keys = people_keys,
	.action = people_action,
};

/* --- keys ---------------------------------------------------------------- */

static void toggle_bell(struct app *app)
{
	app->bell = !app->bell;
	db_setting_set(app->db, "bell", app->bell ? "on" : "off", NULL);
	app_message(app, false, "%s",
		    app->bell ? _("The bell rings when a round's time is up")
			      : _("No bell when a round's time is up"));
}

static void deal_card(struct app *app, struct session_view *sv)
{
	if (sv->deck.n == 0) {
		app_message(app, true, "%s", _("The deck of prompts is empty"));
		return;
	}
	sv->card = deck_draw(&sv->deck, sv->card_on ? sv->card : (size_t)-1, &sv->seed);
	sv->card_on = true;
}

static void leave_now(struct app *app, void *ctx)
{
	struct session_view *sv = ctx;

	(void)app;
	sv->want_list = true;
}

/* Ending a round is asked first: the room is watching the clock. */
static void end_round_now(struct app *app, void *ctx)
{
	round_control(app, ctx, SV_END);
}

void sv_action(struct app *app, struct session_view *sv, int action)
{
	switch (action) {
	case SV_SAVE: save_idea(app, sv); break;
	case SV_COMMANDS: sv->capture = false; break;
	case SV_TYPE: sv->capture = true; break;
	case SV_WHO: choose_author(app, sv); break;
	case SV_EDIT: edit_idea(app, sv); break;
	case SV_DELETE: delete_idea(app, sv); break;
	case SV_UNDO: undo_last(app, sv); break;
	case SV_CLUSTER: choose_cluster(app, sv); break;
	case SV_CLUSTERS: manage_open(app, &cluster_manage, sv->session_id, sv); break;
	case SV_MERGE: choose_merge(app, sv); break;
	case SV_MOVE: choose_round_of_idea(app, sv); break;
	case SV_VIEW:
		sv->view = sv->view == IDEA_BY_TIME ? IDEA_BY_CLUSTER : IDEA_BY_TIME;
		sv->lv.sel = sv->lv.top = 0;
		sv->lv.headings = sv->view == IDEA_BY_CLUSTER;
		reload(app, sv);
		break;
	case SV_START: choose_round(app, sv); break;
	case SV_PAUSE:
	case SV_EXTEND: round_control(app, sv, action); break;
	case SV_END:
		if (sv->have_round && sv->shown != TIMER_ENDED && sv->shown != TIMER_IDLE)
			dialog_confirm(app, _("End the round now?"), _("End it"), end_round_now, sv);
		else
			round_control(app, sv, action);
		break;
	case SV_CARD: deal_card(app, sv); break;
	case SV_CARD_HIDE: sv->card_on = false; break;
	case SV_PEOPLE: manage_open(app, &people_manage, sv->session_id, sv); break;
	case SV_DIVERSITY: diversity_form_open(app, DIVERSITY_SESSION, sv->session_id); break;
	case SV_BELL: toggle_bell(app); break;
	case SV_EXPORT: records_export_form(app, sv->session_id); break;
	case SV_MAKE_CARD: make_card(app, sv); break;
	case SV_REPORT: reports_session_form(app, sv->session_id); break;
	case SV_EVALUATE: eval_form_open(app, EVAL_SESSION, sv->session_id, false); break;
	case SV_CARDS: list_cards(app, sv); break;
	case SV_BACK:
		if (sv_unsaved(sv))
			dialog_confirm(app, _("Leave the session? The idea you typed is not saved yet."),
				       _("Leave"), leave_now, sv);
		else
			sv->want_list = true;
		break;
	}
}

/* While typing, the input line takes its keys, and the list still scrolls. */
enum input_result sv_text_input(struct app *app, struct session_view *sv, int key)
{
	(void)app;
	if (sv->capture && key != K_ENTER && key != K_ESC &&
	    input_key(&sv->in, key) != INPUT_NOT_MINE)
		return INPUT_HANDLED;
	if (sv->pager_open && list_key(&sv->lv, key))
		return INPUT_HANDLED;
	return INPUT_IGNORED;
}

void sv_fallback(struct app *app, struct session_view *sv, int key)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	if (!sv->capture && sv->pager_open &&
	    !list_find(&sv->lv, key, (double)ts.tv_sec + (double)ts.tv_nsec / 1e9) && key >= 0x20 &&
	    key < 0x110000)
		app_message(app, true, "%s", _("That key does nothing here; press ? for the keys"));
}

bool sv_tick(struct app *app, struct session_view *sv)
{
	enum timer_state st;

	if (!sv->open)
		return false;
	st = sv->have_round ? timer_state(&sv->round.timer, now()) : TIMER_IDLE;
	if (st == TIMER_UP && sv->shown == TIMER_RUNNING && app->bell)
		beep();
	sv->shown = st;
	return true;
}

/* --- drawing ------------------------------------------------------------- */

int sv_draw_clock(struct app *app, int y, int right, const struct round *r, bool have_round)
{
	char text[320], mmss[16], name[128];
	enum timer_state st = have_round ? timer_state(&r->timer, now()) : TIMER_IDLE;
	enum role role = ROLE_TITLE;
	int w;

	if (!have_round)
		snprintf(text, sizeof text, "%s", _("No round yet"));
	else {
		/* A long round name gives way to the time. */
		if (utf8_fit(r->name, 24, name, sizeof name) < utf8_width(r->name))
			snprintf(name + strlen(name), sizeof name - strlen(name), "%s",
				 utf8_display_unicode() ? "\u2026" : "~");
		timer_format(timer_remaining(&r->timer, now()), mmss);
		if (st == TIMER_UP)
			snprintf(text, sizeof text, " %s  %s ", name, _("Time's up"));
		else if (st == TIMER_ENDED)
			snprintf(text, sizeof text, "%s  %s", name, _("ended"));
		else if (st == TIMER_PAUSED)
			snprintf(text, sizeof text, "%s  %s %s", name, mmss, _("paused"));
		else
			snprintf(text, sizeof text, "%s  %s", name, mmss);
		role = st == TIMER_UP ? ROLE_ERROR : st == TIMER_RUNNING ? ROLE_TITLE : ROLE_DIM;
	}
	if (!have_round)
		role = ROLE_DIM;
	w = utf8_width(text);
	if (w > right)
		w = right;
	draw_text_cut(app, y, right - w, w, text, role);
	return w;
}

static int draw_card(struct app *app, struct session_view *sv, int y, const struct rect *area)
{
	const char *text = deck_text(&sv->deck, sv->card, i18n_lang());
	int w = area->w - 4, lines = (int)wrap_text(text, w - 4, NULL, 0);
	struct rect box = { y, area->x + 2, lines + 2, w };

	if (lines > 4)
		box.h = 6;
	draw_frame(app, &box, _("Stretch prompt"), ROLE_DIALOG);
	draw_wrapped(app, &(struct rect){ y + 1, box.x + 2, box.h - 2, w - 4 }, text, 0, ROLE_TITLE);
	return box.h;
}

static void draw_input(struct app *app, struct session_view *sv, int y, const struct rect *area)
{
	char label[128];
	int used;

	/* the hint names keys of ours: not while a dialog has the keys */
	if (!sv->capture && sv->in.tb.len == 0) {
		if (!app_covered(app))
			draw_text_cut(app, y, area->x + 1, area->w - 2,
				      _("Press i to type ideas, ? for every key."), ROLE_DIM);
		return;
	}
	snprintf(label, sizeof label, _("Idea (%s) > "),
		 sv->author ? sv->author_alias : _("anonymous"));
	used = draw_text_cut(app, y, area->x + 1, area->w / 3, label, ROLE_TITLE);
	input_draw(app, &sv->in, &(struct rect){ y, area->x + 1 + used, 1, area->w - 2 - used },
		   sv->capture ? ROLE_SELECTED : ROLE_DIM);
	if (!sv->capture)
		app->cursor_on = false; /* kept for later: i goes on typing it */
}

void sv_draw(struct app *app, struct session_view *sv, const struct rect *area)
{
	char head[512], date[32];
	int y = area->y, bottom = area->y + area->h - 1, qrows;
	struct rect q, list;

	int clock = sv_draw_clock(app, y, area->x + area->w - 1, &sv->round, sv->have_round);

	value_date_show(sv->s.date, strcmp(i18n_lang(), "nl") == 0, date);
	snprintf(head, sizeof head, "%s  \u00b7  %s%s", sv->s.title, date,
		 sv->s.archived ? _("  (archived)") : "");
	draw_text_cut(app, y, area->x + 1, area->w - clock - 4, head, ROLE_TITLE);
	q = (struct rect){ y + 1, area->x + 1, 2, area->w - 2 };
	qrows = sv->s.question[0] ? draw_wrapped(app, &q, sv->s.question, 0, ROLE_NORMAL) : 0;
	y += 1 + (qrows > 2 ? 2 : qrows);
	if (sv->cards_open && pager_count(&sv->cards) > 0 && bottom - y > 6)
		draw_cards(app, sv, y++, area);
	y++;
	if (sv->card_on && bottom - y > 8)
		y += draw_card(app, sv, y, area);
	list = (struct rect){ y, area->x, bottom - 1 - y, area->w };
	if (area->w >= 100)
		sv->lv.columns = wide_columns, sv->lv.ncols = 5;
	else
		sv->lv.columns = narrow_columns, sv->lv.ncols = 2;
	/* The empty list says what to do in the mode that is on. */
	sv->lv.empty = sv->capture ? N_("No ideas yet. Type one and press Enter.")
				   : N_("No ideas yet. Press i to type one.");
	if (sv->pager_open && list.h > 1)
		list_draw(app, &sv->lv, &list);
	draw_input(app, sv, bottom, area);
}
