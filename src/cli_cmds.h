/* The subcommands, each in its cli_*.c file (see cli.c for the table). */
#ifndef PACT_CLI_CMDS_H
#define PACT_CLI_CMDS_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli_opts.h"
#include "cli_util.h"
#include "err.h"

/* A kind of record (as typed: "ideas", "werkvormen") named in the interface
 * language: its label ("work forms", "werkvormen"), and a count of it with
 * the right plural ("1 idea", "4 ideas") written into out. */
enum { CLI_COUNT_MAX = 64 };
const char *cli_kind_label(const char *kind);
const char *cli_kind_count(const char *kind, int64_t n, char *out, size_t outsz);

int cli_session(const struct cli_opts *opts, int argc, char **argv);
int cli_idea(const struct cli_opts *opts, int argc, char **argv);
int cli_export(const struct cli_opts *opts, int argc, char **argv);
int cli_import(const struct cli_opts *opts, int argc, char **argv);
int cli_merge(const struct cli_opts *opts, int argc, char **argv);
int cli_tally(const struct cli_opts *opts, int argc, char **argv);
int cli_poll(const struct cli_opts *opts, int argc, char **argv);
int cli_card(const struct cli_opts *opts, int argc, char **argv);
/* pact report (cli_report is the error printer of cli_util.h). */
int cli_report_run(const struct cli_opts *opts, int argc, char **argv);
int cli_vote(const struct cli_opts *opts, int argc, char **argv);
struct poll_kind;
struct csv_out_opts;
int cli_poll_kind(const struct cli_opts *opts, const struct poll_kind *k, bool import,
		  const char *poll, const char *path, const struct csv_out_opts *o,
		  bool with_names);

/* The method options of pact tally and pact poll new, for getopt_long. */
#define CLI_METHOD_OPTIONS                                                                     \
	{ "method", required_argument, NULL, 'm' }, { "budget", required_argument, NULL, 'B' },  \
	{ "dots", required_argument, NULL, 'd' },                                               \
	{ "max-per-option", required_argument, NULL, 'M' },                                     \
	{ "range", required_argument, NULL, 'r' }, { "complete", required_argument, NULL, 'c' }, \
	{ "tiebreak", required_argument, NULL, 't' }, { "seed", required_argument, NULL, 's' }
struct tally_input;
int cli_method_option(int c, const char *arg, struct tally_input *in, bool *have_method);
int cli_brainstorm(const struct cli_opts *opts, int argc, char **argv);
int cli_join(const struct cli_opts *opts, int argc, char **argv);
int cli_tree(const struct cli_opts *opts, int argc, char **argv);
/* --tree FILE: load the file once at start, so a missing or broken tree is
 * reported (as pact tree check does) before the screens open. Returns
 * PACT_OK or the exit status. */
int cli_tree_option(const char *path);

#endif
