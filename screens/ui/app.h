/* The running application: the database handle, the panels, the stack of
 * overlays, and the services screens use (status messages, colours,
 * pushing dialogs). */
#ifndef PACT_APP_H
#define PACT_APP_H

#include <curses.h>
#include <sqlite3.h>
#include <stdbool.h>

#include "cli.h"
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
	/* Counts changes made through this app that other screens may show
	 * (an import): like PRAGMA data_version for our own connection.
	 * Being replaced by db_change_count and screen_ops.data_changed. */
	int64_t changes;
	/* db_change_count when each panel, and the stack, last refreshed. */
	int64_t panel_seen[APP_PANELS];
	int64_t stack_seen;
};

/* Set up the app on an initialised terminal, opening what start asks for
 * (NULL: the panel used last). */
void app_init(struct app *app, sqlite3 *db, const char *db_path, bool color,
	      const struct screens_request *start);
void app_free(struct app *app);

/* Handle one key or event. */
void app_key(struct app *app, int key);

/* A second passed: true when some screen needs a redraw. */
bool app_tick(struct app *app);

/* Refresh the screens in view when the database changed since they last
 * read it (called after every key and tick). True when one did. */
bool app_notice_changes(struct app *app);

/* Paint the whole frame into stdscr (no refresh). */
void app_draw(struct app *app);

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

/* Ask to quit: asks first when some screen would lose typed text. */
void app_request_quit(struct app *app);

/* Whether a global key is on offer now (not a printable one while the
 * screen is typing). */
bool app_global_key_offered(struct app *app, int key);

/* The keys that work on every panel, for the help overlay. */
extern const struct key_binding app_global_keys[];

#endif
