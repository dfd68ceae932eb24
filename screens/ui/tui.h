/* Entry to the terminal interface; free of curses so main can include it. */
#ifndef PACT_TUI_H
#define PACT_TUI_H

#include <sqlite3.h>

#include "cli_opts.h"

/* Run the screens on db until the user quits; returns an exit status.
 * For tests, PACT_KEYS=FILE runs headless: keys come from FILE, nothing is
 * sent to a terminal, and the last screen is written to stdout as text
 * (size from LINES and COLUMNS). */
int tui_run(sqlite3 *db, const char *db_path, const struct screens_request *req);

#endif
