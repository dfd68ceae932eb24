/* The panels, in the order of their tabs. */
#include "ui/panels.h"

#include "panels/board/board_panel.h"
#include "panels/brainstorm/brainstorm.h"
#include "panels/brainstorm/join.h"
#include "panels/library.h"
#include "panels/vote/vote.h"
#include "panels/wizard.h"

int panels_register(const struct screen_ops *panels[APP_PANELS],
		    const struct screens_request *start)
{
	if (start->join || start->vote) {
		panels[0] = start->join ? &join_ops : &vote_live_ops;
		return 1;
	}
	panels[0] = &wizard_ops;
	panels[1] = &board_ops;
	panels[2] = &brainstorm_ops;
	panels[3] = &vote_ops;
	panels[4] = &library_ops;
	return APP_PANELS;
}
