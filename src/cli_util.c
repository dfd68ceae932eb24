/* What every subcommand shares: reporting a usage error or a failure,
 * reading its options, opening the database. */
#include "cli_util.h"

#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "privacy.h"
#include "werkvorm.h"

/* One line that says what is wrong, and where the whole usage is: the
 * help itself would push the message off the screen. */
int cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "pact: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s\n", _("Run 'pact --help' for the options and subcommands."));
	return PACT_EUSAGE;
}

void cli_getopt_begin(void)
{
	optind = 0; /* GNU: start over */
	opterr = 0;
}

/* Whether word is a long option that takes the next word as its value
 * ("--range -2..2"). */
static bool takes_next(const char *word, const struct option *longopts)
{
	if (strncmp(word, "--", 2) != 0 || strchr(word, '='))
		return false;
	for (; longopts->name; longopts++)
		if (strcmp(word + 2, longopts->name) == 0)
			return longopts->has_arg == required_argument;
	return false;
}

/* The subcommands have long options only, so a word like "-2+3" that
 * getopt stopped at is text that looks like an option: name it, and how to
 * give it (getopt has moved on, or not, in that word: look for it; an
 * option's value, kept beside it, is no such word). */
static const char *short_looking(int argc, char **argv, const struct option *longopts)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (argv[i][0] == '-' && argv[i][1] != '-' && argv[i][1] != '\0' &&
		    !takes_next(argv[i - 1], longopts))
			return argv[i];
	return NULL;
}

int cli_getopt(int argc, char **argv, const struct option *longopts)
{
	int c = getopt_long(argc, argv, "", longopts, NULL);
	const char *word;

	if ((c == '?' || c == ':') && strncmp(argv[optind - 1], "--", 2) != 0 &&
	    (word = short_looking(argc, argv, longopts)))
		cli_usage_error(_("unknown option '%s'; a text that starts with '-' goes after --, "
				  "as in: -- \"%s\""),
				word, word);
	else if (c == '?' || c == ':')
		cli_usage_error(_("unknown or incomplete option '%s'"), argv[optind - 1]);
	return c == ':' ? '?' : c;
}

int cli_report(const struct pact_err *err)
{
	fprintf(stderr, "pact: %s\n", err->msg);
	return err->status;
}

/* Open the database named by the options; on failure report and return the
 * exit status. */
int cli_open_db(const struct cli_opts *opts, sqlite3 **db, char *path, size_t pathsz)
{
	char own[PATH_MAX];
	struct pact_err err;
	int rc;

	*db = NULL;
	if (!path) {
		path = own;
		pathsz = sizeof own;
	}
	if ((rc = db_resolve_path(opts->db, path, pathsz, &err)) != PACT_OK ||
	    (rc = db_open(path, db, &err)) != PACT_OK) {
		cli_report(&err);
		return rc;
	}
	if ((rc = werkvorm_seed(*db, &err)) != PACT_OK) {
		db_close(*db);
		*db = NULL;
		cli_report(&err);
		return rc;
	}
	if (privacy_mode_warning(path, err.msg, sizeof err.msg))
		fprintf(stderr, _("pact: warning: %s\n"), err.msg);
	return PACT_OK;
}

void cli_scrub(sqlite3 *db, const char *path)
{
	struct pact_err err;

	if (privacy_scrub(db, path, &err) != PACT_OK)
		fprintf(stderr, _("pact: warning: %s\n"), err.msg);
}
