/* Unit tests of the screen layer on a headless ncurses screen (output to
 * /dev/null): the list, text input, bar chart and confirm dialog widgets,
 * and the app's dispatch: tabs, help, quit, resize, text input first. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <curses.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui/loop.h"
#include "widgets/chart.h"
#include "db.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "widgets/input.h"
#include "widgets/list.h"
#include "utf8.h"

static SCREEN *scr;
static FILE *null_out, *null_in;
static char line[4096];

static const char *row(int y)
{
	return draw_read_line(y, line, sizeof line);
}

static int setup(void **state)
{
	(void)state;
	setenv("LINES", "24", 1);
	setenv("COLUMNS", "80", 1);
	null_out = fopen("/dev/null", "w");
	null_in = fopen("/dev/null", "r");
	scr = newterm("xterm-256color", null_out, null_in);
	return scr ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	endwin();
	delscreen(scr);
	fclose(null_out);
	fclose(null_in);
	return 0;
}

static int fresh_screen(void **state)
{
	(void)state;
	resize_term(24, 80);
	erase();
	return 0;
}

/* --- list ------------------------------------------------------------ */

static const struct list_column columns[] = { { "Name", 20, 0 }, { "Group", 0, 1 } };

static sqlite3 *million_rows(void)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
				      "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, grp TEXT);"
				      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
				      "LIMIT 1000000) INSERT INTO t SELECT x, printf('row %07d', x), "
				      "'wijk ' || (x % 7) FROM c;"
				      "UPDATE t SET name = 'Schiedam-Noord' WHERE id = 777777;",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	return db;
}

static void test_list_pages_a_million_rows(void **state)
{
	struct app app = { .color = false };
	struct rect area = { 0, 0, 11, 60 };
	struct pager p;
	struct list_view lv;
	sqlite3 *db = million_rows();

	(void)state;
	assert_int_equal(pager_open(&p, db, "SELECT count(*) FROM t",
				    "SELECT id, name, grp FROM t ORDER BY id LIMIT :limit OFFSET :offset",
				    NULL),
			 PACT_OK);
	pager_reload(&p, NULL);
	list_init(&lv, &p, columns, 2, 0, "No rows");
	list_draw(&app, &lv, &area);
	assert_non_null(strstr(row(0), "Name"));
	assert_non_null(strstr(row(0), "1/1000000"));
	assert_non_null(strstr(row(1), "row 0000001"));
	assert_non_null(strstr(row(10), "row 0000010"));

	assert_true(list_key(&lv, K_FN(KEY_END)));
	erase();
	list_draw(&app, &lv, &area);
	assert_non_null(strstr(row(0), "1000000/1000000"));
	assert_non_null(strstr(row(10), "row 1000000"));
	assert_int_equal(list_selected_id(&lv), 1000000);

	assert_true(list_key(&lv, K_FN(KEY_PPAGE)));
	assert_int_equal(lv.sel, 999999 - 9);
	assert_true(list_key(&lv, K_FN(KEY_HOME)));
	assert_int_equal(lv.sel, 0);
	assert_true(list_key(&lv, K_FN(KEY_UP))); /* stays on the first row */
	assert_int_equal(lv.sel, 0);
	for (int i = 0; i < 12; i++)
		list_key(&lv, K_FN(KEY_DOWN));
	erase();
	list_draw(&app, &lv, &area);
	assert_int_equal(lv.sel, 12);
	assert_non_null(strstr(row(10), "row 0000013")); /* scrolled to keep it in view */
	assert_false(list_key(&lv, 'x'));

	/* Type-to-find: letters typed together refine one search. */
	assert_true(list_find(&lv, 'S', 100.0));
	assert_true(list_find(&lv, 'c', 100.1));
	assert_int_equal(list_selected_id(&lv), 777777);
	assert_false(list_find(&lv, 'z', 100.2));
	assert_true(list_find(&lv, 'r', 105.0)); /* after a pause: a new search */
	assert_int_equal(list_selected_id(&lv), 777778);
	pager_close(&p);
	sqlite3_close(db);
}

static void test_list_empty(void **state)
{
	struct app app = { .color = false };
	struct rect area = { 0, 0, 5, 60 };
	struct pager p;
	struct list_view lv;
	sqlite3 *db;

	(void)state;
	sqlite3_open(":memory:", &db);
	sqlite3_exec(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)", NULL, NULL, NULL);
	pager_open(&p, db, "SELECT count(*) FROM t",
		   "SELECT id, name FROM t LIMIT :limit OFFSET :offset", NULL);
	pager_reload(&p, NULL);
	list_init(&lv, &p, columns, 1, 0, "No ideas yet");
	list_draw(&app, &lv, &area);
	assert_non_null(strstr(row(2), "No ideas yet"));
	assert_int_equal(list_selected_id(&lv), -1);
	assert_true(list_key(&lv, K_FN(KEY_DOWN)));
	assert_int_equal(lv.sel, 0);
	pager_close(&p);
	sqlite3_close(db);
}

/* --- input ----------------------------------------------------------- */

static void type(struct input *in, const char *s)
{
	size_t len = strlen(s), i = 0;
	uint32_t cp;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		assert_int_equal(input_key(in, (int)cp), INPUT_EDITED);
	}
}

static void test_input_single_line(void **state)
{
	struct app app = { .color = false };
	struct input in;
	struct rect r = { 3, 10, 1, 30 };

	(void)state;
	input_init(&in, 2000, false);
	type(&in, "coperatie");
	for (int i = 0; i < 7; i++)
		input_key(&in, K_FN(KEY_LEFT));
	type(&in, "ö");
	assert_string_equal(in.tb.s, "coöperatie");
	input_draw(&app, &in, &r, ROLE_NORMAL);
	assert_string_equal(row(3), "          coöperatie");
	assert_true(app.cursor_on);
	assert_int_equal(app.cursor_x, 13);
	input_key(&in, K_FN(KEY_BACKSPACE));
	assert_string_equal(in.tb.s, "coperatie");
	input_key(&in, K_FN(KEY_END));
	type(&in, " € 250.000");
	input_key(&in, K_CTRL('w'));
	assert_string_equal(in.tb.s, "coperatie € ");
	input_key(&in, K_CTRL('u'));
	assert_string_equal(in.tb.s, "");
	assert_int_equal(input_key(&in, K_ENTER), INPUT_ACCEPT);
	assert_int_equal(input_key(&in, K_ESC), INPUT_CANCEL);
	assert_int_equal(input_key(&in, K_FN(KEY_UP)), INPUT_NOT_MINE);
	assert_int_equal(input_key(&in, K_FN(KEY_F(5))), INPUT_NOT_MINE);
	input_free(&in);
}

static void test_input_scrolls_wide_text(void **state)
{
	struct app app = { .color = false };
	struct input in;
	struct rect r = { 2, 0, 1, 7 };

	(void)state;
	input_init(&in, 2000, false);
	type(&in, "日本語のテキスト");
	erase();
	input_draw(&app, &in, &r, ROLE_NORMAL);
	assert_true(app.cursor_x < 7);
	assert_non_null(strstr(row(2), "キスト"));
	assert_null(strstr(row(2), "日本"));
	input_key(&in, K_FN(KEY_HOME));
	erase();
	input_draw(&app, &in, &r, ROLE_NORMAL);
	assert_int_equal(app.cursor_x, 0);
	assert_non_null(strstr(row(2), "日本語"));
	input_free(&in);
}

static void test_input_multi_line(void **state)
{
	struct app app = { .color = false };
	struct input in;
	struct rect r = { 5, 0, 3, 20 };

	(void)state;
	input_init(&in, 2000, true);
	type(&in, "Wat werkte:");
	assert_int_equal(input_key(&in, K_ENTER), INPUT_EDITED);
	type(&in, "de koffie");
	erase();
	input_draw(&app, &in, &r, ROLE_NORMAL);
	assert_string_equal(row(5), "Wat werkte:");
	assert_string_equal(row(6), "de koffie");
	assert_int_equal(app.cursor_y, 6);
	input_key(&in, K_FN(KEY_UP));
	assert_int_equal(in.tb.cur, 9);
	assert_int_equal(input_key(&in, K_CTRL('d')), INPUT_ACCEPT);
	assert_string_equal(in.tb.s, "Wat werkte:\nde koffie");
	input_free(&in);
}

/* --- chart ----------------------------------------------------------- */

static void test_chart(void **state)
{
	struct app app = { .color = false };
	struct chart_item items[] = {
		{ "Groen", 10, "10" },
		{ "Veiligheid", 5, "5" },
		{ "Niets", 0, "0" },
	};
	struct rect r = { 0, 0, 3, 40 };

	(void)state;
	chart_draw(&app, items, 3, &r);
	assert_non_null(strstr(row(0), "Groen      ██████████████████████████ 10"));
	assert_non_null(strstr(row(1), "Veiligheid █████████████ 5"));
	assert_string_equal(row(2), "Niets       0");
	utf8_set_display_unicode(false);
	erase();
	chart_draw(&app, items, 3, &r);
	utf8_set_display_unicode(true);
	assert_non_null(strstr(row(1), "Veiligheid ############# 5"));
}

/* --- the app --------------------------------------------------------- */

struct note {
	struct input in;
	bool editing;
	char saved[256];
};

enum { NA_EDIT = 1 };
static const struct key_binding note_keys[] = {
	{ 'e', NA_EDIT, "Edit", "Edit the note" },
	{ 0, 0, NULL, NULL },
};

static void *note_create(struct app *app)
{
	struct note *n = calloc(1, sizeof *n);

	(void)app;
	input_init(&n->in, 200, false);
	return n;
}

static void note_destroy(struct app *app, void *state)
{
	struct note *n = state;

	(void)app;
	input_free(&n->in);
	free(n);
}

static void note_draw(struct app *app, void *state, const struct rect *area)
{
	struct note *n = state;

	draw_text(app, area->y, 0, 40, n->saved, ROLE_NORMAL);
	if (n->editing)
		input_draw(app, &n->in, &(struct rect){ area->y + 1, 0, 1, 40 }, ROLE_NORMAL);
}

static void note_action(struct app *app, void *state, int action)
{
	struct note *n = state;

	(void)app;
	n->editing = action == NA_EDIT;
}

static enum input_result note_text(struct app *app, void *state, int key)
{
	struct note *n = state;

	(void)app;
	if (!n->editing)
		return INPUT_IGNORED;
	switch (input_key(&n->in, key)) {
	case INPUT_ACCEPT:
		snprintf(n->saved, sizeof n->saved, "%s", n->in.tb.s);
		textbuf_clear(&n->in.tb);
		n->editing = false;
		return INPUT_HANDLED;
	case INPUT_CANCEL:
		n->editing = false;
		return INPUT_HANDLED;
	case INPUT_EDITED:
		return INPUT_HANDLED;
	default:
		return INPUT_IGNORED;
	}
}

static bool note_unsaved(struct app *app, void *state)
{
	struct note *n = state;

	(void)app;
	return n->editing && n->in.tb.len > 0;
}

static const struct screen_ops note_ops = {
	.name = "note",
	.title = "Note",
	.keys = note_keys,
	.create = note_create,
	.destroy = note_destroy,
	.draw = note_draw,
	.action = note_action,
	.text_input = note_text,
	.has_unsaved = note_unsaved,
};

/* Put the note screen in place of panel 3. */
static struct note *use_note_panel(struct app *app)
{
	app->panels[2]->destroy(app, app->panel_state[2]);
	app->panels[2] = &note_ops;
	app->panel_state[2] = note_create(app);
	return app->panel_state[2];
}

static sqlite3 *test_db(char *path, size_t pathsz)
{
	sqlite3 *db;
	struct pact_err err;

	snprintf(path, pathsz, "/tmp/pact-screens-%d.db", (int)getpid());
	unlink(path);
	assert_int_equal(db_open(path, &db, &err), PACT_OK);
	return db;
}

static void drop_db(sqlite3 *db, const char *path)
{
	char aux[PATH_MAX + 8];

	db_close(db);
	unlink(path);
	snprintf(aux, sizeof aux, "%s-wal", path);
	unlink(aux);
	snprintf(aux, sizeof aux, "%s-shm", path);
	unlink(aux);
}

static void keys(struct app *app, const char *s)
{
	for (; *s; s++)
		app_key(app, *s);
}

/* A screen that counts how often it was told the database changed. */
static int seen_changes;

static void counting_changed(struct app *app, void *state)
{
	(void)app;
	(void)state;
	seen_changes++;
}

static const struct screen_ops counting_ops = {
	.name = "counting",
	.title = "Counting",
	.keys = (const struct key_binding[]){ { 0, 0, NULL, NULL } },
	.data_changed = counting_changed,
};

/* One way to learn about changes: a commit of this pact's own, or of
 * another connection, reaches the screens in view after the next key or
 * tick, once; nothing changed, nothing is read again. */
static void test_app_tells_the_screens_in_view_of_changes(void **state)
{
	char path[PATH_MAX];
	sqlite3 *db = test_db(path, sizeof path), *other;
	struct pact_err err;
	struct app app;

	(void)state;
	app_init(&app, db, path, false, NULL);
	app_push(&app, &counting_ops, NULL);
	seen_changes = 0;
	app_key(&app, K_TICK);
	assert_int_equal(seen_changes, 0); /* nothing changed */

	/* our own commit (the commit hook counts it) */
	assert_int_equal(db_setting_set(db, "probe", "1", &err), PACT_OK);
	app_key(&app, 'x');
	assert_int_equal(seen_changes, 1);
	app_key(&app, 'x');
	app_tick(&app);
	assert_int_equal(seen_changes, 1); /* told once */

	/* another connection's commit (PRAGMA data_version) */
	assert_int_equal(db_open(path, &other, &err), PACT_OK);
	assert_int_equal(db_setting_set(other, "probe", "2", &err), PACT_OK);
	db_close(other);
	assert_true(app_tick(&app));
	assert_int_equal(seen_changes, 2);
	assert_false(app_tick(&app));
	assert_int_equal(seen_changes, 2);

	/* a failed write (rolled back) commits nothing */
	assert_int_equal(db_begin(db, &err), PACT_OK);
	assert_int_equal(db_setting_set(db, "probe", "3", &err), PACT_OK);
	db_rollback(db);
	app_tick(&app);
	assert_int_equal(seen_changes, 2);
	app_free(&app);
	drop_db(db, path);
}

static void test_app_tabs_and_help(void **state)
{
	char path[PATH_MAX];
	sqlite3 *db = test_db(path, sizeof path);
	struct app app;

	(void)state;
	app_init(&app, db, path, false, NULL);
	app_draw(&app);
	assert_non_null(strstr(row(0), "[1 Wizard]"));
	assert_non_null(strstr(row(0), "5 Library"));
	assert_non_null(strstr(row(23), "? Help"));
	app_key(&app, '4');
	assert_int_equal(app.active, 3);
	app_key(&app, K_TAB);
	app_key(&app, K_TAB);
	assert_int_equal(app.active, 0); /* wraps around */
	app_key(&app, K_FN(KEY_BTAB));
	assert_int_equal(app.active, 4);
	app_draw(&app);
	assert_non_null(strstr(row(0), "[5 Library]"));

	app_key(&app, K_FN(KEY_F(1)));
	assert_int_equal(app.depth, 1);
	app_draw(&app);
	{
		bool found_help = false;
		for (int y = 0; y < LINES; y++)
			if (strstr(row(y), "?, F1") && strstr(row(y), "Show the keys of this screen"))
				found_help = true;
		assert_true(found_help);
	}
	app_key(&app, '2'); /* the overlay keeps panel keys away */
	assert_int_equal(app.active, 4);
	app_key(&app, K_ESC);
	assert_int_equal(app.depth, 0);
	app_key(&app, '2');
	assert_int_equal(app.active, 1);
	app_free(&app);

	/* The last panel is remembered. */
	app_init(&app, db, path, false, NULL);
	assert_int_equal(app.active, 1);
	app_free(&app);
	drop_db(db, path);
}

static void test_app_quit_asks_only_when_text_would_be_lost(void **state)
{
	char path[PATH_MAX];
	sqlite3 *db = test_db(path, sizeof path);
	struct app app;

	(void)state;
	app_init(&app, db, path, false, NULL);
	use_note_panel(&app);
	app_key(&app, '3');
	keys(&app, "e");
	keys(&app, "quick"); /* typed into the input, 'q' does not quit */
	assert_true(app.running);
	assert_string_equal(((struct note *)app.panel_state[2])->in.tb.s, "quick");
	app_key(&app, K_CTRL('c'));
	assert_int_equal(app.depth, 1); /* asks */
	app_draw(&app);
	{
		bool asked = false;
		for (int y = 0; y < LINES; y++)
			if (strstr(row(y), "Quit pact?"))
				asked = true;
		assert_true(asked);
	}
	app_key(&app, K_ENTER); /* No is the default */
	assert_int_equal(app.depth, 0);
	assert_true(app.running);
	app_key(&app, K_CTRL('c'));
	app_key(&app, 'y');
	assert_false(app.running);

	/* Saved text: quitting needs no question. */
	app.running = true;
	app_key(&app, K_ENTER);
	assert_string_equal(((struct note *)app.panel_state[2])->saved, "quick");
	app_key(&app, 'q');
	assert_int_equal(app.depth, 0);
	assert_false(app.running);
	app_free(&app);
	drop_db(db, path);
}

static void test_app_too_small(void **state)
{
	char path[PATH_MAX];
	sqlite3 *db = test_db(path, sizeof path);
	struct app app;

	(void)state;
	app_init(&app, db, path, false, NULL);
	resize_term(12, 50);
	app_key(&app, K_FN(KEY_RESIZE));
	app_draw(&app);
	assert_non_null(strstr(row(5), "Terminal too small: need 60x16"));
	assert_non_null(strstr(row(6), "(now 50x12)"));
	app_key(&app, '3'); /* nothing happens out of sight */
	assert_int_equal(app.active, 0);
	resize_term(16, 60);
	app_key(&app, K_FN(KEY_RESIZE));
	app_draw(&app);
	assert_non_null(strstr(row(0), "[1 Wizard]"));
	app_free(&app);
	drop_db(db, path);
}

static void test_app_resize_while_typing(void **state)
{
	char path[PATH_MAX];
	sqlite3 *db = test_db(path, sizeof path);
	struct app app;
	struct note *n;

	(void)state;
	app_init(&app, db, path, false, NULL);
	n = use_note_panel(&app);
	app_key(&app, '3');
	keys(&app, "eWijkavond");
	resize_term(16, 60);
	app_key(&app, K_FN(KEY_RESIZE));
	app_draw(&app);
	assert_string_equal(row(2), "Wijkavond");
	assert_int_equal(app.cursor_y, 2);
	assert_int_equal(app.cursor_x, 9);
	resize_term(10, 40);
	app_key(&app, K_FN(KEY_RESIZE));
	keys(&app, "xyz"); /* unseen keys do not edit */
	resize_term(24, 80);
	app_key(&app, K_FN(KEY_RESIZE));
	keys(&app, " Noord");
	app_key(&app, K_ENTER);
	assert_string_equal(n->saved, "Wijkavond Noord");
	app_free(&app);
	drop_db(db, path);
}

static int confirmed;

static void on_yes(struct app *app, void *ctx)
{
	(void)app;
	confirmed = *(int *)ctx;
}

static void test_confirm_dialog(void **state)
{
	char path[PATH_MAX];
	sqlite3 *db = test_db(path, sizeof path);
	struct app app;
	int value = 42;

	(void)state;
	app_init(&app, db, path, false, NULL);
	confirmed = 0;
	dialog_confirm(&app, "Delete the session \"Wijkavond\"?", "Delete", on_yes, &value);
	app_draw(&app);
	{
		bool shown = false;
		for (int y = 0; y < LINES; y++)
			if (strstr(row(y), "Delete") && strstr(row(y), "[ No ]"))
				shown = true;
		assert_true(shown);
	}
	app_key(&app, K_ESC);
	assert_int_equal(confirmed, 0);
	dialog_confirm(&app, "Delete?", "Delete", on_yes, &value);
	app_key(&app, K_FN(KEY_LEFT));
	app_key(&app, K_ENTER);
	assert_int_equal(confirmed, 42);
	assert_int_equal(app.depth, 0);
	confirmed = 0;
	dialog_confirm(&app, "Delete?", "Delete", on_yes, &value);
	app_key(&app, 'j'); /* Dutch "ja" */
	assert_int_equal(confirmed, 42);
	app_free(&app);
	drop_db(db, path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_list_pages_a_million_rows, fresh_screen),
		cmocka_unit_test_setup(test_list_empty, fresh_screen),
		cmocka_unit_test_setup(test_input_single_line, fresh_screen),
		cmocka_unit_test_setup(test_input_scrolls_wide_text, fresh_screen),
		cmocka_unit_test_setup(test_input_multi_line, fresh_screen),
		cmocka_unit_test_setup(test_chart, fresh_screen),
		cmocka_unit_test_setup(test_app_tabs_and_help, fresh_screen),
		cmocka_unit_test_setup(test_app_tells_the_screens_in_view_of_changes, fresh_screen),
		cmocka_unit_test_setup(test_app_quit_asks_only_when_text_would_be_lost, fresh_screen),
		cmocka_unit_test_setup(test_app_too_small, fresh_screen),
		cmocka_unit_test_setup(test_app_resize_while_typing, fresh_screen),
		cmocka_unit_test_setup(test_confirm_dialog, fresh_screen),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("screens", tests, setup, teardown);
}
