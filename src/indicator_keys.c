/* The keys and names of what an indicator counts and of its periods. */
#include "indicator_keys.h"

#include <stddef.h>

#include "i18n.h"

const char *const indicator_measure_keys[IM_MEASURES + 1] = {
	"reached", "participants", "evaluated", "target-group", "diversity", "manual", NULL,
};
const char *const indicator_measure_labels[IM_MEASURES + 1] = {
	N_("People reached by experiments"),
	N_("Participants per session (average)"),
	N_("Experiments evaluated"),
	N_("Share of experiments reaching a target group (%)"),
	N_("Share of a diversity group (%)"),
	N_("A figure entered by hand"),
	NULL,
};
const char *const indicator_period_keys[IP_PERIODS + 1] = { "year", "quarter", NULL };
const char *const indicator_period_labels[IP_PERIODS + 1] = { N_("year"), N_("quarter"), NULL };
