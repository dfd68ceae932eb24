/* Filling error values. */
#include "err.h"

#include <stdio.h>

#include "i18n.h"

void err_vformat(struct pact_err *err, int status, const char *fmt, va_list ap)
{
	if (err) {
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		err->status = status;
	}
}

int err_nomem(struct pact_err *err)
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
