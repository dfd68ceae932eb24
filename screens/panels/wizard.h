/* The Wizard panel (stappenplan). */
#ifndef PACT_WIZARD_H
#define PACT_WIZARD_H

#include "ui/screen.h"

extern const struct screen_ops wizard_ops;

#endif
