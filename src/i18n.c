/* Language selection and the gettext text domain. */
#include "i18n.h"

#include <locale.h>
#include <stdlib.h>

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
