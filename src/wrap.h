/* Word wrapping of UTF-8 text into display rows of a given width. */
#ifndef PACT_WRAP_H
#define PACT_WRAP_H

#include <stddef.h>

struct wrap_row {
	size_t start, end; /* byte range of the row in the text (end excluded) */
};

/* Break text into rows of at most width display columns, at spaces where
 * possible and at '\n' always; the newline and the space a row breaks at
 * belong to no row. Fills at most max rows and returns how many rows the
 * whole text needs (which may be more than max). Empty text is one row. */
size_t wrap_text(const char *text, int width, struct wrap_row *rows, size_t max);

#endif
