/* What every subcommand shares: reporting a usage error or a failure,
 * reading its options, opening the database. */
#ifndef PACT_CLI_UTIL_H
#define PACT_CLI_UTIL_H

#include <sqlite3.h>
#include <stddef.h>

#include "cli_opts.h"
#include "err.h"

/* Report a usage error in one line, with a hint to run pact --help;
 * returns exit status 2. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print err's message; returns its status. */
int cli_report(const struct pact_err *err);
/* Open the database of the options (path, if given, receives its name);
 * reports and returns the exit status on failure. */
int cli_open_db(const struct cli_opts *opts, sqlite3 **db, char *path, size_t pathsz);
/* After personal data was removed: empty the -wal (privacy_scrub); when
 * another program holds it, warn on stderr. The removal itself stands, so
 * the exit status does not change. */
void cli_scrub(sqlite3 *db, const char *path);

/* A subcommand's long options, read with getopt_long (argv[0] is the
 * subcommand's name): cli_getopt_begin() first, then cli_getopt() until it
 * returns -1; optind is then the first operand. An unknown option, or one
 * without its value, is reported in one line (as a usage error) and comes
 * back as '?': the caller returns PACT_EUSAGE. getopt itself prints nothing. */
struct option;
void cli_getopt_begin(void);
int cli_getopt(int argc, char **argv, const struct option *longopts);

#endif
