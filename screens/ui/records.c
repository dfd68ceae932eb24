/* Import and export forms. */
#include "ui/records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "export.h"
#include "widgets/form.h"
#include "i18n.h"
#include "import.h"
#include "kind.h"
#include "path.h"

#define MAX_KINDS 32

/* The kinds as choices, by their names in the screens' language ("ideeën";
 * the command line calls them by their own names, "ideas"). */
static const char *kind_choices[MAX_KINDS + 1];

/* The forms open on ideas, the kind a facilitator moves most. */
static int default_kind(void)
{
	for (size_t i = 0; i < nkinds; i++)
		if (strcmp(kinds[i]->name, "ideas") == 0)
			return (int)i;
	return 0;
}

static const char *const *choices(void)
{
	for (size_t i = 0; i < nkinds && i < MAX_KINDS; i++)
		kind_choices[i] = kind_noun(kinds[i]->table, 2);
	return kind_choices;
}

/* Fields: 0 kind, 1 file, 2 Excel, 3 with names, 4 replace. */
static int export_submit(struct app *app, void *owner, int64_t session_id, struct form *f,
			 struct pact_err *err)
{
	const struct kind *k = kinds[form_choice(f, 0)];
	struct export_opts o = { .csv = { .delim = ',' }, .session_id = session_id };
	char path[4096];
	struct export_stats st;
	int rc;

	(void)owner;
	if (path_for_writing(form_text(f, 1), form_choice(f, 4), path, sizeof path, err) != PACT_OK)
		return PACT_EINPUT;
	if (form_choice(f, 2))
		export_excel(&o);
	o.with_names = form_choice(f, 3) == 1;
	rc = export_kind(app->db, k, path, &o, &st, err);
	if (rc == PACT_OK && (st.rows > st.generalised[0] || st.left_out))
		app_message(app, false,
			    _("Exported %lld %s to %s; so that nobody is singled out, %lld with a "
			      "value shown as * and %lld left out"),
			    (long long)st.rows, kind_noun(k->table, (unsigned long)st.rows), path,
			    (long long)(st.rows - st.generalised[0]),
			    (long long)st.left_out);
	else if (rc == PACT_OK)
		app_message(app, false, _("Exported %lld %s to %s"), (long long)st.rows,
			    kind_noun(k->table, (unsigned long)st.rows), path);
	return rc;
}

void records_export_form(struct app *app, int64_t session_id)
{
	struct form *f = form_new(_("Export as CSV"), export_submit, NULL, session_id);
	struct export_opts excel = { .with_names = false };

	/* The label names the delimiter the Excel choice writes (it follows
	 * the language, as Excel itself does). */
	export_excel(&excel);
	form_add_choice(f, _("Records"), choices(), default_kind());
	form_add_text(f, _("File"), "~/pact-export.csv", 4000, false);
	form_add_yesno(f, excel.csv.delim == ';' ? _("For Excel (;)") : _("For Excel (,)"), false);
	form_add_yesno(f, _("With names (only with consent)"), false);
	form_add_yesno(f, _("Replace the file if it exists"), false);
	form_open(app, f);
}

/* Fields: 0 kind, 1 file, 2 from an old Excel (cp1252). */
static int import_submit(struct app *app, void *owner, int64_t unused, struct form *f,
			 struct pact_err *err)
{
	const struct kind *k = kinds[form_choice(f, 0)];
	struct import_opts io = { .encoding = form_choice(f, 2) ? "cp1252" : NULL };
	struct import_stats stats;
	char path[4096];
	int rc;

	(void)owner;
	(void)unused;
	if (!*form_text(f, 1))
		return err_set(err, PACT_EINPUT, "%s", _("file: give a file name"));
	path_expand_home(form_text(f, 1), path, sizeof path);
	rc = import_file(app->db, k, path, &io, &stats, err);
	if (rc == PACT_OK && stats.forgotten)
		app_message(app, false,
			    ngettext("Imported %lld %s (%lld new, %lld updated); skipped %lld "
				     "forgotten record",
				     "Imported %lld %s (%lld new, %lld updated); skipped %lld "
				     "forgotten records",
				     (unsigned long)stats.forgotten),
			    (long long)stats.rows, kind_noun(k->table, (unsigned long)stats.rows),
			    (long long)stats.added, (long long)stats.updated,
			    (long long)stats.forgotten);
	else if (rc == PACT_OK)
		app_message(app, false, _("Imported %lld %s (%lld new, %lld updated)"),
			    (long long)stats.rows, kind_noun(k->table, (unsigned long)stats.rows),
			    (long long)stats.added, (long long)stats.updated);
	return rc;
}

void records_import_form(struct app *app)
{
	struct form *f = form_new(_("Import from CSV"), import_submit, NULL, 0);

	form_add_choice(f, _("Records"), choices(), default_kind());
	form_add_text(f, _("File"), "~/", 4000, false);
	form_add_yesno(f, _("Saved by an older Excel (cp1252)"), false);
	form_open(app, f);
}
