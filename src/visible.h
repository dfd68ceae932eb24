/* Text for people on the command line, with control characters shown. */
#ifndef PACT_VISIBLE_H
#define PACT_VISIBLE_H

#include <stdio.h>

/* A stream that writes to `to` with control characters, escape sequences
 * and bidi overrides made visible (new lines and tabs pass). Closing it
 * flushes it and leaves `to` open; pact closes it at exit. NULL when out of
 * memory. */
FILE *visible_stream(FILE *to);

/* Standard output for text meant for people (lists, results as text),
 * made once; machine output (CSV) goes to stdout itself, byte for byte. */
FILE *visible_stdout(void);

#endif
