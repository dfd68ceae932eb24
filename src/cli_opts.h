/* The options the command line was given, and what the screens should open
 * with: shared by the command line and the screens. */
#ifndef PACT_CLI_OPTS_H
#define PACT_CLI_OPTS_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

/* What the screens should open with. */
struct screens_request {
	const char *panel;      /* a panel's name, NULL for the last one used */
	int64_t session_id;     /* open this session (0: none) */
	bool join;              /* the participant view of session_id */
	int64_t participant_id; /* who types there (0: anonymous) */
	int64_t poll_id;        /* with vote: the live ballot of this poll */
	bool vote;
	const char *tree;       /* --tree FILE: the decision tree to use, or NULL */
};

/* Runs the screens (given by main, so the core needs no terminal code). */
typedef int (*screens_fn)(sqlite3 *db, const char *path, const struct screens_request *req);

struct cli_opts {
	const char *db;   /* --db PATH */
	const char *lang; /* --lang nl|en */
	const char *tree; /* --tree FILE */
	int argc;         /* what follows the global options */
	char **argv;
	screens_fn screens;
};

#endif
