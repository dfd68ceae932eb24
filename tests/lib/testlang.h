/* The screens' language for unit tests that read the real catalogue
 * (build/locale, made by make): speak("nl") or speak("en"), and english as
 * a cmocka setup. Included by the suites that check wording. */
#ifndef PACT_TESTLANG_H
#define PACT_TESTLANG_H

#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "i18n.h"

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

#endif
