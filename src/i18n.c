/* Language selection and the gettext text domain. */
#include "i18n.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

/* Where the catalogues are: $PACT_LOCALEDIR, else the installed ones, else
 * (a pact run from its build tree) build/locale beside the executable. */
static const char *catalogue_dir(char *buf, size_t size)
{
	const char *dir = getenv("PACT_LOCALEDIR");
	ssize_t n;
	char *slash;

	if (dir && *dir)
		return dir;
	if (access(LOCALEDIR "/nl/LC_MESSAGES/pact.mo", R_OK) == 0)
		return LOCALEDIR;
	n = readlink("/proc/self/exe", buf, size - 1);
	if (n <= 0)
		return LOCALEDIR;
	buf[n] = '\0';
	if ((slash = strrchr(buf, '/')) != NULL)
		*slash = '\0';
	/* the plain build is ./pact, the sanitizer build build/pact-san */
	if (strlen(buf) + 40 < size) {
		size_t len = strlen(buf);
		strcat(buf, "/build/locale");
		if (access(buf, R_OK) == 0)
			return buf;
		buf[len] = '\0';
		strcat(buf, "/locale");
		if (access(buf, R_OK) == 0)
			return buf;
	}
	return LOCALEDIR;
}

void i18n_init(const char *lang)
{
	char buf[4096];

	if (lang)
		setenv("LANGUAGE", lang, 1);
	setlocale(LC_ALL, "");
	bindtextdomain("pact", catalogue_dir(buf, sizeof buf));
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

const char *i18n_pgettext_full(const char *joined, const char *s)
{
	const char *t = gettext(joined);

	/* gettext gives its argument back when there is no translation */
	return t == joined ? s : t;
}

const char *i18n_npgettext_full(const char *joined, const char *s, const char *plural,
				unsigned long n)
{
	const char *t = ngettext(joined, plural, n);

	return t == joined ? s : t;
}

const char *i18n_pgettext(const char *ctx, const char *s)
{
	char joined[512];

	if (snprintf(joined, sizeof joined, "%s\004%s", ctx, s) >= (int)sizeof joined)
		return gettext(s);
	return i18n_pgettext_full(joined, s);
}
