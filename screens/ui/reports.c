/* The report forms. */
#include "ui/reports.h"

#include "widgets/form.h"
#include "i18n.h"
#include "path.h"
#include "report.h"

/* Fields: 0 file, 1 replace, then (a session's report) 2 with names. */
static int report_submit(struct app *app, void *owner, int64_t session_id, struct form *f,
			 struct pact_err *err)
{
	enum report_format format;
	char path[4096];
	int rc;

	(void)owner;
	if (path_for_writing(form_text(f, 0), form_choice(f, 1), path, sizeof path, err) != PACT_OK)
		return PACT_EINPUT;
	if (!report_format_of_path(path, &format))
		return err_set(err, PACT_EINPUT, "%s",
			       _("file: end the name in .html (to read and print) or .md (Markdown)"));
	rc = report_write(app->db, session_id, path, format,
			  session_id && form_choice(f, 2) == 1, err);
	if (rc == PACT_OK)
		app_message(app, false, _("Report written to %s"), path);
	return rc;
}

static struct form *report_form(const char *title, const char *file, int64_t session_id)
{
	struct form *f = form_new(title, report_submit, NULL, session_id);

	form_add_text(f, _("File (.html or .md)"), file, 4000, false);
	form_add_yesno(f, _("Replace the file if it exists"), false);
	return f;
}

void reports_session_form(struct app *app, int64_t session_id)
{
	struct form *f = report_form(_("Session report"), _("~/session-report.html"), session_id);

	form_add_yesno(f, _("With names (only with consent)"), false);
	form_set_save_label(f, _("Write"));
	form_open(app, f);
}

void reports_programme_form(struct app *app)
{
	struct form *f = report_form(_("Programme report"), _("~/programme-report.html"), 0);

	form_set_save_label(f, _("Write"));
	form_open(app, f);
}
