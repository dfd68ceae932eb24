/* The pool view and the register of people behind it. */
#include "panels/board/pool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "people.h"
#include "ui/dialog.h"
#include "widgets/form.h"
#include "widgets/manage.h"
#include "widgets/textview.h"

/* Where Enter on a person shows their cards (one pool open at a time). */
static pool_show_fn show_cards;

enum { PA_NEW = 1, PA_EDIT, PA_DELETE, PA_SHOW, PA_CARDS };

/* The form's fields, in order. */
enum { PF_NAME, PF_ROLE, PF_DEPARTMENT, PF_CONSENT, PF_CONTACT };

static int pool_pager(struct pager *p, sqlite3 *db, int64_t owner, struct pact_err *err)
{
	(void)owner;
	return people_pool_pager(p, db, err);
}

static const char *const *role_choices(void)
{
	static const char *labels[PEOPLE_ROLES + 1];

	for (int i = 0; i < PEOPLE_ROLES; i++)
		labels[i] = people_role_label(people_role_keys[i]);
	labels[PEOPLE_ROLES] = NULL;
	return labels;
}

static int person_submit(struct app *app, void *owner, int64_t id, struct form *f,
			 struct pact_err *err)
{
	struct person_form p = {
		.name = form_text(f, PF_NAME),
		.role = people_role_keys[form_choice(f, PF_ROLE)],
		.department = form_text(f, PF_DEPARTMENT),
		.consent = form_choice(f, PF_CONSENT) == 1,
		.contact = form_text(f, PF_CONTACT),
	};
	int rc = people_save(app->db, id, &p, NULL, err);

	(void)owner;
	if (rc == PACT_OK)
		app_message(app, false, id ? _("Person saved (and renamed on the cards).")
					   : _("Person added to the register."));
	return rc;
}

static void person_form(struct app *app, struct manage *m, int64_t id)
{
	struct person p = { .role = NULL };
	struct pact_err err;
	struct form *f;
	int role;

	if (id && people_get(app->db, id, &p, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	role = id ? people_role_index(p.role) : 0;
	f = form_new(id ? _("Person") : _("New person"), person_submit, m, id);
	form_add_text(f, _("Name"), id ? p.name : "", 800, false);
	form_add_choice_copy(f, _("Role"), role_choices(), role < 0 ? PEOPLE_ROLES - 1 : role);
	form_add_text(f, _("Department or team"), id ? p.department : "", 800, false);
	form_add_yesno(f, _("Consent to keep contact details"), id && p.consent);
	form_add_text(f, _("Contact (e-mail, phone)"), id ? p.contact : "", 800, false);
	people_person_free(&p);
	form_open(app, f);
}

static void confirm_delete(struct app *app, void *ctx)
{
	struct manage *m = ctx;
	struct pact_err err;

	if (people_delete(app->db, manage_selected(m), &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
}

static void pool_action(struct app *app, struct manage *m, int action, int64_t id)
{
	char question[1200];
	char *text;

	if (action == PA_NEW) {
		person_form(app, m, 0);
	} else if (id <= 0) {
		return;
	} else if (action == PA_EDIT) {
		person_form(app, m, id);
	} else if (action == PA_SHOW) {
		if ((text = people_describe(app->db, id)) != NULL)
			textview_open(app, manage_selected_text(m), text);
		free(text);
	} else if (action == PA_CARDS) {
		char name[PEOPLE_NAME_MAX * 4 + 1];
		void *board = manage_owner(m);
		snprintf(name, sizeof name, "%s", manage_selected_text(m));
		app_pop(app);
		show_cards(app, board, name);
	} else if (action == PA_DELETE) {
		snprintf(question, sizeof question,
			 _("Take %s off the register? Cards keep the name as text (pact forget "
			   "person takes it off the cards too)."),
			 manage_selected_text(m));
		dialog_confirm(app, question, _("Delete"), confirm_delete, m);
	}
}

static const struct key_binding pool_keys[] = {
	{ K_ENTER, PA_CARDS, N_("Cards"), N_("Show the marked person's cards on the Board") },
	{ 'v', PA_SHOW, N_("View"), N_("The marked person's cards by title, per column") },
	{ 'n', PA_NEW, N_("New"), N_("Add a person to the register") },
	{ 'e', PA_EDIT, N_("Edit"), N_("Change the marked person (renamed on the cards too)") },
	{ 'd', PA_DELETE, N_("Delete"), N_("Take the marked person off the register (asks first)") },
	{ K_ESC, 0, N_("Close"), N_("Close this list") },
	{ 0, 0, NULL, NULL },
};

/* Counts per column of the board, headed by a short name of the column
 * (Preparing, Running, Evaluating, Anchored); the last heading whole beside
 * the list's position at 80 columns. */
static const struct list_column pool_columns[] = {
	{ N_("Name"), 15, 0 },
	{ N_("Role"), 14, 1 },
	{ N_("Idea"), 5, 2 },
	{ N_("Prep"), 5, 3 },
	{ N_("Run"), 5, 4 },
	{ N_("Eval"), 5, 5 },
	{ N_("Anch"), 5, 6 },
	{ N_("Stopped"), 0, 7 },
};

static const struct manage_ops pool_manage = {
	.title = N_("Pool: people and their cards per column"),
	.open_pager = pool_pager,
	.columns = pool_columns,
	.ncols = 8,
	.keys = pool_keys,
	.action = pool_action,
	.width = 76, /* seven columns of counts beside name and role, at 80 columns */
};

void pool_open(struct app *app, void *board, pool_show_fn show)
{
	show_cards = show;
	manage_open(app, &pool_manage, 0, board);
}
