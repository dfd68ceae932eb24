/* Reading CSV files for every import: streamed through libcsv in chunks,
 * converted to UTF-8, each record handed over with the line it starts on. */
#ifndef PACT_CSVIN_H
#define PACT_CSVIN_H

#include <stddef.h>

#include "err.h"

/* Limits against hostile files; anything larger is refused, naming the line. */
#define CSVIN_FIELD_MAX_MIB 16    /* bytes of one field */
#define CSVIN_RECORD_MAX_MIB 64   /* bytes of all the fields of one record */
#define CSVIN_FIELDS_MAX 10000    /* fields of one record */

struct csvin_opts {
	/* 0 = detect among ',' ';' and '\t' from the header line (see
	 * csvin_detect_delim); or ',', ';', '\t' */
	char delim;
	/* NULL or "UTF-8" = UTF-8; otherwise an iconv name such as "cp1252",
	 * converted to UTF-8 before parsing */
	const char *encoding;
};

/* Called once per record with its fields (NUL-terminated UTF-8, never NULL;
 * empty fields are ""), n fields, and line = the physical line (1-based)
 * where the record starts. The fields are reused buffers, valid only during
 * the call. Return PACT_OK to go on; anything else stops reading and is
 * returned by csvin_read (the callback fills err itself). */
typedef int (*csvin_record_fn)(void *ctx, char **fields, size_t n, long line,
			       struct pact_err *err);

/* Read path ("-" = standard input) to the end, calling fn for every record
 * including the header (the first record). A UTF-8 byte order mark is
 * skipped; blank lines are not records; unquoted spaces and tabs around a
 * field are dropped (libcsv's rule). opts may be NULL. Errors are
 * PACT_EINPUT with "NAME:LINE: …" messages. */
int csvin_read(const char *path, const struct csvin_opts *opts, csvin_record_fn fn, void *ctx,
	       struct pact_err *err);

/* The same from a memory buffer; name is the file name used in messages. */
int csvin_read_mem(const char *data, size_t len, const char *name, const struct csvin_opts *opts,
		   csvin_record_fn fn, void *ctx, struct pact_err *err);

/* The delimiter of a header line: the one of ',' ';' and '\t' that occurs
 * most often outside quotes in the first non-blank line of the len bytes;
 * ties prefer ',' then ';' then tab; ',' when there is none. */
char csvin_detect_delim(const char *first_line, size_t len);

/* The delimiter the last csvin_read* call in this process used (detected
 * or given), for messages; ',' before any call. */
char csvin_last_delim(void);

#endif
