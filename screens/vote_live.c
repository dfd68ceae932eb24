/* pact vote POLL: one participant's ballot from their own terminal. One
 * ballot per terminal: the token is the user and the terminal's name. */
#include "vote.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "ballot.h"
#include "db.h"
#include "draw.h"
#include "i18n.h"
#include "poll.h"
#include "tally_out.h"

struct live {
	int64_t poll;
	struct poll_info info;
	char **names;
	size_t nnames;
	struct ballot_edit ballot;
	bool done;
	char token[300];
	int64_t data_version;
};

enum { LA_CAST = 1, LA_LEAVE };

static const struct key_binding live_keys[] = {
	{ K_ENTER, LA_CAST, N_("Cast my vote"), N_("Cast the ballot (once)") },
	{ K_CTRL('c'), LA_LEAVE, N_("Leave"), N_("Leave (Ctrl-C)") },
	{ 0, 0, NULL, NULL },
};
static const struct key_binding done_keys[] = {
	{ K_CTRL('c'), LA_LEAVE, N_("Leave"), N_("Leave (Ctrl-C)") },
	{ 0, 0, NULL, NULL },
};

static const struct key_binding *live_current_keys(struct app *app, void *state)
{
	struct live *l = state;

	(void)app;
	return l->done || l->info.closed ? done_keys : live_keys;
}

/* One ballot per terminal: a hash of the poll, the user and the terminal,
 * so that the ballot does not say which terminal it came from. */
static void voter_token(char *out, size_t outsz, int64_t poll, const char *tty)
{
	char text[512];
	uint64_t h = 1469598103934665603ull;

	snprintf(text, sizeof text, "pact-vote:%lld:%lu:%s", (long long)poll,
		 (unsigned long)getuid(), tty ? tty : "?");
	for (const char *c = text; *c; c++)
		h = (h ^ (unsigned char)*c) * 1099511628211ull;
	snprintf(out, outsz, "%016llx", (unsigned long long)h);
}

static void *live_create(struct app *app)
{
	struct live *l = calloc(1, sizeof *l);
	struct pact_err err;
	const char *tty = ttyname(STDIN_FILENO);

	if (!l)
		return NULL;
	l->poll = app->start->poll_id;
	voter_token(l->token, sizeof l->token, l->poll, tty);
	l->data_version = db_data_version(app->db); /* before the data it goes with */
	if (poll_get(app->db, l->poll, &l->info, &err) != PACT_OK ||
	    poll_option_names(app->db, l->poll, &l->names, &l->nnames, &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
	ballot_init(&l->ballot, l->info.params.method, l->info.params.dots, l->info.params.lo,
		    l->info.params.hi, l->names, l->nnames);
	return l;
}

static void live_destroy(struct app *app, void *state)
{
	struct live *l = state;

	(void)app;
	ballot_free(&l->ballot);
	for (size_t i = 0; i < l->nnames; i++)
		free(l->names[i]);
	free(l->names);
	free(l);
}

static void live_cast(struct app *app, struct live *l)
{
	uint32_t options[512];
	int64_t values[512];
	struct pact_err err;
	size_t n;

	if (l->done || l->nnames > 512)
		return;
	n = ballot_marks(&l->ballot, options, values);
	if (poll_cast(app->db, l->poll, NULL, l->token, options, values, n, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	l->done = true;
	ballot_clear(&l->ballot);
}

static void live_action(struct app *app, void *state, int action)
{
	if (action == LA_CAST)
		live_cast(app, state);
	else
		app_request_quit(app);
}

static enum input_result live_input(struct app *app, void *state, int key)
{
	struct live *l = state;

	(void)app;
	return !l->done && !l->info.closed && ballot_key(&l->ballot, key) ? INPUT_HANDLED
									  : INPUT_IGNORED;
}

static bool live_typing(struct app *app, void *state)
{
	(void)app;
	(void)state;
	return true;
}

/* Closing the poll elsewhere shows here within a second. */
static bool live_tick(struct app *app, void *state)
{
	struct live *l = state;
	struct pact_err err;

	if (db_data_version(app->db) == l->data_version)
		return false;
	l->data_version = db_data_version(app->db);
	poll_get(app->db, l->poll, &l->info, &err);
	return true;
}

static void live_draw(struct app *app, void *state, const struct rect *area)
{
	struct live *l = state;
	struct rect below = { area->y + 2, area->x, area->h - 2, area->w };
	const char *state_text = l->done	       ? _("Thank you — your vote is in.")
				 : l->info.closed ? _("The poll is closed.")
						  : NULL;

	struct tally_input rule_of = { .method = l->info.params.method, .lot = l->info.params.lot,
				       .seed = l->info.params.seed };
	char rule[512];

	tally_tie_rule(&rule_of, rule, sizeof rule);
	draw_text_cut(app, area->y, area->x + 1, area->w - 2, l->info.title, ROLE_TITLE);
	draw_text_cut(app, area->y + 1, area->x + 1, area->w - 2, rule, ROLE_DIM);
	if (state_text)
		draw_text_cut(app, area->y + area->h / 2, area->x + 2, area->w - 4, state_text,
			      ROLE_TITLE);
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
	.tick = live_tick,
};
