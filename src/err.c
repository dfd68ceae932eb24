/* Filling error values. */
#include "err.h"

#include <stdio.h>

#include "i18n.h"

int err_format(struct pact_err *err, int status, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
		err->status = status;
	}
	return status;
}

int err_record_nomem(struct pact_err *err)
{
	return err_set(err, PACT_ENOMEM, "%s", _("out of memory"));
}

void err_clear(struct pact_err *err)
{
	if (err) {
		err->status = PACT_OK;
		err->msg[0] = '\0';
	}
}
