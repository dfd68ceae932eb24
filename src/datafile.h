/* Reading a data file (a user's own deck of prompts or decision tree)
 * whole, with a size limit. */
#ifndef PACT_DATAFILE_H
#define PACT_DATAFILE_H

#include <stddef.h>

#include "err.h"

/* The regular file at path, NUL-terminated in *text (the caller frees it).
 * On failure err->msg says why, without the path, for the caller to place. */
int datafile_read(const char *path, size_t max_bytes, char **text, size_t *len,
		  struct pact_err *err);

#endif
