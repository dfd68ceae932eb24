/* The Brainstorm panel. */
#ifndef PACT_BRAINSTORM_H
#define PACT_BRAINSTORM_H

#include "ui/screen.h"

extern const struct screen_ops brainstorm_ops;

#endif
