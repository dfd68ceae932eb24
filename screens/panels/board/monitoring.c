/* The indicators list (A on the Board), the diversity groups with the
 * city's figures (G on the Board), and the diversity counts form (D in a
 * session or a card's view). */
#include "panels/board/monitoring.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "indicator.h"
#include "ui/dialog.h"
#include "widgets/form.h"
#include "widgets/manage.h"

enum { MA_NEW = 1, MA_EDIT, MA_DELETE, MA_VALUES, MA_CITY };

/* --- the indicators -------------------------------------------------------- */

static int indicators_pager(struct pager *p, sqlite3 *db, int64_t owner, struct pact_err *err)
{
	(void)owner;
	return indicator_pager(p, db, err);
}

enum { IF_AMBITION, IF_NAME, IF_MEASURE, IF_SUBJECT, IF_TARGET, IF_PERIOD };

static int indicator_submit(struct app *app, void *owner, int64_t id, struct form *f,
			    struct pact_err *err)
{
	struct indicator_fields v = {
		.ambition = form_text(f, IF_AMBITION), .name = form_text(f, IF_NAME),
		.measure = indicator_measure_keys[form_choice(f, IF_MEASURE)],
		.subject = form_text(f, IF_SUBJECT), .target = form_text(f, IF_TARGET),
		.period = indicator_period_keys[form_choice(f, IF_PERIOD)],
	};

	(void)owner;
	return indicator_save(app->db, id, &v, NULL, err);
}

static void indicator_form(struct app *app, struct manage *m, int64_t id)
{
	struct indicator *list = NULL, *ind = NULL;
	struct pact_err err;
	char target[32] = "";
	struct form *f;
	size_t n = 0;

	if (id && indicator_list(app->db, &list, &n, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (list[i].id == id)
			ind = &list[i];
	if (ind)
		snprintf(target, sizeof target, "%lld", (long long)ind->target);
	f = form_new(id ? _("Indicator") : _("New indicator"), indicator_submit, m, id);
	form_add_text(f, _("Ambition"), ind ? ind->ambition : "", 4 * INDICATOR_NAME_MAX, false);
	form_add_text(f, _("Indicator"), ind ? ind->name : "", 4 * INDICATOR_NAME_MAX, false);
	form_add_choice(f, _("What is counted"), indicator_measure_labels,
			ind && ind->measure >= 0 ? ind->measure : 0);
	form_add_text(f, _("Target group or diversity group (household:single)"),
		      ind ? ind->subject : "", 200, false);
	form_add_text(f, _("Target per period"), target, 16, false);
	form_add_choice(f, _("Period"), indicator_period_labels, ind ? ind->period : 0);
	indicator_list_free(list, n);
	form_open(app, f);
}

static void confirm_delete_indicator(struct app *app, void *ctx)
{
	struct pact_err err;

	if (indicator_delete(app->db, manage_selected(ctx), &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
}

static void values_open(struct app *app, int64_t indicator);

static void indicator_action(struct app *app, struct manage *m, int action, int64_t id)
{
	if (action == MA_NEW || (id > 0 && action == MA_EDIT))
		indicator_form(app, m, action == MA_NEW ? 0 : id);
	else if (id > 0 && action == MA_VALUES)
		values_open(app, id);
	else if (id > 0 && action == MA_DELETE)
		dialog_confirm(app, _("Delete this indicator with the figures entered for it?"),
			       _("Delete"), confirm_delete_indicator, m);
}

static const struct key_binding indicator_keys[] = {
	{ 'n', MA_NEW, N_("New"), N_("Add an indicator to an ambition") },
	{ K_ENTER, MA_EDIT, N_("Edit"), N_("Change the marked indicator") },
	{ 'v', MA_VALUES, N_("Figures"), N_("The figures entered by hand, per period") },
	{ 'd', MA_DELETE, N_("Delete"), N_("Delete the marked indicator (asks first)") },
	{ K_ESC, 0, N_("Close"), N_("Close this list") },
	{ 0, 0, NULL, NULL },
};

static const struct list_column indicator_columns[] = {
	{ N_("Ambition"), 22, 0 }, { N_("Indicator"), 20, 1 }, { N_("Target"), 14, 3 },
	{ N_("Counted"), 0, 2 },
};

static const struct manage_ops indicator_manage = {
	.title = N_("Ambitions and their indicators"),
	.open_pager = indicators_pager,
	.columns = indicator_columns,
	.ncols = 4,
	.keys = indicator_keys,
	.action = indicator_action,
};

void indicators_open(struct app *app)
{
	manage_open(app, &indicator_manage, 0, NULL);
}

/* --- the figures entered by hand ------------------------------------------ */

static int values_pager(struct pager *p, sqlite3 *db, int64_t indicator, struct pact_err *err)
{
	return indicator_value_pager(p, db, indicator, err);
}

static int value_submit(struct app *app, void *owner, int64_t indicator, struct form *f,
			struct pact_err *err)
{
	(void)owner;
	return indicator_value_save(app->db, indicator, form_text(f, 0), form_text(f, 1), err);
}

static void confirm_delete_value(struct app *app, void *ctx)
{
	struct pact_err err;

	if (indicator_value_delete(app->db, manage_selected(ctx), &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
}

static void value_action(struct app *app, struct manage *m, int action, int64_t id)
{
	struct form *f;

	if (action == MA_NEW || (id > 0 && action == MA_EDIT)) {
		f = form_new(_("Figure of a period"), value_submit, m, manage_owner_id(m));
		form_add_text(f, _("Period (2024 or 2024-Q1)"),
			      action == MA_EDIT ? manage_selected_text(m) : "", 16, false);
		form_add_text(f, _("Value"), "", 16, false);
		form_open(app, f);
	} else if (id > 0 && action == MA_DELETE) {
		dialog_confirm(app, _("Delete this figure?"), _("Delete"), confirm_delete_value, m);
	}
}

static const struct key_binding value_keys[] = {
	{ 'n', MA_NEW, N_("New"), N_("Enter the figure of a period") },
	{ K_ENTER, MA_EDIT, N_("Edit"), N_("Change the marked period's figure") },
	{ 'd', MA_DELETE, N_("Delete"), N_("Delete the marked figure (asks first)") },
	{ K_ESC, 0, N_("Close"), N_("Close this list") },
	{ 0, 0, NULL, NULL },
};

static const struct list_column value_columns[] = {
	{ N_("Period"), 10, 0 }, { N_("Value"), 0, 1 },
};

static const struct manage_ops value_manage = {
	.title = N_("Figures entered by hand"),
	.open_pager = values_pager,
	.columns = value_columns,
	.ncols = 2,
	.keys = value_keys,
	.action = value_action,
};

static void values_open(struct app *app, int64_t indicator)
{
	manage_open(app, &value_manage, indicator, NULL);
}

/* --- the diversity groups and the city's figures ----------------------- */

static int groups_pager(struct pager *p, sqlite3 *db, int64_t owner, struct pact_err *err)
{
	(void)owner;
	return diversity_group_pager(p, db, err);
}

static int group_submit(struct app *app, void *owner, int64_t id, struct form *f,
			struct pact_err *err)
{
	(void)owner;
	if (id)
		return diversity_group_rename(app->db, id, form_text(f, 0), err);
	return diversity_group_add(app->db, diversity_dimension_keys[form_choice(f, 0)],
				   form_text(f, 1), err);
}

static void confirm_delete_group(struct app *app, void *ctx)
{
	struct pact_err err;

	if (diversity_group_delete(app->db, manage_selected(ctx), &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
}

static void city_open(struct app *app);

static void group_action(struct app *app, struct manage *m, int action, int64_t id)
{
	struct form *f;

	if (action == MA_NEW) {
		f = form_new(_("New group"), group_submit, m, 0);
		form_add_choice(f, _("Dimension"), diversity_dimension_labels, 2);
		form_add_text(f, _("Group"), "", 4 * DIVERSITY_GROUP_MAX, false);
		form_open(app, f);
	} else if (id > 0 && action == MA_EDIT) {
		f = form_new(_("Rename group"), group_submit, m, id);
		form_add_text(f, _("Group"), manage_selected_cell(m, 1), 4 * DIVERSITY_GROUP_MAX,
			      false);
		form_open(app, f);
	} else if (id > 0 && action == MA_DELETE) {
		dialog_confirm(app, _("Take this group off the list? Counts keep its name."),
			       _("Delete"), confirm_delete_group, m);
	} else if (action == MA_CITY) {
		city_open(app);
	}
}

static const struct key_binding group_keys[] = {
	{ 'n', MA_NEW, N_("New"), N_("Add a group to a dimension") },
	{ K_ENTER, MA_EDIT, N_("Rename"), N_("Rename the marked group (in the counts too)") },
	{ 'p', MA_CITY, N_("City"), N_("The city's own figures per group (reference population)") },
	{ 'd', MA_DELETE, N_("Delete"), N_("Take the marked group off the list (asks first)") },
	{ K_ESC, 0, N_("Close"), N_("Close this list") },
	{ 0, 0, NULL, NULL },
};

static const struct list_column group_columns[] = {
	{ N_("Dimension"), 20, 0 }, { N_("Group"), 18, 1 }, { N_("Note"), 0, 2 },
};

static const struct manage_ops group_manage = {
	.title = N_("Diversity: the groups of each dimension"),
	.open_pager = groups_pager,
	.columns = group_columns,
	.ncols = 3,
	.keys = group_keys,
	.action = group_action,
};

void diversity_groups_open(struct app *app)
{
	manage_open(app, &group_manage, 0, NULL);
}

static int city_pager(struct pager *p, sqlite3 *db, int64_t owner, struct pact_err *err)
{
	(void)owner;
	return population_pager(p, db, err);
}

enum { CF_DIM, CF_GROUP, CF_PEOPLE, CF_SOURCE };

static int city_submit(struct app *app, void *owner, int64_t id, struct form *f,
		       struct pact_err *err)
{
	(void)owner;
	return population_save(app->db, id, diversity_dimension_keys[form_choice(f, CF_DIM)],
			       form_text(f, CF_GROUP), form_text(f, CF_PEOPLE),
			       form_text(f, CF_SOURCE), err);
}

static void confirm_delete_city(struct app *app, void *ctx)
{
	struct pact_err err;

	if (population_delete(app->db, manage_selected(ctx), &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
}

static void city_action(struct app *app, struct manage *m, int action, int64_t id)
{
	struct form *f;

	if (action == MA_NEW || (id > 0 && action == MA_EDIT)) {
		f = form_new(_("The city's figure of a group"), city_submit, m,
			     action == MA_NEW ? 0 : id);
		form_add_choice(f, _("Dimension"), diversity_dimension_labels, 0);
		form_add_text(f, _("Group"), "", 4 * DIVERSITY_GROUP_MAX, false);
		form_add_text(f, _("Residents (a count or a percentage)"), "", 16, false);
		form_add_text(f, _("Source"), "", 1200, false);
		form_open(app, f);
	} else if (id > 0 && action == MA_DELETE) {
		dialog_confirm(app, _("Delete this figure?"), _("Delete"), confirm_delete_city, m);
	}
}

static const struct key_binding city_keys[] = {
	{ 'n', MA_NEW, N_("New"), N_("Enter the city's figure of a group") },
	{ K_ENTER, MA_EDIT, N_("Edit"), N_("Change the marked figure") },
	{ 'd', MA_DELETE, N_("Delete"), N_("Delete the marked figure (asks first)") },
	{ K_ESC, 0, N_("Close"), N_("Close this list") },
	{ 0, 0, NULL, NULL },
};

static const struct list_column city_columns[] = {
	{ N_("Dimension"), 20, 0 }, { N_("Group"), 16, 1 }, { N_("Residents"), 10, 2 },
	{ N_("Source"), 0, 3 },
};

static const struct manage_ops city_manage = {
	.title = N_("The city's figures (reference population)"),
	.open_pager = city_pager,
	.columns = city_columns,
	.ncols = 4,
	.keys = city_keys,
	.action = city_action,
};

static void city_open(struct app *app)
{
	manage_open(app, &city_manage, 0, NULL);
}

/* --- the counts form ------------------------------------------------------ */

/* arg is the owner's id times two plus the owner kind; the owner pointer
 * carries how many lines the form showed, so that a list of groups that
 * changed meanwhile is noticed. */
static int counts_submit(struct app *app, void *owner, int64_t arg, struct form *f,
			 struct pact_err *err)
{
	enum diversity_owner kind = (enum diversity_owner)(arg % 2);
	const char *people[FORM_MAX_FIELDS];
	struct diversity_line *lines;
	size_t total, n;
	int rc = diversity_lines_get(app->db, kind, arg / 2, &lines, &total, err);

	if (rc != PACT_OK)
		return rc;
	n = total > FORM_MAX_FIELDS ? FORM_MAX_FIELDS : total;
	if (n != (size_t)(intptr_t)owner)
		rc = err_set(err, PACT_EINPUT, "%s",
			     _("The groups changed meanwhile: close the form and open it again."));
	for (size_t i = 0; rc == PACT_OK && i < n; i++)
		people[i] = form_text(f, (int)i);
	if (rc == PACT_OK)
		rc = diversity_save(app->db, kind, arg / 2, lines, people, n, err);
	diversity_lines_free(lines, total);
	if (rc == PACT_OK)
		app_message(app, false, "%s", _("Diversity counts saved."));
	return rc;
}

void diversity_form_open(struct app *app, enum diversity_owner owner, int64_t id)
{
	struct diversity_line *lines;
	struct pact_err err;
	struct form *f;
	size_t total, n;

	if (diversity_lines_get(app->db, owner, id, &lines, &total, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	n = total > FORM_MAX_FIELDS ? FORM_MAX_FIELDS : total;
	f = form_new(_("Diversity: how many people of each group (optional)"), counts_submit,
		     (void *)(intptr_t)n, id * 2 + (int64_t)owner);
	for (size_t i = 0; i < n; i++) {
		char label[200], value[32] = "";

		diversity_line_label(&lines[i], label, sizeof label);
		if (lines[i].people >= 0)
			snprintf(value, sizeof value, "%lld", (long long)lines[i].people);
		form_add_text(f, label, value, 16, false);
	}
	diversity_lines_free(lines, total);
	form_open(app, f);
}
