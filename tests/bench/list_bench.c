/* Benchmark: the list widget on a query of 1,000,000 rows. Measures the
 * time one key plus one redraw takes for the moves a user makes: Down,
 * PgDn, End, Home, type-to-find. "Smooth" means every frame well under the
 * 16 ms of a 60 Hz display; the figures are printed, not asserted. */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ui/app.h"
#include "widgets/list.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct app app;
static struct list_view lv;
static const struct rect area = { 1, 0, 22, 80 };

static void frame(void)
{
	erase();
	list_draw(&app, &lv, &area);
	wnoutrefresh(stdscr);
	doupdate();
}

/* Time `reps` presses of key, each with a frame; prints mean and worst. */
static void measure(const char *what, int key, int reps)
{
	double worst = 0, total = 0;

	for (int i = 0; i < reps; i++) {
		double t0 = now(), dt;
		list_key(&lv, key);
		frame();
		dt = now() - t0;
		total += dt;
		worst = dt > worst ? dt : worst;
	}
	printf("%-28s %7d keys  mean %7.3f ms  worst %7.3f ms\n", what, reps,
	       total / reps * 1e3, worst * 1e3);
}

int main(void)
{
	static const struct list_column cols[] = { { "Idea", 40, 0 }, { "Wijk", 0, 1 } };
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	sqlite3 *db;
	struct pager p;
	double t0, worst = 0;
	const char *finds[] = { "idee 0500000", "idee 0999999", "idee 0000002", "Schiedam" };

	setlocale(LC_ALL, "C.UTF-8");
	setenv("LINES", "24", 1);
	setenv("COLUMNS", "80", 1);
	newterm("xterm-256color", out, in);
	sqlite3_open(":memory:", &db);
	t0 = now();
	sqlite3_exec(db,
		     "CREATE TABLE idea(id INTEGER PRIMARY KEY, text TEXT, wijk TEXT);"
		     "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1000000) "
		     "INSERT INTO idea SELECT x, printf('idee %07d: meer groen in de straat', x), "
		     "'Schiedam-' || (x % 9) FROM c;"
		     "UPDATE idea SET text = 'Schiedam-Oost bankjes' WHERE id = 999000;",
		     NULL, NULL, NULL);
	printf("made 1,000,000 rows in %.2f s\n", now() - t0);
	pager_open(&p, db, "SELECT count(*) FROM idea",
		   "SELECT id, text, wijk FROM idea ORDER BY id LIMIT :limit OFFSET :offset", NULL);
	pager_reload(&p, NULL);
	list_init(&lv, &p, cols, 2, 0, NULL);
	frame();
	measure("Down (from the top)", K_FN(KEY_DOWN), 20000);
	measure("PgDn", K_FN(KEY_NPAGE), 2000);
	measure("End", K_FN(KEY_END), 20);
	measure("Up (at the end)", K_FN(KEY_UP), 20000);
	measure("PgUp (at the end)", K_FN(KEY_PPAGE), 2000);
	measure("Home", K_FN(KEY_HOME), 20);
	for (size_t f = 0; f < sizeof finds / sizeof finds[0]; f++) {
		double t = now(), dt;
		for (const char *c = finds[f]; *c; c++)
			list_find(&lv, (unsigned char)*c, 1000.0 + (double)f * 10);
		frame();
		dt = now() - t;
		worst = dt > worst ? dt : worst;
		printf("type-to-find %-15s -> row %8lld  %7.1f ms for the whole word\n", finds[f],
		       (long long)lv.sel + 1, dt * 1e3);
	}
	pager_close(&p);
	sqlite3_close(db);
	endwin();
	return 0;
}
