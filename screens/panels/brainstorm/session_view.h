/* The open session of the Brainstorm panel: question, round timer, stretch
 * prompt card, the ideas, and the capture line. Two modes: capture (the
 * input line has the keys; Esc leaves it) and commands (single keys act on
 * the marked idea; i returns to typing). A session opens typing, however
 * it was opened, and the status line always says which mode is on. */
#ifndef PACT_SESSION_VIEW_H
#define PACT_SESSION_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "ui/app.h"
#include "brainstorm_round.h"
#include "ui/screen.h"

struct session_view;

struct session_view *sv_new(struct app *app);
void sv_free(struct session_view *sv);

/* Open session_id; false (with a message) when it cannot be read. */
bool sv_open(struct app *app, struct session_view *sv, int64_t session_id);
void sv_close(struct session_view *sv);
bool sv_is_open(const struct session_view *sv);
/* The open session's id; 0 when none is open. */
int64_t sv_session(const struct session_view *sv);
/* Set when the user asked to go back to the list of sessions. */
bool sv_wants_list(struct session_view *sv);

void sv_draw(struct app *app, struct session_view *sv, const struct rect *area);
const struct key_binding *sv_keys(struct session_view *sv);
void sv_action(struct app *app, struct session_view *sv, int action);
enum input_result sv_text_input(struct app *app, struct session_view *sv, int key);
void sv_fallback(struct app *app, struct session_view *sv, int key);
bool sv_tick(struct app *app, struct session_view *sv);
/* The database changed: read the session, its round and ideas again,
 * keeping the mark. */
void sv_data_changed(struct app *app, struct session_view *sv);
bool sv_unsaved(struct session_view *sv);
bool sv_typing(struct session_view *sv);
/* "TYPING — Esc for commands" or "COMMANDS — i to type" (brief: "TYPING",
 * "COMMANDS"); NULL when closed. */
const char *sv_mode(struct session_view *sv, bool brief);

/* The round clock as the room sees it: "Diverge 04:59", "… paused",
 * "Time's up". Drawn right-aligned ending at column right; returns its
 * width. */
int sv_draw_clock(struct app *app, int y, int right, const struct round *r, bool have_round);

#endif
