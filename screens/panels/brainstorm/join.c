/* Participant view. */
#include "panels/brainstorm/join.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui/draw.h"
#include "i18n.h"
#include "brainstorm_idea.h"
#include "widgets/input.h"
#include "brainstorm_round.h"
#include "brainstorm_session.h"
#include "panels/brainstorm/session_view.h"

#define JOIN_SHOWN 8

struct join {
	int64_t session_id, participant_id;
	char *alias;
	struct session s;
	struct round round;
	bool have_round;
	struct input in;
	char *mine[JOIN_SHOWN]; /* the latest ideas sent from here, newest first */
	int sent;
};

enum { JA_SEND = 1, JA_CLEAR };

static const struct key_binding join_keys[] = {
	{ K_ENTER, JA_SEND, N_("Send idea"), N_("Send the idea") },
	{ K_ESC, JA_CLEAR, N_("Clear"), N_("Clear the line") },
	{ K_CTRL('c'), 0, N_("Leave"), N_("Leave (Ctrl-C)") },
	{ 0, 0, NULL, NULL },
};

static void reload(struct app *app, struct join *j)
{
	struct pact_err err;
	struct session s;

	if (session_get(app->db, j->session_id, &s, &err) == PACT_OK) {
		session_free(&j->s);
		j->s = s;
	}
	round_current(app->db, j->session_id, &j->round, &j->have_round, &err);
}

static void *join_create(struct app *app)
{
	struct join *j = calloc(1, sizeof *j);

	if (!j)
		return NULL;
	j->session_id = app->start->session_id;
	j->participant_id = app->start->participant_id;
	j->alias = j->participant_id ? participant_alias(app->db, j->participant_id) : NULL;
	input_init(&j->in, 8000, false);
	reload(app, j);
	return j;
}

static void join_destroy(struct app *app, void *state)
{
	struct join *j = state;

	(void)app;
	session_free(&j->s);
	input_free(&j->in);
	for (int i = 0; i < JOIN_SHOWN; i++)
		free(j->mine[i]);
	free(j->alias);
	free(j);
}

/* The facilitator may have deleted the session or forgotten us. */
static bool still_there(struct app *app, struct join *j)
{
	struct session s;
	struct pact_err err;
	char *alias = NULL;

	if (session_get(app->db, j->session_id, &s, &err) != PACT_OK) {
		app_message(app, true, "%s",
			    _("This session has been closed by the facilitator; Ctrl-C leaves."));
		return false;
	}
	session_free(&s);
	if (j->participant_id && !(alias = participant_alias(app->db, j->participant_id))) {
		j->participant_id = 0;
		free(j->alias);
		j->alias = NULL;
		app_message(app, false, "%s", _("Your name was removed; you now type anonymously."));
		return true;
	}
	if (j->participant_id)
		free(alias);
	return true;
}

static void send_idea(struct app *app, struct join *j)
{
	struct pact_err err;
	int64_t id;
	int rc;

	if (!still_there(app, j))
		return;
	rc = idea_add(app->db, j->session_id, j->in.tb.s ? j->in.tb.s : "", j->participant_id,
		      (int64_t)time(NULL), &id, &err);
	if (rc != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	free(j->mine[JOIN_SHOWN - 1]);
	memmove(j->mine + 1, j->mine, (JOIN_SHOWN - 1) * sizeof j->mine[0]);
	j->mine[0] = idea_text(app->db, id);
	j->sent++;
	textbuf_clear(&j->in.tb);
}

static void join_action(struct app *app, void *state, int action)
{
	struct join *j = state;

	if (action == JA_SEND)
		send_idea(app, j);
	else if (action == JA_CLEAR)
		textbuf_clear(&j->in.tb);
	else
		app_request_quit(app);
}

static enum input_result join_text_input(struct app *app, void *state, int key)
{
	struct join *j = state;

	(void)app;
	if (key == K_ENTER || key == K_ESC)
		return INPUT_IGNORED;
	return input_key(&j->in, key) == INPUT_NOT_MINE ? INPUT_IGNORED : INPUT_HANDLED;
}

/* The clock runs on: a redraw every second. */
static bool join_tick(struct app *app, void *state)
{
	(void)app;
	(void)state;
	return true;
}

/* The facilitator changed the session or its round. */
static void join_data_changed(struct app *app, void *state)
{
	reload(app, state);
}

static bool join_typing(struct app *app, void *state)
{
	(void)app;
	(void)state;
	return true;
}

static bool join_unsaved(struct app *app, void *state)
{
	struct join *j = state;

	(void)app;
	return j->in.tb.len > 0;
}

static void join_draw(struct app *app, void *state, const struct rect *area)
{
	struct join *j = state;
	char label[128], sent[128];
	int y = area->y + 1, used;

	used = sv_draw_clock(app, area->y, area->x + area->w - 1, &j->round, j->have_round);
	draw_text_cut(app, area->y, area->x + 1, area->w - used - 4, j->s.title ? j->s.title : "",
		      ROLE_TITLE);
	if (j->s.question && j->s.question[0])
		y += draw_wrapped(app, &(struct rect){ y + 1, area->x + 2, 4, area->w - 4 },
				  j->s.question, 0, ROLE_TITLE) + 2;
	else
		y += 1;
	snprintf(label, sizeof label, _("Your idea (%s) > "), j->alias ? j->alias : _("anonymous"));
	used = draw_text_cut(app, y, area->x + 1, area->w / 2, label, ROLE_TITLE);
	input_draw(app, &j->in, &(struct rect){ y, area->x + 1 + used, 1, area->w - 2 - used },
		   ROLE_SELECTED);
	y += 2;
	snprintf(sent, sizeof sent,
		 ngettext("You sent %d idea. Thank you!", "You sent %d ideas. Thank you!",
			  (unsigned long)j->sent),
		 j->sent);
	if (j->sent)
		draw_text_cut(app, y++, area->x + 1, area->w - 2, sent, ROLE_DIM);
	for (int i = 0; i < JOIN_SHOWN && j->mine[i] && y < area->y + area->h; i++)
		draw_text_cut(app, y++, area->x + 3, area->w - 4, j->mine[i], ROLE_NORMAL);
}

const struct screen_ops join_ops = {
	.name = "join",
	.title = N_("Your ideas"),
	.keys = join_keys,
	.create = join_create,
	.destroy = join_destroy,
	.draw = join_draw,
	.action = join_action,
	.text_input = join_text_input,
	.has_unsaved = join_unsaved,
	.typing = join_typing,
	.tick = join_tick,
	.data_changed = join_data_changed,
};
