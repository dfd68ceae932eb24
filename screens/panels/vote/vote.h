/* The Vote panel. */
#ifndef PACT_VOTE_H
#define PACT_VOTE_H

#include "ui/screen.h"

extern const struct screen_ops vote_ops;
/* pact vote POLL: one participant's live ballot. */
extern const struct screen_ops vote_live_ops;

#endif
