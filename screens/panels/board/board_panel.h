/* The Board panel: the experiment board. */
#ifndef PACT_BOARD_PANEL_H
#define PACT_BOARD_PANEL_H

#include "ui/screen.h"

extern const struct screen_ops board_ops;

#endif
