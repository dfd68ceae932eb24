/* The command line: global options, the subcommand table, usage text. */
#ifndef PACT_CLI_H
#define PACT_CLI_H

#include <stdio.h>

#define PACT_VERSION "0.1.0"

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

/* Parse the global options. Returns -1 to go on (argc/argv then hold the
 * subcommand and its arguments, none for the TUI), or an exit status
 * after --help, --version or a usage error (already reported). */
int cli_parse(int argc, char **argv, struct cli_opts *opts);

/* Run the subcommand in opts->argv[0]; returns the exit status. */
int cli_run(const struct cli_opts *opts);

void cli_usage(FILE *out);

/* A subcommand's long options, read with getopt_long (argv[0] is the
 * subcommand's name): cli_getopt_begin() first, then cli_getopt() until it
 * returns -1; optind is then the first operand. An unknown option, or one
 * without its value, is reported in one line (as a usage error) and comes
 * back as '?': the caller returns PACT_EUSAGE. getopt itself prints nothing. */
struct option;
void cli_getopt_begin(void);
int cli_getopt(int argc, char **argv, const struct option *longopts);

#endif
