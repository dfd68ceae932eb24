/* Errors as values: a core call fills one of these and returns a status. */
#ifndef PACT_ERR_H
#define PACT_ERR_H

#include <stdarg.h>

/* Exit statuses of the command line; core functions return the same values. */
enum pact_status {
	PACT_OK = 0,
	PACT_EUSAGE = 2, /* the command line was wrong */
	PACT_EINPUT = 3, /* a file or a value was wrong */
	PACT_EDB = 4,    /* the database could not be opened, read or written */
	PACT_ENOMEM = 5, /* out of memory */
};

struct pact_err {
	int status;
	char msg[512];
};

/* Record a formatted message and status in err (err may be NULL). */
void err_vformat(struct pact_err *err, int status, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/* Record a formatted message and return its status, so callers can write
 * `return err_set(err, PACT_EDB, "…", …);`. Inline, so that static analysers
 * see that the status comes back unchanged and follow the caller's paths. */
static inline __attribute__((format(printf, 3, 4))) int
err_set(struct pact_err *err, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vformat(err, status, fmt, ap);
	va_end(ap);
	return status;
}

/* err_set(err, PACT_ENOMEM, "out of memory"), in the interface language. */
int err_nomem(struct pact_err *err);
void err_clear(struct pact_err *err);

#endif
