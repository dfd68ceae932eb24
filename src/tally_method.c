/* The counting methods as one table: each row says how a ballot marks an
 * option, what the result shows and which function counts. The tally, its
 * checks, the output, the ballot editor and the poll forms read these rows
 * instead of asking which method they have. */
#include "tally.h"

#include <string.h>

#include "i18n.h"

static const struct tally_method_info methods[TALLY_NMETHODS] = {
	[TALLY_DOT] = {
		.name = "dot",
		.label = N_("Dot voting"),
		.value_word = N_("dots"),
		.share_note = N_("Percentage: the share of all dots given."),
		.too_large = N_("option '%s': the dots add up past %lld; pact cannot count this exactly"),
		.mark = TALLY_MARK_DOTS,
		.check = tally_check_dots,
		.flags = TALLY_PAPER | TALLY_SHARES,
		.count = tally_count_simple,
	},
	[TALLY_APPROVAL] = {
		.name = "approval",
		.label = N_("Approval"),
		.value_word = N_("approvals"),
		.share_note = N_("Percentage: the share of the voters who ticked the option."),
		.too_large = N_("option '%s': the approvals add up past %lld; pact cannot count this "
				"exactly"),
		.mark = TALLY_MARK_TICK,
		.check = tally_check_tick,
		.flags = TALLY_PAPER | TALLY_SHARES | TALLY_SHARE_OF_VOTERS,
		.count = tally_count_simple,
	},
	[TALLY_SCORE] = {
		.name = "score",
		.label = N_("Scores"),
		.value_word = N_("total score"),
		.share_note = N_("Percentage: the share of all scores added up."),
		.too_large = N_("option '%s': the scores add up past %lld; pact cannot count this "
				"exactly"),
		.mark = TALLY_MARK_SCORE,
		.check = tally_check_score,
		.flags = TALLY_SHARES | TALLY_MEANS,
		.count = tally_count_simple,
	},
	[TALLY_BORDA] = {
		.name = "borda",
		.label = N_("Ranking (Borda)"),
		.value_word = N_("points"),
		.share_note = N_("Percentage: the share of all points given."),
		.too_large = N_("option '%s': the Borda points add up past %lld; pact cannot count "
				"this exactly"),
		.mark = TALLY_MARK_RANK,
		.check = tally_check_rank,
		.flags = TALLY_DISTINCT_RANKS | TALLY_SHARES,
		.count = tally_count_borda,
	},
	[TALLY_IRV] = {
		.name = "irv",
		.label = N_("Instant runoff"),
		.value_word = N_("votes in the last round"),
		.tie_rule = N_("Tie rule: a tie for fewest votes goes by the latest earlier round where "
			       "the options differed; if none, every way is followed and a tie that "
			       "matters is declared."),
		.mark = TALLY_MARK_RANK,
		.check = tally_check_rank,
		.flags = TALLY_DISTINCT_RANKS,
		.count = tally_count_irv,
	},
	[TALLY_SCHULZE] = {
		.name = "schulze",
		.label = N_("Pairwise (Schulze)"),
		.value_word = N_("options beaten"),
		.value_note = N_("Value: the number of options each one beats"),
		.mark = TALLY_MARK_RANK,
		.check = tally_check_rank,
		.count = tally_count_schulze,
	},
	[TALLY_PB_GREEDY] = {
		.name = "pb-greedy",
		.label = N_("Budget: most votes"),
		.value_word = N_("cost"),
		.tie_rule = N_("Tie rule: equal approvals go to the lower cost, then to the option "
			       "listed first."),
		.tie_rule_points = N_("Tie rule: equal points go to the lower cost, then to the option "
				      "listed first."),
		.pabulib_rule = "greedy",
		.mark = TALLY_MARK_TICK,
		.check = tally_check_tick,
		.flags = TALLY_BUDGET | TALLY_POINTS,
		.count = tally_count_pb_greedy,
	},
	[TALLY_PB_MES] = {
		.name = "pb-mes",
		.label = N_("Budget: equal shares"),
		.value_word = N_("cost"),
		.tie_rule = N_("Tie rule: equal payments go to the lower cost, then to more approvals, "
			       "then to the option listed first."),
		.pabulib_rule = "equalshares",
		.mark = TALLY_MARK_TICK,
		.check = tally_check_tick,
		.flags = TALLY_BUDGET,
		.count = tally_count_pb_mes,
	},
};

const struct tally_method_info *tally_method(enum tally_method m)
{
	return &methods[(unsigned)m < TALLY_NMETHODS ? m : TALLY_DOT];
}

bool tally_method_has(enum tally_method m, unsigned flags)
{
	return (tally_method(m)->flags & flags) == flags;
}

const char *tally_method_name(enum tally_method m)
{
	return tally_method(m)->name;
}

const char *tally_method_label(enum tally_method m)
{
	return _(tally_method(m)->label);
}

bool tally_method_parse(const char *name, enum tally_method *m)
{
	for (size_t i = 0; i < TALLY_NMETHODS; i++)
		if (strcmp(name, methods[i].name) == 0) {
			*m = (enum tally_method)i;
			return true;
		}
	return false;
}

size_t tally_methods_without(unsigned without, enum tally_method *out)
{
	size_t n = 0;

	for (size_t i = 0; i < TALLY_NMETHODS; i++)
		if (!(methods[i].flags & without))
			out[n++] = (enum tally_method)i;
	return n;
}
