/* The command line: global options, the subcommand table, usage text. */
#ifndef PACT_CLI_H
#define PACT_CLI_H

#include <stdio.h>

#define PACT_VERSION "0.1.0"

#include "cli_opts.h"

/* Parse the global options. Returns -1 to go on (argc/argv then hold the
 * subcommand and its arguments, none for the TUI), or an exit status
 * after --help, --version or a usage error (already reported). */
int cli_parse(int argc, char **argv, struct cli_opts *opts);

/* Run the subcommand in opts->argv[0]; returns the exit status. */
int cli_run(const struct cli_opts *opts);

void cli_usage(FILE *out);

#endif
