/* Unit tests of path.c: "~/" expansion and the user's own data files. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "path.h"

static void test_expand_home(void **state)
{
	char out[64];

	(void)state;
	setenv("HOME", "/home/anna", 1);
	assert_true(path_expand_home("~/stemmen.csv", out, sizeof out));
	assert_string_equal(out, "/home/anna/stemmen.csv");
	assert_true(path_expand_home("~", out, sizeof out));
	assert_string_equal(out, "/home/anna");
	/* another user's home, a tilde inside or at the end: as typed */
	assert_true(path_expand_home("~piet/x.csv", out, sizeof out));
	assert_string_equal(out, "~piet/x.csv");
	assert_true(path_expand_home("a/~/b", out, sizeof out));
	assert_string_equal(out, "a/~/b");
	assert_true(path_expand_home("x~", out, sizeof out));
	assert_string_equal(out, "x~");
	assert_true(path_expand_home("", out, sizeof out));
	assert_string_equal(out, "");
}

static void test_expand_home_without_home(void **state)
{
	char out[64];

	(void)state;
	unsetenv("HOME");
	assert_true(path_expand_home("~/x.csv", out, sizeof out));
	assert_string_equal(out, "~/x.csv");
	setenv("HOME", "", 1);
	assert_true(path_expand_home("~/x.csv", out, sizeof out));
	assert_string_equal(out, "~/x.csv");
}

static void test_expand_home_too_long(void **state)
{
	char out[16];

	(void)state;
	setenv("HOME", "/home/anna", 1);
	/* "/home/anna/a.cs" is 15 characters and the NUL: fits */
	assert_true(path_expand_home("~/a.cs", out, sizeof out));
	assert_string_equal(out, "/home/anna/a.cs");
	assert_false(path_expand_home("~/ab.csv", out, sizeof out));
	assert_false(path_expand_home("0123456789abcdef", out, sizeof out));
	assert_string_equal(out, "0123456789abcde");
}

static void test_user_file(void **state)
{
	char out[64];

	(void)state;
	setenv("HOME", "/home/anna", 1);
	setenv("XDG_CONFIG_HOME", "/etc/xdg-anna", 1);
	assert_true(path_user_file("tree.txt", out, sizeof out));
	assert_string_equal(out, "/etc/xdg-anna/pact/tree.txt");
	/* a relative XDG_CONFIG_HOME is ignored, as the XDG spec says */
	setenv("XDG_CONFIG_HOME", "conf", 1);
	assert_true(path_user_file("prompts.txt", out, sizeof out));
	assert_string_equal(out, "/home/anna/.config/pact/prompts.txt");
	unsetenv("XDG_CONFIG_HOME");
	assert_true(path_user_file("tree.txt", out, sizeof out));
	assert_string_equal(out, "/home/anna/.config/pact/tree.txt");
	unsetenv("HOME");
	assert_false(path_user_file("tree.txt", out, sizeof out));
	setenv("HOME", "", 1);
	assert_false(path_user_file("tree.txt", out, sizeof out));
}

static void test_user_file_too_long(void **state)
{
	char out[32];

	(void)state;
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/home/anna", 1);
	/* "/home/anna/.config/pact/tree.txt" is 32 characters: no room for the NUL */
	assert_false(path_user_file("tree.txt", out, sizeof out));
	assert_true(path_user_file("tree.tx", out, sizeof out));
	assert_string_equal(out, "/home/anna/.config/pact/tree.tx");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_expand_home),
		cmocka_unit_test(test_expand_home_without_home),
		cmocka_unit_test(test_expand_home_too_long),
		cmocka_unit_test(test_user_file),
		cmocka_unit_test(test_user_file_too_long),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
