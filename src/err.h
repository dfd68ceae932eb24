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
};

struct pact_err {
	int status;
	char msg[512];
};

/* Record a formatted message and return its status, so callers can write
 * `return err_set(err, PACT_EDB, "…", …);`. err may be NULL. */
int err_set(struct pact_err *err, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void err_clear(struct pact_err *err);

#endif
