/* The panels. Until a panel's own screen is built, it shows an honest empty
 * state: what will be there, and where pact keeps its data. */
#include "panels.h"

#include <stdio.h>

#include "brainstorm.h"
#include "draw.h"
#include "join.h"
#include "library.h"
#include "vote.h"
#include "wizard.h"
#include "i18n.h"

struct empty_panel {
	const char *heading; /* N_() */
	const char *text;    /* N_() */
};

static struct empty_panel board_empty = {
	N_("Experiment board and case library (bibliotheek casuïstiek)"),
	N_("Experiments will stand here as cards in the columns Idea, Preparing, Running, "
	   "Evaluating, Anchored and Stopped, with the evaluation form, budget pots and "
	   "monitoring figures."),
};

static void empty_draw(struct app *app, void *state, const struct rect *area)
{
	const struct empty_panel *p = state;
	struct rect text = { area->y + 4, area->x + 2, area->h - 7, area->w - 4 };
	char where[1024];
	int used;

	draw_text_cut(app, area->y + 1, area->x + 2, area->w - 4, _(p->heading), ROLE_TITLE);
	draw_text_cut(app, area->y + 2, area->x + 2, area->w - 4,
		      _("This panel is not built yet in this version of pact."), ROLE_DIM);
	used = draw_wrapped(app, &text, _(p->text), 0, ROLE_NORMAL);
	snprintf(where, sizeof where, _("Your data is kept in %s"), app->db_path);
	if (used < text.h)
		draw_text_cut(app, area->y + area->h - 2, area->x + 2, area->w - 4, where, ROLE_DIM);
}

static void *board_create(struct app *app) { (void)app; return &board_empty; }

static const struct screen_ops board_ops = {
	.name = "board", .title = N_("Board"), .create = board_create, .draw = empty_draw,
};
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
