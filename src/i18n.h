/* gettext wrappers: every user-visible string is written as _("…"). */
#ifndef PACT_I18N_H
#define PACT_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
/* Marks a string for translation where it is stored, not yet shown. */
#define N_(s) (s)

/* A string whose translation depends on its context (msgctxt), where one
 * English word needs two Dutch ones: C_("key", "End") is the End key,
 * _("End") the end of something. NC_ marks such a string where it is
 * stored; translate it later with i18n_pgettext(ctx, s). */
#define C_(ctx, s) i18n_pgettext_full(ctx "\004" s, s)
#define NC_(ctx, s) (s)

/* ngettext with a context (xgettext knows npgettext by name). */
#define npgettext(ctx, s, p, n) i18n_npgettext_full(ctx "\004" s, s, p, n)

/* The translation of the context-joined msgid (ctx "\004" s), else s. */
const char *i18n_pgettext_full(const char *joined, const char *s)
	__attribute__((format_arg(2)));

const char *i18n_npgettext_full(const char *joined, const char *s, const char *plural,
				unsigned long n) __attribute__((format_arg(2)))
	__attribute__((format_arg(3)));

/* The same for a context and a string known only at run time. */
const char *i18n_pgettext(const char *ctx, const char *s) __attribute__((format_arg(2)));

/* Bind the text domain and select the language: lang is "nl", "en" or NULL
 * to follow LANGUAGE / LC_ALL / LC_MESSAGES / LANG. */
void i18n_init(const char *lang);

/* The language the screens speak: "nl" or "en" (for shipped data that
 * comes in both). */
const char *i18n_lang(void);

#endif
