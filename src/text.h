/* Checking and cleaning text that people type or import: valid UTF-8,
 * spaces trimmed, a length limit in characters. Control characters are
 * kept as typed (screens show them visibly). Messages name the field. */
#ifndef PACT_TEXT_H
#define PACT_TEXT_H

#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>

#include "err.h"

/* Clean in into a new string *out (the caller frees it). CRLF becomes a
 * line break; line breaks, carriage returns and tabs become spaces unless
 * multiline (then line breaks stay); other control characters stay as they
 * are; leading and trailing spaces go. Refuses
 * invalid UTF-8, text over max_chars characters, and, when required, empty
 * text. field is the translated name used in messages. */
int text_clean(const char *in, const char *field, size_t max_chars, bool required,
	       bool multiline, char **out, struct pact_err *err);

/* Narrow the n bytes at *s to leave out leading and trailing spaces and
 * tabs. */
void text_trim(const char **s, size_t *n);

/* Number of code points in valid UTF-8 s. */
size_t text_chars(const char *s);

/* Close a memory stream (open_memstream(buf, …)) and return its text, or
 * NULL (the text freed) when writing or closing failed; NULL for f NULL. */
char *text_stream_close(FILE *f, char **buf);
#endif
