/* The import and export forms of the panels: a kind of record, a file,
 * and the CSV options, over the registry's import and export. */
#ifndef PACT_RECORDS_H
#define PACT_RECORDS_H

#include <stdint.h>

#include "ui/app.h"

/* Export any kind (of one session when session_id is not 0). */
void records_export_form(struct app *app, int64_t session_id);
/* Import any kind; every panel in view shows what came in (the import's
 * commit moves db_change_count). */
void records_import_form(struct app *app);

#endif
