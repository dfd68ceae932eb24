/* The participant view (pact join SESSION): only the question, the round
 * clock and the participant's own input line. */
#ifndef PACT_JOIN_H
#define PACT_JOIN_H

#include "ui/screen.h"

extern const struct screen_ops join_ops;

#endif
