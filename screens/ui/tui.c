/* Terminal set-up, the main loop, and the headless mode used by the screen
 * tests. */
#include "ui/tui.h"

#include <curses.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "ui/loop.h"
#include "ui/draw.h"
#include "err.h"
#include "i18n.h"
#include "ui/keys.h"
#include "ui/script.h"
#include "utf8.h"

static void setup_terminal(bool *color)
{
	const char *no_color = getenv("NO_COLOR");

	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	keys_define();
	/* Esc answers at once; a delay the user set (a slow link) is kept. */
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	curs_set(0);
	*color = has_colors() && !(no_color && *no_color);
	if (*color) {
		start_color();
		use_default_colors();
	}
	utf8_set_display_unicode(strcmp(nl_langinfo(CODESET), "UTF-8") == 0);
}

static void show_frame(struct app *app)
{
	app_draw(app);
	if (app->cursor_on) {
		move(app->cursor_y, app->cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* Write the screen as text, one line per row. */
static void dump_screen(FILE *out)
{
	char line[4096];

	for (int y = 0; y < LINES; y++)
		fprintf(out, "%s\n", draw_read_line(y, line, sizeof line));
}

static int run_headless(struct app *app, const char *path)
{
	struct script s;
	struct pact_err err;
	int key, rows = 0, cols = 0, status = PACT_OK;

	if (script_load(&s, path, &err) != PACT_OK) {
		fprintf(stderr, "pact: %s\n", err.msg);
		return err.status;
	}
	while (app->running && (key = script_next(&s, &rows, &cols, &err)) != 0) {
		if (key < 0) {
			fprintf(stderr, "pact: %s\n", err.msg);
			status = PACT_EINPUT;
			break;
		}
		app_draw(app);
		if (key == K_FN(KEY_RESIZE))
			resize_term(rows, cols);
		if (key == K_TICK)
			app_tick(app);
		app_key(app, key);
	}
	script_free(&s);
	app_draw(app);
	dump_screen(stdout);
	return status;
}

static double monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Keys as they come; a tick every TICK seconds even while keys keep
 * coming, so clocks and other terminals' changes show without a key. */
#define TICK 0.25

/* An Esc with more bytes right behind it is a sequence ncurses did not
 * know (a terminal's own Home or Ctrl-Up): read it whole, so that it is
 * its key or nothing, never Esc followed by letters that act as keys.
 * Anything else behind the Esc (Alt with a letter) is left for next time. */
static int read_escape(void)
{
	char seq[16];
	size_t n = 0;
	wint_t wc;
	int rc, key = K_ESC;

	timeout(0);
	rc = get_wch(&wc);
	if (rc == OK && (wc == '[' || wc == 'O')) {
		seq[n++] = (char)wc;
		/* CSI: parameters and intermediates up to a final byte (the Linux
		 * console's F1 is ESC [ [ A); SS3: one character. */
		while (n < sizeof seq - 1 && get_wch(&wc) == OK && wc >= 0x20 && wc < 0x7f) {
			seq[n++] = (char)wc;
			if (seq[0] == 'O' || (wc >= 0x40 && !(n == 2 && wc == '[')))
				break;
		}
		seq[n] = '\0';
		key = keys_sequence(seq);
	} else if (rc == KEY_CODE_YES) {
		ungetch((int)wc);
	} else if (rc == OK) {
		unget_wch((wchar_t)wc);
	}
	timeout((int)(TICK * 1000));
	return key;
}

static void run_terminal(struct app *app)
{
	double last_tick = monotonic();
	wint_t wc;
	int rc, key;

	timeout((int)(TICK * 1000));
	while (app->running) {
		show_frame(app);
		rc = get_wch(&wc);
		key = rc == ERR ? 0 : keys_normalise(rc == KEY_CODE_YES ? K_FN((int)wc) : (int)wc);
		if (key == K_ESC)
			key = read_escape();
		if (key)
			app_key(app, key);
		if (monotonic() - last_tick >= TICK || rc == ERR) {
			last_tick = monotonic();
			app_tick(app);
		}
	}
}

int tui_run(sqlite3 *db, const char *db_path, const struct screens_request *req)
{
	const char *keys = getenv("PACT_KEYS");
	const char *term = getenv("TERM");
	/* The headless dump reads no terminal and draws into /dev/null. */
	FILE *null_out = NULL, *null_in = NULL, *out = stdout, *in = stdin;
	SCREEN *scr;
	struct app app;
	bool color;
	int status = PACT_OK;

	if (keys && *keys) {
		out = null_out = fopen("/dev/null", "w");
		in = null_in = fopen("/dev/null", "r");
		if (!term || !*term)
			term = "xterm-256color";
	} else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "pact: %s\n",
			_("the screens need a terminal; in scripts use a subcommand (see pact --help)"));
		return PACT_EUSAGE;
	}
	scr = out && in ? newterm(keys && *keys ? term : NULL, out, in) : NULL;
	if (!scr) {
		fprintf(stderr, _("pact: cannot use terminal type '%s'\n"), term ? term : "");
		status = PACT_EUSAGE;
	} else {
		setup_terminal(&color);
		app_init(&app, db, db_path, color, req);
		if (keys && *keys)
			status = run_headless(&app, keys);
		else
			run_terminal(&app);
		app_free(&app);
		endwin();
		delscreen(scr);
	}
	if (null_out)
		fclose(null_out);
	if (null_in)
		fclose(null_in);
	return status;
}
