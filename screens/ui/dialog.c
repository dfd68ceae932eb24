/* Confirm dialog. */
#include "ui/dialog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "i18n.h"
#include "utf8.h"
#include "wrap.h"

struct confirm {
	char question[512];
	char yes[64];
	dialog_fn on_yes;
	void *ctx;
	bool yes_focused;
};

enum { DA_YES = 1, DA_NO, DA_TOGGLE, DA_CHOOSE };

static const struct key_binding confirm_keys[] = {
	{ 'y', DA_YES, NULL, N_("Yes, do it") },
	{ 'Y', DA_YES, NULL, NULL },
	{ 'j', DA_YES, NULL, NULL },
	{ 'J', DA_YES, NULL, NULL },
	{ 'n', DA_NO, NULL, N_("No, leave things as they are") },
	{ 'N', DA_NO, NULL, NULL },
	{ K_ESC, DA_NO, N_("Cancel"), NULL },
	{ K_ENTER, DA_CHOOSE, N_("Choose"), N_("Choose the marked button") },
	{ K_FN(KEY_LEFT), DA_TOGGLE, NULL, N_("Move between the buttons") },
	{ K_FN(KEY_RIGHT), DA_TOGGLE, NULL, NULL },
	{ K_TAB, DA_TOGGLE, NULL, NULL },
	{ 0, 0, NULL, NULL },
};

static void confirm_destroy(struct app *app, void *state)
{
	(void)app;
	free(state);
}

static void confirm_action(struct app *app, void *state, int action)
{
	struct confirm *c = state;
	dialog_fn fn = c->on_yes;
	void *ctx = c->ctx;
	bool yes = action == DA_YES || (action == DA_CHOOSE && c->yes_focused);

	if (action == DA_TOGGLE) {
		c->yes_focused = !c->yes_focused;
		return;
	}
	app_pop(app);
	if (yes && fn)
		fn(app, ctx);
}

static void draw_button(struct app *app, int y, int x, const char *label, bool focused)
{
	draw_text(app, y, x, utf8_width(label) + 4, focused ? "[ " : "  ",
		  focused ? ROLE_SELECTED : ROLE_DIALOG);
	draw_text(app, y, x + 2, utf8_width(label), label, focused ? ROLE_SELECTED : ROLE_DIALOG);
	draw_text(app, y, x + 2 + utf8_width(label), 2, focused ? " ]" : "  ",
		  focused ? ROLE_SELECTED : ROLE_DIALOG);
}

static void confirm_draw(struct app *app, void *state, const struct rect *area)
{
	struct confirm *c = state;
	int w = area->w - 4 < 60 ? area->w - 4 : 60;
	int lines = (int)wrap_text(c->question, w - 4, NULL, 0);
	struct rect box = rect_centre(area, w, lines + 4);
	const char *no = _("No");
	int bw = utf8_width(c->yes) + utf8_width(no) + 10;
	int bx = box.x + (box.w - bw) / 2;

	draw_band(app, area, &box);
	draw_frame(app, &box, _("Please confirm"), ROLE_DIALOG);
	draw_wrapped(app, &(struct rect){ box.y + 1, box.x + 2, box.h - 3, box.w - 4 }, c->question,
		     0, ROLE_DIALOG);
	draw_button(app, box.y + box.h - 2, bx, c->yes, c->yes_focused);
	draw_button(app, box.y + box.h - 2, bx + utf8_width(c->yes) + 6, no, !c->yes_focused);
}

static const struct screen_ops confirm_ops = {
	.name = "confirm",
	.title = N_("Please confirm"),
	.keys = confirm_keys,
	.modal = true,
	.destroy = confirm_destroy,
	.draw = confirm_draw,
	.action = confirm_action,
};

void dialog_confirm(struct app *app, const char *question, const char *yes_label,
		    dialog_fn on_yes, void *ctx)
{
	struct confirm *c = calloc(1, sizeof *c);

	if (!c)
		return;
	snprintf(c->question, sizeof c->question, "%s", question);
	snprintf(c->yes, sizeof c->yes, "%s", yes_label);
	c->on_yes = on_yes;
	c->ctx = ctx;
	app_push(app, &confirm_ops, c);
}
