/* Editing a card's every field, the opgaven list and the budget pots. */
#include "panels/board/card_form.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "board.h"
#include "card.h"
#include "opgave.h"
#include "people.h"
#include "sql.h"
#include "pot.h"
#include "pot_cost.h"
#include "stamp.h"
#include "value.h"
#include "ui/dialog.h"
#include "widgets/form.h"
#include "i18n.h"
#include "widgets/manage.h"
#include "widgets/picker.h"
#include "werkvorm.h"

/* The fields of the card form, in order. */
enum { F_TITLE, F_DESCRIPTION, F_TRACK, F_OPGAVE, F_OWNER, F_TEAM, F_RUNG, F_WERKVORM, F_START,
       F_END, F_POT, F_PLANNED, F_SPENT, F_REACHED, F_GROUP0,
       F_NOTES = F_GROUP0 + CARD_GROUPS, F_FOCUS };

static bool dutch(void)
{
	return strcmp(i18n_lang(), "nl") == 0;
}

/* The rungs are shown by name and stored by id: "—" is none, then the
 * ladder, then a rung the card had that the ladder does not know. */
static int rung_count(void)
{
	int n = 0;

	while (card_rung_keys[n])
		n++;
	return n;
}

static const char *rung_chosen(struct form *f)
{
	int c = form_choice(f, F_RUNG);

	if (c == 0)
		return "";
	return c <= rung_count() ? card_rung_keys[c - 1] : form_choice_text(f, F_RUNG);
}

static void add_rung_choice(struct form *f, const char *current)
{
	const char *labels[16] = { "—" };
	int n = rung_count(), at = 0;

	for (int i = 0; i < n && i < 14; i++) {
		labels[i + 1] = rung_label(card_rung_keys[i]);
		if (current && strcmp(current, card_rung_keys[i]) == 0)
			at = i + 1;
	}
	if (current && current[0] && at == 0)
		labels[at = n + 1] = current;
	form_add_choice_copy(f, _("Rung"), labels, at);
}

/* --- owner and team from the register of people -------------------------- */

static const struct list_column person_columns[] = {
	{ N_("Name"), 30, 0 }, { N_("Role"), 0, 1 },
};

/* The picked person's name into the field (arg: field * 2, plus 1 when
 * the name is added to a team rather than put in place of the text). */
static void person_picked(struct app *app, void *owner, int64_t arg, int64_t id)
{
	struct form *f = owner;
	int field = (int)(arg / 2);
	struct person p;
	struct pact_err err;
	char *team;

	if (people_get(app->db, id, &p, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	if (arg % 2) {
		team = people_team_add(form_text(f, field), p.name);
		form_set_text(f, field, team ? team : form_text(f, field));
		free(team);
	} else {
		form_set_text(f, field, p.name);
	}
	people_person_free(&p);
}

static void pick(struct app *app, struct form *f, int field, bool add)
{
	struct pager *p = calloc(1, sizeof *p);
	struct pact_err err;

	if (!p || people_pager(p, app->db, &err) != PACT_OK) {
		if (p)
			app_message(app, true, "%s", err.msg);
		free(p);
		return;
	}
	picker_open(app, _("The register of people"), p, person_columns, 2, 0, person_picked, f,
		    (int64_t)field * 2 + (add ? 1 : 0));
}

void card_form_pick_person(struct app *app, struct form *f, int field)
{
	pick(app, f, field, false);
}

void card_form_pick_member(struct app *app, struct form *f, int field)
{
	pick(app, f, field, true);
}

/* The names a saved card gave that the register lacks, while the question
 * whether to add them is open (one question at a time). */
static char **pending_names;

static void add_pending(struct app *app, void *ctx)
{
	struct pact_err err;
	int64_t added = 0;

	(void)ctx;
	if (people_add_names(app->db, (const char *const *)pending_names, &added, &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
	else
		app_message(app, false,
			    ngettext("%lld person added to the register (role: other; V on the "
				     "Board changes it).",
				     "%lld people added to the register (role: other; V on the "
				     "Board changes it).",
				     (unsigned long)added),
			    (long long)added);
	sql_strings_free(pending_names);
	pending_names = NULL;
}

/* After the card is saved: names typed that are not in the register are
 * offered to be added (No keeps them as text on the card only). */
void card_form_offer_names(struct app *app, const char *owner, const char *team)
{
	struct pact_err err;
	char **missing = people_missing(app->db, owner, team, &err);
	char list[600] = "", question[800];
	size_t o = 0;

	if (!missing || !missing[0]) {
		sql_strings_free(missing);
		return;
	}
	for (size_t i = 0; missing[i] && o < sizeof list; i++)
		o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", i ? ", " : "", missing[i]);
	sql_strings_free(pending_names);
	pending_names = missing;
	snprintf(question, sizeof question,
		 _("Not in the register of people: %s. Add them to it?"), list);
	dialog_confirm(app, question, _("Add"), add_pending, NULL);
}

static int card_submit(struct app *app, void *owner, int64_t id, struct form *f,
		       struct pact_err *err)
{
	const char *v[CARD_FIELDS];
	char groups[128] = "", pot[24];
	int rc;

	(void)owner;
	v[CF_TITLE] = form_text(f, F_TITLE);
	v[CF_DESCRIPTION] = form_text(f, F_DESCRIPTION);
	v[CF_TRACK] = board_track_keys[form_choice(f, F_TRACK)];
	v[CF_OPGAVE] = form_choice(f, F_OPGAVE) ? form_choice_text(f, F_OPGAVE) : "";
	v[CF_OWNER] = form_text(f, F_OWNER);
	v[CF_TEAM] = form_text(f, F_TEAM);
	v[CF_RUNG] = rung_chosen(f);
	v[CF_WERKVORM] = form_choice(f, F_WERKVORM) ? form_choice_text(f, F_WERKVORM) : "";
	v[CF_START] = form_text(f, F_START);
	v[CF_END] = form_text(f, F_END);
	snprintf(pot, sizeof pot, "%lld", (long long)form_choice_id(f, F_POT));
	v[CF_POT] = pot;
	v[CF_PLANNED] = form_text(f, F_PLANNED);
	v[CF_SPENT] = form_text(f, F_SPENT);
	v[CF_REACHED] = form_text(f, F_REACHED);
	for (int g = 0; g < CARD_GROUPS; g++)
		if (form_choice(f, F_GROUP0 + g)) {
			if (groups[0])
				strcat(groups, ",");
			strcat(groups, card_group_keys[g]);
		}
	v[CF_GROUPS] = groups;
	v[CF_NOTES] = form_text(f, F_NOTES);
	v[CF_FOCUS] = form_choice(f, F_FOCUS) ? "1" : "0";
	if ((rc = card_save(app->db, id, v, err)) != PACT_OK)
		return rc;
	app_message(app, false, _("Card saved."));
	card_form_offer_names(app, v[CF_OWNER], v[CF_TEAM]);
	return PACT_OK;
}

/* "—", then the list, then current when the list does not have it; *at is
 * the index of current (0 for none). The caller frees the array only. */
static const char **with_none(const char *const *list, const char *current, int *at)
{
	size_t n = 0;
	const char **out;

	while (list && list[n])
		n++;
	if (!(out = calloc(n + 3, sizeof *out)))
		return NULL;
	out[0] = "—";
	*at = 0;
	for (size_t i = 0; i < n; i++) {
		out[i + 1] = list[i];
		if (current && strcmp(current, list[i]) == 0)
			*at = (int)i + 1;
	}
	if (current && current[0] && *at == 0) {
		out[n + 1] = current;
		*at = (int)n + 1;
	}
	return out;
}

/* The pots as "Name (year)" with their ids, "—" (id 0) first when a card
 * may have none. The labels are written one after the other into one
 * buffer. */
static void add_pot_choice(struct app *app, struct form *f, int64_t current, bool none)
{
	struct pot_budget *pots;
	struct pact_err err;
	size_t n = 0, size = 1, used = 0;
	const char **labels;
	int64_t *ids;
	char *text;
	int at = 0;

	if (pot_budgets(app->db, &pots, &n, &err) != PACT_OK)
		n = 0, pots = NULL;
	for (size_t i = 0; i < n; i++)
		size += strlen(pots[i].name) + 16;
	labels = calloc(n + 2, sizeof *labels);
	ids = calloc(n + 2, sizeof *ids);
	text = malloc(size);
	if (labels && ids && text) {
		size_t first = none ? 1 : 0;

		labels[0] = "—";
		for (size_t i = 0; i < n; i++) {
			labels[i + first] = text + used;
			used += (size_t)snprintf(text + used, size - used, "%s (%d)", pots[i].name,
						 pots[i].year) + 1;
			ids[i + first] = pots[i].id;
			if (pots[i].id == current)
				at = (int)(i + first);
		}
		form_add_choice_ids(f, _("Budget pot"), labels, ids, at);
	}
	free(text);
	free(labels);
	free(ids);
	pot_budgets_free(pots, n);
}

static void add_list_choice(struct form *f, const char *label, const char *const *list,
			    const char *current)
{
	int at;
	const char **choices = with_none(list, current, &at);

	if (choices)
		form_add_choice_copy(f, label, choices, at);
	free(choices);
}

void card_form_open(struct app *app, int64_t id)
{
	struct pact_err err;
	char *v[CARD_FIELDS], **opgaven, **forms;
	int64_t pot = 0;
	struct form *f;

	if (card_get(app->db, id, dutch(), v, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	/* card_get writes the pot's id, so only a damaged file gets none */
	if (!value_is_blank(v[CF_POT]) && value_int(v[CF_POT], 0, INT64_MAX, &pot, &err) != PACT_OK)
		pot = 0;
	opgaven = opgave_names(app->db, &err);
	forms = card_werkvorm_names(app->db, dutch(), &err);
	f = form_new(_("Experiment card"), card_submit, NULL, id);
	form_add_text(f, _("Title"), v[CF_TITLE], 1200, false);
	form_add_text(f, _("Description"), v[CF_DESCRIPTION], 32000, true);
	form_add_choice(f, _("Track"), board_track_labels,
			board_track_index(v[CF_TRACK]) < 0 ? BOARD_TRACKS - 1
							   : board_track_index(v[CF_TRACK]));
	add_list_choice(f, _("Opgave"), (const char *const *)opgaven, v[CF_OPGAVE]);
	form_add_text(f, _("Owner"), v[CF_OWNER], 800, false);
	/* people, as the register knows them; a team's name is not one */
	form_add_text(f, _("Team (names, comma-separated)"), v[CF_TEAM], 1600, false);
	form_set_pick(f, F_OWNER, card_form_pick_person);
	form_set_pick(f, F_TEAM, card_form_pick_member);
	add_rung_choice(f, v[CF_RUNG]);
	add_list_choice(f, _("Work form"), (const char *const *)forms, v[CF_WERKVORM]);
	form_add_text(f, _("Start date"), v[CF_START], 40, false);
	form_add_text(f, _("End date"), v[CF_END], 40, false);
	add_pot_choice(app, f, pot, true);
	form_add_text(f, _("Planned (€)"), v[CF_PLANNED], 40, false);
	form_add_text(f, _("Spent (€)"), v[CF_SPENT], 40, false);
	form_add_text(f, _("People reached"), v[CF_REACHED], 16, false);
	for (int g = 0; g < CARD_GROUPS; g++) {
		char label[64];
		snprintf(label, sizeof label, _("Reached: %s"), _(card_group_labels[g]));
		form_add_yesno(f, label, card_has_group(v[CF_GROUPS], g));
	}
	form_add_text(f, _("Notes"), v[CF_NOTES], 32000, true);
	form_add_yesno(f, _("Focus experiment of the opgaveteam"),
		       v[CF_FOCUS] && strcmp(v[CF_FOCUS], "1") == 0);
	sql_strings_free(opgaven);
	sql_strings_free(forms);
	for (int i = 0; i < CARD_FIELDS; i++)
		free(v[i]);
	form_open(app, f);
}

/* --- the opgaven list --------------------------------------------------- */

enum { MA_NEW = 1, MA_EDIT, MA_DELETE, MA_COSTS };

static int opgaven_pager(struct pager *p, sqlite3 *db, int64_t owner, struct pact_err *err)
{
	(void)owner;
	return opgave_pager(p, db, err);
}

static int opgave_submit(struct app *app, void *owner, int64_t id, struct form *f,
			 struct pact_err *err)
{
	int rc = id ? opgave_rename(app->db, id, form_text(f, 0), err)
		    : opgave_add(app->db, form_text(f, 0), err);

	(void)owner;
	return rc;
}

static void confirm_delete_opgave(struct app *app, void *ctx)
{
	struct manage *m = ctx;
	struct pact_err err;

	if (opgave_delete(app->db, manage_selected(m), &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
}

static void opgave_action(struct app *app, struct manage *m, int action, int64_t id)
{
	struct form *f;

	if (action == MA_NEW || (id > 0 && action == MA_EDIT)) {
		f = form_new(action == MA_NEW ? _("New opgave") : _("Rename opgave"), opgave_submit, m,
			     action == MA_NEW ? 0 : id);
		form_add_text(f, _("Name"), action == MA_NEW ? "" : manage_selected_text(m), 800,
			      false);
		form_open(app, f);
	} else if (id > 0 && action == MA_DELETE) {
		dialog_confirm(app, _("Take this opgave off the list? Cards keep it as text."),
			       _("Delete"), confirm_delete_opgave, m);
	}
}

static const struct key_binding opgave_keys[] = {
	{ 'n', MA_NEW, N_("New"), N_("Add an opgave to the list") },
	{ 'r', MA_EDIT, N_("Rename"), N_("Rename the marked opgave (on every card too)") },
	{ K_ENTER, MA_EDIT, NULL, NULL },
	{ 'd', MA_DELETE, N_("Delete"), N_("Take the marked opgave off the list (asks first)") },
	{ K_ESC, 0, N_("Close"), N_("Close this list") },
	{ 0, 0, NULL, NULL },
};

static const struct list_column opgave_columns[] = {
	{ N_("Opgave"), 30, 0 }, { N_("Note"), 0, 1 },
};

static const struct manage_ops opgave_manage = {
	.title = N_("Opgaven: the college's main tasks"),
	.open_pager = opgaven_pager,
	.columns = opgave_columns,
	.ncols = 2,
	.keys = opgave_keys,
	.action = opgave_action,
};

void opgaven_open(struct app *app)
{
	manage_open(app, &opgave_manage, 0, NULL);
}

/* --- the budget pots ---------------------------------------------------- */

static void costs_open(struct app *app, int64_t pot);

static int pots_pager(struct pager *p, sqlite3 *db, int64_t owner, struct pact_err *err)
{
	(void)owner;
	return pot_pager(p, db, dutch(), err);
}

static int pot_submit(struct app *app, void *owner, int64_t id, struct form *f,
		      struct pact_err *err)
{
	int rc = pot_save(app->db, id, form_text(f, 0), form_text(f, 1), form_text(f, 2), err);

	(void)owner;
	return rc;
}

static void confirm_delete_pot(struct app *app, void *ctx)
{
	struct manage *m = ctx;
	struct pact_err err;

	if (pot_delete(app->db, manage_selected(m), &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
}

static void pot_action(struct app *app, struct manage *m, int action, int64_t id)
{
	struct form *f;
	char year[16] = "", name[800] = "", amount[64] = "";

	if (action == MA_EDIT && id > 0) {
		struct pot_budget *pots;
		struct pact_err err;
		size_t n;

		if (pot_budgets(app->db, &pots, &n, &err) != PACT_OK) {
			app_message(app, true, "%s", err.msg);
			return;
		}
		for (size_t i = 0; i < n; i++)
			if (pots[i].id == id) {
				snprintf(name, sizeof name, "%s", pots[i].name);
				snprintf(year, sizeof year, "%d", pots[i].year);
				snprintf(amount, sizeof amount, "%lld%s%02lld",
					 (long long)(pots[i].amount / 100), dutch() ? "," : ".",
					 (long long)(pots[i].amount % 100));
			}
		pot_budgets_free(pots, n);
	}
	if (action == MA_NEW || (id > 0 && action == MA_EDIT)) {
		f = form_new(action == MA_NEW ? _("New budget pot") : _("Budget pot"), pot_submit, m,
			     action == MA_NEW ? 0 : id);
		form_add_text(f, _("Name"), name, 800, false);
		form_add_text(f, _("Year"), year, 8, false);
		form_add_text(f, _("Amount (€)"), amount, 40, false);
		form_open(app, f);
	} else if (id > 0 && action == MA_COSTS) {
		costs_open(app, id);
	} else if (id > 0 && action == MA_DELETE) {
		char question[1200];
		snprintf(question, sizeof question,
			 _("Delete the budget pot %s? Cards keep their amounts, without a pot. "
			   "Its costs are deleted with it."),
			 manage_selected_text(m));
		dialog_confirm(app, question, _("Delete"), confirm_delete_pot, m);
	}
}

static const struct key_binding pot_keys[] = {
	{ 'n', MA_NEW, N_("New"), N_("New budget pot") },
	{ 'c', MA_COSTS, N_("Costs"),
	  N_("The marked pot's costs outside the experiments: add, change, delete") },
	{ K_ENTER, MA_EDIT, N_("Edit"), N_("Change the marked pot's name, year or amount") },
	{ 'd', MA_DELETE, N_("Delete"), N_("Delete the marked pot (asks first)") },
	{ K_ESC, 0, N_("Close"), N_("Close this list") },
	{ 0, 0, NULL, NULL },
};

static const struct list_column pot_columns[] = {
	{ N_("Year"), 6, 1 }, { N_("Amount"), 16, 2 }, { N_("Pot"), 0, 0 },
};

static const struct manage_ops pot_manage = {
	.title = N_("Budget pots"),
	.open_pager = pots_pager,
	.columns = pot_columns,
	.ncols = 3,
	.keys = pot_keys,
	.action = pot_action,
};

void pots_open(struct app *app)
{
	manage_open(app, &pot_manage, 0, NULL);
}

/* --- the costs on a pot that are no experiment ---------------------------- */

static int costs_pager(struct pager *p, sqlite3 *db, int64_t pot, struct pact_err *err)
{
	return pot_cost_pager(p, db, pot, dutch(), err);
}

static int cost_submit(struct app *app, void *owner, int64_t id, struct form *f,
		       struct pact_err *err)
{
	(void)owner;
	if (id)
		return pot_cost_edit(app->db, id, form_choice_id(f, 0), form_text(f, 1),
				     form_text(f, 2), form_text(f, 3), err);
	return pot_cost_add(app->db, form_choice_id(f, 0), form_text(f, 1), form_text(f, 2),
			    form_text(f, 3), NULL, err);
}

static void confirm_delete_cost(struct app *app, void *ctx)
{
	struct manage *m = ctx;
	struct pact_err err;

	if (pot_cost_delete(app->db, manage_selected(m), &err) != PACT_OK)
		app_message(app, true, "%s", err.msg);
}

/* The form: the pot, what the money went to, the date (today for a new
 * one), the amount. */
static void cost_form(struct app *app, struct manage *m, int64_t id)
{
	struct pot_cost_form c = { .pot_id = manage_owner_id(m) };
	struct pact_err err;
	char date[32];
	struct form *f;

	if (id && pot_cost_get(app->db, id, dutch(), &c, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	if (!id)
		stamp_date(time(NULL), c.date);
	value_date_show(c.date, dutch(), date);
	f = form_new(id ? _("Edit cost") : _("New cost"), cost_submit, m, id);
	add_pot_choice(app, f, c.pot_id, false);
	form_add_text(f, _("Description"), c.description ? c.description : "", 1200, false);
	form_add_text(f, _("Date"), date, 40, false);
	form_add_text(f, _("Amount (€)"), c.amount, 40, false);
	pot_cost_form_free(&c);
	form_open(app, f);
}

static void cost_action(struct app *app, struct manage *m, int action, int64_t id)
{
	if (action == MA_NEW || (id > 0 && action == MA_EDIT)) {
		cost_form(app, m, action == MA_NEW ? 0 : id);
	} else if (id > 0 && action == MA_DELETE) {
		char question[1200];
		snprintf(question, sizeof question, _("Delete the cost \"%s\"?"),
			 manage_selected_text(m));
		dialog_confirm(app, question, _("Delete"), confirm_delete_cost, m);
	}
}

static const struct key_binding cost_keys[] = {
	{ 'n', MA_NEW, N_("New"), N_("Book a new cost on this pot") },
	{ K_ENTER, MA_EDIT, N_("Edit"), N_("Change the marked cost") },
	{ 'd', MA_DELETE, N_("Delete"), N_("Delete the marked cost (asks first)") },
	{ K_ESC, 0, N_("Close"), N_("Close this list") },
	{ 0, 0, NULL, NULL },
};

static const struct list_column cost_columns[] = {
	{ N_("Date"), 10, 1 }, { N_("Amount"), 16, 2 }, { N_("Description"), 0, 0 },
};

/* "Costs of Open Schiedam (2019)". */
static void cost_title(struct app *app, int64_t pot, char *out, size_t size)
{
	struct pot_budget *pots;
	struct pact_err err;
	size_t n;

	if (pot_budgets(app->db, &pots, &n, &err) != PACT_OK)
		return;
	for (size_t i = 0; i < n; i++)
		if (pots[i].id == pot)
			snprintf(out, size, _("Costs of %s (%d)"), pots[i].name, pots[i].year);
	pot_budgets_free(pots, n);
}

static const struct manage_ops cost_manage = {
	.title = N_("Costs outside the experiments"),
	.title_of = cost_title,
	.open_pager = costs_pager,
	.columns = cost_columns,
	.ncols = 3,
	.keys = cost_keys,
	.action = cost_action,
};

static void costs_open(struct app *app, int64_t pot)
{
	manage_open(app, &cost_manage, pot, NULL);
}
