/* Subcommands and the helpers they share (see cli.c for the table). */
#ifndef PACT_CLI_CMDS_H
#define PACT_CLI_CMDS_H

#include <sqlite3.h>
#include <stddef.h>

#include "cli.h"
#include "err.h"

/* Report a usage error with the usage text; returns exit status 2. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print err's message; returns its status. */
int cli_report(const struct pact_err *err);
/* Open the database of the options (path, if given, receives its name);
 * reports and returns the exit status on failure. */
int cli_open_db(const struct cli_opts *opts, sqlite3 **db, char *path, size_t pathsz);

int cli_session(const struct cli_opts *opts, int argc, char **argv);
int cli_idea(const struct cli_opts *opts, int argc, char **argv);
int cli_export(const struct cli_opts *opts, int argc, char **argv);
int cli_import(const struct cli_opts *opts, int argc, char **argv);
int cli_merge(const struct cli_opts *opts, int argc, char **argv);
int cli_tally(const struct cli_opts *opts, int argc, char **argv);
int cli_brainstorm(const struct cli_opts *opts, int argc, char **argv);
int cli_join(const struct cli_opts *opts, int argc, char **argv);

#endif
