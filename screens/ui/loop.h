/* The application loop: set up the panels, dispatch each key, refresh the
 * screens in view when the database changed, and paint the frame. Only
 * the terminal driver (ui/tui.c) and the tests use it; screens use the
 * services in ui/app.h. */
#ifndef PACT_LOOP_H
#define PACT_LOOP_H

#include <sqlite3.h>
#include <stdbool.h>

#include "ui/app.h"

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

#endif
