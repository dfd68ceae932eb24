/* The Vote panel: polls, their results (live), ballots typed by the
 * facilitator, and secret voting with the laptop passed round. */
#include "panels/vote/vote.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "panels/vote/ballot_editor.h"
#include "ballot_file.h"
#include "barchart.h"
#include "widgets/bigtext.h"
#include "widgets/chart.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "widgets/form.h"
#include "i18n.h"
#include "widgets/list.h"
#include "widgets/picker.h"
#include "poll.h"
#include "poll_cast.h"
#include "secret.h"
#include "brainstorm_session.h"
#include "card_source.h"
#include "tally_out.h"
#include "widgets/textview.h"
#include "utf8.h"
#include "value.h"
#include "votecode.h"
#include "wrap.h"

enum mode { VM_LIST, VM_RESULTS, VM_BALLOT, VM_SECRET_WAIT, VM_SECRET_BALLOT, VM_COUNTS };

struct vote {
	enum mode mode;
	struct pager polls;
	bool polls_open;
	struct list_view lv;
	int64_t poll;
	struct poll_info info;
	char **names;
	size_t nnames;
	struct ballot_edit ballot;
	bool have_ballot;
	struct ballots b;
	struct tally_input in;
	struct tally_result result;
	struct tally_view view;    /* the result's rows, worked out once */
	struct chart_item *items;  /* view.nrows bars, pointing into view */
	bool have_result;
	int voter_no; /* secret voting: the next voter's number */
	int64_t stored; /* typing ballots: the number of the one stored last, or 0 */
	bool projector; /* results large, nothing else */
	/* The UUID of the ballot typed here last, which u takes back if it was
	 * typed wrong; "" when there is none (another poll, a secret vote). */
	char typed_last[37];
	/* Why the result could not be counted (a ballot changed outside pact),
	 * shown where the result goes; "" when it was counted. */
	char load_error[sizeof ((struct pact_err *)0)->msg];
	struct key_binding keys[16]; /* the results' keys, Take back when there is one */
};

enum {
	VA_OPEN = 1, VA_NEW, VA_CLOSE, VA_BALLOTS, VA_SECRET, VA_BACK, VA_CAST, VA_READY,
	VA_PROJECTOR, VA_COUNTS, VA_DETAILS, VA_CODES, VA_CARDS, VA_TAKE_BACK,
};

static const struct key_binding list_keys_v[] = {
	{ K_ENTER, VA_OPEN, N_("Results"), N_("Show the marked poll's results") },
	{ 'n', VA_NEW, N_("New poll"), N_("New poll over a session's ideas or clusters") },
	{ 'c', VA_CLOSE, NULL, N_("Close the marked poll (no more ballots)") },
	{ 0, 0, NULL, NULL },
};
static const struct key_binding results_keys[] = {
	{ 'b', VA_BALLOTS, N_("Type ballots"), N_("Type ballots one by one") },
	{ 's', VA_SECRET, N_("Secret vote"), N_("Secret voting: pass the laptop round") },
	{ 'c', VA_CLOSE, N_("Close poll"), N_("Close the poll (no more ballots)") },
	{ 'p', VA_PROJECTOR, N_("Projector"), N_("Results large and uncluttered, for the projector") },
	{ 'k', VA_COUNTS, N_("Paper"),
	  N_("Type the counts from paper (dot voting and approval)") },
	{ 'u', VA_TAKE_BACK, NULL, N_("Take back the ballot typed here last (typed wrong)") },
	{ 'd', VA_DETAILS, N_("Details"), N_("The full count: rounds, matrices, budget") },
	{ 'v', VA_CODES, NULL, N_("Voter codes for voting from other terminals (pact vote)") },
	{ 'B', VA_CARDS, NULL, N_("Make experiment cards on the Board from the top options") },
	{ K_ESC, VA_BACK, N_("Polls"), N_("Back to the polls") },
	{ 'n', VA_NEW, N_("New poll"), N_("New poll over a session's ideas or clusters") },
	{ 0, 0, NULL, NULL },
};
/* A closed poll takes no more ballots: b, k, s, v and c are not offered;
 * pressed, they say why. */
static const struct key_binding closed_keys[] = {
	{ 'p', VA_PROJECTOR, N_("Projector"), N_("Results large and uncluttered, for the projector") },
	{ 'd', VA_DETAILS, N_("Details"), N_("The full count: rounds, matrices, budget") },
	{ 'B', VA_CARDS, N_("Make cards"),
	  N_("Make experiment cards on the Board from the top options") },
	{ K_ESC, VA_BACK, N_("Polls"), N_("Back to the polls") },
	{ 'n', VA_NEW, N_("New poll"), N_("New poll over a session's ideas or clusters") },
	{ 'b', VA_BALLOTS, NULL,
	  N_("The poll is closed: no more ballots, typed, on paper, secret or with a code") },
	{ 'k', VA_COUNTS, NULL, NULL },
	{ 's', VA_SECRET, NULL, NULL },
	{ 'v', VA_CODES, NULL, NULL },
	{ 'c', VA_CLOSE, NULL, NULL },
	{ 0, 0, NULL, NULL },
};
/* The ballot editor takes its keys first; the entries without an action
 * are here for the help overlay. */
static const struct key_binding ballot_mode_keys[] = {
	{ K_ENTER, VA_CAST, N_("Cast"), N_("Store this ballot") },
	{ K_ESC, VA_BACK, N_("Back"), N_("Back without storing") },
	{ '0', 0, NULL, N_("Digits: the dots, score or rank of the marked option") },
	{ '1', 0, NULL, NULL }, { '2', 0, NULL, NULL }, { '3', 0, NULL, NULL },
	{ '4', 0, NULL, NULL }, { '5', 0, NULL, NULL }, { '6', 0, NULL, NULL },
	{ '7', 0, NULL, NULL }, { '8', 0, NULL, NULL }, { '9', 0, NULL, NULL },
	{ ' ', 0, NULL, N_("Space: tick an approval, or give the next rank") },
	{ '+', 0, NULL, N_("+ and -: one more, one less") },
	{ K_FN(KEY_BACKSPACE), 0, NULL, N_("Take the last digit away") },
	{ K_FN(KEY_DC), 0, NULL, N_("Take the mark away") },
	{ K_FN(KEY_UP), 0, NULL, N_("Up and Down: the option to mark") },
	{ 0, 0, NULL, NULL },
};
/* Counts from paper: a count may pass 9, so digits make a number and
 * Backspace corrects it. */
static const struct key_binding counts_mode_keys[] = {
	{ K_ENTER, VA_CAST, N_("Save"), N_("Save these counts in the results") },
	{ K_ESC, VA_BACK, N_("Back"), N_("Back without saving (asks first when you typed counts)") },
	{ '0', 0, NULL,
	  N_("The count of the marked option: 1 then 2 makes 12; after Up or Down the first "
	     "digit starts a new count") },
	{ '1', 0, NULL, NULL }, { '2', 0, NULL, NULL }, { '3', 0, NULL, NULL },
	{ '4', 0, NULL, NULL }, { '5', 0, NULL, NULL }, { '6', 0, NULL, NULL },
	{ '7', 0, NULL, NULL }, { '8', 0, NULL, NULL }, { '9', 0, NULL, NULL },
	{ K_FN(KEY_BACKSPACE), 0, NULL, N_("Take the last digit away") },
	{ '+', 0, NULL, N_("One more") },
	{ ' ', 0, NULL, NULL },
	{ '-', 0, NULL, N_("One less") },
	{ K_FN(KEY_DC), 0, NULL, N_("Set the count to 0") },
	{ K_FN(KEY_UP), 0, NULL, N_("The option to count") },
	{ K_FN(KEY_DOWN), 0, NULL, NULL },
	{ 0, 0, NULL, NULL },
};
static const struct key_binding secret_wait_keys[] = {
	{ K_ENTER, VA_READY, N_("Ready"), N_("The next voter is ready") },
	{ K_ESC, VA_BACK, N_("End (facilitator)"), N_("End secret voting: the facilitator's PIN") },
	{ 0, 0, NULL, NULL },
};

static const struct list_column poll_columns[] = {
	{ N_("Method"), 21, 1 }, { N_("Ballots"), 9, 2 }, { N_("State"), 8, 3 }, { N_("Poll"), 0, 0 },
};

static void drop_result(struct vote *v)
{
	tally_view_free(&v->view);
	free(v->items);
	v->items = NULL;
	tally_free(&v->result);
	ballots_free(&v->b);
	v->have_result = false;
}

static void free_poll(struct vote *v)
{
	for (size_t i = 0; i < v->nnames; i++)
		free(v->names[i]);
	free(v->names);
	v->names = NULL;
	v->nnames = 0;
	if (v->have_ballot)
		ballot_free(&v->ballot);
	if (v->have_result)
		drop_result(v);
	v->have_ballot = v->have_result = false;
}

static void reload_list(struct app *app, struct vote *v)
{
	struct pact_err err;

	if (v->polls_open)
		pager_close(&v->polls);
	v->polls_open = poll_pager(&v->polls, app->db, 0, &err) == PACT_OK;
	if (!v->polls_open)
		app_message(app, true, "%s", err.msg);
	list_clamp(&v->lv);
}

/* The count of the open poll, again, and the rows the panel shows. */
static void reload_result(struct app *app, struct vote *v)
{
	struct pact_err err;
	int rc;

	if (v->have_result)
		drop_result(v);
	v->load_error[0] = '\0';
	if (poll_get(app->db, v->poll, &v->info, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	if (v->info.secret_running)
		return; /* sealed until the facilitator ends the secret vote */
	rc = poll_load(app->db, v->poll, &v->b, &v->in, &err);
	if (rc == PACT_OK)
		rc = tally_run(&v->in, &v->result, &err);
	if (rc == PACT_OK)
		rc = tally_view_make(&v->in, &v->result, &v->view, &err);
	if (rc == PACT_OK && !(v->items = calloc(v->view.nrows ? v->view.nrows : 1, sizeof *v->items)))
		rc = err_nomem(&err);
	if (rc != PACT_OK) {
		tally_view_free(&v->view);
		tally_free(&v->result);
		ballots_free(&v->b);
		snprintf(v->load_error, sizeof v->load_error, "%s", err.msg);
		app_message(app, true, "%s", err.msg);
		return;
	}
	for (size_t i = 0; i < v->view.nrows; i++)
		v->items[i] = (struct chart_item){ v->view.rows[i].label, (double)v->view.rows[i].value,
						   v->view.rows[i].value_text };
	v->have_result = true;
}

static void open_poll(struct app *app, struct vote *v, int64_t id)
{
	struct pact_err err;

	free_poll(v);
	v->poll = id;
	v->typed_last[0] = '\0';
	if (poll_get(app->db, id, &v->info, &err) != PACT_OK ||
	    poll_option_names(app->db, id, &v->names, &v->nnames, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	ballot_init(&v->ballot, v->info.params.method, v->info.params.dots, v->info.params.lo,
		    v->info.params.hi, v->names, v->nnames);
	v->have_ballot = true;
	reload_result(app, v);
	v->mode = VM_RESULTS;
}

static void *vote_create(struct app *app)
{
	struct vote *v = calloc(1, sizeof *v);

	if (!v)
		return NULL;
	list_init(&v->lv, &v->polls, poll_columns, 4, 3,
		  N_("No polls yet. Press n to hold a vote on a session's ideas."));
	if (app->db)
		reload_list(app, v);
	return v;
}

static void vote_destroy(struct app *app, void *state)
{
	struct vote *v = state;

	(void)app;
	free_poll(v);
	if (v->polls_open)
		pager_close(&v->polls);
	free(v);
}

/* --- a new poll ---------------------------------------------------------- */

/* The methods a poll over a session's ideas offers (the budget methods
 * need costs), and a poll with its own options: all. */
static size_t idea_methods(enum tally_method *out)
{
	return tally_methods_without(TALLY_BUDGET, out);
}

static size_t all_methods(enum tally_method *out)
{
	return tally_methods_without(0, out);
}

/* A choice of methods by their plain names. */
static void add_method_choice(struct form *f, size_t (*list)(enum tally_method *), int selected)
{
	enum tally_method methods[TALLY_NMETHODS];
	const char *labels[TALLY_NMETHODS + 1];
	size_t n = list(methods);

	for (size_t i = 0; i < n; i++)
		labels[i] = tally_method_label(methods[i]);
	labels[n] = NULL;
	form_add_choice_copy(f, _("Method"), labels, selected);
}

/* The method at choice i of a list. */
static enum tally_method method_at(size_t (*list)(enum tally_method *), int i)
{
	enum tally_method methods[TALLY_NMETHODS];
	size_t n = list(methods);

	return methods[i >= 0 && (size_t)i < n ? (size_t)i : 0];
}

/* The first budget method in the list of all: the own-options form starts
 * on it. */
static int first_budget_method(void)
{
	enum tally_method methods[TALLY_NMETHODS];
	size_t n = all_methods(methods);

	for (size_t i = 0; i < n; i++)
		if (tally_method_has(methods[i], TALLY_BUDGET))
			return (int)i;
	return 0;
}

static const char *const source_choices[] = { N_("ideas"), N_("clusters"), NULL };
static const char *const tie_choices[] = { N_("shared positions"), N_("lot (with the seed)"),
					  NULL };
static const char *const secrecy_choices[] = { N_("secret"), N_("open (voters may give a name)"),
					      NULL };

static int new_poll_submit(struct app *app, void *owner, int64_t session, struct form *f,
			   struct pact_err *err)
{
	struct vote *v = owner;
	struct poll_params p = { 0 };
	struct pact_err why;
	int64_t id, seed = 0;
	int rc;

	p.method = method_at(idea_methods, form_choice(f, 1));
	p.lot = form_choice(f, 5) == 1;
	if (!value_is_blank(form_text(f, 3)) &&
	    value_int(form_text(f, 3), 1, INT64_MAX, &p.dots, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, _("%s: %s"), _("Dots per voter"), why.msg);
	if (value_range(form_text(f, 4), INT64_MIN, INT64_MAX, &p.lo, &p.hi, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, _("%s: %s"), _("Lowest..highest score"), why.msg);
	if (p.lot && value_int(form_text(f, 6), 0, INT64_MAX, &seed, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, _("%s: %s"), _("Seed for a lot"), why.msg);
	p.seed = (uint64_t)seed;
	p.open = form_choice(f, 7) == 1;
	rc = poll_create(app->db, session, form_text(f, 0), &p,
			 form_choice(f, 2) ? POLL_FROM_CLUSTERS : POLL_FROM_IDEAS, &id, err);
	if (rc == PACT_OK)
		open_poll(app, v, id);
	return rc;
}

static int own_poll_submit(struct app *app, void *owner, int64_t unused, struct form *f,
			   struct pact_err *err)
{
	struct vote *v = owner;
	struct poll_params p = { 0 };
	int64_t id;
	bool pb;
	int rc;

	(void)unused;
	p.method = method_at(all_methods, form_choice(f, 1));
	p.open = form_choice(f, 4) == 1;
	pb = tally_method_has(p.method, TALLY_BUDGET);
	if (pb && (value_amount(form_text(f, 3), &p.budget, err) != PACT_OK || p.budget <= 0))
		return err_set(err, PACT_EINPUT,
			       _("budget: '%s' is not an amount; write the amount to share out, for "
				 "example 25000 or 1.234,56"),
			       form_text(f, 3));
	rc = poll_create_typed(app->db, form_text(f, 0), &p, form_text(f, 2), &id, err);
	if (rc == PACT_OK)
		open_poll(app, v, id);
	return rc;
}

static void own_poll_form(struct app *app, struct vote *v)
{
	struct form *f = form_new(_("New poll with its own options"), own_poll_submit, v, 0);

	form_add_text(f, _("Title"), _("Which plans get the budget?"), 800, false);
	add_method_choice(f, all_methods, first_budget_method());
	form_add_text(f, _("Options, one a line"), "", 40000, true);
	form_add_text(f, _("Budget (budget methods)"), "", 18, false);
	form_add_choice(f, _("Ballots"), secrecy_choices, 0);
	form_open(app, f);
}

/* "New poll for session Haven": where the poll's options come from. */
static const char *form_title_for(struct app *app, int64_t session, char *out, size_t outsz)
{
	struct session s;
	struct pact_err err;
	char name[96];

	if (session_get(app->db, session, &s, &err) != PACT_OK)
		return _("New poll");
	utf8_fit_cut(s.title, 30, utf8_display_unicode(), name, sizeof name);
	snprintf(out, outsz, _("New poll for session %s"), name);
	session_free(&s);
	return out;
}

static void session_chosen(struct app *app, void *owner, int64_t unused, int64_t session)
{
	struct form *f;
	char title[128];

	(void)unused;
	if (session <= 0) {
		own_poll_form(app, owner);
		return;
	}
	f = form_new(form_title_for(app, session, title, sizeof title), new_poll_submit, owner,
		     session);
	form_add_text(f, _("Title"), _("Which ideas first?"), 800, false);
	add_method_choice(f, idea_methods, 0);
	form_add_choice(f, _("Options from"), source_choices, 0);
	form_add_text(f, _("Dots per voter"), "5", 8, false);
	form_add_text(f, _("Lowest..highest score"), "0..5", 16, false);
	form_add_choice(f, _("Ties"), tie_choices, 0);
	form_add_text(f, _("Seed for a lot"), "", 18, false);
	form_add_choice(f, _("Ballots"), secrecy_choices, 0);
	form_open(app, f);
}

static const struct list_column session_cols[] = {
	{ N_("Date"), 10, 1 }, { N_("Ideas"), 6, 2 }, { N_("Session"), 0, 0 },
};

static void new_poll(struct app *app, struct vote *v)
{
	struct pager *p = calloc(1, sizeof *p);
	struct pact_err err;

	if (!p || session_pager(p, app->db, false, &err) != PACT_OK) {
		free(p);
		return;
	}
	pager_add_extra(p, 0, _("A poll with its own options (typed, with costs for a budget)"));
	picker_open(app, _("A vote on the ideas of which session?"), p, session_cols, 3, 0,
		    session_chosen, v, 0);
}

/* --- ballots ----------------------------------------------------------- */

static void cast(struct app *app, struct vote *v)
{
	uint32_t *options = calloc(v->nnames ? v->nnames : 1, sizeof *options);
	int64_t *values = calloc(v->nnames ? v->nnames : 1, sizeof *values);
	char uuid[37];
	struct pact_err err;
	size_t n;

	if (!options || !values) {
		free(options), free(values);
		return;
	}
	n = ballot_marks(&v->ballot, options, values);
	/* a ballot typed by the facilitator can be taken back; a secret voter's never */
	if ((v->mode == VM_BALLOT
		     ? poll_cast_typed(app->db, v->poll, options, values, n, uuid, &err)
		     : poll_cast(app->db, v->poll, NULL, NULL, options, values, n, &err)) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		reload_result(app, v);
		if (v->mode == VM_SECRET_BALLOT && v->info.closed) {
			/* Nothing of this ballot may wait for the next voter; the
			 * results stay sealed until the facilitator's PIN. */
			ballot_clear(&v->ballot);
			v->mode = VM_SECRET_WAIT;
		}
	} else {
		/* the count is read again by vote_data_changed */
		ballot_clear(&v->ballot);
		if (v->mode == VM_SECRET_BALLOT) {
			v->voter_no++;
			v->mode = VM_SECRET_WAIT;
		} else {
			/* said on the panel: the key line stays in view */
			v->stored = v->info.ballots + 1;
			memcpy(v->typed_last, uuid, sizeof v->typed_last);
		}
	}
	free(options);
	free(values);
}

/* --- counts from paper ----------------------------------------------------- */

static void save_counts(struct app *app, struct vote *v)
{
	struct pact_err err;

	if (poll_set_counts(app->db, v->poll, v->ballot.values, v->ballot.n, v->ballot.voters,
			    &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	app_message(app, false, "%s", _("The counts from paper are in the results"));
	v->ballot.counts = false;
	ballot_clear(&v->ballot);
	v->mode = VM_RESULTS;
}

static int counts_submit(struct app *app, void *owner, int64_t unused, struct form *f,
			 struct pact_err *err)
{
	struct vote *v = owner;
	struct pact_err why;
	int64_t voters;

	(void)app;
	(void)unused;
	if (value_int(form_text(f, 0), 1, INT64_MAX, &voters, &why) != PACT_OK)
		return err_set(err, PACT_EINPUT, _("%s: %s"), _("Voters on paper"), why.msg);
	ballot_clear(&v->ballot);
	v->ballot.counts = true;
	v->ballot.voters = voters;
	for (size_t i = 0; v->have_result && v->b.paper && i < v->ballot.n; i++) {
		v->ballot.values[i] = v->b.paper[i];
		v->ballot.set[i] = v->b.paper[i] != 0;
	}
	v->mode = VM_COUNTS;
	return PACT_OK;
}

static void counts_form(struct app *app, struct vote *v)
{
	struct form *f;
	char voters[32];

	if (v->info.closed) {
		app_message(app, true, "%s", _("The poll is closed; it takes no more ballots"));
		return;
	}
	if (!tally_method_has(v->info.params.method, TALLY_PAPER)) {
		app_message(app, true, "%s",
			    _("Counts from paper work for dot voting and approval"));
		return;
	}
	snprintf(voters, sizeof voters, "%lld", (long long)v->info.paper_voters);
	f = form_new(_("Counts from paper"), counts_submit, v, 0);
	form_add_text(f, _("Voters on paper"), v->info.paper_voters ? voters : "", 8, false);
	form_open(app, f);
}

/* The full count as pact tally prints it, laid out for the overlay's
 * width: no bar wraps onto a line of its own. */
static char *details_text(void *ctx, int width)
{
	struct vote *v = ctx;
	struct tally_print_opts o = { .width = width, .unicode = utf8_display_unicode() };
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	if (!v->have_result || !(f = open_memstream(&text, &len)))
		return NULL;
	tally_print_as(f, &v->in, &v->result, &o);
	fclose(f);
	return text;
}

static void show_details(struct app *app, struct vote *v)
{
	if (v->have_result)
		textview_open_gen(app, v->info.title, details_text, v);
}

/* --- voter codes ---------------------------------------------------------- */

static int codes_submit(struct app *app, void *owner, int64_t unused, struct form *f,
			struct pact_err *err)
{
	struct vote *v = owner;
	char (*codes)[VOTECODE_SIZE] = NULL, *text = NULL, title[300];
	int64_t n = 0;
	size_t len = 0;
	FILE *out;
	int rc = value_int(form_text(f, 0), 1, VOTECODE_MAX, &n, NULL) == PACT_OK
			 ? votecode_make(app->db, v->poll, n, &codes, err)
			 : err_set(err, PACT_EINPUT, _("Number of codes: give a whole number from 1 to %d"),
				   VOTECODE_MAX);

	(void)unused;
	if (rc != PACT_OK)
		return rc;
	if ((out = open_memstream(&text, &len)) != NULL) {
		fprintf(out, _("Each voter types one code after 'pact vote %lld'. Each code casts "
			       "one ballot; pact keeps no copy of them, so print or copy this list "
			       "now (or make codes with 'pact poll codes %lld --count N FILE').\n\n"),
			(long long)v->poll, (long long)v->poll);
		for (int64_t i = 0; i < n; i++)
			fprintf(out, "%s\n", codes[i]);
		fclose(out);
		snprintf(title, sizeof title, _("Voter codes for %s"), v->info.title);
		textview_open(app, title, text);
	}
	free(text);
	free(codes);
	return PACT_OK;
}

static void codes_form(struct app *app, struct vote *v)
{
	struct form *f;

	if (v->info.closed) {
		app_message(app, true, "%s", _("The poll is closed; it takes no more ballots"));
		return;
	}
	f = form_new(_("Voter codes: one a voter"), codes_submit, v, 0);
	form_add_text(f, _("Number of codes"), "", 8, false);
	form_open(app, f);
}

/* --- experiment cards from the top options ------------------------------- */

static int cards_submit(struct app *app, void *owner, int64_t unused, struct form *f,
			struct pact_err *err)
{
	struct vote *v = owner;
	struct card_made *made = NULL;
	size_t n = 0, had = 0;
	int64_t top = 0;
	char first[200], second[200];
	int rc = value_int(form_text(f, 0), 1, 1000, &top, NULL) == PACT_OK
			 ? card_from_poll(app->db, v->poll, (size_t)top, NULL, &made, &n, err)
			 : err_set(err, PACT_EINPUT, "%s",
				   _("How many of the top options: give a whole number from 1 to 1000"));

	(void)unused;
	if (rc != PACT_OK)
		return rc;
	for (size_t i = 0; i < n; i++)
		had += made[i].existed;
	free(made);
	if (had == 0) {
		app_message(app, false,
			    ngettext("%zu card made on the Board.", "%zu cards made on the Board.", n),
			    n);
		return PACT_OK;
	}
	snprintf(first, sizeof first,
		 ngettext("%zu card made on the Board;", "%zu cards made on the Board;", n - had),
		 n - had);
	snprintf(second, sizeof second,
		 ngettext("%zu was there already.", "%zu were there already.", had), had);
	app_message(app, false, "%s %s", first, second);
	return PACT_OK;
}

static void cards_form(struct app *app, struct vote *v)
{
	struct form *f = form_new(_("Make cards from the top options"), cards_submit, v, 0);

	form_add_text(f, _("How many of the top options"), "1", 8, false);
	form_set_save_label(f, _("Make cards"));
	form_open(app, f);
}

/* --- secret voting ------------------------------------------------------ */

static int start_secret_submit(struct app *app, void *owner, int64_t unused, struct form *f,
			       struct pact_err *err)
{
	struct vote *v = owner;
	int rc;

	(void)unused;
	if (strcmp(form_text(f, 0), form_text(f, 1)) != 0)
		return err_set(err, PACT_EINPUT, "%s",
			       _("PIN again: the two PINs differ; type the same PIN twice"));
	if ((rc = secret_start(app->db, v->poll, form_text(f, 0), err)) != PACT_OK)
		return rc;
	v->typed_last[0] = '\0'; /* the laptop goes round: nothing to take back after it */
	ballot_clear(&v->ballot);
	v->voter_no = (int)v->info.ballots + 1;
	v->mode = VM_SECRET_WAIT;
	return PACT_OK;
}

/* The facilitator sets a PIN; only that PIN (or pact poll unlock on the
 * command line) ends the secret vote and shows the results again. */
static void start_secret(struct app *app, struct vote *v)
{
	struct form *f;

	if (v->info.closed) {
		app_message(app, true, "%s", _("The poll is closed; it takes no more ballots"));
		return;
	}
	if (v->info.secret_running) { /* pact restarted during the vote: go on */
		v->typed_last[0] = '\0';
		ballot_clear(&v->ballot);
		v->voter_no = (int)v->info.ballots + 1;
		v->mode = VM_SECRET_WAIT;
		return;
	}
	f = form_new(_("Secret vote: the facilitator's PIN"), start_secret_submit,
		     v, 0);
	form_add_secret(f, _("PIN (4 or more)"), 64);
	form_add_secret(f, _("PIN again"), 64);
	form_open(app, f);
}

static int end_secret_submit(struct app *app, void *owner, int64_t unused, struct form *f,
			     struct pact_err *err)
{
	struct vote *v = owner;
	int rc;

	(void)unused;
	if ((rc = secret_end(app->db, v->poll, form_text(f, 0), err)) != PACT_OK)
		return rc;
	ballot_clear(&v->ballot);
	v->mode = VM_RESULTS;
	app_message(app, false, "%s", _("Secret voting ended; these are the results"));
	return PACT_OK;
}

static void end_secret(struct app *app, void *ctx)
{
	struct form *f = form_new(_("End the secret vote: facilitator's PIN"), end_secret_submit,
				  ctx, 0);

	form_add_secret(f, _("PIN"), 64);
	form_open(app, f);
}

/* Back on the waiting screen when the vote was ended elsewhere (pact poll
 * unlock): the laptop is the facilitator's again. */
static void secret_ended_elsewhere(struct app *app, struct vote *v)
{
	if ((v->mode != VM_SECRET_WAIT && v->mode != VM_SECRET_BALLOT) || v->info.secret_running)
		return;
	ballot_clear(&v->ballot);
	v->mode = VM_RESULTS;
	app_message(app, false, "%s", _("The secret vote was ended from the command line"));
}

/* Counts typed that differ from those stored (an unchanged screen loses
 * nothing), or a new number of voters for counts that were stored. */
static bool counts_changed(const struct vote *v)
{
	for (size_t i = 0; i < v->ballot.n; i++)
		if (v->ballot.values[i] != (v->have_result && v->b.paper ? v->b.paper[i] : 0))
			return true;
	return v->info.paper_voters && v->ballot.voters != v->info.paper_voters;
}

/* Whether leaving the ballot or the counts now would lose what was typed. */
static bool typing_unsaved(const struct vote *v)
{
	if (v->mode == VM_BALLOT || v->mode == VM_SECRET_BALLOT)
		return ballot_has_marks(&v->ballot);
	return v->mode == VM_COUNTS && counts_changed(v);
}

/* Leave the ballot or the counts being typed; nothing of them stays. A
 * secret voter goes back to the waiting screen, never further. */
static void leave_typing(struct app *app, void *ctx)
{
	struct vote *v = ctx;

	(void)app;
	if (v->mode == VM_SECRET_BALLOT) {
		ballot_clear(&v->ballot); /* nothing of it stays on screen */
		v->mode = VM_SECRET_WAIT;
	} else if (v->mode == VM_BALLOT || v->mode == VM_COUNTS) {
		v->ballot.counts = false;
		ballot_clear(&v->ballot);
		v->mode = VM_RESULTS;
	}
}

/* Esc on a ballot or on counts: asks first when marks or counts would be
 * lost (a secret voter's too: the question keeps the screen locked). */
static void ask_leave_typing(struct app *app, struct vote *v)
{
	const char *question =
		v->mode == VM_SECRET_BALLOT
			? _("Leave without voting? Your marks are wiped and your ballot is not cast.")
		: v->mode == VM_COUNTS
			? _("Leave the counts from paper? The counts you typed are not saved.")
			: _("Leave this ballot? The marks you typed are not stored.");

	if (typing_unsaved(v))
		dialog_confirm(app, question, _("Leave"), leave_typing, v);
	else
		leave_typing(app, v);
}

static void take_back_now(struct app *app, void *ctx)
{
	struct vote *v = ctx;
	struct pact_err err;

	if (poll_take_back(app->db, v->poll, v->typed_last, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	v->typed_last[0] = '\0';
	v->stored = 0;
	app_message(app, false, "%s", _("The ballot typed last is taken back"));
}

/* u: the ballot typed here last goes again, after a question. Only that
 * one: its UUID is known to this panel alone, and only since it was typed. */
static void take_back(struct app *app, struct vote *v)
{
	if (!v->typed_last[0]) {
		app_message(app, true, "%s",
			    _("No ballot to take back: u takes back the ballot typed last here (b), "
			      "while this poll is open"));
		return;
	}
	dialog_confirm(app,
		       _("Take back the ballot typed last? It goes out of the results; the poll's "
			 "history notes that a typed ballot was taken back."),
		       _("Take back"), take_back_now, v);
}

static void close_now(struct app *app, void *ctx)
{
	struct vote *v = ctx;
	struct pact_err err;
	int64_t id = v->mode == VM_LIST ? list_selected_id(&v->lv) : v->poll;

	if (poll_close(app->db, id, &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
}

static void vote_action(struct app *app, void *state, int action)
{
	struct vote *v = state;
	bool any = v->polls_open && pager_count(&v->polls) > 0;

	switch (action) {
	case VA_OPEN:
		if (any)
			open_poll(app, v, list_selected_id(&v->lv));
		break;
	case VA_NEW: new_poll(app, v); break;
	case VA_CLOSE:
		if (v->mode != VM_LIST && v->info.closed)
			app_message(app, false, "%s", _("The poll is closed already"));
		else if (v->mode != VM_LIST || any)
			dialog_confirm(app, _("Close the poll? No more ballots can be cast."),
				       _("Close it"), close_now, v);
		break;
	case VA_BALLOTS:
		if (v->info.closed || v->info.secret_running) {
			app_message(app, true, "%s",
				    v->info.closed ? _("The poll is closed; it takes no more ballots")
						   : _("A secret vote is running; press s to go on with it"));
			break;
		}
		ballot_clear(&v->ballot);
		v->stored = 0;
		v->mode = VM_BALLOT;
		break;
	case VA_SECRET: start_secret(app, v); break;
	case VA_READY: ballot_clear(&v->ballot); v->mode = VM_SECRET_BALLOT; break;
	case VA_CAST:
		if (v->mode == VM_COUNTS)
			save_counts(app, v);
		else
			cast(app, v);
		break;
	case VA_COUNTS: counts_form(app, v); break;
	case VA_DETAILS: show_details(app, v); break;
	case VA_CODES: codes_form(app, v); break;
	case VA_CARDS: cards_form(app, v); break;
	case VA_TAKE_BACK: take_back(app, v); break;
	case VA_PROJECTOR: app->fullscreen = v->projector = !v->projector; break;
	case VA_BACK:
		if (v->projector) {
			app->fullscreen = v->projector = false;
		} else if (v->mode == VM_SECRET_BALLOT || v->mode == VM_BALLOT ||
			   v->mode == VM_COUNTS) {
			ask_leave_typing(app, v);
		} else if (v->mode == VM_SECRET_WAIT) {
			dialog_confirm(app,
				       _("End the secret vote? The results will show on this screen. "
					 "Only the facilitator can end it, with the PIN."),
				       _("End voting"), end_secret, v);
		} else {
			app->fullscreen = v->projector = false;
			v->mode = VM_LIST;
			reload_list(app, v);
		}
		break;
	}
}

static const struct key_binding *vote_keys(struct app *app, void *state)
{
	struct vote *v = state;

	(void)app;
	switch (v->mode) {
	case VM_RESULTS:
		if (v->info.closed)
			return closed_keys;
		/* Take back on the key line when there is a ballot to take back */
		keys_copy(v->keys, sizeof v->keys / sizeof v->keys[0], results_keys);
		for (struct key_binding *k = v->keys; k->key; k++)
			if (k->action == VA_TAKE_BACK && v->typed_last[0])
				k->hint = N_("Take back");
		return v->keys;
	case VM_COUNTS: return counts_mode_keys;
	case VM_BALLOT:
	case VM_SECRET_BALLOT: return ballot_mode_keys;
	case VM_SECRET_WAIT: return secret_wait_keys;
	default: return list_keys_v;
	}
}

static enum input_result vote_text_input(struct app *app, void *state, int key)
{
	struct vote *v = state;

	(void)app;
	if ((v->mode == VM_BALLOT || v->mode == VM_SECRET_BALLOT || v->mode == VM_COUNTS) &&
	    ballot_key(&v->ballot, key))
		return INPUT_HANDLED;
	if (v->mode == VM_LIST && v->polls_open && list_key(&v->lv, key))
		return INPUT_HANDLED;
	return INPUT_IGNORED;
}

static bool vote_typing(struct app *app, void *state)
{
	struct vote *v = state;

	(void)app;
	/* Digits and + - are the ballot's; in secret voting no other key acts. */
	return v->mode == VM_BALLOT || v->mode == VM_SECRET_BALLOT || v->mode == VM_SECRET_WAIT ||
	       v->mode == VM_COUNTS;
}

/* Secret voting keeps the panel: no tab, no help, no quitting by a voter. */
static bool vote_locked(struct app *app, void *state)
{
	struct vote *v = state;

	(void)app;
	return v->mode == VM_SECRET_WAIT || v->mode == VM_SECRET_BALLOT;
}

/* A ballot or counts being typed are in this panel only, kept while
 * another panel is in view: quitting would lose them. */
static bool vote_unsaved(struct app *app, void *state)
{
	(void)app;
	return typing_unsaved(state);
}

static const char *vote_quit_question(struct app *app, void *state)
{
	struct vote *v = state;

	(void)app;
	if (v->mode == VM_COUNTS)
		return _("Quit pact? The counts from paper you typed are not saved.");
	return v->mode == VM_BALLOT ? _("Quit pact? The ballot you are typing is not stored.")
				    : NULL;
}

/* Another panel never inherits the projector's whole screen. */
static void vote_leave(struct app *app, void *state)
{
	struct vote *v = state;

	app->fullscreen = v->projector = false;
}

/* The store changed (here or elsewhere): the list or the open poll's
 * count read again, the selection kept. */
static void vote_data_changed(struct app *app, void *state)
{
	struct vote *v = state;

	if (v->mode == VM_LIST) {
		reload_list(app, v);
	} else {
		reload_result(app, v);
		secret_ended_elsewhere(app, v);
	}
}

/* A poll another panel asks for (a card's): its results. Not while
 * ballots are being typed here. */
static enum show_result vote_show(struct app *app, void *state, const struct show_request *req)
{
	struct vote *v = state;
	struct poll_info info;
	struct pact_err err;

	if (req->what != SHOW_POLL)
		return SHOW_NOT_MINE;
	if (v->mode == VM_BALLOT || v->mode == VM_COUNTS) {
		app_message(app, true, "%s",
			    _("Vote is taking ballots; store the ballot or leave it there first."));
		return SHOW_REFUSED;
	}
	if (!app->db || poll_get(app->db, req->id, &info, &err) != PACT_OK) {
		app_message(app, true, "%s", _("The poll this card came from is no longer in this file."));
		return SHOW_REFUSED;
	}
	open_poll(app, v, req->id);
	return SHOW_SHOWN;
}

/* --- drawing ------------------------------------------------------------- */

/* The poll's question on the first row, and after it what this screen is
 * ("— Your ballot (secret)"): the question is cut first, the rest stays. */
static void draw_title_and(struct app *app, const struct rect *area, const char *title,
			   const char *what)
{
	char tail[256] = "";
	int used;

	if (what)
		snprintf(tail, sizeof tail, " — %s", what);
	used = draw_text_cut(app, area->y, area->x + 1, area->w - 2 - utf8_width(tail), title,
			     ROLE_TITLE);
	draw_text_cut(app, area->y, area->x + 1 + used, area->w - 2 - used, tail, ROLE_TITLE);
}

/* The results: the chart, then the details line and what the tie rule
 * decided, wrapped (never cut) under it. */
static void draw_results(struct app *app, struct vote *v, const struct rect *area)
{
	const struct tally_view *view = &v->view;
	size_t n = v->have_result ? view->nrows : 0;
	char head[512], paper[64] = "";
	int w = area->w - 2, ties_rows = 0, details_rows = 0, most = (area->h - 4) / 2;
	struct rect chart;

	if (v->info.paper_voters)
		snprintf(paper, sizeof paper, _(" + %lld on paper"), (long long)v->info.paper_voters);
	/* the question is cut first: "— closed" stays in view */
	snprintf(head, sizeof head,
		 ngettext("%s — %lld ballot%s%s", "%s — %lld ballots%s%s",
			  (unsigned long)v->info.ballots),
		 tally_method_label(v->info.params.method), (long long)v->info.ballots, paper,
		 v->info.closed ? _(" — closed") : "");
	draw_title_and(app, area, v->info.title, head);
	if (v->have_result) {
		details_rows = view->details[0] ? 1 : 0;
		ties_rows = (int)wrap_text(view->ties, w, NULL, 0);
		ties_rows = ties_rows < most ? ties_rows : most > 1 ? most : 1;
	}
	chart = (struct rect){ area->y + 2, area->x + 1,
			       area->h - 2 - details_rows - ties_rows - (ties_rows ? 1 : 0), w };
	if (!n && v->load_error[0]) {
		draw_wrapped_cut(app, &chart, v->load_error, ROLE_ERROR);
	} else if (!n) {
		draw_text(app, chart.y, chart.x, chart.w, _("No ballots yet."), ROLE_DIM);
	} else {
		chart_draw(app, v->items, (int)n, &chart);
		if (n > (size_t)(chart.h > 0 ? chart.h : 0) && chart.h > 0)
			draw_text_cut(app, chart.y + chart.h - 1, chart.x, chart.w,
				      _("… more options below; d shows them all"), ROLE_DIM);
	}
	if (!v->have_result)
		return;
	if (details_rows)
		draw_text_cut(app, area->y + area->h - ties_rows - 1, area->x + 1, w, view->details,
			      ROLE_DIM);
	draw_wrapped_cut(app, &(struct rect){ area->y + area->h - ties_rows, area->x + 1, ties_rows, w },
			 view->ties, ROLE_DIM);
}

/* Whether the large block may end after its first k rows: never inside a
 * tie, so tied options are all large or all small. */
static bool tie_ends(const struct vote *v, int k)
{
	return (size_t)k >= v->result.nrows ||
	       v->result.rows[k].position != v->result.rows[k - 1].position;
}

/* The projector's size: how many options get large digits (the top
 * three and any tied with them, fewer on a small screen but never part of
 * a tie, all when all fit) and the largest scale of the block font at
 * which they fit, with a row for the others (or "… more") below them.
 * False when not even the first position fits. */
static bool projector_size(const struct vote *v, int rows, int width, int *scale, int *big)
{
	const struct tally_view_row *row = v->view.rows;
	int n = (int)v->view.nrows, want = n < 3 ? n : 3;

	while (want < n && !tie_ends(v, want))
		want++;
	for (int k = want; k >= 1; k--) {
		if (!tie_ends(v, k))
			continue;
		for (*scale = 3; *scale >= 0; (*scale)--) {
			int h = bigtext_height(*scale), all = (rows + 1) / (h + 1) >= n ? n : k;
			int posw = 0, valw = 0, rest = n - all < 1 ? n - all : 1;
			for (int i = 0; i < all; i++) {
				int pw = bigtext_width(row[i].pos, *scale);
				int vw = bigtext_width(row[i].big, *scale);
				posw = posw > pw ? posw : pw;
				valw = valw > vw ? valw : vw;
			}
			/* a blank row after each large one but the last */
			if (all * (h + 1) - (all == n) + rest <= rows && posw + valw + 20 <= width) {
				*big = all;
				return true;
			}
		}
	}
	return false;
}

/* The columns of the large rows: block digits for the position, the name
 * and bar, block digits for the value. */
struct big_cols {
	int scale, posw, valw;
	int xn, w; /* the name and bar: from column xn, w wide */
};

/* One option large: its position and value in block digits, its name on
 * the first row and a bar as thick as the digits are high under it, full
 * cells for max (the scale every bar on the screen shares). */
static void draw_big_row(struct app *app, const struct vote *v, size_t i, int y,
			 const struct rect *area, const struct big_cols *c, double max, int full)
{
	const struct tally_view_row *row = &v->view.rows[i];
	int h = bigtext_height(c->scale), right = area->x + area->w - 1;
	char bar[2048];
	int cells;

	bigtext_draw(app, y, area->x + 1, c->posw, row->pos, c->scale, ROLE_TITLE);
	bigtext_draw(app, y, right - c->valw, c->valw, row->big, c->scale, ROLE_TITLE);
	/* the name (without its "1." here), and the value small when it has no
	 * large digits (an amount) */
	draw_text_cut(app, y, c->xn, c->w, row->label + strcspn(row->label, " ") + 1, ROLE_TITLE);
	if (!row->big[0])
		draw_text_cut(app, y + 1, c->xn, c->w, row->value_text, ROLE_NORMAL);
	cells = barchart_bar(v->items[i].value, max, full, utf8_display_unicode(), bar, sizeof bar);
	for (int r = row->big[0] ? 1 : 2; r < h && cells; r++)
		draw_text(app, y + r, c->xn, c->w, bar, ROLE_BAR);
}

/* The projector: the title, the top options large, the others below in
 * normal size, every bar on one scale (the longest is the top result),
 * and one line on how to leave. Nothing else. */
static void draw_projector(struct app *app, struct vote *v, const struct rect *area)
{
	const struct chart_item *items = v->items;
	int n = v->have_result ? (int)v->view.nrows : 0;
	int top = area->y + 2, rows = area->h - 3, big, y, full, room;
	struct big_cols c = { 0 };
	struct rect rest;
	int nrest;
	bool more;
	double max = 0, small_max = 0;
	char method[160];
	int used;

	/* the title, and how it was counted */
	snprintf(method, sizeof method, " — %s", tally_method_label(v->info.params.method));
	used = draw_text_cut(app, area->y, area->x + 1, area->w - 2 - utf8_width(method) / 2,
			     v->info.title, ROLE_TITLE);
	draw_text_cut(app, area->y, area->x + 1 + used, area->w - 2 - used, method, ROLE_DIM);
	draw_text_cut(app, area->y + area->h - 1, area->x + 1, area->w - 2,
		      _("p or Esc: back to the normal view"), ROLE_DIM);
	for (int i = 0; i < n; i++)
		max = items[i].value > max ? items[i].value : max;
	if (!n || !projector_size(v, rows, area->w - 2, &c.scale, &big)) {
		struct rect chart = { top, area->x + 1, rows, area->w - 2 };
		if (!n)
			draw_text(app, top, area->x + 1, area->w - 2, _("No ballots yet."), ROLE_DIM);
		else
			chart_draw(app, items, n, &chart);
		return;
	}
	for (int i = 0; i < big; i++) {
		int pw = bigtext_width(v->view.rows[i].pos, c.scale);
		int vw = bigtext_width(v->view.rows[i].big, c.scale);
		c.posw = c.posw > pw ? c.posw : pw;
		c.valw = c.valw > vw ? c.valw : vw;
	}
	c.xn = area->x + 1 + c.posw + 2;
	c.w = area->x + area->w - 1 - c.valw - 2 - c.xn;
	/* the others in normal size below, or "… more" */
	y = top + big * (bigtext_height(c.scale) + 1);
	rest = (struct rect){ y, area->x + 1, top + rows - y, area->w - 2 };
	nrest = n - big; /* projector_size left a row for them */
	more = nrest > (rest.h > 0 ? rest.h : 0);
	rest.h -= more;
	nrest = nrest < rest.h ? nrest : rest.h > 0 ? rest.h : 0;
	/* One scale: the large bars' width, less if a small row's bar would
	 * not fit beside its name at that scale. */
	full = c.w;
	room = chart_bar_room(items + big, nrest, rest.w);
	for (int i = big; i < big + nrest; i++)
		small_max = items[i].value > small_max ? items[i].value : small_max;
	if (small_max > 0 && small_max / max * full > room)
		full = (int)(room * max / small_max);
	for (int i = 0; i < big; i++)
		draw_big_row(app, v, (size_t)i, top + i * (bigtext_height(c.scale) + 1), area, &c,
			     max, full);
	if (nrest)
		chart_draw_scaled(app, items + big, nrest, &rest, 1, max, full);
	if (more)
		draw_text_cut(app, rest.y + rest.h, rest.x, rest.w,
			      _("… more options below; d shows them all"), ROLE_DIM);
}

static void draw_secret_wait(struct app *app, struct vote *v, const struct rect *area)
{
	char text[128];

	if (v->info.closed)
		snprintf(text, sizeof text, "%s",
			 _("The poll is closed. The facilitator ends the vote with the PIN."));
	else
		snprintf(text, sizeof text, _("Voter %d — press Enter when ready"), v->voter_no);
	draw_text_cut(app, area->y + area->h / 2,
		      area->x + (area->w - utf8_width(text)) / 2 > area->x
			      ? area->x + (area->w - utf8_width(text)) / 2
			      : area->x,
		      area->w, text, ROLE_TITLE);
}

/* What another terminal shows of a poll whose secret vote runs. */
static void draw_sealed(struct app *app, struct vote *v, const struct rect *area)
{
	char head[512];

	snprintf(head, sizeof head, ngettext("%s — %lld ballot", "%s — %lld ballots",
					     (unsigned long)v->info.ballots),
		 v->info.title, (long long)v->info.ballots);
	draw_text_cut(app, area->y, area->x + 1, area->w - 2, head, ROLE_TITLE);
	draw_wrapped(app, &(struct rect){ area->y + 2, area->x + 1, area->h - 2, area->w - 2 },
		     _("A secret vote is running on this poll. Its results show when the "
		       "facilitator ends it with the PIN. Press s to go on with it on this screen."),
		     0, ROLE_DIM);
}

/* Typing ballots: which one this is, and under the title the one stored
 * last (on the panel, so the key line stays in view). */
static void draw_typing(struct app *app, struct vote *v, const struct rect *area,
			const struct rect *below)
{
	char which[64], stored[128];

	snprintf(which, sizeof which, _("Ballot %lld"), (long long)v->info.ballots + 1);
	draw_title_and(app, area, v->info.title, which);
	if (v->stored) {
		snprintf(stored, sizeof stored, _("Ballot %lld stored; type the next one"),
			 (long long)v->stored);
		draw_text_cut(app, area->y + 1, area->x + 1, area->w - 2, stored, ROLE_DIM);
	}
	ballot_draw(app, &v->ballot, below);
}

/* Counts from paper: under the title how digits make a count and how to
 * correct one (wrapped on a narrow screen), then the options. */
static void draw_counts(struct app *app, struct vote *v, const struct rect *area)
{
	int rows;

	draw_title_and(app, area, v->info.title, _("Counts from paper"));
	rows = draw_wrapped_cut(app, &(struct rect){ area->y + 1, area->x + 1, 2, area->w - 2 },
				_("Type each count: 1 then 2 makes 12. Backspace takes the last digit "
				  "away."),
				ROLE_DIM);
	rows = rows > 1 ? rows : 1;
	ballot_draw(app, &v->ballot,
		    &(struct rect){ area->y + 1 + rows, area->x, area->h - 1 - rows, area->w });
}

static void vote_draw(struct app *app, void *state, const struct rect *area)
{
	struct vote *v = state;
	struct rect below = { area->y + 2, area->x, area->h - 2, area->w };

	switch (v->mode) {
	case VM_LIST:
		draw_text_cut(app, area->y, area->x + 1, area->w - 2, _("Polls"), ROLE_TITLE);
		if (v->polls_open)
			list_draw(app, &v->lv, &below);
		break;
	case VM_RESULTS:
		if (v->info.secret_running)
			draw_sealed(app, v, area);
		else if (v->projector)
			draw_projector(app, v, area);
		else
			draw_results(app, v, area);
		break;
	case VM_SECRET_WAIT: draw_secret_wait(app, v, area); break;
	case VM_BALLOT: draw_typing(app, v, area, &below); break;
	case VM_COUNTS: draw_counts(app, v, area); break;
	case VM_SECRET_BALLOT:
		draw_title_and(app, area, v->info.title, _("Your ballot (secret)"));
		ballot_draw(app, &v->ballot, &below);
		break;
	}
}

const struct screen_ops vote_ops = {
	.name = "vote",
	.title = N_("Vote"),
	.keys = list_keys_v,
	.current_keys = vote_keys,
	.create = vote_create,
	.destroy = vote_destroy,
	.draw = vote_draw,
	.action = vote_action,
	.leave = vote_leave,
	.text_input = vote_text_input,
	.typing = vote_typing,
	.locked = vote_locked,
	.has_unsaved = vote_unsaved,
	.quit_question = vote_quit_question,
	.data_changed = vote_data_changed,
	.show = vote_show,
};
