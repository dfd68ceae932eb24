/* Unit tests of what the screens say in Dutch and in English, through the
 * real catalogue (build/locale, made by make): key names, rung and work
 * form names, numbers that agree with their nouns, and messages about
 * wrong values. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "keys.h"

#include <curses.h>

/* Speak lang ("nl" or "en") from the catalogue in build/locale. */
static void speak(const char *lang)
{
	char dir[PATH_MAX];

	if (!realpath("build/locale", dir) || access("build/locale/nl/LC_MESSAGES/pact.mo", R_OK))
		fail_msg("build/locale/nl/LC_MESSAGES/pact.mo is missing: run make first");
	setenv("PACT_LOCALEDIR", dir, 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	i18n_init(lang);
}

static int english(void **state)
{
	(void)state;
	speak("en");
	return 0;
}

static const char *key(int k)
{
	static char buf[64];

	return keys_name(k, buf, sizeof buf);
}

/* --- key names ---------------------------------------------------------- */

static void test_key_names(void **state)
{
	(void)state;
	speak("nl");
	assert_string_equal(key(K_FN(KEY_UP)), "↑");
	assert_string_equal(key(K_FN(KEY_DOWN)), "↓");
	assert_string_equal(key(K_FN(KEY_LEFT)), "←");
	assert_string_equal(key(K_FN(KEY_RIGHT)), "→");
	assert_string_equal(key(' '), "Spatie");
	assert_string_equal(key(K_FN(KEY_BTAB)), "Shift-Tab");
	assert_string_equal(key(K_CTRL('l')), "Ctrl-L");
	/* One English word, two Dutch ones: the End and Delete keys keep
	 * their names, the end of a card and deleting one do not. */
	assert_string_equal(key(K_FN(KEY_END)), "End");
	assert_string_equal(key(K_FN(KEY_DC)), "Delete");
	assert_string_equal(_("End"), "Einde");
	assert_string_equal(_("Delete"), "Verwijderen");
	speak("en");
	assert_string_equal(key(K_FN(KEY_UP)), "Up");
	assert_string_equal(key(' '), "Space");
	assert_string_equal(key(K_FN(KEY_END)), "End");
	assert_string_equal(_("Delete"), "Delete");
	/* Key scripts keep reading the English names. */
	speak("nl");
	assert_int_equal(keys_parse("Up"), K_FN(KEY_UP));
	assert_int_equal(keys_parse("End"), K_FN(KEY_END));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_key_names, english),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
