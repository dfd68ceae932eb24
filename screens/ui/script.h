/* Key scripts for headless screen tests: text is typed as it stands,
 * <Name> is a key (<Enter>, <S-Tab>, <C-l>, <F1>, <lt> for '<'),
 * <resize COLSxROWS> resizes, <tick> is a second passing; line breaks are
 * ignored and lines starting with '#' are comments. */
#ifndef PACT_SCRIPT_H
#define PACT_SCRIPT_H

#include <stdio.h>

#include "err.h"

struct script {
	char *text;
	size_t len, pos;
	int line;
	const char *name;
};

int script_load(struct script *s, const char *path, struct pact_err *err);
void script_free(struct script *s);

/* The next key; 0 at the end; -1 on an unreadable token (err filled).
 * A resize sets *rows and *cols and returns K_FN(KEY_RESIZE). */
int script_next(struct script *s, int *rows, int *cols, struct pact_err *err);

#endif
