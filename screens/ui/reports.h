/* The report forms: a file name (its extension chooses Markdown or HTML)
 * and, for a session, whether names go in; written by report_write. */
#ifndef PACT_REPORTS_H
#define PACT_REPORTS_H

#include <stdint.h>

#include "ui/app.h"

/* The report of one session (Brainstorm). */
void reports_session_form(struct app *app, int64_t session_id);
/* The programme report (Board). */
void reports_programme_form(struct app *app);

#endif
