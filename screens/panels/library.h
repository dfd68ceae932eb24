/* The Library panel. */
#ifndef PACT_LIBRARY_H
#define PACT_LIBRARY_H

#include "ui/screen.h"

extern const struct screen_ops library_ops;

#endif
