/* Language selection and the gettext text domain. */
#include "i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

void i18n_init(const char *lang)
{
	const char *dir = getenv("PACT_LOCALEDIR");

	if (lang)
		setenv("LANGUAGE", lang, 1);
	setlocale(LC_ALL, "");
	bindtextdomain("pact", dir && *dir ? dir : LOCALEDIR);
	/* Internally all text is UTF-8; the screen layer copes with other
	 * terminal encodings when it draws. */
	bind_textdomain_codeset("pact", "UTF-8");
	textdomain("pact");
}

const char *i18n_lang(void)
{
	const char *env[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };

	/* gettext's order: LANGUAGE (a list; its first entry), then the locale. */
	for (size_t i = 0; i < sizeof env / sizeof env[0]; i++) {
		const char *v = getenv(env[i]);
		if (v && *v)
			return strncmp(v, "nl", 2) == 0 ? "nl" : "en";
	}
	return "en";
}
