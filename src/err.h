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

/* Record a formatted message and status in err (err may be NULL); returns
 * status. */
int err_format(struct pact_err *err, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static inline int err_pass(int status, int recorded)
{
	(void)recorded;
	return status;
}

/* err_format that visibly returns its status, so callers can write
 * `return err_set(err, PACT_EDB, "…", …);` and static analysers (which do
 * not follow variadic or other files' functions) see which status comes
 * back on each path. status is evaluated twice: give a plain value. */
#define err_set(err, status, ...) err_pass((status), err_format((err), (status), __VA_ARGS__))

/* err_set(err, PACT_ENOMEM, "out of memory"), in the interface language. */
int err_record_nomem(struct pact_err *err);
#define err_nomem(err) err_pass(PACT_ENOMEM, err_record_nomem(err))
void err_clear(struct pact_err *err);

#endif
