/* The kinds of record as the command line's messages name them: each with
 * its own singular and plural ("1 idea", "4 ideas"; "1 stembiljet",
 * "4 stembiljetten") and its name in the interface language, so that no
 * message pastes an internal name such as "werkvormen" after a number. */
#include <stdio.h>
#include <string.h>

#include "cli_cmds.h"
#include "i18n.h"

/* A singular and plural for ngettext, marked for xgettext (--keyword=NP_:1,2)
 * and looked up once the count is known. */
#define NP_(one, many) one, many

static const struct {
	const char *kind;       /* as typed: pact export KIND */
	const char *one, *many; /* NP_() */
	const char *label;      /* N_() */
} words[] = {
	/* TRANSLATORS: a number of records, as in "pact: imported %s" */
	{ "sessions", NP_("%lld session", "%lld sessions"), N_("sessions") },
	{ "participants", NP_("%lld participant", "%lld participants"), N_("participants") },
	{ "rounds", NP_("%lld round", "%lld rounds"), N_("rounds") },
	{ "clusters", NP_("%lld cluster", "%lld clusters"), N_("clusters") },
	{ "ideas", NP_("%lld idea", "%lld ideas"), N_("ideas") },
	{ "werkvormen", NP_("%lld work form", "%lld work forms"), N_("work forms") },
	{ "advices", NP_("%lld advice", "%lld advices"), N_("advices") },
	{ "budgets", NP_("%lld budget pot", "%lld budget pots"), N_("budget pots") },
	{ "costs", NP_("%lld cost", "%lld costs"), N_("costs") },
	{ "experiments", NP_("%lld experiment", "%lld experiments"), N_("experiments") },
	{ "evaluations", NP_("%lld evaluation", "%lld evaluations"), N_("evaluations") },
	{ "ballots", NP_("%lld ballot", "%lld ballots"), N_("ballots") },
	{ "pabulib", NP_("%lld ballot", "%lld ballots"), N_("ballots") },
};

static int find(const char *kind)
{
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(words[i].kind, kind) == 0)
			return (int)i;
	return -1;
}

const char *cli_kind_label(const char *kind)
{
	int i = find(kind);

	return i < 0 ? kind : _(words[i].label);
}

const char *cli_kind_count(const char *kind, int64_t n, char *out, size_t outsz)
{
	int i = find(kind);
	unsigned long u = n < 0 ? 0 : (unsigned long)n;

	if (i < 0) {
		snprintf(out, outsz, ngettext("%lld record", "%lld records", u), (long long)n);
		return out;
	}
	/* The formats are the table's, each "%lld …" (msgfmt -c checks that
	 * every translation keeps its %lld). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	snprintf(out, outsz, ngettext(words[i].one, words[i].many, u), (long long)n);
#pragma GCC diagnostic pop
	return out;
}
