/* Global options and the subcommand table. Each subcommand reports its own
 * errors on stderr and returns an exit status: 0 ok, 2 usage, 3 bad input,
 * 4 database problem, 5 out of memory. */
#include "cli.h"

#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "demo.h"
#include "people.h"
#include "poll.h"
#include "privacy.h"
#include "stamp.h"
#include "utf8.h"
#include "wrap.h"
#include "err.h"
#include "i18n.h"
#include "werkvorm.h"

#include "cli_cmds.h"

struct subcommand {
	const char *name;
	const char *args;    /* argument synopsis: NC_("usage", …) where it has words */
	const char *summary; /* N_() */
	int (*run)(const struct cli_opts *opts, int argc, char **argv);
};

static int cmd_check(const struct cli_opts *opts, int argc, char **argv)
{
	sqlite3 *db;
	struct pact_err err;
	char path[PATH_MAX];
	int rc;

	(void)argv;
	if (argc > 1)
		return cli_usage_error(_("check takes no arguments, got '%s'"), argv[1]);
	if ((rc = cli_open_db(opts, &db, path, sizeof path)) != PACT_OK)
		return rc;
	rc = db_check(db, &err);
	if (rc == PACT_OK)
		rc = poll_check_all(db, &err);
	/* What forgetting could not empty from the log while another program
	 * was reading goes now (a warning still names a reader in the way). */
	if (rc == PACT_OK)
		cli_scrub(db, path);
	if (rc == PACT_OK) {
		printf("%s\n", _("ok: the database is sound"));
	} else {
		fputs("pact: ", stderr);
		fprintf(stderr, _("%s is damaged: %s"), path, err.msg);
		fputc('\n', stderr);
	}
	db_close(db);
	return rc;
}

static int cmd_demo(const struct cli_opts *opts, int argc, char **argv)
{
	struct demo_counts n;
	struct pact_err err;
	char path[4096], cards[CLI_COUNT_MAX], evals[CLI_COUNT_MAX], pots[CLI_COUNT_MAX];
	sqlite3 *db;
	int rc;

	if (argc > 1)
		return cli_usage_error(_("demo takes no arguments, got '%s'"), argv[1]);
	if ((rc = cli_open_db(opts, &db, path, sizeof path)) != PACT_OK)
		return rc;
	rc = demo_fill(db, &n, &err);
	if (rc == PACT_OK)
		/* TRANSLATORS: "pact: FILE now holds the demo: 21 experiments,
		 * 5 evaluations and 2 budget pots." */
		printf(_("pact: %s now holds the demo: %s, %s and %s.\n"), path,
		       cli_kind_count("experiments", n.experiments, cards, sizeof cards),
		       cli_kind_count("evaluations", n.evaluations, evals, sizeof evals),
		       cli_kind_count("budgets", n.pots, pots, sizeof pots));
	else
		fprintf(stderr, "pact: %s: %s\n", path, err.msg);
	db_close(db);
	return rc;
}

static int cmd_forget(const struct cli_opts *opts, int argc, char **argv)
{
	struct pact_err err;
	char path[PATH_MAX];
	bool person = argc == 3 && strcmp(argv[1], "person") == 0;
	sqlite3 *db;
	int rc;

	if (argc != 3 || (!person && strcmp(argv[1], "participant") != 0))
		return cli_usage_error("%s", _("usage: pact forget participant|person ID"));
	if ((rc = cli_open_db(opts, &db, path, sizeof path)) != PACT_OK)
		return rc;
	rc = person ? people_forget(db, argv[2], &err) : privacy_forget(db, argv[2], &err);
	if (rc == PACT_OK) {
		if (person)
			printf(_("pact: person %s forgotten: taken off the register, and their name "
				 "off the cards (owner and team).\n"),
			       argv[2]);
		else
			printf(_("pact: participant %s forgotten: name and details removed, their "
				 "ideas kept without a name.\n"),
			       argv[2]);
		cli_scrub(db, path);
	} else {
		cli_report(&err);
	}
	db_close(db);
	return rc;
}

static int cmd_purge(const struct cli_opts *opts, int argc, char **argv)
{
	struct pact_err err;
	char today[11], path[PATH_MAX], count[CLI_COUNT_MAX];
	int64_t sessions = 0, people = 0, voters = 0;
	bool dry = argc == 2 && strcmp(argv[1], "--dry-run") == 0;
	sqlite3 *db;
	int rc;

	if (argc > 2 || (argc == 2 && !dry))
		return cli_usage_error("%s", _("usage: pact purge [--dry-run]"));
	if ((rc = cli_open_db(opts, &db, path, sizeof path)) != PACT_OK)
		return rc;
	stamp_date(time(NULL), today);
	rc = dry ? privacy_due(db, today, &sessions, &err)
		 : privacy_purge(db, today, &sessions, &people, &voters, &err);
	if (rc != PACT_OK)
		cli_report(&err);
	else if (dry)
		printf(ngettext("pact: %lld session is past its keep-until date; pact purge removes "
				"its participants' names and details.\n",
				"pact: %lld sessions are past their keep-until date; pact purge removes "
				"their participants' names and details.\n",
				(unsigned long)sessions),
		       (long long)sessions);
	else
		/* TRANSLATORS: %s is a number of participants, "6 participants" */
		printf(ngettext("pact: purged %lld session past its keep-until date: %s removed, "
				"their ideas kept without a name.\n",
				"pact: purged %lld sessions past their keep-until date: %s removed, "
				"their ideas kept without a name.\n",
				(unsigned long)sessions),
		       (long long)sessions, cli_kind_count("participants", people, count, sizeof count));
	if (rc == PACT_OK && !dry && voters > 0)
		printf(ngettext("pact: the voter's name was taken off %lld ballot; the ballot still "
				"counts.\n",
				"pact: the voters' names were taken off %lld ballots; the ballots still "
				"count.\n",
				(unsigned long)voters),
		       (long long)voters);
	if (rc == PACT_OK && (people > 0 || voters > 0))
		cli_scrub(db, path);
	db_close(db);
	return rc;
}

/* TRANSLATORS: in the "usage" strings the words in capitals stand for what
 * the user writes there (FILE, SESSION): translate them; keep subcommands and
 * options (new, list, --method) as they are. */
static const struct subcommand subcommands[] = {
	{ "check", "", N_("check the database file for damage"), cmd_check },
	{ "demo", "", N_("fill an empty database with the programme's experiments"), cmd_demo },
	{ "forget", "participant|person ID",
	  N_("remove a participant's or person's data (GDPR)"), cmd_forget },
	{ "purge", "[--dry-run]", N_("remove personal data of sessions past their keep-until date"),
	  cmd_purge },
	{ "session", NC_("usage", "new TITLE | list"),
	  N_("create or list brainstorm sessions"), cli_session },
	{ "idea", NC_("usage", "add SESSION TEXT"),
	  N_("add an idea to a session"), cli_idea },
	{ "import", NC_("usage", "KIND FILE"),
	  N_("read records from a CSV file (- for stdin)"), cli_import },
	{ "export", NC_("usage", "KIND FILE"),
	  N_("write records to a CSV file (- for stdout)"), cli_export },
	{ "merge", NC_("usage", "OTHER.db"),
	  N_("bring in the records of another pact file"), cli_merge },
	{ "tally", NC_("usage", "--method M --ballots F"),
	  N_("count a ballots file (no database needed)"), cli_tally },
	{ "poll", "new | list | show | close | codes | unlock | history",
	  N_("polls over a session's ideas, and their results"), cli_poll },
	{ "vote", NC_("usage", "POLL"),
	  N_("cast one ballot from this terminal (live voting)"), cli_vote },
	{ "card", NC_("usage", "from-idea IDEA | from-cluster C | from-poll POLL [--top N]"),
	  N_("make experiment cards from a session's ideas or a poll's result"), cli_card },
	{ "report", NC_("usage", "session SESSION | programme [FILE]"),
	  N_("write a session or programme report (Markdown or HTML)"), cli_report_run },
	{ "brainstorm", NC_("usage", "[SESSION]"),
	  N_("open the Brainstorm panel (on a session)"), cli_brainstorm },
	{ "join", NC_("usage", "SESSION [--as ALIAS]"),
	  N_("type ideas into a session as a participant"), cli_join },
	{ "tree", NC_("usage", "check [FILE]"), N_("check a decision tree file"), cli_tree },
};

/* The help fits 80 columns: a left column (an option, or a subcommand with
 * its arguments) as wide as the widest up to HELP_LEFT_MAX, then the
 * summary, wrapped. A longer left part has its summary on the next line. */
enum { HELP_WIDTH = 79, HELP_LEFT_MAX = 30 };

static const struct {
	const char *left;    /* NC_("usage", …) where it has words */
	const char *summary; /* N_() */
} help_options[] = {
	{ NC_("usage", "--db PATH"), N_("use the database at PATH (also: PACT_DB)") },
	{ "--lang nl|en", N_("language of the screens and messages") },
	{ NC_("usage", "--tree FILE"), N_("the decision tree for the Wizard") },
	{ "-h, --help", N_("show this help and exit") },
	{ "-V, --version", N_("show the version and exit") },
};

/* text wrapped to the help's width at column col; the first row goes on a
 * line already written up to column at. */
static void help_wrap(FILE *out, const char *text, int col, int at)
{
	struct wrap_row rows[16];
	size_t n = wrap_text(text, HELP_WIDTH - col, rows, 16);

	for (size_t i = 0; i < n && i < 16; i++) {
		fprintf(out, "%*s%.*s\n", col - at, "", (int)(rows[i].end - rows[i].start),
			text + rows[i].start);
		at = 0;
	}
}

static void help_row(FILE *out, const char *left, const char *summary, int col)
{
	int at = 2 + utf8_width(left);

	fprintf(out, "  %s", left);
	if (at + 2 > col) {
		fputc('\n', out);
		at = 0;
	}
	help_wrap(out, summary, col, at);
}

static void subcommand_left(const struct subcommand *c, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s%s%s", c->name, *c->args ? " " : "",
		 *c->args ? i18n_pgettext("usage", c->args) : "");
}

/* The summaries' column: two spaces after the widest left part that fits. */
static int help_column(void)
{
	char left[128];
	int widest = 0, w;

	for (size_t i = 0; i < sizeof help_options / sizeof help_options[0]; i++)
		if ((w = utf8_width(i18n_pgettext("usage", help_options[i].left))) > widest && w <= HELP_LEFT_MAX)
			widest = w;
	for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++) {
		subcommand_left(&subcommands[i], left, sizeof left);
		if ((w = utf8_width(left)) > widest && w <= HELP_LEFT_MAX)
			widest = w;
	}
	return 2 + widest + 2;
}

void cli_usage(FILE *out)
{
	char left[128];
	int col = help_column();

	fprintf(out, "%s\n", _("Usage: pact [OPTION]... [SUBCOMMAND [ARG]...]"));
	help_wrap(out, _("Tools for citizen-participation workshops. Without a subcommand, "
			 "pact opens its screens."), 0, 0);
	fprintf(out, "\n%s\n", _("Options:"));
	for (size_t i = 0; i < sizeof help_options / sizeof help_options[0]; i++)
		help_row(out, i18n_pgettext("usage", help_options[i].left),
			 _(help_options[i].summary), col);
	fprintf(out, "\n%s\n", _("Subcommands:"));
	for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++) {
		subcommand_left(&subcommands[i], left, sizeof left);
		help_row(out, left, _(subcommands[i].summary), col);
	}
	fputc('\n', out);
	help_wrap(out, _("Exit status: 0 ok, 2 usage error, 3 bad input, 4 database problem, 5 out of memory."), 0, 0);
}

int cli_parse(int argc, char **argv, struct cli_opts *opts)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "lang", required_argument, NULL, 'l' },
		{ "tree", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(opts, 0, sizeof *opts);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			/* An empty path is a slip (an unset variable), not a wish for the default. */
			if (!*optarg)
				return cli_usage_error("%s", _("--db needs a path, not an empty string"));
			opts->db = optarg;
			break;
		case 't':
			opts->tree = optarg;
			break;
		case 'l':
			if (strcmp(optarg, "nl") != 0 && strcmp(optarg, "en") != 0)
				return cli_usage_error(_("--lang takes nl or en, not '%s'"), optarg);
			opts->lang = optarg;
			break;
		case 'h':
			cli_usage(stdout);
			return PACT_OK;
		case 'V':
			printf("pact %s\n", PACT_VERSION);
			return PACT_OK;
		default:
			return cli_usage_error(_("unknown or incomplete option '%s'"),
					       argv[optind - 1]);
		}
	}
	if (opts->tree && (c = cli_tree_option(opts->tree)) != PACT_OK)
		return c;
	opts->argc = argc - optind;
	opts->argv = argv + optind;
	return -1;
}

int cli_run(const struct cli_opts *opts)
{
	for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++)
		if (strcmp(opts->argv[0], subcommands[i].name) == 0)
			return subcommands[i].run(opts, opts->argc, opts->argv);
	return cli_usage_error(_("unknown subcommand '%s'"), opts->argv[0]);
}
