/* Unit tests of path.c: "~/" expansion and the user's own data files. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
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

/* A name typed into a form to write to: empty, too long and existing
 * (unless replace) are refused with the field named; "~" is expanded. */
static void test_for_writing(void **state)
{
	char dir[] = "/tmp/pact-path-XXXXXX", out[64], small[16], file[64];
	struct pact_err err;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	setenv("HOME", dir, 1);
	assert_int_equal(path_for_writing("", false, out, sizeof out, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "file: give a file name");
	assert_int_equal(path_for_writing("~/r.html", false, out, sizeof out, &err), PACT_OK);
	snprintf(file, sizeof file, "%s/r.html", dir);
	assert_string_equal(out, file);
	f = fopen(file, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(path_for_writing("~/r.html", false, out, sizeof out, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "exists already; choose another name, or yes to replace it"));
	assert_int_equal(path_for_writing("~/r.html", true, out, sizeof out, &err), PACT_OK);
	assert_int_equal(path_for_writing("~/a-rather-long-name.html", false, small, sizeof small,
					  &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "file: cannot write ~/a-rather-long-name.html"));
	remove(file);
	rmdir(dir);
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
		cmocka_unit_test(test_for_writing),
		cmocka_unit_test(test_user_file),
		cmocka_unit_test(test_user_file_too_long),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
