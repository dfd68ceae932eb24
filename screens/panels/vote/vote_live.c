/* pact vote POLL: one participant's ballot from their own terminal. One
 * ballot per voter code: the voter types a code from the facilitator's
 * printed list, (in an open poll) a name if they like, then the ballot.
 * The code is used up by the ballot; the next voter can use the same
 * terminal with their own code. */
#include "panels/vote/vote.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/app.h"
#include "panels/vote/ballot_editor.h"
#include "ui/draw.h"
#include "i18n.h"
#include "widgets/input.h"
#include "poll.h"
#include "poll_cast.h"
#include "tally_out.h"

enum step { LS_CODE, LS_NAME, LS_BALLOT, LS_DONE };

struct live {
	int64_t poll;
	struct poll_info info;
	char **names;
	size_t nnames;
	struct ballot_edit ballot;
	enum step step;
	struct input code, name;
};

enum { LA_CAST = 1, LA_LEAVE, LA_NEXT };

static const struct key_binding code_keys[] = {
	{ K_ENTER, LA_CAST, N_("Go on"), N_("Check the voter code and go on") },
	{ K_CTRL('c'), LA_LEAVE, N_("Leave"), N_("Leave (Ctrl-C)") },
	{ 0, 0, NULL, NULL },
};
static const struct key_binding live_keys[] = {
	{ K_ENTER, LA_CAST, N_("Cast my vote"), N_("Cast the ballot (once)") },
	{ K_CTRL('c'), LA_LEAVE, N_("Leave"), N_("Leave (Ctrl-C)") },
	{ 0, 0, NULL, NULL },
};
static const struct key_binding done_keys[] = {
	{ K_ENTER, LA_NEXT, N_("Next voter"), N_("The next voter, with their own code") },
	{ K_CTRL('c'), LA_LEAVE, N_("Leave"), N_("Leave (Ctrl-C)") },
	{ 0, 0, NULL, NULL },
};
static const struct key_binding closed_keys[] = {
	{ K_CTRL('c'), LA_LEAVE, N_("Leave"), N_("Leave (Ctrl-C)") },
	{ 0, 0, NULL, NULL },
};

static const struct key_binding *live_current_keys(struct app *app, void *state)
{
	struct live *l = state;

	(void)app;
	if (l->info.closed)
		return closed_keys;
	return l->step == LS_DONE ? done_keys : l->step == LS_BALLOT ? live_keys : code_keys;
}

static void *live_create(struct app *app)
{
	struct live *l = calloc(1, sizeof *l);
	struct pact_err err;

	if (!l)
		return NULL;
	l->poll = app->start->poll_id;
	if (poll_get(app->db, l->poll, &l->info, &err) != PACT_OK ||
	    poll_option_names(app->db, l->poll, &l->names, &l->nnames, &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
	ballot_init(&l->ballot, l->info.params.method, l->info.params.dots, l->info.params.lo,
		    l->info.params.hi, l->names, l->nnames);
	input_init(&l->code, 32, false);
	input_init(&l->name, 200, false);
	return l;
}

static void live_destroy(struct app *app, void *state)
{
	struct live *l = state;

	(void)app;
	ballot_free(&l->ballot);
	input_free(&l->code);
	input_free(&l->name);
	for (size_t i = 0; i < l->nnames; i++)
		free(l->names[i]);
	free(l->names);
	free(l);
}

static const char *text_of(const struct input *in)
{
	return in->tb.s ? in->tb.s : "";
}

static void check_code(struct app *app, struct live *l)
{
	struct pact_err err;
	bool ask_name;

	if (poll_live_check(app->db, l->poll, text_of(&l->code), &ask_name, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	l->step = ask_name ? LS_NAME : LS_BALLOT;
}

static void live_cast(struct app *app, struct live *l)
{
	uint32_t *options = calloc(l->nnames ? l->nnames : 1, sizeof *options);
	int64_t *values = calloc(l->nnames ? l->nnames : 1, sizeof *values);
	struct pact_err err;
	size_t n;

	if (!options || !values) {
		app_message(app, true, "%s", _("out of memory"));
	} else {
		n = ballot_marks(&l->ballot, options, values);
		if (poll_live_cast(app->db, l->poll, text_of(&l->code), text_of(&l->name), options,
				   values, n, &err) != PACT_OK) {
			app_message(app, true, "%s", err.msg);
		} else {
			/* Nothing of this voter stays for the next one. */
			l->step = LS_DONE;
			ballot_clear(&l->ballot);
			textbuf_set(&l->code.tb, "");
			textbuf_set(&l->name.tb, "");
		}
	}
	free(options);
	free(values);
}

static void live_action(struct app *app, void *state, int action)
{
	struct live *l = state;

	if (action == LA_LEAVE)
		app_request_quit(app);
	else if (action == LA_NEXT)
		l->step = LS_CODE;
	else if (l->step == LS_CODE)
		check_code(app, l);
	else if (l->step == LS_NAME)
		l->step = LS_BALLOT;
	else if (l->step == LS_BALLOT)
		live_cast(app, l);
}

static enum input_result live_input(struct app *app, void *state, int key)
{
	struct live *l = state;
	struct input *in = l->step == LS_CODE ? &l->code : l->step == LS_NAME ? &l->name : NULL;

	(void)app;
	if (l->info.closed || l->step == LS_DONE)
		return INPUT_IGNORED;
	if (!in)
		return ballot_key(&l->ballot, key) ? INPUT_HANDLED : INPUT_IGNORED;
	switch (input_key(in, key)) {
	case INPUT_EDITED: return INPUT_HANDLED;
	case INPUT_ACCEPT: live_action(app, l, LA_CAST); return INPUT_HANDLED;
	default: return INPUT_IGNORED;
	}
}

static bool live_typing(struct app *app, void *state)
{
	(void)app;
	(void)state;
	return true;
}

/* Closing the poll elsewhere shows here within a second. */
static void live_data_changed(struct app *app, void *state)
{
	struct live *l = state;
	struct pact_err err;

	if (poll_get(app->db, l->poll, &l->info, &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
}

static void draw_field(struct app *app, struct input *in, const char *label, const char *hint,
		       const struct rect *area)
{
	int y = area->y + 1;
	struct rect r = { y + 1, area->x + 2, 1, area->w - 4 < 30 ? area->w - 4 : 30 };

	draw_text_cut(app, y, area->x + 2, area->w - 4, label, ROLE_TITLE);
	input_draw(app, in, &r, ROLE_SELECTED);
	draw_wrapped(app, &(struct rect){ y + 3, area->x + 2, area->h - 6, area->w - 4 }, hint, 0,
		     ROLE_DIM);
}

static void live_draw(struct app *app, void *state, const struct rect *area)
{
	struct live *l = state;
	struct rect below;
	const char *state_text = l->info.closed	   ? _("The poll is closed.")
				 : l->step == LS_DONE ? _("Thank you — your vote is in. The next voter "
							  "presses Enter.")
						      : NULL;
	struct tally_input rule_of = { .method = l->info.params.method, .lot = l->info.params.lot,
				       .seed = l->info.params.seed };
	char rule[512];
	int rule_rows;

	tally_tie_rule(&rule_of, rule, sizeof rule);
	draw_text_cut(app, area->y, area->x + 1, area->w - 2, l->info.title, ROLE_TITLE);
	/* the tie rule wraps (in a third of the screen at most); the rest goes
	 * below it */
	rule_rows = draw_wrapped_cut(app,
				     &(struct rect){ area->y + 1, area->x + 1,
						     area->h / 3 > 2 ? area->h / 3 : 2, area->w - 2 },
				     rule, ROLE_DIM);
	below = (struct rect){ area->y + 1 + rule_rows, area->x, area->h - 1 - rule_rows, area->w };
	if (state_text)
		draw_wrapped(app, &(struct rect){ area->y + area->h / 2, area->x + 2, 3, area->w - 4 },
			     state_text, 0, ROLE_TITLE);
	else if (l->step == LS_CODE)
		draw_field(app, &l->code, _("Your voter code"),
			   _("Type the code from your slip, like 7KQ-M4P, and press Enter. Each code "
			     "casts one ballot."),
			   &below);
	else if (l->step == LS_NAME)
		draw_field(app, &l->name, _("Your name (you may leave it empty)"),
			   _("This poll is open: a name you give is kept with your ballot. Press "
			     "Enter to go on."),
			   &below);
	else
		ballot_draw(app, &l->ballot, &below);
}

const struct screen_ops vote_live_ops = {
	.name = "vote-live",
	.title = N_("Your vote"),
	.keys = live_keys,
	.current_keys = live_current_keys,
	.create = live_create,
	.destroy = live_destroy,
	.draw = live_draw,
	.action = live_action,
	.text_input = live_input,
	.typing = live_typing,
	.data_changed = live_data_changed,
};
