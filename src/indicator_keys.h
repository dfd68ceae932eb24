/* What an indicator counts and the length of its periods, as stored and
 * as people read them: the tables the indicator module, the record kind
 * and the screens share. */
#ifndef PACT_INDICATOR_KEYS_H
#define PACT_INDICATOR_KEYS_H

enum indicator_measure {
	IM_REACHED,      /* people reached: the sum of experiment.reached */
	IM_PARTICIPANTS, /* participants per session, on average */
	IM_EVALUATED,    /* experiments evaluated */
	IM_TARGET_GROUP, /* % of the experiments that ran that reached a target group */
	IM_DIVERSITY,    /* % of the people counted in a dimension that are of a group */
	IM_MANUAL,       /* a figure entered by hand per period */
	IM_MEASURES
};
extern const char *const indicator_measure_keys[IM_MEASURES + 1];
extern const char *const indicator_measure_labels[IM_MEASURES + 1]; /* N_() */

enum { IP_YEAR, IP_QUARTER, IP_PERIODS };
extern const char *const indicator_period_keys[IP_PERIODS + 1];
extern const char *const indicator_period_labels[IP_PERIODS + 1]; /* N_() */

/* The most periods an indicator's chart shows: the latest. */
#define INDICATOR_PERIODS 24
#define INDICATOR_NAME_MAX 200
#define INDICATOR_TARGET_MAX 1000000000

#endif
