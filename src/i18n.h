/* gettext wrappers: every user-visible string is written as _("…"). */
#ifndef PACT_I18N_H
#define PACT_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
/* Marks a string for translation where it is stored, not yet shown. */
#define N_(s) (s)

/* Bind the text domain and select the language: lang is "nl", "en" or NULL
 * to follow LANGUAGE / LC_ALL / LC_MESSAGES / LANG. */
void i18n_init(const char *lang);

/* The language the screens speak: "nl" or "en" (for shipped data that
 * comes in both). */
const char *i18n_lang(void);

#endif
