/* The import and export forms of the panels: a kind of record, a file,
 * and the CSV options, over the registry's import and export. */
#ifndef PACT_RECORDS_H
#define PACT_RECORDS_H

#include <stdint.h>

#include "app.h"

/* Called after a successful import so the panel shows what came in. */
typedef void (*records_done_fn)(struct app *app, void *owner);

/* Export any kind (of one session when session_id is not 0). */
void records_export_form(struct app *app, int64_t session_id);
void records_import_form(struct app *app, records_done_fn done, void *owner);

#endif
