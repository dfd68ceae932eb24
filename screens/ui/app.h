/* The running application: the database handle, the panels, the stack of
 * overlays, and the services screens use (status messages, colours,
 * pushing dialogs). Screens include this; the loop that drives it all is
 * ui/loop.h, which only tui.c and the tests include. */
#ifndef PACT_APP_H
#define PACT_APP_H

#include <curses.h>
#include <sqlite3.h>
#include <stdbool.h>

#include "cli_opts.h"
#include "ui/screen.h"

#define APP_PANELS 5
#define APP_STACK 8
#define APP_MIN_COLS 60
#define APP_MIN_ROWS 16

/* Roles of text on screen; app_attr maps them to colours or, without
 * colour, to reverse video and bold. */
enum role {
	ROLE_NORMAL,
	ROLE_TAB,
	ROLE_TAB_ACTIVE,
	ROLE_STATUS,
	ROLE_STATUS_KEY,
	ROLE_SELECTED,
	ROLE_TITLE,
	ROLE_DIM,
	ROLE_ERROR,
	ROLE_DIALOG,
	ROLE_BAR,
	ROLE_MATCH, /* a search match inside text */
	ROLE_COUNT, /* the number of roles, not a role */
};

struct layer {
	const struct screen_ops *ops;
	void *state;
};

struct app {
	sqlite3 *db;
	const char *db_path;
	const struct screen_ops *panels[APP_PANELS];
	void *panel_state[APP_PANELS];
	int npanels; /* 1 when a single screen runs without tabs */
	const struct screens_request *start; /* what the command line asked for */
	int active;
	struct layer stack[APP_STACK];
	int depth;
	bool running;
	bool color;
	bool bell;
	char message[256];
	bool message_is_error;
	/* Where the terminal cursor goes after this frame, if anywhere. */
	bool cursor_on;
	int cursor_y, cursor_x;
	/* The panel has the whole screen: no tab bar, no status line (the
	 * projector view of results). */
	bool fullscreen;
	/* db_change_count when each panel, and the stack, last refreshed. */
	int64_t panel_seen[APP_PANELS];
	int64_t stack_seen;
	/* A screen asked to quit (app_request_quit); the loop asks first when
	 * typed text would be lost. */
	bool quit_asked;
};

/* The actions of the global keys (the loop carries them out). */
enum global_action {
	GA_TAB1 = 1,
	GA_TAB5 = GA_TAB1 + APP_PANELS - 1,
	GA_NEXT,
	GA_PREV,
	GA_HELP,
	GA_QUIT,
	GA_REDRAW,
};

/* Open an overlay or dialog above everything; it owns state until its
 * leave is called by app_pop. */
void app_push(struct app *app, const struct screen_ops *ops, void *state);
/* Close the pushed screen with this state, wherever it is in the stack
 * (a form whose submit opened another screen closes under it). */
void app_close(struct app *app, void *state);
void app_pop(struct app *app);

/* True while an overlay or dialog is open above the panels: a panel
 * leaves out the hints that name its own keys, which are not in force. */
bool app_covered(const struct app *app);

/* A one-line message in the status line until the next key. */
void app_message(struct app *app, bool is_error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

attr_t app_attr(const struct app *app, enum role role);
short app_pair(const struct app *app, enum role role);

/* Ask to quit: after this key the loop quits, asking first when some
 * screen would lose typed text. */
void app_request_quit(struct app *app);

/* Go to what req names (a card's session or poll, a session's card): the
 * panel that shows it shows it and comes into view, and the screens open
 * above the panels close (those the panel opened for it stay). False when
 * it is refused or no panel shows it; a message says why. Carried out by
 * the loop (ui/loop.c). */
bool app_show(struct app *app, const struct show_request *req);

/* The screen on top: the last pushed one, else the active panel. */
struct layer app_top(struct app *app);

/* A locked screen anywhere in the stack (secret voting, with a dialog over
 * it) keeps every way out closed: no tab, no help, no quitting. */
bool app_locked(struct app *app);

/* Give each role its colour pair (once colours are started). */
void app_init_colours(void);

/* Whether a global key is on offer now (not a printable one while the
 * screen is typing). */
bool app_global_key_offered(struct app *app, int key);

/* The keys that work on every panel, for the help overlay. */
extern const struct key_binding app_global_keys[];

#endif
